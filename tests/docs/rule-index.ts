/**
 * The generated "Rule index" of docs/errors.md, written from the registry in src/rules.ts (every rule
 * id with its severity and summary, and the hand-written catalogue sections that describe it), and a
 * scan of src/ for the rule ids its code uses. Used by tests/docs/rules.test.ts; regenerate the
 * section with `UPDATE_DOCS=1 npx vitest run tests/docs/rules.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { RULES, type RuleId } from '../../src/rules.js';

export const START = '<!-- rule-index:start -->';
export const END = '<!-- rule-index:end -->';

/** The shape of a rule id: a namespace and a name, lowercase words joined by `-`. */
const ID_SHAPE = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/u;

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/gu, '-');
}

/** The document without its generated section (markers included), i.e. the hand-written catalogue. */
export function catalogueOf(markdown: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return markdown;
  return markdown.slice(0, start) + markdown.slice(end + END.length);
}

/** For each rule id that the catalogue names in backticks, the `##` sections (headings) that name it. */
export function catalogueSections(catalogue: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let heading: string | null = null;
  for (const line of catalogue.split('\n')) {
    const h = /^## (.+)$/u.exec(line);
    if (h) {
      heading = h[1]!.trim();
      continue;
    }
    if (heading === null) continue;
    for (const m of line.matchAll(/`([^`\s]+)`/gu)) {
      const id = m[1]!;
      if (!ID_SHAPE.test(id)) continue;
      const list = sections.get(id) ?? [];
      if (!list.includes(heading)) list.push(heading);
      sections.set(id, list);
    }
  }
  return sections;
}

/** A table cell: no line breaks, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').replace(/\|/gu, '\\|');
}

/** The generated section, markers included, for the catalogue `catalogue` (the document without it). */
export function ruleIndex(catalogue: string): string {
  const sections = catalogueSections(catalogue);
  const ids = Object.keys(RULES).sort() as RuleId[];
  const missing = ids.filter((id) => !sections.has(id)).length;
  const rows = ids.map((id) => {
    const { severity, summary } = RULES[id];
    const where = sections.get(id)?.map((h) => `[${cell(h.replace(/`/gu, ''))}](#${headingAnchor(h)})`).join(', ') ?? '—';
    return `| \`${id}\` | ${severity} | ${cell(summary)} | ${where} |`;
  });
  return [
    START,
    '## Rule index',
    '',
    `Every registered rule id (${ids.length}), with its severity and what raises it, generated from`,
    '`src/rules.ts`; do not edit it here (regenerate: `UPDATE_DOCS=1 npx vitest run tests/docs/rules.test.ts`).',
    `"catalogue" links to the section above that describes the rule; ${missing} rules have none yet (—).`,
    '"either": an error or a warning, depending on the case. A problem (in `report.json` → `problems`, or from the',
    'library) may also carry `endLine` and `endColumn`, the place just after the span it names, where that is known',
    '(codebook problems: the YAML node); the printed `FILE:LINE:COLUMN` line never shows them.',
    '',
    '| ruleId | severity | what raises it | catalogue |',
    '|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
}

/** `markdown` with its generated section replaced by `section` (appended when it has none yet). */
export function withRuleIndex(markdown: string, section: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return `${markdown.replace(/\n*$/u, '')}\n\n${section}\n`;
  return markdown.slice(0, start) + section + markdown.slice(end + END.length);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** True when `node` names a module (an import, an export … from, a dynamic `import()`). */
function isModuleName(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
  return ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword;
}

/**
 * Every string literal in the TypeScript files under `src` (but `skip`) shaped like a rule id
 * (`namespace/name`), with the places it occurs (`path:line`, relative to `root`).
 */
export function ruleIdLiterals(root: string, src: string, skip: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const path = relative(root, file);
    if (skip.includes(path)) continue;
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && ID_SHAPE.test(n.text) && !isModuleName(n)) {
        const place = `${path}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
        found.set(n.text, [...(found.get(n.text) ?? []), place]);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}
