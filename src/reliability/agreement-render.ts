import { stringifyCsv as stringify } from '../deps.js';
import type { AgreementFigures, CodingAgreement, FigureName, RatingsAgreement } from './agreement.js';
import { csvHeader, textCell, type CsvOptions } from '../report/format.js';

/** How an undefined figure shows in the terminal table. */
export const UNDEFINED_MARK = '—';

/** Disagreements the table lists unless all are asked for. */
export const DISAGREEMENTS_SHOWN = 20;

/** The name of the row that pools all categories, in the table and the CSV (no category code has parentheses). */
export const OVERALL_ROW = '(overall)';

/** A figure with 4 decimals (`0.7434`, excel: `0,7434`); '' when undefined. */
export function formatFigure(x: number | null, excel = false): string {
  if (x === null || !Number.isFinite(x)) return '';
  // Avoid "-0.0000" for tiny negative values.
  const s = (Math.abs(x) < 0.00005 ? 0 : x).toFixed(4);
  return excel ? s.replace('.', ',') : s;
}

/** A CSV cell: text (passed through the formula guard, cut to Excel's cell limit), a whole count, or a figure (4 decimals, empty when null). */
export type FigureCell = { text: string } | { count: number } | { figure: number | null };

/**
 * RFC 4180 CSV of text, counts and figures with a header row and `\n` line ends; text passes the
 * formula guard and is cut to Excel's cell limit (`textCell`); figures get 4 decimals (a negative
 * kappa stays a number, never guarded as a formula); excel mode adds a BOM, `;` as separator and
 * `,` as decimal mark.
 */
export function figureCsv(header: readonly string[], rows: readonly (readonly FigureCell[])[], opts: CsvOptions): string {
  const cell = (c: FigureCell): string => ('text' in c ? textCell(c.text, opts) : 'count' in c ? String(c.count) : formatFigure(c.figure, opts.excel));
  return stringify([csvHeader(header, opts.excel), ...rows.map((r) => r.map(cell))], {
    delimiter: opts.excel ? ';' : ',',
    record_delimiter: '\n',
    bom: opts.excel,
    quoted_match: /\r/,
  });
}

/**
 * Lay out rows of cells as aligned columns two spaces apart; `align` gives each column's alignment
 * (`l` left, `r` right; columns past its end are right-aligned), trailing spaces trimmed.
 */
export function alignColumns(rows: readonly (readonly string[])[], align = 'l'): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return align[i] === 'l' ? c + pad : pad + c;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** A figure for the table: 4 decimals, or the undefined mark. */
function tableFigure(x: number | null): string {
  return x === null ? UNDEFINED_MARK : formatFigure(x);
}

/** The kappa a coding agreement reports: Cohen's for two coders, Fleiss' for three or more. */
export function kappaOf(f: AgreementFigures, coders: number): number | null {
  return coders === 2 ? f.cohen : f.fleiss;
}

/** Options of the agreement table. */
export interface AgreementTableOptions {
  /** List every disagreement instead of the first `DISAGREEMENTS_SHOWN`. */
  allDisagreements?: boolean;
}

/**
 * The terminal view of a coding agreement: the coders, one row per category and one pooled over
 * all (units, units each coder coded, percent agreement, kappa, alpha, Brennan–Prediger, 4
 * decimals), why undefined figures are undefined, then the disagreeing units; ends with `\n`.
 */
