/**
 * `learnRules`: rules learned from a human coding, in the codebook language. The inputs coded with
 * the codebook are compared with the gold coding per category (as `evaluate` compares them: gold
 * codes roll up to their parents, only the depths the gold coding codes are compared); per
 * category, candidates are found on the units the rules get wrong, measured exactly in one coding
 * pass, judged greedily by cross-validation by transcript (by folds of units when there is one
 * transcript), verified with the matcher, and the kept ones are written into a copy of the
 * codebook's YAML. Deterministic: the same inputs give the same proposals and the same bytes.
 */
import type { Message } from '../lang/catalogue.js';
import { unitId } from '../analysis/units.js';
import { evaluateCoding, type Evaluation, type EvaluationRow } from '../reliability/evaluation.js';
import { compileCodebook } from '../codebook/compile.js';
import { flattenCategories } from '../codebook/flatten.js';
import { parseCodebook } from '../codebook/parse.js';
import { checkCodebook } from '../coding/check.js';
import { codeUnits } from '../coding/code-units.js';
import { cmp, formatProblem, hasErrors, problem } from '../problems.js';
import type { Category, CodedUnit, Codebook, CoderCoding, Problem } from '../types.js';
import { adds, generateCandidates, type Candidate, type CandidateContext, type ProposalKind } from './candidates.js';
import { addToCodebook, explicitNegationPaths, type Addition } from './edit.js';
import { unitFeatures } from './features.js';
import { splitFolds } from './folds.js';
import { judgeCandidates, type Judgement, type Verdict } from './judge.js';
import { probeCandidates } from './probe.js';
import { f1, type Counts } from './score.js';

export { KIND_ORDER, type ProposalKind } from './candidates.js';

/** What `learnRules` learns from. */
export interface LearnInput {
  /** The codebook the units were coded with. */
  codebook: Codebook;
  /** Its YAML text (the new codebook is this text with the learned rules added). */
  text: string;
  /** Every unit of the inputs, coded with `codebook` (as `codeInputs` gives them). */
  units: readonly CodedUnit[];
  /** The human coding. */
  gold: CoderCoding;
}

/** Options of `learnRules`. */
export interface LearnOptions {
  /** Learn for this category only (a full code among the compared ones). */
  category?: string;
  /** Proposals kept per category at most (default 15). */
  maxKept?: number;
  /** Candidates judged per category at most, the best by estimate (default 30). */
  candidates?: number;
  /** Least units a proposal must fix on the data it is learned from (default 3). */
  minSupport?: number;
  /** `within` of proposed `near` rules (default 5). */
  within?: number;
  /** Most folds; more transcripts are dealt round-robin into this many folds (default 20). */
  maxFolds?: number;
  /** Folds of units when there is only one transcript (default 5). */
  unitFolds?: number;
  /** Progress: a stage name and how far it is. */
  onProgress?: (stage: 'features' | 'candidates' | 'judge' | 'verify', done: number, total: number) => void;
}

/** One judged proposal as reported. */
export interface Proposal {
  category: string;
  label: string;
  kind: ProposalKind;
  /** How it is shown: the term, `near/5/sentence: a, b`, `exclude: x`, `negation: true`. */
  text: string;
  terms: string[];
  within?: number;
  /** Units with the gold code it codes (+) or uncodes (−), on the whole coding. */
  tp: number;
  /** Units without the gold code it codes (+) or uncodes (−). */
  fp: number;
  precision: number | null;
  recall: number | null;
  /** Change of the held-out F1 (folds coded by models learned without them, counts pooled). */
  deltaF1: number;
  /** Change of F1 on the whole coding. */
  deltaF1Whole: number;
  /** Folds where it raises the held-out F1 / where it changes the held-out coding / all folds. */
  foldsGained: number;
  foldsChanged: number;
  folds: number;
  status: 'kept' | 'dropped';
  /** Why it was dropped, in English; '' when kept. */
  reason: string;
  /** The same as a catalogue message, for the table in the user's language (not in the JSON). */
  why?: Message;
  /** True when the figures were measured with the matcher (every kept proposal), false when they are the features' estimate. */
  verified: boolean;
}

