import path from 'node:path';
import { english, type Message } from '../lang/catalogue.js';
import { problem, sortProblems } from '../problems.js';
import type { Codebook, CoderCoding, CodingRow, Problem, Rating, RatingTable } from '../types.js';
import { binaryReason } from '../transcripts/binary.js';
import { decodeBytes } from '../transcripts/decode.js';
import { readRegularFile, unreadableMessage, unreadableRule } from '../transcripts/read-file.js';
import type { ReadLimits } from '../transcripts/limits.js';
import { englishColumn, unguardFormula } from '../report/format.js';
import type { RuleId } from '../rules.js';
import { type CsvRecord, type LineColumn, type Places, readTable } from '../text/csv.js';

/**
 * Codings made by people (or exported by `fokus analyze`), read for agreement and evaluation: a
 * coding CSV with the `segments.csv` columns, and a unit × coder ratings table.
 */

/** The columns a coding file must have (header names, any case; more columns are ignored). */
export const CODING_COLUMNS = ['transcript', 'segment', 'category'] as const;

/**
 * The decisions of a review file (`fokus review`), whose `decision` column marks it: the rule's
 * coding was confirmed or rejected, or the category was added by the reviewer.
 */
export const DECISIONS = ['confirmed', 'rejected', 'added'] as const;

/** A reviewer's decision on one unit and category. */
export type Decision = (typeof DECISIONS)[number];

/**
 * The problem of a review row's decision, or null when it is valid: one of `DECISIONS` (any case),
 * and a category for `rejected` and `added` (a `confirmed` row without one says the unit was seen
 * and nothing is to be coded). `at` is the place of the decision cell.
 */
export function decisionProblem(decision: string, category: string, file: string, at: LineColumn): Problem | null {
  const d = decision.toLowerCase();
  if (!(DECISIONS as readonly string[]).includes(d)) {
    const message: Message =
      decision === '' ? { key: 'problem.review/decision.empty', params: { decisions: DECISIONS.join(', ') } } : { key: 'problem.review/decision', params: { decision, decisions: DECISIONS.join(', ') } };
    return problem(file, 'error', message, at, 'review/decision');
  }
  if (category === '' && d !== 'confirmed') return problem(file, 'error', { key: 'problem.review/decision.category', params: { decision: d } }, at, 'review/decision');
  return null;
}

/** What reading a coding gave: the coding (null when the file cannot be used) and the problems found. */
export interface CodingResult {
  coding: CoderCoding | null;
  problems: Problem[];
}

/** What reading a ratings table gave: the table (null when the file cannot be used) and the problems found. */
export interface RatingsResult {
  table: RatingTable | null;
  problems: Problem[];
}

/** Options of `parseRatings` and `readRatings`. */
export interface RatingsReadOptions {
  /** Every value must be a number (`3`, `-1.5`, `2,5`): for ordinal, interval and ratio data and weighted kappa. */
  numeric?: boolean;
}

/**
 * The unit a coding row names (cells `transcript` and `segment` at the given indexes): its transcript
 * and a whole-number segment from 1, or the problem of the cell that is wrong.
 */
export function unitOfRow(
  r: CsvRecord,
  places: Places,
  [ti, si]: readonly [number, number],
  file: string,
  [transcriptRule, segmentRule]: readonly [RuleId, RuleId],
): { transcript: string; segment: number } | { problem: Problem } {
  const transcript = cellText(r.cells[ti]);
  if (transcript === '') return { problem: problem(file, 'error', { key: 'problem.row.empty-transcript' }, places.cell(r, ti), transcriptRule) };
  const segmentCell = cellText(r.cells[si]);
  if (!/^\d+$/u.test(segmentCell) || Number(segmentCell) < 1) {
    const message: Message = segmentCell === '' ? { key: 'problem.row.empty-segment' } : { key: 'problem.row.segment', params: { segment: segmentCell } };
    return { problem: problem(file, 'error', message, places.cell(r, si), segmentRule) };
  }
  return { transcript, segment: Number(segmentCell) };
}

/** A cell as text: trimmed, NFC, with the leading `'` that fokus's formula guard adds removed again. */
export function cellText(value: string | undefined): string {
  return unguardFormula((value ?? '').trim().normalize('NFC'));
}

/** A header cell as a column name: trimmed, lower case. */
export function columnName(value: string | undefined): string {
  return (value ?? '').trim().normalize('NFC').toLowerCase();
}

/**
 * Where a header row (its `columnName`s) has the column of English name `column`: that name, else
 * its German name (a coding written with `--excel`: `Transkript`, `Segment`, `Kategorie`); -1 when
 * neither. An English name wins over a German one that a file has as an extra column of its own.
 */
export function columnIndex(names: readonly string[], column: string): number {
  const english = names.indexOf(column);
  return english >= 0 ? english : names.findIndex((n) => englishColumn(n) === column);
}

