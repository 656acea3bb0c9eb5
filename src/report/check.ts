import type { CategoryCheck, CodebookCheck, ExampleCheck, QuotedMatch } from '../coding/check.js';
import { plainProblem } from '../problems.js';

/** Longest example text quoted in full in the failure list; longer ones are shortened with "…". */
const MAX_QUOTE = 160;

/**
 * The result of `fokus codebook check` as text: a pass/fail table per category (parents before
 * children, indented by level), then every failing example quoted with what matched or that nothing
 * did, then a one-line summary. Problems are not included (the CLI prints them to stderr).
 */
export function renderCheckTable(check: CodebookCheck): string {
  if (!check.valid) return `${check.file}: the codebook is invalid, no examples were run\n`;
  const lines: string[] = [`codebook: ${check.name} (${check.file})`, ''];
  const rows = check.categories.map((c) => [
    '  '.repeat(c.level - 1) + c.path,
    ratio(c.examples),
    ratio(c.counterexamples),
    c.examples.length + c.counterexamples.length === 0 ? '–' : c.passed ? 'ok' : 'FAIL',
  ]);
  const header = ['category', 'examples', 'counterexamples', 'result'];
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
    lines.push('', 'failed:');
    for (const { c, e } of failures) lines.push('', ...describeFailure(c, e));
  }
  lines.push('', summary(check));
  return lines.join('\n') + '\n';
}

/** The result of `fokus codebook check --format json`: the whole check as indented JSON. */
export function renderCheckJson(check: CodebookCheck): string {
  return JSON.stringify({ ...check, problems: check.problems.map(plainProblem) }, null, 2) + '\n';
}

function ratio(list: ExampleCheck[]): string {
  return list.length === 0 ? '–' : `${list.filter((e) => e.passed).length}/${list.length}`;
}

function describeFailure(c: CategoryCheck, e: ExampleCheck): string[] {
  if (e.stopped.length > 0) {
    // Not judged: a rule that might code it ran past its time budget (the error names the rule).
    return [`${c.path}, ${e.kind} ${e.number}: not judged`, `  "${shorten(e.text)}"`, ...e.stopped.map((r) => `  stopped by its time budget: ${r}`)];
  }
  const head = e.kind === 'example' ? `${c.path}, example ${e.number}: not coded` : `${c.path}, counterexample ${e.number}: coded, but must not be`;
  const out = [head, `  "${shorten(e.text)}"`];
  if (e.kind === 'counterexample') {
    out.push(`  matched: ${e.matches.map(evidence).join('; ')}`);
    return out;
  }
  if (e.blocked.length > 0) {
    for (const b of e.blocked) {
      out.push(`  matched ${b.matches.map(evidence).join('; ')}${b.path !== c.path ? ` (for ${b.path})` : ''}`);
      out.push(`  but the exclude of ${b.by} matched: ${b.exclude.map(evidence).join('; ')}`);
    }
  } else {
    out.push('  nothing matched');
  }
  const others = e.codedWith.filter((p) => p !== c.path);
  if (others.length > 0) out.push(`  coded with: ${others.join(', ')}`);
  return out;
}

function evidence(m: QuotedMatch): string {
  return `${m.by} "${m.text}" (${m.start}–${m.end})`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_QUOTE ? flat : flat.slice(0, MAX_QUOTE - 1).trimEnd() + '…';
}

function summary(check: CodebookCheck): string {
  const t = check.totals;
  const total = t.examples + t.counterexamples;
  const warnings = t.warnings === 0 ? '' : `; ${t.warnings} warning${t.warnings === 1 ? '' : 's'}`;
  if (total === 0) return `no anchor examples or counterexamples to run${warnings}`;
  const what = `${t.examples} example${t.examples === 1 ? '' : 's'} and ${t.counterexamples} counterexample${t.counterexamples === 1 ? '' : 's'}`;
  if (t.failed === 0) return `all ${what} passed${warnings}`;
  return `${t.failed} of ${what} failed${warnings}`;
}