/** F1 and counts of a category before and after learning. */
export interface CategoryLearning {
  category: string;
  label: string;
  /** On the whole coding: the codebook, and the new codebook (both coded by the matcher). */
  before: Counts & { f1: number | null };
  after: Counts & { f1: number | null };
  /** F1 of the held-out coding: the codebook (the same as on the whole coding), and each fold coded by what was learned without it. */
  heldOutBefore: number | null;
  heldOutAfter: number | null;
  kept: number;
  judged: number;
  /** Candidates found but not judged (below the best `candidates`). */
  notJudged: number;
}

/** Everything `learnRules` finds. */
export interface LearnResult {
  /** The codebook's evaluation against the gold coding (its warnings are in `problems`). */
  evaluation: Evaluation;
  folds: { by: 'transcript' | 'units'; count: number };
  proposals: Proposal[];
  categories: CategoryLearning[];
  macro: { before: number | null; after: number | null; heldOutBefore: number | null; heldOutAfter: number | null };
  /** The new codebook's YAML: the input text with the kept proposals added (the input itself when none is kept). */
  yaml: string;
  /** Anchor examples and counterexamples that fail in the codebook and in the new one (`fokus codebook check`). */
  check: { failedBefore: number; failedAfter: number };
  problems: Problem[];
}

