import { parseCsv } from '../deps.js';
import { problem } from '../problems.js';
import type { RuleId } from '../rules.js';
import type { Problem } from '../types.js';
import { locator } from './locate.js';

// CSV records with exact positions: every CSV reader of fokus (codings, review files, ratings,
// participants, pseudonym maps) reads through here, so a line number means the same everywhere,
// also with line breaks (CRLF too) inside quoted cells.

/** One CSV record: its cells and the 0-based UTF-16 offset in the text where it starts. */
export interface CsvRecord {
  cells: string[];
  start: number;
}

/** The separator of a CSV file, guessed from its first non-empty line: `;` (German Excel), tab, else `,`. */
export function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\r|\n/u).find((l) => l.trim() !== '') ?? '';
  const count = (ch: string): number => header.split(ch).length - 1;
  if (count(';') > count(',') && count(';') >= count('\t')) return ';';
  if (count('\t') > count(',')) return '\t';
  return ',';
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Where each non-empty record of valid CSV text starts (0-based offsets): after every line break
 * outside quotes, empty lines skipped. (csv-parse's own line counts go wrong on CRLF inside quotes.)
 */
function recordStarts(text: string): number[] {
  const starts: number[] = [];
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (!quoted && (ch === LF || ch === CR)) {
      atStart = true;
      continue;
    }
    if (atStart) {
      starts.push(i);
      atStart = false;
    }
    if (ch === QUOTE) {
      if (quoted && text.charCodeAt(i + 1) === QUOTE) i++;
      else quoted = !quoted;
    }
  }
  return starts;
}

/** Parse CSV text into records with their offsets, or a positioned problem when it is no valid CSV. */
export function parseRecords(text: string, file: string, delimiter: string, ruleId: RuleId): { records: CsvRecord[] } | { problem: Problem } {
  let parsed: string[][];
  try {
    parsed = parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const at = typeof e.lines === 'number' ? { line: e.lines, column: 1 } : undefined;
    return { problem: problem(file, 'error', { key: 'problem.csv', params: { text: e.message ?? String(err) } }, at, ruleId) };
  }
  const starts = recordStarts(text);
  // The scan agrees with the parser on valid CSV; should it not, positions fall back to the text's start.
  const agree = starts.length === parsed.length;
  return { records: parsed.map((cells, i) => ({ cells, start: agree ? starts[i]! : 0 })) };
}

/** The offset in the text where cell `index` of the record starting at `start` begins (quotes respected). */
function cellOffset(text: string, start: number, index: number, delimiter: string): number {
  let cell = 0;
  let quoted = false;
  for (let i = start; i < text.length && cell < index; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (!quoted && ch === delimiter) {
      cell++;
      if (cell === index) return i + 1;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      return i;
    }
  }
  return start;
}

/** A 1-based line and column. */
export type LineColumn = { line: number; column: number };

/** Positions in one CSV text: of a record's start, and of one of its cells. */
export interface Places {
  record(r: CsvRecord): LineColumn;
  cell(r: CsvRecord, index: number): LineColumn;
}

/** The places of a CSV text with the given separator. */
export function placesOf(text: string, delimiter: string): Places {
  const locate = locator(text);
  const at = (offset: number): LineColumn => {
    const { line, column } = locate(offset);
    return { line, column };
  };
  return {
    record: (r) => at(r.start),
    cell: (r, index) => at(index === 0 ? r.start : cellOffset(text, r.start, index, delimiter)),
  };
}

/**
 * A CSV text as records with the places of their cells: its delimiter guessed from the header
 * (`guessDelimiter`), parsed (`parseRecords`), or the problem why it cannot be (under `ruleId`).
 */
export function readTable(text: string, file: string, ruleId: RuleId): { records: CsvRecord[]; places: Places; delimiter: string } | { problem: Problem } {
  const delimiter = guessDelimiter(text);
  const parsed = parseRecords(text, file, delimiter, ruleId);
  if ('problem' in parsed) return parsed;
  return { records: parsed.records, places: placesOf(text, delimiter), delimiter };
}
