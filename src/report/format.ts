import { keysStartingWith, lookup, messagesFor } from '../lang/catalogue.js';
import { withoutControls } from '../text/safe-text.js';
import { stringifyCsv as stringify } from '../deps.js';
import { fitCell, type CellCuts } from './cell-limit.js';

/** Options shared by the CSV renderers. */
export interface CsvOptions {
  /** Excel in German locales: UTF-8 BOM, `;` as separator, `,` as decimal mark. */
  excel: boolean;
  /** Counts the cells cut to Excel's cell limit (every writer cuts them, with or without `excel`). */
  cuts?: CellCuts;
}

/** A time in seconds as `hh:mm:ss`, fractions cut off (floor); '' when the time is unknown. */
export function formatTime(seconds?: number): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The columns that name a unit: times as `hh:mm:ss` ('' when unknown), the unit's line in its transcript. */
export interface UnitColumns {
  transcript: string;
  segment: number;
  speaker: string;
  start: string;
  end: string;
  line: number;
}

/** The columns that name a unit in every output (`segments.csv`, `show`, a review file), times as `hh:mm:ss`. */
export function unitColumns(unit: { transcript: string; segment: number; speaker: string; start?: number; end?: number; line: number }): UnitColumns {
  return { transcript: unit.transcript, segment: unit.segment, speaker: unit.speaker, start: formatTime(unit.start), end: formatTime(unit.end), line: unit.line };
}

/** A share (0…1) with 4 decimals, `0.1250`, or `0,1250` with the excel decimal mark. */
export function formatShare(x: number, excel: boolean): string {
  const s = (Number.isFinite(x) ? x : 0).toFixed(4);
  return excel ? s.replace('.', ',') : s;
}

/**
 * Cell starts that a spreadsheet would run as a formula: a tab or line break, or `=`, `+`, `-`, `@`
 * (also their full-width and small forms, and the minus sign, which some spreadsheets fold to
 * ASCII) after any run of characters a reader cannot see: white space, zero-width and format
 * characters (U+200B, U+FEFF, bidi marks…), soft hyphens and controls.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\p{Cf}\p{Cc}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212])/u;

/** A cell with a leading `'` when it would start a spreadsheet formula, else unchanged. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell as it was before `guardFormula`: its leading `'` taken off when a formula start follows it. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A text cell as every CSV writer of fokus writes it: through the formula guard, then cut to
 * Excel's cell limit (the quote the guard adds counts; see `fitCell`).
 */
export function textCell(text: string, opts: CsvOptions): string {
  return fitCell(guardFormula(text), opts.cuts);
}

/**
 * The header row of a CSV file: the documented English column names, or with `excel` (Excel in
 * German locales) their German names from the catalogue (`csv.<name>`); a name it has none for (a
 * participants column given with `--by`) stays as it is.
 */
export function csvHeader(names: readonly string[], excel: boolean): string[] {
  return excel ? names.map((n) => lookup('de', `csv.${n}`) ?? n) : [...names];
}

/** The documented English name of a column a header row names in German (`csvHeader`), else the name as it is. */
export function englishColumn(name: string): string {
  const de = messagesFor('de');
  const key = keysStartingWith('csv.').find((k) => de.t(k).normalize('NFC').toLowerCase() === name);
  return key === undefined ? name : key.slice('csv.'.length);
}


/**
 * RFC 4180 CSV text with a header row and `\n` line ends; string cells pass the formula guard and
 * are cut to Excel's cell limit (`textCell`), numbers are written as they are (with `,` as decimal
 * mark in excel mode, which also adds a BOM and uses `;` as separator).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[], opts: CsvOptions): string {
  return (opts.excel ? '\ufeff' : '') + toCsvRows([csvHeader(header, opts.excel), ...rows], opts);
}

/** CSV records as `toCsv` writes them, without header and BOM: a piece of a file written in parts. */
export function toCsvRows(rows: readonly (readonly (string | number)[])[], opts: CsvOptions): string {
  const cell = (v: string | number): string => {
    if (typeof v === 'number') return opts.excel ? String(v).replace('.', ',') : String(v);
    return textCell(withoutControls(v), opts);
  };
  if (rows.length === 0) return '';
  return stringify(
    rows.map((r) => r.map(cell)),
    {
      delimiter: opts.excel ? ';' : ',',
      record_delimiter: '\n',
      // csv-stringify quotes LF but not a lone CR; RFC 4180 wants any line-break character quoted.
      quoted_match: /\r/,
    },
  );
}
