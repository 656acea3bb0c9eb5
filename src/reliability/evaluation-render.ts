import type { Evaluation, EvaluationExample, EvaluationRow } from './evaluation.js';
import { alignColumns, figureCsv, tableFigure, UNDEFINED_MARK, type FigureCell } from './agreement-render.js';
import type { CsvOptions } from '../report/format.js';
import { plainProblem } from '../problems.js';
import { messagesFor, type MessageKey, type Messages } from '../lang/catalogue.js';

/** False positives and negatives the table lists per category and kind unless told otherwise. */
export const EXAMPLES_SHOWN = 5;

/** Characters of a unit's text the table shows before cutting it with `…`. */
const TEXT_SHOWN = 120;

/** The name of the micro-averaged row, in the table and the CSV (no category code has parentheses). */
export const MICRO_ROW = '(micro)';

/** The name of the macro-averaged row, in the table and the CSV. */
export const MACRO_ROW = '(macro)';

/** Options of the evaluation table. */
export interface EvaluationTableOptions {
  /** Examples listed per category and kind (false positives, false negatives); 0 lists none. */
  limit?: number;
  /** The codebook's name, for the heading. */
  codebook?: string;
  /** The language of the table's words (default English). */
  messages?: Messages;
}

/** A unit's text on one line, cut to `TEXT_SHOWN` characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  return chars.length > TEXT_SHOWN ? chars.slice(0, TEXT_SHOWN - 1).join('') + '…' : flat;
}

/** Where the compared depths come from, as the table's heading says it. */
const DEPTHS_FROM: Record<Evaluation['depthsFrom'], MessageKey> = {
  option: 'report.evaluate.depths.option',
  gold: 'report.evaluate.depths.gold',
  codebook: 'report.evaluate.depths.codebook',
};

/** One example line: unit, line and speaker, the text, and what matched. */
function exampleLine(x: EvaluationExample, t: Messages): string {
  const speaker = x.speaker === '' ? '' : `, ${x.speaker}`;
  const matched = x.matched.length > 0 ? `  [${t.t('report.evaluate.matched', { matched: x.matched.join(' | ') })}]` : '';
  return `    ${x.unit} (${t.t('report.evaluate.line', { line: x.line })}${speaker}): "${oneLine(x.text)}"${matched}`;
}

/** The example lists of one category (at most `limit` of each kind). */
function exampleLines(r: EvaluationRow, limit: number, t: Messages): string[] {
  const lines: string[] = [];
  for (const [title, list] of [[t.t('report.evaluate.false-positives'), r.falsePositives], [t.t('report.evaluate.false-negatives'), r.falseNegatives]] as const) {
    if (list.length === 0 || limit === 0) continue;
    const shown = list.slice(0, limit);
    lines.push(`  ${title} (${list.length}${shown.length < list.length ? t.t('report.evaluate.first', { n: shown.length }) : ''}):`);
    lines.push(...shown.map((x) => exampleLine(x, t)));
  }
  if (lines.length > 0) lines.unshift(`${r.category}:`);
  return lines;
}

/**
 * The terminal view of an evaluation: the compared depths, per category tp, fp, fn, precision,
 * recall, F1 and Cohen's kappa (4 decimals), micro and macro averages (kappa: macro only), then
 * per category the first false positives (with the terms and rules that matched) and false
 * negatives with their text; ends with `\n`.
 */
