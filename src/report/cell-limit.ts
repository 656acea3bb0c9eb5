import { problem } from '../problems.js';
import type { Message } from '../lang/catalogue.js';
import type { Problem } from '../types.js';

// Excel takes at most 32 767 characters in a cell and rejects (or splits) a longer one. No CSV cell
// fokus writes is longer: long text is cut with a marker, a long list of unit ids keeps its whole
// ids, and the writer counts the cells it cut so the caller can say so once per file.

/** The most characters Excel takes in one cell, counted as UTF-16 code units (as JavaScript's `length`). */
export const EXCEL_CELL_LIMIT = 32_767;

/** Where the full content of the cells cut in the CSV files of a report folder is. */
export const FULL_CONTENT = 'report.json';

/** The cells of one CSV file cut to `EXCEL_CELL_LIMIT` while it is written. */
export interface CellCuts {
  /** Where the full content is (`report.json`), named in each cut cell's marker; absent: not named. */
  readonly fullIn?: string;
  /** Cells cut so far (the writer counts up). */
  cells: number;
}

/** A fresh count of cut cells whose full content is in `fullIn`. */
export function cellCuts(fullIn?: string): CellCuts {
  return fullIn === undefined ? { cells: 0 } : { fullIn, cells: 0 };
}

const where = (cuts: CellCuts | undefined): string => (cuts?.fullIn ? ` in ${cuts.fullIn}` : '');

/** The end of a cut text cell: `… (+N more characters in report.json)`. */
function textMarker(more: number, cuts: CellCuts | undefined): string {
  return `\u2026 (+${more} more characters${where(cuts)})`;
}

/**
 * The text of a cell cut by `fitCell`, read back: what was kept and how many characters were cut
 * (a reader may compare the kept part); null when the cell ends in no marker of a cut.
 */
export function cutText(cell: string): { kept: string; more: number } | null {
  const m = /\u2026 \(\+(\d+) more characters(?: in [^()]*)?\)$/u.exec(cell);
  return m ? { kept: cell.slice(0, m.index), more: Number(m[1]) } : null;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * A cell of at most `EXCEL_CELL_LIMIT` code units: a longer one is cut (never between the two
 * halves of a surrogate pair) and ends in `… (+N more characters in FULLIN)`, N counting the code
 * units cut; each cut counts in `cuts`. Only the length is looked at unless the cell is cut.
 */
export function fitCell(cell: string, cuts?: CellCuts): string {
  if (cell.length <= EXCEL_CELL_LIMIT) return cell;
  // The marker's length depends on N, which depends on how much is kept: shrink until both fit.
  let room = EXCEL_CELL_LIMIT;
  for (;;) {
    const keep = isHighSurrogate(cell.charCodeAt(room - 1)) ? room - 1 : room;
    const marker = textMarker(cell.length - keep, cuts);
    if (keep + marker.length <= EXCEL_CELL_LIMIT) {
      if (cuts) cuts.cells++;
      return cell.slice(0, keep) + marker;
    }
    room = EXCEL_CELL_LIMIT - marker.length;
  }
}

/**
 * Unit ids (`transcript#segment`) joined by `|` into one cell: when all of them would pass the
 * limit, as many whole ids as fit, then `… (+N more in FULLIN)` with N the ids left out (one code
 * unit stays free for the formula guard's quote); each cut counts in `cuts`. Work linear in the
 * ids' length.
 */
export function fitList(ids: readonly string[], cuts?: CellCuts): string {
  const room = EXCEL_CELL_LIMIT - 1;
  let length = 0;
  for (let i = 0; i < ids.length; i++) length += ids[i]!.length + (i > 0 ? 1 : 0);
  if (length <= room) return ids.join('|');
  // Each id kept makes the list longer by more than it makes the marker shorter: stop at the first that does not fit.
  let kept = 0;
  let used = 0;
  while (kept < ids.length) {
    const next = used + (kept > 0 ? 1 : 0) + ids[kept]!.length;
    if (next + 1 + listMarker(ids.length - kept - 1, cuts).length > room) break;
    used = next;
    kept++;
  }
  if (cuts) cuts.cells++;
  const marker = listMarker(ids.length - kept, cuts);
  return kept === 0 ? marker : `${ids.slice(0, kept).join('|')}|${marker}`;
}

function listMarker(more: number, cuts: CellCuts | undefined): string {
  return `\u2026 (+${more} more${where(cuts)})`;
}

/**
 * The warning that `cuts.cells` cells of `file` were cut to Excel's limit and where their full
 * content is (`report/cell-cut`); null when none was.
 */
export function cellCutProblem(file: string, cuts: CellCuts): Problem | null {
  if (cuts.cells === 0) return null;
  const params = { n: cuts.cells, limit: EXCEL_CELL_LIMIT };
  const message: Message = cuts.fullIn ? { key: 'problem.report/cell-cut.full', params: { ...params, file: cuts.fullIn } } : { key: 'problem.report/cell-cut', params };
  return problem(file, 'warning', message, undefined, 'report/cell-cut');
}