export function renderAgreementTable(result: CodingAgreement, opts: AgreementTableOptions = {}): string {
  const m = result.coders.length;
  const kappaName = m === 2 ? 'cohen' : 'fleiss';
  const lines: string[] = [];
  lines.push(`Agreement of ${m} coders on ${result.units.length} unit${result.units.length === 1 ? '' : 's'} and ${result.categories.length} categor${result.categories.length === 1 ? 'y' : 'ies'}`);
  result.coders.forEach((c, i) => lines.push(`  coder ${i + 1}: ${c}`));
  lines.push('');
  const shown: FigureName[] = ['percent', m === 2 ? 'cohen' : 'fleiss', 'alpha', 'brennanPrediger'];
  const header = ['category', 'units', 'coded', 'percent', `${kappaName} κ`, 'alpha', 'BP κ'];
  const row = (name: string, f: AgreementFigures, coded: string): string[] => [
    name,
    String(f.items),
    coded,
    tableFigure(f.percent),
    tableFigure(kappaOf(f, m)),
    tableFigure(f.alpha),
    tableFigure(f.brennanPrediger),
  ];
  const rows = [header, ...result.categories.map((c) => row(c.category, c, c.coded.join('/'))), row(OVERALL_ROW, result.overall, '')];
  lines.push(...alignColumns(rows));
  lines.push('');
  lines.push(`coded: units each coder coded with the category (coder 1/coder 2/…); percent: share of units all coders agree on;`);
  lines.push(`${kappaName} κ: ${m === 2 ? "Cohen's" : "Fleiss'"} kappa; alpha: Krippendorff's alpha (nominal); BP κ: Brennan–Prediger kappa;`);
  lines.push(`${OVERALL_ROW}: every unit × category pair as one item.`);
  const undefinedBy = new Map<string, string[]>();
  for (const [name, f] of [...result.categories.map((c) => [c.category, c] as const), [OVERALL_ROW, result.overall] as const]) {
    for (const figure of shown) {
      const reason = f.reasons[figure];
      if (reason === undefined) continue;
      const list = undefinedBy.get(reason) ?? [];
      if (!list.includes(name)) list.push(name);
      undefinedBy.set(reason, list);
    }
  }
  for (const [reason, names] of undefinedBy) lines.push(`${UNDEFINED_MARK} ${names.join(', ')}: ${reason}.`);

  const number = new Map(result.coders.map((c, i) => [c, i + 1]));
  const who = (names: readonly string[]): string => names.map((n) => number.get(n)).join(', ');
  const d = result.disagreements;
  lines.push(
    ...disagreementLines(d, opts, (shown) => `Disagreements: ${d.length} unit × category pair${d.length === 1 ? '' : 's'}${shown}`, (list) =>
      alignColumns(list.map((x) => [`  ${x.unit}`, x.category, `coded by ${who(x.present)}; not by ${who(x.absent)}`]), 'lll'),
    ),
  );
  return lines.join('\n') + '\n';
}

/**
 * `fokus agree --format csv`: `category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger`,
 * one row per category then `(overall)`; `coded` joins the units each coder coded with `|` (coder
 * order); figures with 4 decimals, empty when undefined.
 */
export function renderAgreementCsv(result: CodingAgreement, opts: CsvOptions): string {
  const row = (name: string, f: AgreementFigures, coded: string): FigureCell[] => [
    { text: name },
    { count: f.items },
    { text: coded },
    { figure: f.percent },
    { figure: f.cohen },
    { figure: f.fleiss },
    { figure: f.alpha },
    { figure: f.brennanPrediger },
  ];
  return figureCsv(
    ['category', 'units', 'coded', 'percent', 'cohen_kappa', 'fleiss_kappa', 'alpha', 'brennan_prediger'],
    [...result.categories.map((c) => row(c.category, c, c.coded.join('|'))), row(OVERALL_ROW, result.overall, '')],
    opts,
  );
}

/** `fokus agree --format json`: the whole result, figures unrounded, undefined figures null with their reason in `reasons`. */
export function renderAgreementJson(result: CodingAgreement): string {
  return JSON.stringify({ mode: 'codings', ...result }, null, 2) + '\n';
}

/** A rating for display: the number or label, `·` when missing. */
function ratingText(v: number | string | null): string {
  return v === null ? '·' : String(v);
}

/**
 * The terminal view of a ratings agreement: alpha at the level, the kappa (Cohen's, weighted as
 * asked, or Fleiss'), percent agreement, each with the units it is over, then the units whose
 * ratings differ; ends with `\n`.
 */