export function renderEvaluationTable(ev: Evaluation, opts: EvaluationTableOptions = {}): string {
  const limit = opts.limit ?? EXAMPLES_SHOWN;
  const t = opts.messages ?? messagesFor('en');
  const lines: string[] = [];
  const rules = opts.codebook !== undefined ? t.t('report.evaluate.rules-of', { codebook: opts.codebook }) : t.t('report.evaluate.rules');
  const counts = { transcripts: { key: 'count.transcripts', params: { n: ev.transcripts.length } }, units: { key: 'count.units', params: { n: ev.units } } } as const;
  lines.push(t.t('report.evaluate.title', { rules, gold: ev.gold, ...counts }));
  if (ev.unjudged.length > 0) lines.push(`  ${t.t('report.evaluate.unjudged', { transcripts: ev.unjudged.join(', ') })}`);
  lines.push(`  ${t.t('report.evaluate.depths', { n: ev.depths.length, depths: ev.depths.join(', '), from: { key: DEPTHS_FROM[ev.depthsFrom] } })}`);
  lines.push('');
  const header = [t.t('table.head.category'), t.t('table.head.label'), 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'kappa'];
  const rows = ev.categories.map((r) => [
    r.category,
    r.label,
    String(r.tp),
    String(r.fp),
    String(r.fn),
    tableFigure(r.precision, t),
    tableFigure(r.recall, t),
    tableFigure(r.f1, t),
    tableFigure(r.kappa, t),
  ]);
  const { micro, macro } = ev;
  rows.push([MICRO_ROW, '', String(micro.tp), String(micro.fp), String(micro.fn), tableFigure(micro.precision, t), tableFigure(micro.recall, t), tableFigure(micro.f1, t), '']);
  rows.push([MACRO_ROW, '', '', '', '', tableFigure(macro.precision, t), tableFigure(macro.recall, t), tableFigure(macro.f1, t), tableFigure(macro.kappa, t)]);
  lines.push(...alignColumns([header, ...rows], 'll'));
  lines.push('');
  lines.push(t.t('report.evaluate.legend.counts'));
  lines.push(t.t('report.evaluate.legend.averages', { micro: MICRO_ROW, macro: MACRO_ROW }));
  lines.push(t.t('report.evaluate.legend.kappa'));
  lines.push(t.t('report.evaluate.legend.undefined', { mark: UNDEFINED_MARK }));
  lines.push(t.t('report.evaluate.legend.undefined-kappa'));
  const examples = ev.categories.flatMap((r) => exampleLines(r, limit, t));
  if (examples.length > 0) lines.push('', ...examples);
  return lines.join('\n') + '\n';
}

/**
 * `fokus evaluate --format csv`: `category,label,tp,fp,fn,precision,recall,f1,kappa`, one row per
 * compared category in codebook order, then `(micro)` (without kappa) and `(macro)` (without
 * counts); figures with 4 decimals, empty when undefined.
 */
export function renderEvaluationCsv(ev: Evaluation, opts: CsvOptions): string {
  const rows: FigureCell[][] = ev.categories.map((r) => [
    { text: r.category },
    { text: r.label },
    { count: r.tp },
    { count: r.fp },
    { count: r.fn },
    { figure: r.precision },
    { figure: r.recall },
    { figure: r.f1 },
    { figure: r.kappa },
  ]);
  const { micro, macro } = ev;
  rows.push([
    { text: MICRO_ROW },
    { text: '' },
    { count: micro.tp },
    { count: micro.fp },
    { count: micro.fn },
    { figure: micro.precision },
    { figure: micro.recall },
    { figure: micro.f1 },
    { text: '' },
  ]);
  rows.push([
    { text: MACRO_ROW },
    { text: '' },
    { text: '' },
    { text: '' },
    { text: '' },
    { figure: macro.precision },
    { figure: macro.recall },
    { figure: macro.f1 },
    { figure: macro.kappa },
  ]);
  return figureCsv(['category', 'label', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'kappa'], rows, opts);
}

/**
 * `fokus evaluate --format csv --errors`: every false positive and false negative,
 * `kind,category,transcript,segment,speaker,line,matched,text` (`kind` = `fp` or `fn`; `matched`
 * = the terms and rules that coded a false positive, joined by `|`), by category, then kind, then unit.
 */
export function renderEvaluationErrorsCsv(ev: Evaluation, opts: CsvOptions): string {
  const rows: FigureCell[][] = [];
  for (const r of ev.categories) {
    for (const [kind, list] of [['fp', r.falsePositives], ['fn', r.falseNegatives]] as const) {
      for (const x of list) {
        rows.push([
          { text: kind },
          { text: r.category },
          { text: x.transcript },
          { count: x.segment },
          { text: x.speaker },
          { count: x.line },
          { text: x.matched.join('|') },
          { text: x.text },
        ]);
      }
    }
  }
  return figureCsv(['kind', 'category', 'transcript', 'segment', 'speaker', 'line', 'matched', 'text'], rows, opts);
}

/** `fokus evaluate --format json`: the whole evaluation, figures unrounded, undefined figures null, every example and warning listed (warnings in English). */
export function renderEvaluationJson(ev: Evaluation): string {
  return JSON.stringify({ ...ev, problems: ev.problems.map(plainProblem) }, null, 2) + '\n';
}
