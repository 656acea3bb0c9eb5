/**
 * `learnRules`: rules learned from a human coding, in the codebook language. The inputs coded with
 * the codebook are compared with the gold coding per category (as `evaluate` compares them: gold
 * codes roll up to their parents, only the depths the gold coding codes are compared); per
 * category, candidates are found on the units the rules get wrong, measured exactly in one coding
 * pass, judged greedily by cross-validation by transcript (by folds of units when there is one
 * transcript), verified with the matcher, and the kept ones are written into a copy of the
 * codebook's YAML. Deterministic: the same inputs give the same proposals and the same bytes.
 */
import { unitId } from '../aggregate/agreement.js';
import { evaluateCoding, type Evaluation } from '../aggregate/evaluation.js';
import { compileCodebook } from '../codebook/compile.js';
import { flattenCategories } from '../codebook/flatten.js';
import { parseCodebook } from '../codebook/parse.js';
import { checkCodebook } from '../code/check.js';
import { codeUnits } from '../code/code-units.js';
import { cmp, formatProblem, hasErrors } from '../problems.js';
import type { CodedUnit, Codebook, CoderCoding, Problem } from '../types.js';
import { adds, generateCandidates, type Candidate, type ProposalKind } from './candidates.js';
import { addToCodebook, explicitNegationPaths, type Addition } from './edit.js';
import { unitFeatures } from './features.js';
import { judgeCandidates, type Verdict } from './judge.js';
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
  /** Why it was dropped; '' when kept. */
  reason: string;
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

/**
 * Learn rules from a gold coding (see the module comment). Throws only for programmer errors; a
 * category that is not compared, or a gold coding that covers no unit, gives an error problem and
 * no proposals.
 */