/**
 * Parse a coding CSV (`,`, `;` or tab separated; a BOM is ignored): a header row naming at least
 * `transcript`, `segment` and `category` (any case, any order; other columns are ignored), then one
 * row per coded unit and category, as in `segments.csv`. A row with an empty category declares a
 * unit the coder saw and left uncoded. `segment` must be a whole number from 1. A review file
 * (`fokus review`; it has a `decision` column) is read as its reviewer's coding: `confirmed` and
 * `added` rows code their category, a `rejected` row only declares the unit (see `decisionProblem`).
 * Problems carry the line and column of the cell concerned; any error makes the coding null.
 */
export function parseCoding(text: string, file: string, coder: string = file): CodingResult {
  const parsed = readTable(text, file, 'coding/csv');
  if ('problem' in parsed) return { coding: null, problems: [parsed.problem] };
  const { places } = parsed;
  const [header, ...records] = parsed.records;
  if (!header) return { coding: null, problems: [problem(file, 'error', { key: 'problem.coding/empty', params: { columns: CODING_COLUMNS.join(', ') } }, { line: 1, column: 1 }, 'coding/empty')] };
  const names = header.cells.map(columnName);
  const missing = CODING_COLUMNS.filter((c) => columnIndex(names, c) < 0);
  if (missing.length > 0) {
    const at = places.record(header);
    const found = names.filter((n) => n !== '').join(', ');
    const params = { n: missing.length, missing: missing.map((c) => `"${c}"`).join(', '), found: found || ({ key: 'part.none' } as const) };
    const message: Message = { key: 'problem.coding/columns', params };
    return { coding: null, problems: [problem(file, 'error', message, { line: at.line, column: at.column }, 'coding/columns')] };
  }
  const [ti, si, ci] = CODING_COLUMNS.map((c) => columnIndex(names, c)) as [number, number, number];
  // A review file (`fokus review`): confirmed and added categories are codings; a rejected one only declares the unit.
  const di = columnIndex(names, 'decision');
  const problems: Problem[] = [];
  const rows: CodingRow[] = [];
  for (const r of records) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const line = places.record(r).line;
    let category = cellText(r.cells[ci]);
    if (di >= 0) {
      const decision = cellText(r.cells[di]);
      const bad = decisionProblem(decision, category, file, places.cell(r, di));
      if (bad) {
        problems.push(bad);
        continue;
      }
      if (decision.toLowerCase() === 'rejected') category = '';
    }
    const unit = unitOfRow(r, places, [ti, si], file, ['coding/transcript', 'coding/segment']);
    if ('problem' in unit) {
      problems.push(unit.problem);
      continue;
    }
    rows.push({ ...unit, category, line });
  }
  if (problems.length > 0) return { coding: null, problems };
  return { coding: { coder, rows }, problems };
}

/** A number as written in a ratings cell: `3`, `-1.5`, `+2`, or `2,5` with a decimal comma; null when it is none. */
function numberOf(cell: string): number | null {
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/u.test(cell)) return null;
  return Number(cell.replace(',', '.'));
}

/**
 * Parse a ratings table: a header row (first cell names the unit column, the others the coders),
 * then one row per unit: its id, then each coder's value; an empty cell is a missing value. Unit
 * ids must be unique and coder names distinct and non-empty. With `numeric`, every value must be
 * a number. Problems carry line and column; any error makes the table null.
 */
export function parseRatings(text: string, file: string, options: RatingsReadOptions = {}): RatingsResult {
  const parsed = readTable(text, file, 'ratings/csv');
  if ('problem' in parsed) return { table: null, problems: [parsed.problem] };
  const { places } = parsed;
  const [header, ...records] = parsed.records;
  const problems: Problem[] = [];
  if (!header) return { table: null, problems: [problem(file, 'error', { key: 'problem.ratings/empty' }, { line: 1, column: 1 }, 'ratings/empty')] };
  const coders = header.cells.slice(1).map((c) => cellText(c));
  if (coders.length < 2) {
    problems.push(problem(file, 'error', { key: 'problem.ratings/coders', params: { n: coders.length } }, places.cell(header, 0), 'ratings/coders'));
    return { table: null, problems };
  }
  const seenCoders = new Map<string, number>();
  coders.forEach((name, i) => {
    const at = places.cell(header, i + 1);
    if (name === '') problems.push(problem(file, 'error', { key: 'problem.ratings/coders.no-name', params: { column: i + 1 } }, at, 'ratings/coders'));
    else if (seenCoders.has(name)) problems.push(problem(file, 'error', { key: 'problem.ratings/coders.twice', params: { name, column: seenCoders.get(name)! + 2 } }, at, 'ratings/coders'));
    else seenCoders.set(name, i);
  });
  const units: string[] = [];
  const values: Rating[][] = [];
  // One problem for the first cell that is no number, counting the rest: a table of labels would otherwise give hundreds.
  let notNumbers = 0;
  let firstNotNumber: { cell: string; at: { line: number; column: number } } | null = null;
  const firstLine = new Map<string, number>();
  for (const r of records) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const line = places.record(r).line;
    const unit = cellText(r.cells[0]);
    if (unit === '') {
      problems.push(problem(file, 'error', { key: 'problem.ratings/unit.empty' }, places.cell(r, 0), 'ratings/unit'));
      continue;
    }
    if (firstLine.has(unit)) {
      problems.push(problem(file, 'error', { key: 'problem.ratings/unit', params: { unit, line: String(firstLine.get(unit)) } }, places.cell(r, 0), 'ratings/unit'));
      continue;
    }
    firstLine.set(unit, line);
    if (r.cells.length > coders.length + 1 && r.cells.slice(coders.length + 1).some((c) => c.trim() !== '')) {
      problems.push(problem(file, 'error', { key: 'problem.ratings/width', params: { values: r.cells.length - 1, coders: coders.length } }, places.cell(r, coders.length + 1), 'ratings/width'));
      continue;
    }
    const row: Rating[] = coders.map((_, c) => {
      const cell = cellText(r.cells[c + 1]);
      if (cell === '') return null;
      if (!options.numeric) return cell;
      const x = numberOf(cell);
      if (x === null) {
        notNumbers++;
        firstNotNumber ??= { cell, at: places.cell(r, c + 1) };
      }
      return x;
    });
    units.push(unit);
    values.push(row);
  }
  if (firstNotNumber !== null) {
    const { cell, at } = firstNotNumber as { cell: string; at: { line: number; column: number } };
    const message: Message = notNumbers > 1 ? { key: 'problem.ratings/number.more', params: { cell, n: notNumbers - 1 } } : { key: 'problem.ratings/number', params: { cell } };
    problems.push(problem(file, 'error', message, at, 'ratings/number'));
  }
  if (problems.length > 0) return { table: null, problems: sortProblems(problems) };
  return { table: { coders, units, values }, problems };
}