/** A figure with its sign and 3 decimals, as the YAML comments show it. */
function signed3(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(3)}`;
}

/** The YAML comment of a kept proposal. */
export function learnedComment(p: Pick<Proposal, 'kind' | 'tp' | 'fp' | 'deltaF1'>): string {
  const counts = adds(p.kind) ? `+${p.tp} tp/+${p.fp} fp` : `-${-p.tp} tp/-${-p.fp} fp`;
  return `learned: ${counts}, F1 ${signed3(p.deltaF1)} (held-out)`;
}

/** The mean of the defined values. */
function mean(xs: readonly (number | null)[]): number | null {
  const d = xs.filter((x): x is number => x !== null);
  return d.length > 0 ? d.reduce((s, x) => s + x, 0) / d.length : null;
}

/** The options with their defaults. */
function withDefaults(options: LearnOptions): { maxKept: number; judged: number; minSupport: number; within: number } {
  return { maxKept: options.maxKept ?? 15, judged: options.candidates ?? 30, minSupport: options.minSupport ?? 3, within: options.within ?? 5 };
}

/** The result when nothing can be learned: no proposals, the codebook unchanged. */
function nothingLearned(input: LearnInput, evaluation: Evaluation, problems: Problem[]): LearnResult {
  const f = evaluation.macro.f1;
  return {
    evaluation,
    folds: { by: 'transcript', count: 0 },
    proposals: [],
    categories: [],
    macro: { before: f, after: f, heldOutBefore: f, heldOutAfter: f },
    yaml: input.text,
    check: { failedBefore: 0, failedAfter: 0 },
    problems,
  };
}

/** The compared rows (one category with `--category`), or an error problem when there is nothing to learn from. */
function comparedRows(evaluation: Evaluation, gold: CoderCoding, units: number, category: string | undefined): EvaluationRow[] | Problem {
  let rows = evaluation.categories;
  if (category !== undefined) {
    rows = rows.filter((r) => r.category === category);
    if (rows.length === 0) {
      const params = { category, n: evaluation.depths.length, depths: evaluation.depths.join(', ') };
      return problem(gold.coder, 'error', { key: 'problem.learn/category-not-compared', params }, undefined, 'learn/category-not-compared');
    }
  }
  if (units < 2) {
    return problem(gold.coder, 'error', { key: 'problem.learn/too-few-units', params: { n: units } }, undefined, 'learn/too-few-units');
  }
  return rows;
}

/** The codebook's coding and the gold coding of each compared category, per compared unit. */
function codingsOf(units: readonly CodedUnit[], rows: readonly EvaluationRow[]): { base: Map<string, Uint8Array>; gold: Map<string, Uint8Array> } {
  const index = new Map(units.map((u, i) => [unitId(u), i]));
  const base = new Map<string, Uint8Array>();
  const gold = new Map<string, Uint8Array>();
  for (const r of rows) {
    const b = new Uint8Array(units.length);
    units.forEach((u, i) => {
      if (u.codings.some((k) => k.category === r.category)) b[i] = 1;
    });
    const g = Uint8Array.from(b);
    for (const x of r.falsePositives) g[index.get(x.unit)!] = 0;
    for (const x of r.falseNegatives) g[index.get(x.unit)!] = 1;
    base.set(r.category, b);
    gold.set(r.category, g);
  }
  return { base, gold };
}

/** The candidates of every compared category, numbered in order. */
function candidatesOf(rows: readonly EvaluationRow[], byPath: ReadonlyMap<string, Category>, context: Omit<CandidateContext, 'gold' | 'coded' | 'nextId'>, codings: ReturnType<typeof codingsOf>, onProgress: LearnOptions['onProgress']): Candidate[] {
  let nextId = 0;
  const candidates: Candidate[] = [];
  rows.forEach((r, i) => {
    candidates.push(...generateCandidates(byPath.get(r.category)!, { ...context, gold: codings.gold.get(r.category)!, coded: codings.base.get(r.category)!, nextId: () => nextId++ }));
    onProgress?.('candidates', i + 1, rows.length);
  });
  return candidates;
}

/** A verdict as reported. */
function toProposal(v: Verdict, label: string, folds: number): Proposal {
  return {
    category: v.candidate.category,
    label,
    kind: v.candidate.kind,
    text: v.candidate.text,
    terms: [...v.candidate.terms],
    ...(v.candidate.within !== undefined ? { within: v.candidate.within } : {}),
    tp: v.tp,
    fp: v.fp,
    precision: v.precision,
    recall: v.recall,
    deltaF1: v.heldOut,
    deltaF1Whole: v.whole,
    foldsGained: v.foldsGained,
    foldsChanged: v.foldsChanged,
    folds,
    status: v.kept ? 'kept' : 'dropped',
    reason: v.reason,
    ...(v.why ? { why: v.why } : {}),
    verified: v.verified,
  };
}

/** The proposals in codebook order of their categories, each category's in the order they were judged. */
function proposalsOf(verdicts: readonly Verdict[], flat: readonly Category[], folds: number): Proposal[] {
  const rank = new Map(flat.map((c, i) => [c.path, i]));
  const label = new Map(flat.map((c) => [c.path, c.label]));
  return verdicts
    .map((v, i) => ({ p: toProposal(v, label.get(v.candidate.category)!, folds), i }))
    .sort((a, b) => rank.get(a.p.category)! - rank.get(b.p.category)! || a.i - b.i)
    .map((x) => x.p);
}

/** The new codebook: the kept proposals under their categories, each with its comment; its YAML, the loaded codebook and the checks before and after. */
function newCodebook(input: LearnInput, proposals: readonly Proposal[]): { yaml: string; codebook: Codebook; check: LearnResult['check'] } {
  const additions: Addition[] = proposals
    .filter((p) => p.status === 'kept')
    .map((p) => ({ category: p.category, kind: p.kind, terms: p.terms, ...(p.within !== undefined ? { within: p.within } : {}), comment: learnedComment(p) }));
  const yaml = additions.length > 0 ? addToCodebook(input.text, additions) : input.text;
  const file = input.codebook.source.file;
  const parsedNew = parseCodebook(yaml, file);
  if (!parsedNew.codebook || hasErrors(parsedNew.problems)) {
    throw new Error(`the learned codebook does not load: ${parsedNew.problems.map(formatProblem).join('; ')}`);
  }
  const checkBefore = checkCodebook(parseCodebook(input.text, file), file);
  const checkAfter = checkCodebook(parsedNew, file);
  return { yaml, codebook: parsedNew.codebook, check: { failedBefore: checkBefore.totals.failed, failedAfter: checkAfter.totals.failed } };
}

/** F1 and counts per category before and after, the whole coding coded with the new codebook by the matcher. */
function categoryLearning(rows: readonly EvaluationRow[], after: Evaluation, judgement: Judgement, proposals: readonly Proposal[]): CategoryLearning[] {
  const afterRows = new Map(after.categories.map((r) => [r.category, r]));
  const heldOut = new Map(judgement.heldOut.map((h) => [h.category, h]));
  return rows.map((r) => {
    const a = afterRows.get(r.category)!;
    const h = heldOut.get(r.category)!;
    const mine = proposals.filter((p) => p.category === r.category);
    return {
      category: r.category,
      label: r.label,
      before: { tp: r.tp, fp: r.fp, fn: r.fn, f1: r.f1 },
      after: { tp: a.tp, fp: a.fp, fn: a.fn, f1: a.f1 },
      heldOutBefore: f1(h.before),
      heldOutAfter: f1(h.after),
      kept: mine.filter((p) => p.status === 'kept').length,
      judged: mine.length,
      notJudged: judgement.notJudged.get(r.category) ?? 0,
    };
  });
}

/** Macro means of the categories' figures. */
function macroOf(learned: readonly CategoryLearning[]): LearnResult['macro'] {
  return {
    before: mean(learned.map((c) => c.before.f1)),
    after: mean(learned.map((c) => c.after.f1)),
    heldOutBefore: mean(learned.map((c) => c.heldOutBefore)),
    heldOutAfter: mean(learned.map((c) => c.heldOutAfter)),
  };
}

/**
 * Learn rules from a gold coding (see the module comment). Throws only for programmer errors; a
 * category that is not compared, or a gold coding that covers no unit, gives an error problem and
 * no proposals.
 */
export function learnRules(input: LearnInput, options: LearnOptions = {}): LearnResult {
  const { codebook, gold } = input;
  const { maxKept, judged, minSupport, within } = withDefaults(options);
  const flat = flattenCategories(codebook.categories);
  const byPath = new Map(flat.map((c) => [c.path, c]));
  const categories = flat.map((c) => ({ path: c.path, label: c.label }));
  const evaluation = evaluateCoding(input.units, gold, categories);
  const problems: Problem[] = [...evaluation.problems];

  // The compared units, as evaluate compares them.
  const compared = new Set(evaluation.transcripts);
  const units = input.units.filter((u) => !u.moderator && compared.has(u.transcript)).sort((a, b) => cmp(a.transcript, b.transcript) || a.segment - b.segment);
  const rows = comparedRows(evaluation, gold, units.length, options.category);
  if (!Array.isArray(rows)) {
    problems.push(rows);
    return nothingLearned(input, evaluation, problems);
  }
  const codings = codingsOf(units, rows);
  const split = splitFolds(units, evaluation.transcripts, options.maxFolds ?? 20, options.unitFolds ?? 5);
  const folds: LearnResult['folds'] = { by: split.by, count: split.folds };

  options.onProgress?.('features', 0, 1);
  const features = unitFeatures(units, { language: codebook.language, within, lemmas: true });
  options.onProgress?.('features', 1, 1);

  const explicitNegation = explicitNegationPaths(input.text);
  const candidates = candidatesOf(rows, byPath, { features, language: codebook.language, minSupport, perKind: judged, within }, codings, options.onProgress);
  const fires = probeCandidates(codebook, byPath, candidates, units, explicitNegation);
  const judgement = judgeCandidates(
    { codebook, categories: byPath, units, fold: split.fold, folds: split.folds, gold: codings.gold, base: codings.base, fires, explicitNegation, minSupport, maxKept, judged },
    candidates,
    rows.map((r) => r.category),
    (done, total) => options.onProgress?.('judge', done, total),
  );
  const proposals = proposalsOf(judgement.verdicts, flat, folds.count);

  options.onProgress?.('verify', 0, 1);
  const learnedBook = newCodebook(input, proposals);
  const newUnits = codeUnits(input.units, compileCodebook(learnedBook.codebook), { evidence: false });
  const after = evaluateCoding(newUnits, gold, categories, { depths: evaluation.depths });
  const learned = categoryLearning(rows, after, judgement, proposals);
  options.onProgress?.('verify', 1, 1);
  return { evaluation, folds, proposals, categories: learned, macro: macroOf(learned), yaml: learnedBook.yaml, check: learnedBook.check, problems };
}
