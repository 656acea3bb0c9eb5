import { english, messagesFor, type Message, type Messages } from './lang/catalogue.js';
import type { Position, Problem, Severity, Span } from './types.js';
import type { RuleId } from './rules.js';
import { locator } from './text/locate.js';
import { safeText } from './text/safe-text.js';

/**
 * Make a problem record; `message` is a catalogue key (`problem.<rule id>` or
 * `problem.<rule id>.<variant>`) with its params: the record carries it, and its English text as
 * `message`. `at` may be a Position, a Span (whose end becomes `endLine`/`endColumn`), or omitted
 * when the place is unknown.
 */
export function problem(
  file: string,
  severity: Severity,
  message: Message,
  at?: Position | Span,
  ruleId?: RuleId,
): Problem {
  const p: Problem = { file, severity, ...said(message) };
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

/** The fields of a Problem that say a message: its English text, its key and its params. */
export function said(message: Message): Pick<Problem, 'message' | 'key' | 'params'> {
  return message.params ? { message: english(message), key: message.key, params: message.params } : { message: english(message), key: message.key };
}

/** Format a problem as `FILE:LINE:COLUMN: severity: message` in English (line and column only where known). */
export function formatProblem(p: Problem): string {
  return ENGLISH_FORMAT(p);
}

/**
 * Format problems as `formatProblem` does, in the language of `messages`: the severity word
 * (`Fehler`, `Warnung`) and the message, said from its key (a problem without one keeps its
 * `message`). File names and quoted input stay as they are.
 */
export function problemFormatter(messages: Messages): (p: Problem) => string {
  const severity = { error: messages.t('cli.severity.error'), warning: messages.t('cli.severity.warning') };
  return (p) => {
    let place = p.file;
    if (p.line !== undefined) {
      place += `:${p.line}`;
      if (p.column !== undefined) place += `:${p.column}`;
    }
    const message = p.key && messages.locale !== 'en' ? messages.t(p.key, p.params) : p.message;
    // File names and messages quote the input (speaker labels, terms, cells): never obeyed by a terminal.
    return safeText(`${place}: ${severity[p.severity]}: ${message}`);
  };
}

const ENGLISH_FORMAT = problemFormatter(messagesFor('en'));

/** The problem as report.json and other JSON files write it: without its catalogue key and params. */
export function plainProblem(p: Problem): Problem {
  const { key: _key, params: _params, ...rest } = p;
  return rest;
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
