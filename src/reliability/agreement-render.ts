import { stringifyCsv as stringify } from '../deps.js';
import { messagesFor, type MessageKey, type Messages } from '../lang/catalogue.js';
import { REASONS, type AgreementFigures, type CodingAgreement, type FigureName, type RatingsAgreement } from './agreement.js';
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

/**
 * A figure for a text table: 4 decimals with the language's decimal mark (`0.7434`, German
 * `0,7434`; CSV keeps `formatFigure`'s rule), or the undefined mark.
 */
export function tableFigure(x: number | null, m: Messages): string {
  if (x === null) return UNDEFINED_MARK;
  // As formatFigure: '' for a figure that is no number, no "-0.0000" for tiny negative values.
  return Number.isFinite(x) ? m.number(Math.abs(x) < 0.00005 ? 0 : x, 4) : '';
}

/** The kappa a coding agreement reports: Cohen's for two coders, Fleiss' for three or more. */
export function kappaOf(f: AgreementFigures, coders: number): number | null {
  return coders === 2 ? f.cohen : f.fleiss;
}

/** Options of the agreement table. */
export interface AgreementTableOptions {
  /** List every disagreement instead of the first `DISAGREEMENTS_SHOWN`. */
  allDisagreements?: boolean;
  /** The language of the table's words (default English). */
  messages?: Messages;
}

/** The catalogue key of each reason a figure is undefined (`REASONS`). */
const REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  [REASONS.noVariation]: 'report.reason.no-variation',
  [REASONS.noUnits]: 'report.reason.no-units',
  [REASONS.fleissTwo]: 'report.reason.fleiss-two',
  [REASONS.cohenMore]: 'report.reason.cohen-more',
  [REASONS.noPairable]: 'report.reason.no-pairable',
  [REASONS.noneByBoth]: 'report.reason.none-by-both',
  [REASONS.noneByEvery]: 'report.reason.none-by-every',
};

/** Why a figure is undefined, in the language of `m` (a reason without a key as it is). */
export function reasonText(m: Messages, reason: string): string {
  const key = REASON_KEYS[reason];
  return key ? m.t(key) : reason;
}

/**
 * The terminal view of a coding agreement: the coders, one row per category and one pooled over
 * all (units, units each coder coded, percent agreement, kappa, alpha, Brennan–Prediger, 4
 * decimals), why undefined figures are undefined, then the disagreeing units; ends with `\n`.
 */
export function renderAgreementTable(result: CodingAgreement, opts: AgreementTableOptions = {}): string {
  const t = opts.messages ?? messagesFor('en');
  const m = result.coders.length;
  const kappaName = m === 2 ? 'cohen' : 'fleiss';
  const lines: string[] = [];
  const units = { key: 'count.units', params: { n: result.units.length } } as const;
  const categories = { key: 'count.categories', params: { n: result.categories.length } } as const;
  lines.push(t.t('report.agree.title', { coders: m, units, categories }));
  result.coders.forEach((c, i) => lines.push(`  ${t.t('report.agree.coder', { n: i + 1, name: c })}`));
  lines.push('');
  const shown: FigureName[] = ['percent', m === 2 ? 'cohen' : 'fleiss', 'alpha', 'brennanPrediger'];
  const header = [t.t('report.agree.head.category'), t.t('report.agree.head.units'), t.t('report.agree.head.coded'), t.t('report.agree.head.percent'), `${kappaName} κ`, 'alpha', 'BP κ'];
  const row = (name: string, f: AgreementFigures, coded: string): string[] => [
    name,
    String(f.items),
    coded,
    tableFigure(f.percent, t),
    tableFigure(kappaOf(f, m), t),
    tableFigure(f.alpha, t),
    tableFigure(f.brennanPrediger, t),
  ];
  const rows = [header, ...result.categories.map((c) => row(c.category, c, c.coded.join('/'))), row(OVERALL_ROW, result.overall, '')];
  lines.push(...alignColumns(rows));
  lines.push('');
  lines.push(t.t('report.agree.legend.coded'));
  lines.push(t.t(m === 2 ? 'report.agree.legend.cohen' : 'report.agree.legend.fleiss', { kappa: kappaName }));
  lines.push(t.t('report.agree.legend.overall', { overall: OVERALL_ROW }));
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
  for (const [reason, names] of undefinedBy) lines.push(`${UNDEFINED_MARK} ${names.join(', ')}: ${reasonText(t, reason)}.`);

  const number = new Map(result.coders.map((c, i) => [c, i + 1]));
  const who = (names: readonly string[]): string => names.map((n) => number.get(n)).join(', ');
  const d = result.disagreements;
  lines.push(
    ...disagreementLines(d, { ...opts, messages: t }, (shown) => t.t('report.agree.disagreements', { n: d.length, shown }), (list) =>
      alignColumns(list.map((x) => [`  ${x.unit}`, x.category, t.t('report.agree.coded-by', { present: who(x.present), absent: who(x.absent) })]), 'lll'),
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
  const t = opts.messages ?? messagesFor('en');
  const m = result.coders.length;
  const lines: string[] = [];
  lines.push(t.t('report.ratings.title', { coders: m, units: { key: 'count.units', params: { n: result.units } }, file, level: result.level }));
  lines.push(`  ${t.t('report.ratings.coders', { coders: result.coders.join(', ') })}`);
  lines.push('');
  const rows: string[][] = [];
  rows.push([t.t('report.ratings.alpha', { level: result.level }), tableFigure(result.alpha.value, t), t.t('report.ratings.pairable', { values: result.alpha.pairable, units: result.alpha.units })]);
  if (m === 2) {
    const name = result.weights === 'none' ? t.t('report.ratings.cohen') : t.t('report.ratings.cohen-weighted', { weights: result.weights });
    rows.push([name, tableFigure(result.cohen?.value ?? null, t), t.t('report.ratings.by-both', { units: result.cohen?.units ?? 0 })]);
  } else {
    rows.push([t.t('report.ratings.fleiss'), tableFigure(result.fleiss?.value ?? null, t), t.t('report.ratings.by-every', { units: result.complete })]);
  }
  rows.push([t.t('report.ratings.percent'), tableFigure(result.percent, t), t.t('report.ratings.by-every', { units: result.complete })]);
  lines.push(...alignColumns(rows, 'lrl').map((l) => `  ${l}`));
  const reasons = Object.entries(result.reasons).filter(([figure]) => !(figure === 'cohen' && m !== 2) && !(figure === 'fleiss' && m === 2));
  if (reasons.length > 0) lines.push('');
  for (const [figure, reason] of reasons) lines.push(`${UNDEFINED_MARK} ${figure}: ${reasonText(t, reason)}.`);
  const d = result.disagreements;
  lines.push(
    ...disagreementLines(d, { ...opts, messages: t }, (shown) => t.t('report.ratings.disagreements', { n: d.length, shown }), (list) =>
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
  opts: { allDisagreements?: boolean; messages: Messages },
  heading: (shown: string) => string,
  rows: (list: readonly T[]) => string[],
): string[] {
  const t = opts.messages;
  if (d.length === 0) return ['', t.t('report.agree.no-disagreements')];
  const list = opts.allDisagreements ? d : d.slice(0, DISAGREEMENTS_SHOWN);
  const lines = ['', heading(list.length < d.length ? t.t('report.agree.first', { n: list.length }) : ''), ...rows(list)];
  if (list.length < d.length) lines.push(`  ${t.t('report.agree.more', { n: d.length - list.length })}`);
  return lines;
}
