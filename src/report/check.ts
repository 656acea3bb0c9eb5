import type { CategoryCheck, CodebookCheck, ExampleCheck, QuotedMatch } from '../coding/check.js';
import { messagesFor, type Messages } from '../lang/catalogue.js';
import { plainProblem } from '../problems.js';

/** Longest example text quoted in full in the failure list; longer ones are shortened with "…". */
const MAX_QUOTE = 160;

/**
 * The result of `fokus codebook check` as text: a pass/fail table per category (parents before
 * children, indented by level), then every failing example quoted with what matched or that nothing
 * did, then a one-line summary. Problems are not included (the CLI prints them to stderr).
 */
export function renderCheckTable(check: CodebookCheck, t: Messages = messagesFor('en')): string {
  if (!check.valid) return `${check.file}: ${t.t('report.check.invalid')}\n`;
  const lines: string[] = [t.t('report.check.codebook', { name: String(check.name), file: check.file }), ''];
  const rows = check.categories.map((c) => [
    '  '.repeat(c.level - 1) + c.path,
    ratio(c.examples),
    ratio(c.counterexamples),
    c.examples.length + c.counterexamples.length === 0 ? '–' : c.passed ? t.t('report.check.ok') : t.t('report.check.fail'),
  ]);
  const header = [t.t('report.check.head.category'), t.t('report.check.head.examples'), t.t('report.check.head.counterexamples'), t.t('report.check.head.result')];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(line(header));
  for (const r of rows) lines.push(line(r));

  const failures = check.categories.flatMap((c) => [...c.examples, ...c.counterexamples].filter((e) => !e.passed).map((e) => ({ c, e })));
  if (failures.length > 0) {
    lines.push('', t.t('report.check.failed'));
    for (const { c, e } of failures) lines.push('', ...describeFailure(c, e, t));
  }
  lines.push('', summary(check, t));
  return lines.join('\n') + '\n';
}

/** The result of `fokus codebook check --format json`: the whole check as indented JSON. */
export function renderCheckJson(check: CodebookCheck): string {
  return JSON.stringify({ ...check, problems: check.problems.map(plainProblem) }, null, 2) + '\n';
}

function ratio(list: ExampleCheck[]): string {
  return list.length === 0 ? '–' : `${list.filter((e) => e.passed).length}/${list.length}`;
}

function describeFailure(c: CategoryCheck, e: ExampleCheck, t: Messages): string[] {
  const which = { path: c.path, kind: { key: e.kind === 'example' ? 'report.check.example' : 'report.check.counterexample' }, n: e.number } as const;
  if (e.stopped.length > 0) {
    // Not judged: a rule that might code it ran past its time budget (the error names the rule).
    return [t.t('report.check.not-judged', which), `  "${shorten(e.text)}"`, ...e.stopped.map((r) => `  ${t.t('report.check.stopped', { rule: r })}`)];
  }
  const head = t.t(e.kind === 'example' ? 'report.check.not-coded' : 'report.check.coded-wrongly', which);
  const out = [head, `  "${shorten(e.text)}"`];
  if (e.kind === 'counterexample') {
    out.push(`  ${t.t('report.check.matched', { matches: e.matches.map(evidence).join('; ') })}`);
    return out;
  }
  if (e.blocked.length > 0) {
    for (const b of e.blocked) {
      const matches = b.matches.map(evidence).join('; ');
      out.push(`  ${b.path !== c.path ? t.t('report.check.matched-for', { matches, path: b.path }) : t.t('report.check.matched-but', { matches })}`);
      out.push(`  ${t.t('report.check.excluded', { by: b.by, matches: b.exclude.map(evidence).join('; ') })}`);
    }
  } else {
    out.push(`  ${t.t('report.check.nothing-matched')}`);
  }
  const others = e.codedWith.filter((p) => p !== c.path);
  if (others.length > 0) out.push(`  ${t.t('report.check.coded-with', { paths: others.join(', ') })}`);
  return out;
}

function evidence(m: QuotedMatch): string {
  return `${m.by} "${m.text}" (${m.start}–${m.end})`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_QUOTE ? flat : flat.slice(0, MAX_QUOTE - 1).trimEnd() + '…';
}

function summary(check: CodebookCheck, m: Messages): string {
  const t = check.totals;
  const total = t.examples + t.counterexamples;
  const warnings = t.warnings === 0 ? '' : `; ${m.t('count.warnings', { n: t.warnings })}`;
  if (total === 0) return m.t('report.check.none') + warnings;
  const what = { examples: { key: 'count.examples', params: { n: t.examples } }, counterexamples: { key: 'count.counterexamples', params: { n: t.counterexamples } } } as const;
  if (t.failed === 0) return m.t('report.check.all-passed', what) + warnings;
  return m.t('report.check.some-failed', { failed: t.failed, ...what }) + warnings;
}