export function learnRules(input: LearnInput, options: LearnOptions = {}): LearnResult {
  const { codebook, gold } = input;
  const maxKept = options.maxKept ?? 15;
  const judged = options.candidates ?? 30;
  const minSupport = options.minSupport ?? 3;
  const within = options.within ?? 5;
  const flat = flattenCategories(codebook.categories);
  const byPath = new Map(flat.map((c) => [c.path, c]));
  const categories = flat.map((c) => ({ path: c.path, label: c.label }));
  const evaluation = evaluateCoding(input.units, gold, categories);
  const problems: Problem[] = [...evaluation.problems];
  const empty = (): LearnResult => ({
    evaluation,
    folds: { by: 'transcript', count: 0 },
    proposals: [],
    categories: [],
    macro: { before: evaluation.macro.f1, after: evaluation.macro.f1, heldOutBefore: evaluation.macro.f1, heldOutAfter: evaluation.macro.f1 },
    yaml: input.text,
    check: { failedBefore: 0, failedAfter: 0 },
    problems,
  });

  // The compared units, as evaluate compares them.
  const compared = new Set(evaluation.transcripts);
  const units = input.units.filter((u) => !u.moderator && compared.has(u.transcript)).sort((a, b) => cmp(a.transcript, b.transcript) || a.segment - b.segment);
  const N = units.length;
  let rows = evaluation.categories;
  if (options.category !== undefined) {
    rows = rows.filter((r) => r.category === options.category);
    if (rows.length === 0) {
      problems.push({ file: gold.coder, severity: 'error', message: `category '${options.category}' is not compared: the gold coding codes depth${evaluation.depths.length === 1 ? '' : 's'} ${evaluation.depths.join(', ')}`, ruleId: 'learn/category-not-compared' });
      return empty();
    }
  }
  if (N < 2) {
    problems.push({ file: gold.coder, severity: 'error', message: `the gold coding covers ${N} unit${N === 1 ? '' : 's'} of the inputs; learning needs at least 2`, ruleId: 'learn/too-few-units' });
    return empty();
  }
  const index = new Map(units.map((u, i) => [unitId(u.transcript, u.segment), i]));
  const baseOf = new Map<string, Uint8Array>();
  const goldOf = new Map<string, Uint8Array>();
  for (const r of rows) {
    const b = new Uint8Array(N);
    units.forEach((u, i) => {
      if (u.codings.some((k) => k.category === r.category)) b[i] = 1;
    });
    const g = Uint8Array.from(b);
    for (const x of r.falsePositives) g[index.get(x.unit)!] = 0;
    for (const x of r.falseNegatives) g[index.get(x.unit)!] = 1;
    baseOf.set(r.category, b);
    goldOf.set(r.category, g);
  }

  // Folds: by transcript (round-robin into at most maxFolds), or contiguous blocks of units.
  const transcripts = evaluation.transcripts;
  const fold = new Int32Array(N);
  let folds: LearnResult['folds'];
  if (transcripts.length >= 2) {
    const K = Math.min(transcripts.length, options.maxFolds ?? 20);
    const of = new Map(transcripts.map((t, i) => [t, i % K]));
    units.forEach((u, i) => (fold[i] = of.get(u.transcript)!));
    folds = { by: 'transcript', count: K };
  } else {
    const K = Math.min(options.unitFolds ?? 5, N);
    for (let i = 0; i < N; i++) fold[i] = Math.floor((i * K) / N);
    folds = { by: 'units', count: K };
  }

  options.onProgress?.('features', 0, 1);
  const features = unitFeatures(units, { language: codebook.language, within, lemmas: true });
  options.onProgress?.('features', 1, 1);

  const explicitNegation = explicitNegationPaths(input.text);
  let nextId = 0;
  const candidates: Candidate[] = [];
  rows.forEach((r, i) => {
    const cat = byPath.get(r.category)!;
    candidates.push(
      ...generateCandidates(cat, {
        features,
        language: codebook.language,
        gold: goldOf.get(r.category)!,
        coded: baseOf.get(r.category)!,
        minSupport,
        perKind: judged,
        within,
        nextId: () => nextId++,
      }),
    );
    options.onProgress?.('candidates', i + 1, rows.length);
  });
  const fires = probeCandidates(codebook, byPath, candidates, units, explicitNegation);
  const judgement = judgeCandidates(
    { codebook, categories: byPath, units, fold, folds: folds.count, gold: goldOf, base: baseOf, fires, explicitNegation, minSupport, maxKept, judged },
    candidates,
    rows.map((r) => r.category),
    (done, total) => options.onProgress?.('judge', done, total),
  );

  // Proposals in codebook order of their categories, each category's in the order they were judged.
  const rank = new Map(flat.map((c, i) => [c.path, i]));
  const toProposal = (v: Verdict): Proposal => ({
    category: v.candidate.category,
    label: byPath.get(v.candidate.category)!.label,
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
    folds: folds.count,
    status: v.kept ? 'kept' : 'dropped',
    reason: v.reason,
    verified: v.verified,
  });
  const proposals = judgement.verdicts
    .map((v, i) => ({ p: toProposal(v), i }))
    .sort((a, b) => rank.get(a.p.category)! - rank.get(b.p.category)! || a.i - b.i)
    .map((x) => x.p);

  // The new codebook: the kept proposals under their categories, each with its comment.
  options.onProgress?.('verify', 0, 1);
  const additions: Addition[] = proposals
    .filter((p) => p.status === 'kept')
    .map((p) => ({ category: p.category, kind: p.kind, terms: p.terms, ...(p.within !== undefined ? { within: p.within } : {}), comment: learnedComment(p) }));
  const yaml = additions.length > 0 ? addToCodebook(input.text, additions) : input.text;
  const file = codebook.source.file;
  const parsedNew = parseCodebook(yaml, file);
  if (!parsedNew.codebook || hasErrors(parsedNew.problems)) {
    throw new Error(`the learned codebook does not load: ${parsedNew.problems.map(formatProblem).join('; ')}`);
  }
  const checkBefore = checkCodebook(parseCodebook(input.text, file), file);
  const checkAfter = checkCodebook(parsedNew, file);

  // The whole coding with the new codebook, by the matcher.
  const newUnits = codeUnits(input.units, compileCodebook(parsedNew.codebook), { evidence: false });
  const after = evaluateCoding(newUnits, gold, categories, { depths: evaluation.depths });
  const afterRows = new Map(after.categories.map((r) => [r.category, r]));
  const heldOut = new Map(judgement.heldOut.map((h) => [h.category, h]));
  const learned: CategoryLearning[] = rows.map((r) => {
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
  options.onProgress?.('verify', 1, 1);
  return {
    evaluation,
    folds,
    proposals,
    categories: learned,
    macro: {
      before: mean(learned.map((c) => c.before.f1)),
      after: mean(learned.map((c) => c.after.f1)),
      heldOutBefore: mean(learned.map((c) => c.heldOutBefore)),
      heldOutAfter: mean(learned.map((c) => c.heldOutAfter)),
    },
    yaml,
    check: { failedBefore: checkBefore.totals.failed, failedAfter: checkAfter.totals.failed },
    problems,
  };
}

