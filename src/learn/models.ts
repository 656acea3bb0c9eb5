/**
 * The cross-validation models of the category being judged: m = 0 … K−1 are the fold models (what
 * is learned without fold m), K is the model learned on everything. Per model: the coding of every
 * compared unit and its counts against the gold coding (outside fold m and in it for a fold model,
 * over all units for model K), and how a candidate's coding of some units changes those counts.
 */
import type { FoldSplit } from './folds.js';
import { changeOf, plus, zero, type Counts } from './score.js';
import { codesAt, type Tree } from './tree.js';

/** Counts per model: `train[m]` over the units outside fold m, `test[m]` over fold m (m < K), `all` over all units (model K). */
export interface ModelCounts {
  train: Counts[];
  test: Counts[];
  all: Counts;
}

/** The coding of one category in every model, with its counts. */
export interface ModelCoding extends ModelCounts {
  split: FoldSplit;
  /** The category's full code. */
  path: string;
  /** Gold coding and the codebook's coding, per unit. */
  gold: Uint8Array;
  base: Uint8Array;
  /** coded[m][u]. */
  coded: Uint8Array[];
  /** Units an exclude kept for this category blocks, per model (for the estimate). */
  blocked: Uint8Array[];
}

/** How a candidate changes the counts of every model, and the units it codes (now) and uncodes in model K. */
export interface Deltas extends ModelCounts {
  gainedAll: number[];
  lostAll: number[];
}

/** Zero counts for every model. */
function zeroCounts(K: number): ModelCounts {
  const c: ModelCounts = { train: [], test: [], all: zero() };
  for (let m = 0; m < K; m++) {
    c.train.push(zero());
    c.test.push(zero());
  }
  return c;
}

/** The counts of model m that unit u counts in. */
function countsAt(c: ModelCounts, split: FoldSplit, m: number, u: number): Counts {
  return m === split.folds ? c.all : split.fold[u] === m ? c.test[m]! : c.train[m]!;
}

/** The codebook's coding of a category in every model, with what was kept in its tree (subcategories roll up) coded again. */
export function modelCoding(split: FoldSplit, tree: Tree, path: string, gold: Uint8Array, base: Uint8Array): ModelCoding {
  const { units, folds: K } = split;
  const N = units.length;
  const mc: ModelCoding = { ...zeroCounts(K), split, path, gold, base, coded: [], blocked: [] };
  for (let m = 0; m <= K; m++) {
    mc.coded.push(Uint8Array.from(base));
    mc.blocked.push(new Uint8Array(N));
  }
  if (tree.affected.size > 0) {
    const affected = [...tree.affected].sort((a, b) => a - b);
    for (const [s, models] of tree.models(K)) {
      const entry = tree.entry(s);
      const index = entry.index.get(path)!;
      for (const u of affected) {
        const now = codesAt(entry, index, units[u]!.text) ? 1 : 0;
        for (const m of models) mc.coded[m]![u] = now;
      }
    }
  }
  for (let u = 0; u < N; u++) {
    for (let m = 0; m <= K; m++) {
      const c = mc.coded[m]![u] === 1;
      const g = gold[u] === 1;
      const into = countsAt(mc, split, m, u);
      if (c && g) into.tp++;
      else if (c) into.fp++;
      else if (g) into.fn++;
    }
  }
  return mc;
}

/** The counts' changes, given a candidate's coding `now(m, i)` of its touched units in each model. */
export function deltasOf(mc: ModelCoding, touched: Int32Array, now: (m: number, i: number) => boolean): Deltas {
  const K = mc.split.folds;
  const d: Deltas = { ...zeroCounts(K), gainedAll: [], lostAll: [] };
  touched.forEach((u, i) => {
    const g = mc.gold[u] === 1;
    for (let m = 0; m <= K; m++) {
      const was = mc.coded[m]![u] === 1;
      const is = now(m, i);
      if (was === is) continue;
      changeOf(g, was, is, countsAt(d, mc.split, m, u));
      if (m === K) (is ? d.gainedAll : d.lostAll).push(u);
    }
  });
  return d;
}

/** The summed test counts: the held-out coding's counts. */
export function heldCounts(mc: ModelCoding): Counts {
  return mc.test.reduce((s, c) => plus(s, c), zero());
}

/** Keep a candidate: each model that learned it codes the touched units as `flags` (per model, per touched unit) say; an exclude blocks them. */
export function keepCoding(mc: ModelCoding, touched: Int32Array, learned: Uint8Array, flags: ReadonlyMap<number, Uint8Array>, blocks: boolean): void {
  for (let m = 0; m <= mc.split.folds; m++) {
    if (!learned[m]) continue;
    const f = flags.get(m)!;
    touched.forEach((u, i) => {
      const was = mc.coded[m]![u]!;
      const now = f[i]!;
      if (was !== now) {
        changeOf(mc.gold[u] === 1, was === 1, now === 1, countsAt(mc, mc.split, m, u));
        mc.coded[m]![u] = now;
      }
      if (blocks) mc.blocked[m]![u] = 1;
    });
  }
}
