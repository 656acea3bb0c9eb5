/** The proposals of `learnRules` as a terminal table, CSV and JSON (strings only; nothing is written here). */
import { messagesFor, type Message, type Messages } from '../lang/catalogue.js';
import { alignColumns, figureCsv, tableFigure } from '../reliability/agreement-render.js';
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

/** A change of F1 with its sign and 4 decimals, with the language's decimal mark. */
function signedFigure(x: number, m: Messages): string {
  return `${x >= 0 ? '+' : '-'}${m.number(Math.abs(x), 4)}`;
}

/** How the folds are described. */
function foldsText(r: LearnResult): Message {
  const n = r.folds.count;
  return { key: r.folds.by === 'transcript' ? 'learn.folds.transcript' : 'learn.folds.units', params: { n } };
}

/** The table of proposals: one row per judged proposal, or the sentence saying there is none. */
function proposalLines(r: LearnResult, m: Messages): string[] {
  if (r.proposals.length === 0) return [m.t('learn.no-proposals')];
  const heads = ['learn.head.category', 'learn.head.kind', 'learn.head.proposal'] as const;
  const header = [...heads.map((k) => m.t(k)), '+tp', '+fp', 'precision', 'recall', m.t('learn.head.held-out'), m.t('learn.head.folds'), m.t('learn.head.status')];
  const rows = r.proposals.map((p: Proposal) => [
    p.category,
    p.kind,
    p.text,
    signedCount(p.tp),
    signedCount(p.fp),
    tableFigure(p.precision, m),
    tableFigure(p.recall, m),
    signedFigure(p.deltaF1, m),
    `${p.foldsGained}/${p.folds}`,
    p.status === 'kept' ? m.t('learn.status.kept') : m.t('learn.status.dropped', { reason: p.why ? m.say(p.why) : p.reason }),
  ]);
  return alignColumns([header, ...rows], 'lllrrrrrrl');
}

/** Per category its F1 before and after (whole coding and held-out), then the macro means. */
function categoryLines(r: LearnResult, m: Messages): string[] {
  const f = (x: number | null): string => tableFigure(x, m);
  const heads = ['learn.head.category', 'learn.head.kept', 'learn.head.judged', 'learn.head.f1-before', 'learn.head.f1-after', 'learn.head.held-out-before', 'learn.head.held-out-after'] as const;
  const rows = r.categories.map((c) => [c.category, String(c.kept), String(c.judged + c.notJudged), f(c.before.f1), f(c.after.f1), f(c.heldOutBefore), f(c.heldOutAfter)]);
  rows.push(['(macro)', '', '', f(r.macro.before), f(r.macro.after), f(r.macro.heldOutBefore), f(r.macro.heldOutAfter)]);
  return alignColumns([heads.map((k) => m.t(k)), ...rows], 'lrrrrrr');
}

/**
 * The terminal view: a heading, one row per judged proposal (category, kind, proposal, +tp, +fp,
 * precision, recall, ΔF1 held-out, folds gained/all, kept or dropped with the reason), then per
 * category its F1 before and after (whole coding and held-out) and the macro means; ends with `\n`.
 * In the language of `m` (default English); the reason a proposal is dropped stays English.
 */
export function renderLearnTable(r: LearnResult, ctx: LearnRenderContext, m: Messages = messagesFor('en')): string {
  const lines: string[] = [];
  const transcripts = { key: 'count.transcripts', params: { n: r.evaluation.transcripts.length } } as const;
  const units = { key: 'count.units', params: { n: r.evaluation.units } } as const;
  lines.push(m.t('learn.title', { codebook: ctx.codebook, gold: ctx.gold, transcripts, units, folds: foldsText(r) }));
  lines.push(`  ${m.t('learn.depths', { n: r.evaluation.depths.length, depths: r.evaluation.depths.join(', ') })}`);
  lines.push('', ...proposalLines(r, m), '', ...categoryLines(r, m), '');
  lines.push(m.t('learn.legend.1'), m.t('learn.legend.2'), m.t('learn.legend.3'), m.t('learn.legend.4'));
  const kept = r.proposals.filter((p) => p.status === 'kept').length;
  lines.push('');
  lines.push(ctx.out === null ? m.t('learn.dry-run', { n: kept }) : m.t('learn.written', { n: kept, out: ctx.out }));
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
      // The reason stays the English text of its message, as in the CSV.
      proposals: r.proposals.map(({ why: _why, ...p }) => p),
      categories: r.categories,
      macro: r.macro,
      check: r.check,
    }) + '\n'
  );
}
