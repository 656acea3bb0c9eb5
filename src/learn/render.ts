/** The proposals of `learnRules` as a terminal table, CSV and JSON (strings only; nothing is written here). */
import { alignColumns, figureCsv, formatFigure, UNDEFINED_MARK } from '../reliability/agreement-render.js';
import type { CsvOptions } from '../report/format.js';
import { stableStringify } from '../report/json.js';
import type { LearnResult, Proposal } from './index.js';

/** The CSV columns, in order. */
export const LEARN_CSV_COLUMNS = [
  'category',
  'kind',
  'proposal',
  'tp',
  'fp',
  'precision',
  'recall',
  'delta_f1_heldout',
  'delta_f1_whole',
  'folds_gained',
  'folds_changed',
  'folds',
  'status',
  'reason',
  'verified',
] as const;

/** What the heading names. */
export interface LearnRenderContext {
  codebook: string;
  gold: string;
  /** The new codebook's file, or null for a dry run. */
  out: string | null;
}

/** A count with its sign (`+3`, `-2`, `0`). */
function signedCount(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '0';
}

/** A change of F1 with its sign and 4 decimals. */
function signedFigure(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(4)}`;
}

/** A figure or the undefined mark. */
function figure(x: number | null): string {
  return x === null ? UNDEFINED_MARK : formatFigure(x);
}

/** How the folds are described. */
function foldsText(r: LearnResult): string {
  const k = r.folds.count;
  return r.folds.by === 'transcript' ? `cross-validation by transcript, ${k} fold${k === 1 ? '' : 's'}` : `one transcript: cross-validation by ${k} folds of units`;
}

/**
 * The terminal view: a heading, one row per judged proposal (category, kind, proposal, +tp, +fp,
 * precision, recall, ΔF1 held-out, folds gained/all, kept or dropped with the reason), then per
 * category its F1 before and after (whole coding and held-out) and the macro means; ends with `\n`.
 */
export function renderLearnTable(r: LearnResult, ctx: LearnRenderContext): string {
  const lines: string[] = [];
  const t = r.evaluation.transcripts.length;
  lines.push(`Rules learned for codebook '${ctx.codebook}' from ${ctx.gold}: ${t} transcript${t === 1 ? '' : 's'}, ${r.evaluation.units} unit${r.evaluation.units === 1 ? '' : 's'}, ${foldsText(r)}`);
  lines.push(`  depth${r.evaluation.depths.length === 1 ? '' : 's'} compared: ${r.evaluation.depths.join(', ')}`);
  lines.push('');
  if (r.proposals.length === 0) {
    lines.push('No proposals: every candidate that was found fixes fewer units than required, or none was found.');
  } else {
    const header = ['category', 'kind', 'proposal', '+tp', '+fp', 'precision', 'recall', 'ΔF1 held-out', 'folds', 'status'];
    const rows = r.proposals.map((p: Proposal) => [
      p.category,
      p.kind,
      p.text,
      signedCount(p.tp),
      signedCount(p.fp),
      figure(p.precision),
      figure(p.recall),
      signedFigure(p.deltaF1),
      `${p.foldsGained}/${p.folds}`,
      p.status === 'kept' ? 'kept' : `dropped: ${p.reason}`,
    ]);
    lines.push(...alignColumns([header, ...rows], 'lllrrrrrrl'));
  }
  lines.push('');
  const header = ['category', 'kept', 'judged', 'F1 before', 'F1 after', 'held-out before', 'held-out after'];
  const rows = r.categories.map((c) => [c.category, String(c.kept), String(c.judged + c.notJudged), figure(c.before.f1), figure(c.after.f1), figure(c.heldOutBefore), figure(c.heldOutAfter)]);
  rows.push(['(macro)', '', '', figure(r.macro.before), figure(r.macro.after), figure(r.macro.heldOutBefore), figure(r.macro.heldOutAfter)]);
  lines.push(...alignColumns([header, ...rows], 'lrrrrrr'));
  lines.push('');
  lines.push('+tp/+fp: units with/without the gold code it codes (+) or uncodes (-) on the whole coding; precision, recall: of the rule alone');
  lines.push('(excludes and the negation guard: of the codings it removes); ΔF1 held-out: change of F1 when each fold is coded by what');
  lines.push('was learned without it; folds: folds where that raises F1 / all folds (kept: at least half). F1 after: the new codebook');
  lines.push('coded by the matcher; judged: candidates found (the best are judged, the others listed as not judged).');
  const kept = r.proposals.filter((p) => p.status === 'kept').length;
  lines.push('');
  lines.push(ctx.out === null ? `Dry run: ${kept} proposal${kept === 1 ? '' : 's'} would be kept; nothing written.` : `${kept} proposal${kept === 1 ? '' : 's'} kept in ${ctx.out}.`);
  return lines.join('\n') + '\n';
}

/** One CSV row per judged proposal (`LEARN_CSV_COLUMNS`): figures with 4 decimals, undefined ones empty. */
export function renderLearnCsv(r: LearnResult, opts: CsvOptions): string {
  return figureCsv(
    LEARN_CSV_COLUMNS,
    r.proposals.map((p) => [
      { text: p.category },
      { text: p.kind },
      { text: p.text },
      { count: p.tp },
      { count: p.fp },
      { figure: p.precision },
      { figure: p.recall },
      { figure: p.deltaF1 },
      { figure: p.deltaF1Whole },
      { count: p.foldsGained },
      { count: p.foldsChanged },
      { count: p.folds },
      { text: p.status },
      { text: p.reason },
      { text: p.verified ? 'true' : 'false' },
    ]),
    opts,
  );
}

/** Everything as JSON (keys sorted, figures unrounded, undefined ones null). */
export function renderLearnJson(r: LearnResult, ctx: LearnRenderContext): string {
  return (
    stableStringify({
      codebook: ctx.codebook,
      gold: ctx.gold,
      out: ctx.out,
      units: r.evaluation.units,
      transcripts: r.evaluation.transcripts,
      depths: r.evaluation.depths,
      folds: r.folds,
      proposals: r.proposals,
      categories: r.categories,
      macro: r.macro,
      check: r.check,
    }) + '\n'
  );
}
