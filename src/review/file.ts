import { createHash } from 'node:crypto';
import { problem } from '../problems.js';
import { cellText, columnName, decisionProblem, readText, unitOfRow, type Decision } from '../reliability/codings.js';
import { readTable } from '../text/csv.js';
import type { CellCuts } from '../report/cell-limit.js';
import { toCsvRows, unitColumns, type UnitColumns } from '../report/format.js';
import type { CodedUnit, Problem } from '../types.js';

/**
 * The review file: the columns of `segments.csv` plus `decision`, one row per judged unit and
 * category, written by `fokus review` a row at a time and read back by `readReview`, by the codings
 * reader (`agree`, `evaluate`) and by `analyze --review`.
 */

/**
 * The header of a review file: the columns of `segments.csv` that describe the unit and what fired
 * (not its `source`: every row here is a person's decision), then `decision`.
 */
export const REVIEW_HEADER: readonly string[] = ['transcript', 'segment', 'speaker', 'start', 'end', 'line', 'category', 'matched', 'text', 'decision'];

/** The columns a review file must have to be read (any order, any case; the others are kept when present). */
export const REVIEW_REQUIRED = ['transcript', 'segment', 'category', 'text', 'decision'] as const;

/** One row of a review file: a reviewer's decision on one unit and category. */
export interface ReviewRow extends UnitColumns {
  // `start` and `end` as written; `line` 0 when the cell is empty or no number.
  /** Full code of the category; '' only in a `confirmed` row that says the unit has nothing to code. */
  category: string;
  /** The terms and rules that fired for the category, joined by `|` ('' for an added category). */
  matched: string;
  /** The unit's text when it was judged. */
  text: string;
  decision: Decision;
  /** 1-based line of the row in the review file (absent for a row not read from a file). */
  row?: number;
}

/** What reading a review file gave: the rows (null when the file cannot be used), its sha256 and the problems. */
export interface ReviewResult {
  rows: ReviewRow[] | null;
  /** Hex sha256 of the file's text ('' when it could not be read). */
  sha256: string;
  /** Whether the header is exactly `REVIEW_HEADER` (so `fokus review` can append to it). */
  canonical: boolean;
  problems: Problem[];
}

/**
 * Parse a review file's text (`,`, `;` or tab separated, a BOM ignored): a header naming at least
 * `REVIEW_REQUIRED`, then rows with a whole-number segment from 1 and a valid decision. Problems
 * carry the file's line and column (`review/columns`, `review/unit`, `review/decision`, …); any
 * error makes the rows null.
 */
export function parseReview(text: string, file: string): ReviewResult {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const parsed = readTable(text, file, 'review/csv');
  if ('problem' in parsed) return { rows: null, sha256, canonical: false, problems: [parsed.problem] };
  const { places, delimiter } = parsed;
  const [header, ...records] = parsed.records;
  if (!header) {
    const message = { key: 'problem.review/empty', params: { columns: REVIEW_HEADER.join(',') } } as const;
    return { rows: null, sha256, canonical: false, problems: [problem(file, 'error', message, { line: 1, column: 1 }, 'review/empty')] };
  }
  const names = header.cells.map(columnName);
  const missing = REVIEW_REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const found = names.filter((n) => n !== '').join(', ');
    const params = { n: missing.length, missing: missing.map((c) => `"${c}"`).join(', '), found: found || ({ key: 'part.none' } as const), columns: REVIEW_HEADER.join(',') };
    const message = { key: 'problem.review/columns', params } as const;
    return { rows: null, sha256, canonical: false, problems: [problem(file, 'error', message, places.record(header), 'review/columns')] };
  }
  const canonical = delimiter === ',' && !text.startsWith('\ufeff') && names.length === REVIEW_HEADER.length && names.every((n, i) => n === REVIEW_HEADER[i]);
  const col = (name: string): number => names.indexOf(name);
  const [ti, si, ci, xi, di] = REVIEW_REQUIRED.map(col) as [number, number, number, number, number];
  const get = (cells: string[], name: string): string => {
    const i = col(name);
    return i < 0 ? '' : cellText(cells[i]);
  };
  const problems: Problem[] = [];
  const rows: ReviewRow[] = [];
  for (const r of records) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const category = cellText(r.cells[ci]);
    const decision = cellText(r.cells[di]);
    const unit = unitOfRow(r, places, [ti, si], file, ['review/unit', 'review/unit']);
    if ('problem' in unit) {
      problems.push(unit.problem);
      continue;
    }
    const bad = decisionProblem(decision, category, file, places.cell(r, di));
    if (bad) {
      problems.push(bad);
      continue;
    }
    const lineCell = get(r.cells, 'line');
    rows.push({
      ...unit,
      speaker: get(r.cells, 'speaker'),
      start: get(r.cells, 'start'),
      end: get(r.cells, 'end'),
      line: /^\d+$/u.test(lineCell) ? Number(lineCell) : 0,
      category,
      matched: get(r.cells, 'matched'),
      // The text is compared with the unit's: only the formula guard is taken off (cellText also trims, as units are).
      text: cellText(r.cells[xi]),
      decision: decision.toLowerCase() as Decision,
      row: places.record(r).line,
    });
  }
  if (problems.length > 0) return { rows: null, sha256, canonical, problems };
  return { rows, sha256, canonical, problems };
}

/** Read a review file (see `parseReview`); `name` is how messages name it (default: the path). */
export async function readReview(path: string, name: string = path): Promise<ReviewResult> {
  const read = await readText(path, name, 'review/file');
  if ('problem' in read) return { rows: null, sha256: '', canonical: false, problems: [read.problem] };
  const parsed = parseReview(read.text, name);
  return { ...parsed, problems: [...read.problems, ...parsed.problems] };
}

/** A review row for a unit and category: the unit's columns as `segments.csv` writes them. */
export function reviewRow(unit: CodedUnit, category: string, matched: readonly string[], decision: Decision): ReviewRow {
  return {
    ...unitColumns(unit),
    category,
    matched: matched.join('|'),
    text: unit.text,
    decision,
  };
}

/**
 * The CSV record of a row (no header), as `segments.csv` writes its rows: a text longer than
 * Excel's cell limit is cut with a marker (counted in `cuts`); reading it back, a decision whose
 * text is cut stands for the unit whose text starts with the kept part.
 */
export function reviewRecord(row: ReviewRow, cuts?: CellCuts): string {
  const cells = [row.transcript, row.segment, row.speaker, row.start, row.end, row.line, row.category, row.matched, row.text, row.decision];
  return toCsvRows([cells], cuts ? { excel: false, cuts } : { excel: false });
}

/** Where decisions go: appended at once, removed again (undo). The interactive loop sees only this. */
export interface ReviewStore {
  /** Every row in the file, in file order. */
  readonly rows: readonly ReviewRow[];
  /** Append a row and flush it to the file. */
  append(row: ReviewRow): void;
  /** Remove a row (by identity) from the file; false when it is not there. */
  remove(row: ReviewRow): boolean;
  close(): void;
}

/** A store in memory, for tests and dry runs. */
export function memoryStore(rows: ReviewRow[] = []): ReviewStore & { rows: ReviewRow[] } {
  return {
    rows,
    append(row) {
      rows.push(row);
    },
    remove(row) {
      const i = rows.indexOf(row);
      if (i < 0) return false;
      rows.splice(i, 1);
      return true;
    },
    close() {},
  };
}
