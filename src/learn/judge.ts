/**
 * Judging candidates: greedily, per category, each against the rules kept before it, by
 * cross-validation. Fold models m = 0 … K−1 are what would be learned without fold m (a proposal
 * is "learned" in model m when it raises F1 on the other folds by fixing at least `minSupport`
 * units there); model K is learned on everything. A proposal is kept when it is learned on
 * everything, raises the F1 of the held-out coding (each fold coded by the model learned without it,
 * counts pooled over the folds) and raises it in at least half of the folds (a fold it does not
 * change counts as no gain: a rule must carry over to most transcripts). Every figure of a proposal that passes the features' estimate is then measured
 * with the project's matcher: the category's tree is compiled with the kept proposals of each
 * model and the candidate, and the units the candidate can change are coded again.
 *
 * The parts: `models.ts` (each model's coding and counts), `effect.ts` (what one candidate does to
 * them), `verdict.ts` (kept or dropped, and why), `tree.ts` (the compiled trees and the examples).
 */
import { cmp } from '../problems.js';
import type { Category, Codebook } from '../types.js';
import { changeOfCandidate, type Change } from './apply.js';
import { KIND_ORDER, type Candidate } from './candidates.js';
import { estimateOf, measureOf, touchedBy, type CandidateUnits } from './effect.js';
import type { FoldSplit } from './folds.js';
import { keepCoding, modelCoding, type ModelCoding } from './models.js';
import { countsOf, deltaF1, plus, type Counts } from './score.js';
import { brokenExample, codesAt, Tree, type Kept } from './tree.js';
import { assess, type Verdict } from './verdict.js';

export { changeOfCandidate } from './apply.js';
export type { Verdict } from './verdict.js';

/** What the judge needs: the compared units, the folds, the codings and each candidate's units. */
export interface JudgeSetup extends FoldSplit {
  codebook: Codebook;
  /** Every category of the codebook by full code. */
  categories: ReadonlyMap<string, Category>;
  /** Gold coding of each compared category per unit. */
  gold: ReadonlyMap<string, Uint8Array>;
  /** The codebook's coding of each compared category per unit. */
  base: ReadonlyMap<string, Uint8Array>;
  /** The units each candidate fires in (see `probeCandidates`). */
  fires: ReadonlyMap<number, Int32Array>;
  explicitNegation: ReadonlySet<string>;
  minSupport: number;
  /** Proposals kept per category at most. */
  maxKept: number;
  /** Candidates judged per category at most (the best by estimate). */
  judged: number;
}

/** Held-out figures of a category, before and after learning. */
export interface HeldOut {
  category: string;
  before: Counts;
  after: Counts;
}

/** What the judge gives: a verdict per judged candidate, the kept changes in order, held-out figures per category, and how many candidates were not judged. */
export interface Judgement {
  verdicts: Verdict[];
  kept: Change[];
  heldOut: HeldOut[];
  notJudged: Map<string, number>;
}

/** The category being judged: its tree, its coding in every model, and the proposals kept for it so far. */
interface CategoryJudging {
  setup: JudgeSetup;
  tree: Tree;
  mc: ModelCoding;
  keptHere: Kept[];
}

/** Categories children first (post-order), codebook order among siblings. */
function postOrder(categories: readonly Category[]): Category[] {
  const out: Category[] = [];
  const visit = (cat: Category): void => {
    cat.categories.forEach(visit);
    out.push(cat);
  };
  categories.forEach(visit);
  return out;
}

/** A candidate with its units, ready to be judged in a category. */
function withUnits(j: CategoryJudging, c: Candidate): CandidateUnits {
  const fires = j.setup.fires.get(c.id) ?? new Int32Array(0);
  return { candidate: c, fires, touched: touchedBy(j.mc, c, fires) };
}

/** The best `setup.judged` candidates of a category by the features' estimate (ties: kind order, then text), and how many are left out. */
function rankCandidates(j: CategoryJudging, candidates: readonly Candidate[]): { judged: Candidate[]; left: number } {
  const all = j.mc.all;
  const ranked = candidates
    .map((c) => ({ c, score: deltaF1(all, plus(all, estimateOf(j.mc, withUnits(j, c)).all)) }))
    .sort((a, b) => b.score - a.score || KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || cmp(a.c.text, b.c.text));
  const judged = ranked.slice(0, j.setup.judged).map((r) => r.c);
  return { judged, left: ranked.length - judged.length };
}

