import type { Evaluation, EvaluationExample, EvaluationRow } from './evaluation.js';
import { alignColumns, figureCsv, formatFigure, UNDEFINED_MARK, type FigureCell } from './agreement-render.js';
import type { CsvOptions } from '../report/format.js';
import { plainProblem } from '../problems.js';

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
}

/** A figure for the table: 4 decimals, or the undefined mark. */
function tableFigure(x: number | null): string {
  return x === null ? UNDEFINED_MARK : formatFigure(x);
}

/** A unit's text on one line, cut to `TEXT_SHOWN` characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  return chars.length > TEXT_SHOWN ? chars.slice(0, TEXT_SHOWN - 1).join('') + '…' : flat;
}

/** Where the compared depths come from, as the table's heading says it. */
const DEPTHS_FROM: Record<Evaluation['depthsFrom'], string> = {
  option: '--depth',
  gold: "the levels of the gold coding's codes; --depth to choose",
  codebook: 'every level: the gold coding codes no compared unit',
};

/** One example line: unit, line and speaker, the text, and what matched. */
function exampleLine(x: EvaluationExample): string {
  const speaker = x.speaker === '' ? '' : `, ${x.speaker}`;
  const matched = x.matched.length > 0 ? `  [matched: ${x.matched.join(' | ')}]` : '';
  return `    ${x.unit} (line ${x.line}${speaker}): "${oneLine(x.text)}"${matched}`;
}

/** The example lists of one category (at most `limit` of each kind). */
function exampleLines(r: EvaluationRow, limit: number): string[] {
  const lines: string[] = [];
  for (const [title, list] of [['False positives', r.falsePositives], ['False negatives', r.falseNegatives]] as const) {
    if (list.length === 0 || limit === 0) continue;
    const shown = list.slice(0, limit);
    lines.push(`  ${title} (${list.length}${shown.length < list.length ? `, first ${shown.length}` : ''}):`);
    lines.push(...shown.map(exampleLine));
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
  const lines: string[] = [];
  const rules = opts.codebook !== undefined ? `Rules of codebook '${opts.codebook}'` : 'Rules';
  const t = ev.transcripts.length;
  lines.push(`${rules} against ${ev.gold}: ${t} transcript${t === 1 ? '' : 's'}, ${ev.units} unit${ev.units === 1 ? '' : 's'}`);
  if (ev.unjudged.length > 0) lines.push(`  not in the gold coding, left out: ${ev.unjudged.join(', ')}`);
  lines.push(`  depth${ev.depths.length === 1 ? '' : 's'} compared: ${ev.depths.join(', ')} (${DEPTHS_FROM[ev.depthsFrom]})`);
  lines.push('');
  const header = ['category', 'label', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'kappa'];
  const rows = ev.categories.map((r) => [
    r.category,
    r.label,
    String(r.tp),
    String(r.fp),
    String(r.fn),
    tableFigure(r.precision),
    tableFigure(r.recall),
    tableFigure(r.f1),
    tableFigure(r.kappa),
  ]);
  const { micro, macro } = ev;
  rows.push([MICRO_ROW, '', String(micro.tp), String(micro.fp), String(micro.fn), tableFigure(micro.precision), tableFigure(micro.recall), tableFigure(micro.f1), '']);
  rows.push([MACRO_ROW, '', '', '', '', tableFigure(macro.precision), tableFigure(macro.recall), tableFigure(macro.f1), tableFigure(macro.kappa)]);
  lines.push(...alignColumns([header, ...rows], 'll'));
  lines.push('');
  lines.push('tp: units both the rules and the gold coding code; fp: only the rules; fn: only the gold coding.');
  lines.push(`${MICRO_ROW}: over the summed counts; ${MACRO_ROW}: mean over the categories where the figure is defined;`);
  lines.push("kappa: Cohen's kappa of the rules and the gold coding, present/absent per compared unit.");
  lines.push(`${UNDEFINED_MARK}: undefined (precision: the rules never coded the category; recall: the gold coding never has it;`);
  lines.push('kappa: both code it in every compared unit or in none).');
  const examples = ev.categories.flatMap((r) => exampleLines(r, limit));
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
