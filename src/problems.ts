import type { Position, Problem, Severity, Span } from './types.js';
import type { RuleId } from './rules.js';
import { locator } from './text/locate.js';
import { safeText } from './text/safe-text.js';

/**
 * Make a problem record; `at` may be a Position, a Span (whose end becomes `endLine`/`endColumn`), or
 * omitted when the place is unknown.
 */
export function problem(
  file: string,
  severity: Severity,
  message: string,
  at?: Position | Span,
  ruleId?: RuleId,
): Problem {
  const p: Problem = { file, severity, message };
  if (at) {
    p.line = at.line;
    p.column = at.column;
    if ('end' in at) {
      p.endLine = at.end.line;
      p.endColumn = at.end.column;
    }
  }
  if (ruleId) p.ruleId = ruleId;
  return p;
}

/** Format a problem as `FILE:LINE:COLUMN: severity: message` (line and column only where known). */
export function formatProblem(p: Problem): string {
  let place = p.file;
  if (p.line !== undefined) {
    place += `:${p.line}`;
    if (p.column !== undefined) place += `:${p.column}`;
  }
  // File names and messages quote the input (speaker labels, terms, cells): never obeyed by a terminal.
  return safeText(`${place}: ${p.severity}: ${p.message}`);
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sort problems by file, line, column, then message, so reports are deterministic. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.message, b.message),
  );
}

/** Code-unit string comparison, independent of locale (deterministic sort order). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Convert a 0-based offset in `text` to a 1-based line and column (line ends `\r\n`, `\r`, `\n`). */
export function positionAt(text: string, offset: number): Position {
  return locator(text)(offset);
}

/** An error that carries input problems; thrown only across API boundaries that cannot return them. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}