/** Keep a candidate whose measure passed: each model that learns it codes its units as the matcher did. */
function keep(j: CategoryJudging, t: CandidateUnits, learned: Uint8Array, flags: ReadonlyMap<number, Uint8Array>): void {
  const c = t.candidate;
  keepCoding(j.mc, t.touched, learned, flags, c.kind === 'exclude');
  const kept: Kept = { candidate: c, change: changeOfCandidate(c), learned, touched: t.touched };
  j.tree.kept.push(kept);
  j.keptHere.push(kept);
  for (const u of t.touched) j.tree.affected.add(u);
  j.tree.forget(c.id);
}

/** Judge one candidate of the category (estimate, then measure, then the examples) and keep it when it passes. */
function judgeOne(j: CategoryJudging, c: Candidate): Verdict {
  const { setup, tree, mc, keptHere } = j;
  const t = withUnits(j, c);
  if (keptHere.length >= setup.maxKept) {
    const v = assess(mc, t, estimateOf(mc, t), false, setup.minSupport, keptHere).verdict;
    return { ...v, kept: false, reason: `cap of ${setup.maxKept} proposals for the category reached` };
  }
  const estimated = assess(mc, t, estimateOf(mc, t), false, setup.minSupport, keptHere);
  if (!estimated.verdict.kept) return estimated.verdict;
  const measure = measureOf(mc, tree, t);
  const measured = assess(mc, t, measure.deltas, true, setup.minSupport, keptHere);
  if (!measured.verdict.kept) {
    tree.forget(c.id);
    return measured.verdict;
  }
  // Anchor examples of the tree must still pass, counterexamples still fail.
  const broken = brokenExample(tree, tree.signature(setup.folds), { id: c.id, change: changeOfCandidate(c) });
  if (broken !== undefined) {
    const [p, kind, n] = broken.split('#') as [string, string, string];
    tree.forget(c.id);
    return { ...measured.verdict, kept: false, reason: kind === 'example' ? `breaks anchor example ${n} of ${p}` : `codes counterexample ${n} of ${p}` };
  }
  keep(j, t, measured.learned, measure.flags);
  return measured.verdict;
}

/** The held-out figures of a category with everything kept: each fold coded by its model. */
function heldOutOf(setup: JudgeSetup, tree: Tree, path: string): HeldOut {
  const gold = setup.gold.get(path)!;
  const base = setup.base.get(path)!;
  const after = Uint8Array.from(base);
  if (tree.kept.length > 0) {
    const affected = [...tree.affected].sort((a, b) => a - b);
    for (let m = 0; m < setup.folds; m++) {
      const entry = tree.entry(tree.signature(m));
      const index = entry.index.get(path)!;
      for (const u of affected) if (setup.fold[u] === m) after[u] = codesAt(entry, index, setup.units[u]!.text) ? 1 : 0;
    }
  }
  return { category: path, before: countsOf(base, gold), after: countsOf(after, gold) };
}

/** Judge every category's candidates (see the module comment); `onCategory` reports progress. */
export function judgeCandidates(setup: JudgeSetup, candidates: readonly Candidate[], judgedPaths: readonly string[], onCategory?: (done: number, total: number) => void): Judgement {
  const trees = new Map<string, Tree>();
  for (const root of setup.codebook.categories) trees.set(root.path, new Tree(setup.codebook, setup.explicitNegation, root));
  const treeOf = (path: string): Tree => trees.get(path.split('/')[0]!)!;
  const byCategory = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byCategory.get(c.category) ?? [];
    list.push(c);
    byCategory.set(c.category, list);
  }
  const wanted = new Set(judgedPaths);
  const order = postOrder(setup.codebook.categories).filter((c) => wanted.has(c.path));
  const verdicts: Verdict[] = [];
  const notJudged = new Map<string, number>();
  order.forEach((cat, done) => {
    const tree = treeOf(cat.path);
    const mc = modelCoding(setup, tree, cat.path, setup.gold.get(cat.path)!, setup.base.get(cat.path)!);
    const j: CategoryJudging = { setup, tree, mc, keptHere: [] };
    const { judged, left } = rankCandidates(j, byCategory.get(cat.path) ?? []);
    if (left > 0) notJudged.set(cat.path, left);
    for (const c of judged) verdicts.push(judgeOne(j, c));
    onCategory?.(done + 1, order.length);
  });
  const heldOut = order.map((cat) => heldOutOf(setup, treeOf(cat.path), cat.path));
  const kept: Change[] = [];
  for (const tree of trees.values()) for (const k of tree.kept) kept.push(k.change);
  return { verdicts, kept, heldOut, notJudged };
}
