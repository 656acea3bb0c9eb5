import type { Block, Position } from '../types.js';
import { labelShape } from './head.js';
import { MAX_LABEL_LENGTH } from './labels.js';
import { timeMarkAt } from './times.js';
import { SPEAKER_HEADERS, TEXT_HEADERS, TIME_HEADERS } from '../lang/de/labels.js';

/**
 * Transcripts typed as tables (f4's and Word's table layout): one row per turn with a speaker
 * column, a text column and perhaps a time column. Column headers as data, lower case, letters only.
 */

/** Which column holds what; `header` is true when the first row names the columns. */
export interface TableColumns {
  header: boolean;
  speaker: number;
  text: number;
  time?: number;
}

/** A header cell reduced to its letters, lower case (`Sprecher*in:` → `sprecherin`). */
function headerWord(cell: string): string {
  return cell.toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** A speaker cell as a label: trimmed, a final colon removed. */
function speakerCell(cell: string): string {
  return cell.trim().replace(/\s*:$/u, '').trim();
}

/** True when a cell looks like a speaker label (a code, role or name; `Müller, Anna` too). */
function isLabelCell(cell: string): boolean {
  const label = speakerCell(cell);
  if (label === '' || label.length > MAX_LABEL_LENGTH) return false;
  return labelShape(label) !== null || label.split(',').every((part) => labelShape(part.trim()) === 'name');
}

/** Seconds of a time cell (`00:01:23`, `01:23`, `[00:01:23]`, `#00:01:23-4#`); null when it is no time. */
export function cellSeconds(cell: string): number | null {
  const inner = cell.trim().replace(/^[[(#]\s*/u, '').replace(/\s*[\])#]$/u, '');
  if (!/^(?:\d{1,2}:)?\d{1,3}:\d{2}(?:[.,-]\d{1,3})?$/u.test(inner)) return null;
  return timeMarkAt(`[${inner}]`, 0)?.seconds ?? null;
}

/**
 * The columns of a transcript table, or null when the table is none (then its rows are read as
 * paragraphs). A first row naming a speaker and a text column (`Sprecher | Text`, `Zeit | Person |
 * Äußerung` …) is a header. Without one, the speaker column is the first whose filled cells are
 * (nearly all) speaker labels, a time column one whose filled cells are all times, and the text
 * column the remaining one with the most text.
 */
export function tableColumns(rows: readonly (readonly string[])[]): TableColumns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width < 2 || rows.length === 0) return null;
  const head = (rows[0] ?? []).map(headerWord);
  const speakerHead = head.findIndex((h) => SPEAKER_HEADERS.has(h));
  const textHead = head.findIndex((h) => TEXT_HEADERS.has(h));
  if (speakerHead >= 0 && textHead >= 0) {
    const timeHead = head.findIndex((h) => TIME_HEADERS.has(h));
    return { header: true, speaker: speakerHead, text: textHead, ...(timeHead >= 0 ? { time: timeHead } : {}) };
  }

  const filled = (c: number): string[] => rows.map((r) => (r[c] ?? '').trim()).filter((s) => s !== '');
  let time: number | undefined;
  let speaker = -1;
  for (let c = 0; c < width; c++) {
    const cells = filled(c);
    if (cells.length === 0) continue;
    if (time === undefined && cells.every((s) => cellSeconds(s) !== null)) {
      time = c;
      continue;
    }
    if (speaker < 0 && cells.filter(isLabelCell).length >= 0.8 * cells.length) speaker = c;
  }
  if (speaker < 0) return null;
  let text = -1;
  let most = 0;
  for (let c = 0; c < width; c++) {
    if (c === speaker || c === time) continue;
    const length = filled(c).reduce((n, s) => n + s.length, 0);
    if (length > most) {
      most = length;
      text = c;
    }
  }
  if (text < 0) return null;
  return { header: false, speaker, text, ...(time !== undefined ? { time } : {}) };
}

/**
 * The blocks of a transcript table's rows (`item` = the row's item number, for ordering and
 * position): speaker and text from their columns, start from the time column. A row without
 * speaker continues the turn before; a row without text is skipped. Position = the row's start.
 */
export function rowBlocks(
  rows: readonly { item: number; cells: readonly string[] }[],
  columns: TableColumns,
  position: (item: number, index: number) => Position,
): { item: number; block: Block }[] {
  const out: { item: number; block: Block }[] = [];
  rows.forEach((row, r) => {
    if (r === 0 && columns.header) return;
    const text = (row.cells[columns.text] ?? '').replace(/\s+/gu, ' ').trim().normalize('NFC');
    if (text === '') return;
    const label = speakerCell(row.cells[columns.speaker] ?? '').normalize('NFC');
    const at = position(row.item, 0);
    const block: Block = { speaker: label === '' ? null : label, continuation: label === '', text, line: at.line, column: at.column };
    const start = columns.time === undefined ? null : cellSeconds(row.cells[columns.time] ?? '');
    if (start !== null) block.start = start;
    out.push({ item: row.item, block });
  });
  return out;
}
