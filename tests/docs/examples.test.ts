/**
 * Docs that run: every `fokus` command in the fenced shell examples of README.md and docs/codebook.md
 * is executed, in document order, in a folder with a fixture for each placeholder (transcripts/,
 * mein-codebook.yaml, kodierung-anna.csv, …); every command that docs/cli.md lists exists; and every
 * YAML example codebook in README.md and docs/ passes `fokus codebook check`. The commands run the
 * built command (bin/fokus.js → dist/, built by `npm test`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const BIN = join(repo, 'bin/fokus.js');
const DOCS = ['README.md', 'docs/cli.md', 'docs/codebook.md', 'docs/errors.md', 'docs/validity.md', 'docs/performance.md'];
const work = mkdtempSync(join(tmpdir(), 'fokus-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fenced blocks of a Markdown file with their language and the line they start on. */
export function fencedBlocks(markdown: string): { lang: string; text: string; line: number }[] {
  const out: { lang: string; text: string; line: number }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/u.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/u.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ lang: open[1]!, text: body.join('\n'), line: start + 1 });
  }
  return out;
}

/** The `fokus` commands of a shell block: comments dropped, `npm …` steps before `&&` dropped, `npx fokus` → fokus. */
export function fokusCommands(sh: string): string[] {
  const out: string[] = [];
  for (const raw of sh.split('\n')) {
    let line = raw.replace(/\s+#.*$/u, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    line = line.split('&&').map((s) => s.trim()).filter((s) => !/^npm\b/u.test(s)).join(' && ');
    line = line.replace(/^npx fokus\b/u, 'fokus');
    if (/^fokus\b/u.test(line)) out.push(line);
  }
  return out;
}

/** The folder the examples run in: the samples, the shipped codebook, and a fixture per placeholder. */
function exampleFolder(): string {
  const dir = join(work, 'examples');
  for (const d of ['samples', 'codebooks']) cpSync(join(repo, d), join(dir, d), { recursive: true, filter: (src) => !src.includes('/expected') });
  cpSync(join(repo, 'tests/fixtures/learn/samples-gold.csv'), join(dir, 'tests/fixtures/learn/samples-gold.csv'));
  for (const f of readdirSync(join(repo, 'samples')).filter((f) => /\.(txt|md)$/u.test(f))) cpSync(join(repo, 'samples', f), join(dir, 'transcripts', f));
  cpSync(join(repo, 'codebooks/isog-fokusgruppe.yaml'), join(dir, 'mein-codebook.yaml'));
  cpSync(join(repo, 'samples/participants.csv'), join(dir, 'teilnehmende.csv'));
  cpSync(join(repo, 'tests/fixtures/learn/samples-gold.csv'), join(dir, 'kodierung-anna.csv'));
  // A second coder: the same coding with every fifth row left out (so the two differ a little).
  const gold = readFileSync(join(repo, 'tests/fixtures/learn/samples-gold.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'kodierung-ben.csv'), `${gold.filter((_, i) => i === 0 || i % 5 !== 0).join('\n')}\n`);
  cpSync(join(repo, 'tests/fixtures/agree/krippendorff-2011.csv'), join(dir, 'ratings.csv'));
  cpSync(join(repo, 'tests/fixtures/dictionaries/bildung.dic'), join(dir, 'woerterbuch.dic'));
  writeFileSync(join(dir, 'map.csv'), 'original,pseudonym,kind\nSonnenberg,[Ort],place\n');
  return dir;
}

/** Run one documented command line with `fokus` as the built command, through sh (globs, quotes). */
function run(line: string, cwd: string): { code: number | null; stdout: string; stderr: string } {
  const command = line.replace(/^fokus\b/u, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`);
  if (/^fokus review\b/u.test(line)) {
    // review needs a terminal: util-linux `script` gives it one; `q` quits at the first screen.
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, input: 'q', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80', LINES: '40' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('every fokus command in the shell examples runs as documented', () => {
  const commands = ['README.md', 'docs/codebook.md'].flatMap((doc) =>
    fencedBlocks(readFileSync(join(repo, doc), 'utf8'))
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => fokusCommands(b.text).map((c) => ({ doc, line: b.line, command: c }))),
  );
  let dir = '';

  test('there are examples to run (README: quick start, usage, review, agreement, learn, pseudonymisation)', () => {
    expect(commands.length).toBeGreaterThanOrEqual(25);
    dir = exampleFolder();
  }, 120_000);

  // In document order: review.csv is written by the review examples before analyze --review reads it.
  test.each(commands.map((c) => [`${c.doc}:${c.line}: ${c.command}`, c.command]))('%s', (_, command) => {
    const r = run(command, dir);
    // 0 done, 1 a check failed (agree --min-agreement, evaluate --min-macro-f1, pseudonymise --check): no usage or input error.
    expect([r.code === 0 || r.code === 1, r.stderr.match(/^.*error:.*$/mu)?.[0] ?? '']).toEqual([true, '']);
  }, 120_000);
});

describe('docs/cli.md', () => {
  const cli = readFileSync(join(repo, 'docs/cli.md'), 'utf8');
  const named = [...new Set([...cli.matchAll(/`fokus ((?:codebook )?[a-z]+)\b[^`]*`/gu)].map((m) => m[1]!))];

  test('names its commands, and each answers --help', () => {
    expect(named).toEqual(expect.arrayContaining(['analyze', 'show', 'kwic', 'codebook check', 'codebook export', 'export', 'init', 'review', 'learn', 'pseudonymise']));
    for (const c of named) {
      const r = spawnSync(process.execPath, [BIN, ...c.split(' '), '--help'], { encoding: 'utf8' });
      expect([c, r.status, r.stderr]).toEqual([c, 0, '']);
    }
  });

  test('points only at files that exist', () => {
    for (const doc of DOCS) {
      const text = readFileSync(join(repo, doc), 'utf8');
      for (const m of text.matchAll(/`((?:spec|docs|src|codebooks|schema|samples|validation)\/[\w./-]+\.(?:md|yaml|json))`/gu)) {
        expect(() => readFileSync(join(repo, m[1]!)), `${doc} names ${m[1]}`).not.toThrow();
      }
    }
  });
});

describe('every YAML example codebook in the docs passes fokus codebook check', () => {
  const blocks = DOCS.flatMap((doc) =>
    fencedBlocks(readFileSync(join(repo, doc), 'utf8'))
      .filter((b) => b.lang === 'yaml' && /^codebook:/mu.test(b.text) && /^categories:/mu.test(b.text))
      .map((b) => ({ doc, line: b.line, text: b.text })),
  );

  test('there are such examples (README, docs/codebook.md)', () => {
    expect(blocks.map((b) => b.doc)).toEqual(expect.arrayContaining(['README.md', 'docs/codebook.md']));
  });

  test.each(blocks.map((b) => [`${b.doc}:${b.line}`, b.text]))('%s', (name, text) => {
    const file = join(work, `${name.replace(/[/:.]/gu, '-')}.yaml`);
    writeFileSync(file, `${text}\n`);
    const r = spawnSync(process.execPath, [BIN, 'codebook', 'check', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([r.status, r.stderr.replaceAll(file, name)]).toEqual([0, expect.not.stringMatching(/error|fail/iu)]);
  });
});

test('the README quick start and install instructions name a fokus on the PATH and node bin/fokus.js', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  expect(readme).toMatch(/npm link/u);
  expect(readme).toMatch(/node bin\/fokus\.js/u);
  expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+\n$/u);
});
