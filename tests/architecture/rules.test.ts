import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The house rules of src/README.md, checked on every test run: the dependency rule (with
// dependency-cruiser and .dependency-cruiser.cjs), who touches `process`, and the size of files and
// functions.

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The exceptions src/README.md grants under "Sizes", as `path` → reason: `- \`src/x.ts\` (name): reason`. */
function grantedExceptions(): Map<string, string> {
  const readme = readFileSync(join(src, 'README.md'), 'utf8');
  const section = readme.split(/^## /mu).find((s) => s.startsWith('Sizes')) ?? '';
  const granted = new Map<string, string>();
  for (const m of section.matchAll(/^- `([^`]+)`(?: \(([^)]+)\))?: (.+)$/gmu)) granted.set(m[2] ? `${m[1]} ${m[2]}` : m[1]!, m[3]!);
  return granted;
}

describe('the dependency rule (src/README.md)', () => {
  it('holds for every import: dependency-cruiser finds no violation', () => {
    const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const out = execFileSync(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    const summary = (JSON.parse(out) as { summary: { violations: { from: string; to: string; rule: { name: string } }[]; totalCruised: number } }).summary;
    expect(summary.totalCruised).toBeGreaterThan(150);
    expect(summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('only src/cli/ uses `process`', () => {
    const users = sourceFiles(src)
      .filter((f) => !relative(src, f).startsWith('cli'))
      .filter((f) => {
        const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
        let found = false;
        const visit = (n: ts.Node): void => {
          // The global, not a property or a key of that name.
          if (ts.isIdentifier(n) && n.text === 'process') {
            const p = n.parent;
            const property = (ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === n;
            if (!property) found = true;
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
        return found;
      })
      .map((f) => relative(root, f));
    expect(users).toEqual([]);
  });
});

describe('sizes (src/README.md, "Sizes")', () => {
  const granted = grantedExceptions();
  const files = sourceFiles(src);

  it('no file is over 400 lines unless the README says why', () => {
    const long = files
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400 && !granted.has(f.file))
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  it('no function is over 80 lines unless the README says why', () => {
    const long: string[] = [];
    for (const f of files) {
      const file = relative(root, f);
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isFunctionLike(n) && 'body' in n && n.body) {
          const body = n.body as ts.Node;
          const lines = sf.getLineAndCharacterOfPosition(body.getEnd()).line - sf.getLineAndCharacterOfPosition(body.getStart()).line + 1;
          const name = n.name && ts.isIdentifier(n.name) ? n.name.text : '(anonymous)';
          if (lines > 80 && !granted.has(`${file} ${name}`)) long.push(`${file} ${name}: ${lines} lines`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(long).toEqual([]);
  });

  it('every exception the README grants is still needed', () => {
    const lineCount = new Map(files.map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length]));
    const stale = [...granted.keys()].filter((k) => !k.includes(' ') && (lineCount.get(k) ?? 0) <= 400);
    expect(stale).toEqual([]);
  });
});

describe('tests mirror the source tree (src/README.md, "Tests")', () => {
  /** Folders of tests/ that test across modules: the command line, problems, golden files, properties, docs, these rules. */
  const CROSS_CUTTING = new Set(['architecture', 'cli', 'docs', 'errors', 'fixtures', 'golden', 'properties']);
  const tests = join(root, 'tests');
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return CROSS_CUTTING.has(relative(tests, p)) ? [] : testFiles(p);
      return p.endsWith('.test.ts') ? [p] : [];
    });
  const isModule = (path: string): boolean => sourceFiles(src).some((f) => f === join(src, `${path}.ts`) || f === join(src, path, 'index.ts'));

  it('names every test file after the source file it tests: tests/X.test.ts or tests/X.ASPECT.test.ts for src/X.ts', () => {
    const stray = testFiles(tests)
      .map((f) => relative(tests, f).replace(/\.test\.ts$/u, ''))
      .filter((name) => !isModule(name) && !isModule(name.replace(/\.[^./]+$/u, '')));
    expect(stray).toEqual([]);
  });
});