export function renderRatingsTable(result: RatingsAgreement, file: string, opts: AgreementTableOptions = {}): string {
  const m = result.coders.length;
  const lines: string[] = [];
  lines.push(`Reliability of ${m} coders on ${result.units} unit${result.units === 1 ? '' : 's'} (${file}), level ${result.level}`);
  lines.push(`  coders: ${result.coders.join(', ')}`);
  lines.push('');
  const rows: string[][] = [];
  rows.push([`alpha (Krippendorff, ${result.level})`, tableFigure(result.alpha.value), `${result.alpha.pairable} pairable values in ${result.alpha.units} units`]);
  if (m === 2) {
    const weighted = result.weights === 'none' ? '' : `, ${result.weights} weights`;
    rows.push([`kappa (Cohen${weighted})`, tableFigure(result.cohen?.value ?? null), `${result.cohen?.units ?? 0} units rated by both coders`]);
  } else {
    rows.push(['kappa (Fleiss)', tableFigure(result.fleiss?.value ?? null), `${result.complete} units rated by every coder`]);
  }
  rows.push(['percent agreement', tableFigure(result.percent), `${result.complete} units rated by every coder`]);
  lines.push(...alignColumns(rows, 'lrl').map((l) => `  ${l}`));
  const reasons = Object.entries(result.reasons).filter(([figure]) => !(figure === 'cohen' && m !== 2) && !(figure === 'fleiss' && m === 2));
  if (reasons.length > 0) lines.push('');
  for (const [figure, reason] of reasons) lines.push(`${UNDEFINED_MARK} ${figure}: ${reason}.`);
  const d = result.disagreements;
  lines.push(
    ...disagreementLines(d, opts, (shown) => `Units rated differently: ${d.length}${shown}`, (list) =>
      alignColumns(list.map((x) => [`  ${x.unit}`, x.values.map((v, i) => `${result.coders[i]}=${ratingText(v)}`).join('  ')]), 'll'),
    ),
  );
  return lines.join('\n') + '\n';
}

/**
 * `fokus agree --ratings … --format csv`: `figure,level,value,units`, one row each for alpha,
 * cohen_kappa (two coders) or fleiss_kappa (three or more) and percent; value with 4 decimals,
 * empty when undefined; units = the units the figure is over.
 */
export function renderRatingsCsv(result: RatingsAgreement, opts: CsvOptions): string {
  const two = result.coders.length === 2;
  const kappa = two ? result.cohen : result.fleiss;
  const kappaLevel = two && result.weights !== 'none' ? `${result.weights} weights` : 'nominal';
  return figureCsv(
    ['figure', 'level', 'value', 'units'],
    [
      [{ text: 'alpha' }, { text: result.level }, { figure: result.alpha.value }, { count: result.alpha.units }],
      [{ text: two ? 'cohen_kappa' : 'fleiss_kappa' }, { text: kappaLevel }, { figure: kappa?.value ?? null }, { count: kappa?.units ?? 0 }],
      [{ text: 'percent' }, { text: 'nominal' }, { figure: result.percent }, { count: result.complete }],
    ],
    opts,
  );
}

/** `fokus agree --ratings … --format json`: the whole result, figures unrounded, undefined figures null with their reason in `reasons`. */
export function renderRatingsJson(result: RatingsAgreement, file: string): string {
  return JSON.stringify({ mode: 'ratings', file, ...result }, null, 2) + '\n';
}

/**
 * The disagreements section of a report: a blank line, then "No disagreements." or a heading and the
 * first `DISAGREEMENTS_SHOWN` (all with `allDisagreements`), the rest counted.
 */
function disagreementLines<T>(
  d: readonly T[],
  opts: { allDisagreements?: boolean },
  heading: (shown: string) => string,
  rows: (list: readonly T[]) => string[],
): string[] {
  if (d.length === 0) return ['', 'No disagreements.'];
  const list = opts.allDisagreements ? d : d.slice(0, DISAGREEMENTS_SHOWN);
  const lines = ['', heading(list.length < d.length ? ` (first ${list.length})` : ''), ...rows(list)];
  if (list.length < d.length) lines.push(`  … ${d.length - list.length} more (--show-disagreements lists all; --format json has them all)`);
  return lines;
}