/** The problem of a file that cannot be read: missing, a folder, or another reason. */
function unreadable(err: unknown, name: string, ruleId: RuleId): Problem {
  return problem(name, 'error', unreadableMessage(err), undefined, unreadableRule(err, ruleId));
}

/** Read a file's bytes as text, or the problem that stops it (missing, a folder, binary, a spreadsheet). */
export async function readText(file: string, name: string, ruleId: RuleId): Promise<{ text: string; problems: Problem[] } | { problem: Problem }> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(file);
  } catch (err) {
    return { problem: unreadable(err, name, ruleId) };
  }
  const notText = binaryReason(bytes);
  if (notText !== null) {
    const spreadsheet = /ZIP|Office/u.test(english(notText));
    return { problem: problem(name, 'error', spreadsheet ? { key: 'problem.binary.spreadsheet', params: { reason: notText } } : notText, undefined, ruleId) };
  }
  const decoded = decodeBytes(bytes, name);
  return { text: decoded.text, problems: decoded.problems };
}

/** Options of `readCoding`: how the codes of a `.qdpx` project map onto categories. */
export interface CodingReadOptions {
  /** The codebook whose categories a `.qdpx` project's codes are mapped onto (by GUID, then by label or code). */
  codebook?: Codebook;
  /** How fokus derives a category's GUID (`codeGuid` of render/qdc.js), so codes fokus exported are recognised after renaming. */
  codeGuid?: (codebookName: string, path: string) => string;
  /** Limits of the `.qdpx` reader (bytes inflated, entries, depth, elements, codings); see limits.ts. */
  limits?: Partial<ReadLimits>;
}

/**
 * Read a coding file: a CSV with the `segments.csv` columns (see `parseCoding`), or a REFI-QDA
 * project (`.qdpx`), whose text selections become rows by the paragraphs they overlap (see
 * `readQdpxCoding`; rows from a project carry no line). `name` is how messages and the coder are
 * named (default: the path).
 */
export async function readCoding(file: string, name: string = file, options: CodingReadOptions = {}): Promise<CodingResult> {
  const isQdpx = path.extname(file).toLowerCase() === '.qdpx';
  if (isQdpx) {
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(file);
    } catch (err) {
      return { coding: null, problems: [unreadable(err, name, 'coding/file')] };
    }
    const { readQdpxCoding } = await import('../exchange/refi-qda/read.js');
    const read = readQdpxCoding(bytes, name, {
      ...(options.codebook ? { codebook: options.codebook } : {}),
      ...(options.codeGuid ? { codeGuid: options.codeGuid } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    if (read.problems.some((p) => p.severity === 'error')) return { coding: null, problems: read.problems };
    return { coding: { coder: name, rows: read.rows.map((r) => ({ transcript: r.transcript, segment: r.segment, category: r.category })) }, problems: read.problems };
  }
  const read = await readText(file, name, 'coding/file');
  if ('problem' in read) return { coding: null, problems: [read.problem] };
  const parsed = parseCoding(read.text, name, name);
  return { coding: parsed.coding, problems: [...read.problems, ...parsed.problems] };
}

/** Read a ratings table file (see `parseRatings`); `name` is how messages name the file (default: the path). */
export async function readRatings(file: string, name: string = file, options: RatingsReadOptions = {}): Promise<RatingsResult> {
  const read = await readText(file, name, 'ratings/file');
  if ('problem' in read) return { table: null, problems: [read.problem] };
  const parsed = parseRatings(read.text, name, options);
  return { table: parsed.table, problems: [...read.problems, ...parsed.problems] };
}
