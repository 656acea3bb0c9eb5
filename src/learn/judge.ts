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
 */
import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { countCodes, matchText } from '../code/match.js';
import { cmp } from '../problems.js';
import type { Category, Codebook, Unit } from '../types.js';
import { applyChanges, treeCodebook, type Change } from './apply.js';
import { adds, KIND_ORDER, type Candidate } from './candidates.js';
import { changeOf, countsOf, deltaF1, isZero, plus, zero, type Counts } from './score.js';

/** What the judge needs: the compared units, the folds, the codings and each candidate's units. */
export interface JudgeSetup {
  codebook: Codebook;
  /** Every category of the codebook by full code. */
  categories: ReadonlyMap<string, Category>;
  /** The compared units, in order: their indexes are the unit numbers used everywhere. */
  units: readonly Unit[];
  /** Fold of each unit (0 … folds−1). */
  fold: Int32Array;
  folds: number;
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

/** The verdict on one candidate. */
export interface Verdict {
  candidate: Candidate;
  /** Units gained (+) or lost (−) that the gold coding has, on the whole coding. */
  tp: number;
  /** Units gained (+) or lost (−) that the gold coding does not have. */
  fp: number;
  /** Terms and rules: share of the units it codes that the gold coding has; excludes and guards: share of the units it removes that are wrong. */
  precision: number | null;
  /** Terms and rules: share of the gold units it codes; excludes and guards: share of the wrong units it removes. */
  recall: number | null;
  /** Change of F1 of the held-out coding (pooled over the folds). */
  heldOut: number;
  /** Change of F1 on the whole coding. */
  whole: number;
  /** Folds where it raises the held-out F1, and folds where it changes the held-out coding at all. */
  foldsGained: number;
  foldsChanged: number;
  kept: boolean;
  reason: string;
  /** True when the figures come from coding with the matcher, false when from the features' estimate. */
  verified: boolean;
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

/** A compiled tree and where each of its categories is among the matcher's. */
interface Entry {
  matcher: Matcher;
  index: Map<string, number>;
}

/** A kept proposal and the models it is learned in. */
interface Kept {
  candidate: Candidate;
  change: Change;
  /** learned[m] for m = 0 … K (K: the whole coding). */
  learned: Uint8Array;
  /** The units it may have changed. */
  touched: Int32Array;
}

/** One top-level category with everything kept in it so far. */
class Tree {
  kept: Kept[] = [];
  affected = new Set<number>();
  private cache = new Map<string, Entry>();

  constructor(
    private setup: JudgeSetup,
    readonly root: Category,
  ) {}

  /** The kept proposals included in model m, as a key. */
  signature(m: number): string {
    return this.kept
      .map((k, i) => (k.learned[m] ? i : -1))
      .filter((i) => i >= 0)
      .join(',');
  }

  /** The compiled tree with the kept proposals of a signature and, optionally, one more change. */
  entry(signature: string, extra?: { id: number; change: Change }): Entry {
    const key = `${signature}|${extra?.id ?? ''}`;
    let e = this.cache.get(key);
    if (!e) {
      const changes = signature === '' ? [] : signature.split(',').map((i) => this.kept[Number(i)]!.change);
      if (extra) changes.push(extra.change);
      const root = applyChanges(this.root, changes, this.setup.explicitNegation);
      const matcher = compileCodebook(treeCodebook(this.setup.codebook, root));
      e = { matcher, index: new Map(matcher.categories.map((c, i) => [c.path, i])) };
      this.cache.set(key, e);
    }
    return e;
  }

  /** Forget the compiled trees with a candidate in them. */
  forget(id: number): void {
    for (const key of [...this.cache.keys()]) if (key.endsWith(`|${id}`)) this.cache.delete(key);
  }
}

/** The category indexes (of an entry's matcher) a unit is coded with. */
function codedIndexes(entry: Entry, text: string): Set<number> {
  const counts = countCodes(text, entry.matcher, undefined);
  const out = new Set<number>();
  for (let k = 0; k < counts.count; k++) out.add(counts.index[k]!);
  return out;
}

/** Whether every anchor example and counterexample of the tree passes, keyed `path#kind#n`. */
function exampleOutcomes(entry: Entry, root: Category): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const visit = (cat: Category): void => {
    const run = (kind: 'example' | 'counterexample', text: string, i: number): void => {
      const coded = matchText(text, entry.matcher).coded.some((c) => c.path === cat.path);
      out.set(`${cat.path}#${kind}#${i + 1}`, kind === 'example' ? coded : !coded);
    };
    cat.examples.forEach((t, i) => run('example', t, i));
    cat.counterexamples.forEach((t, i) => run('counterexample', t, i));
    cat.categories.forEach(visit);
  };
  visit(root);
  return out;
}

/** The coding state of the category being judged, per model. */
interface State {
  /** coded[m][u]. */
  coded: Uint8Array[];
  /** Units an exclude kept for this category blocks, per model (for the estimate). */
  blocked: Uint8Array[];
  /** Counts over the units outside fold m (m < K). */
  train: Counts[];
  /** Counts over the units of fold m (m < K). */
  test: Counts[];
  /** Counts over all units (model K). */
  all: Counts;
}

/** How a candidate changes the counts of every model. */
interface Deltas {
  train: Counts[];
  test: Counts[];
  all: Counts;
  /** Units it codes (now) and uncodes, in model K. */
  gainedAll: number[];
  lostAll: number[];
}

/** The summed test counts: the held-out coding's counts. */
function heldCounts(st: State): Counts {
  return st.test.reduce((s, c) => plus(s, c), zero());
}

/** A figure with its sign and 4 decimals, for reasons. */
function signed(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(4)}`;
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

/** Judge every category's candidates (see the module comment); `onCategory` reports progress. */
export function judgeCandidates(setup: JudgeSetup, candidates: readonly Candidate[], judgedPaths: readonly string[], onCategory?: (done: number, total: number) => void): Judgement {
  const { units, fold, folds: K, minSupport } = setup;
  const N = units.length;
  const trees = new Map<string, Tree>();
  for (const root of setup.codebook.categories) trees.set(root.path, new Tree(setup, root));
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
  let done = 0;

  for (const cat of order) {
    const path = cat.path;
    const tree = treeOf(path);
    const gold = setup.gold.get(path)!;
    const base = setup.base.get(path)!;
    // The state: the codebook's coding, with what was kept in the tree (subcategories roll up) coded again.
    const st: State = { coded: [], blocked: [], train: [], test: [], all: zero() };
    for (let m = 0; m <= K; m++) {
      st.coded.push(Uint8Array.from(base));
      st.blocked.push(new Uint8Array(N));
    }
    if (tree.affected.size > 0) {
      const affected = [...tree.affected].sort((a, b) => a - b);
      const groups = new Map<string, number[]>();
      for (let m = 0; m <= K; m++) {
        const s = tree.signature(m);
        groups.set(s, [...(groups.get(s) ?? []), m]);
      }
      for (const [s, models] of groups) {
        const entry = tree.entry(s);
        const index = entry.index.get(path)!;
        for (const u of affected) {
          const now = codedIndexes(entry, units[u]!.text).has(index) ? 1 : 0;
          for (const m of models) st.coded[m]![u] = now;
        }
      }
    }
    for (let m = 0; m < K; m++) {
      st.train.push(zero());
      st.test.push(zero());
    }
    for (let u = 0; u < N; u++) {
      for (let m = 0; m <= K; m++) {
        const c = st.coded[m]![u] === 1;
        const g = gold[u] === 1;
        const into = m === K ? st.all : fold[u] === m ? st.test[m]! : st.train[m]!;
        if (c && g) into.tp++;
        else if (c) into.fp++;
        else if (g) into.fn++;
      }
    }

    /** The units a candidate may change. */
    const touchedBy = (c: Candidate): Int32Array => {
      if (c.kind !== 'negation') return setup.fires.get(c.id) ?? new Int32Array(0);
      const out: number[] = [];
      for (let u = 0; u < N; u++) {
        for (let m = 0; m <= K; m++) {
          if (st.coded[m]![u]) {
            out.push(u);
            break;
          }
        }
      }
      return Int32Array.from(out);
    };
    /** The counts' changes, given a candidate's coding of its touched units in each model. */
    const deltasOf = (touched: Int32Array, now: (m: number, i: number) => boolean): Deltas => {
      const d: Deltas = { train: [], test: [], all: zero(), gainedAll: [], lostAll: [] };
      for (let m = 0; m < K; m++) {
        d.train.push(zero());
        d.test.push(zero());
      }
      touched.forEach((u, i) => {
        const g = gold[u] === 1;
        for (let m = 0; m <= K; m++) {
          const was = st.coded[m]![u] === 1;
          const is = now(m, i);
          if (was === is) continue;
          if (m === K) {
            changeOf(g, was, is, d.all);
            (is ? d.gainedAll : d.lostAll).push(u);
          } else changeOf(g, was, is, fold[u] === m ? d.test[m]! : d.train[m]!);
        }
      });
      return d;
    };
    /** The features' estimate: what the candidate's units do to each model's coding. */
    const estimateOf = (c: Candidate, touched: Int32Array): Deltas => {
      const fires = setup.fires.get(c.id) ?? new Int32Array(0);
      if (c.kind === 'negation') {
        // The guarded tree still codes `fires`; units coded by the codebook itself and not there lose the category.
        const still = new Set(fires);
        return deltasOf(touched, (m, i) => {
          const u = touched[i]!;
          return st.coded[m]![u] === 1 && !(base[u] === 1 && !still.has(u));
        });
      }
      if (adds(c.kind)) return deltasOf(touched, (m, i) => st.coded[m]![touched[i]!] === 1 || st.blocked[m]![touched[i]!] === 0);
      return deltasOf(touched, () => false);
    };
    /** The matcher's measure: the candidate's units coded again with each model's tree plus the candidate (the codings per model too). */
    const measureOf = (c: Candidate, touched: Int32Array): { deltas: Deltas; flags: Map<number, Uint8Array> } => {
      const groups = new Map<string, number[]>();
      for (let m = 0; m <= K; m++) {
        const s = tree.signature(m);
        groups.set(s, [...(groups.get(s) ?? []), m]);
      }
      const flags = new Map<number, Uint8Array>();
      for (const [s, models] of groups) {
        const entry = tree.entry(s, { id: c.id, change: changeOfCandidate(c) });
        const index = entry.index.get(path)!;
        const f = new Uint8Array(touched.length);
        touched.forEach((u, i) => (f[i] = codedIndexes(entry, units[u]!.text).has(index) ? 1 : 0));
        for (const m of models) flags.set(m, f);
      }
      return { deltas: deltasOf(touched, (m, i) => flags.get(m)![i] === 1), flags };
    };

    const candidatesHere = byCategory.get(path) ?? [];
    const ranked = candidatesHere
      .map((c) => {
        const touched = touchedBy(c);
        const d = estimateOf(c, touched);
        return { c, score: deltaF1(st.all, plus(st.all, d.all)) };
      })
      .sort((a, b) => b.score - a.score || KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || cmp(a.c.text, b.c.text));
    const judged = ranked.slice(0, setup.judged).map((r) => r.c);
    if (ranked.length > judged.length) notJudged.set(path, ranked.length - judged.length);
    const keptHere: Kept[] = [];

    for (const c of judged) {
      const additive = adds(c.kind);
      const fires = setup.fires.get(c.id) ?? new Int32Array(0);
      const touched = touchedBy(c);
      const verdict = (d: Deltas, verified: boolean, kept: boolean, reason: string, heldOut: number, foldsGained: number, foldsChanged: number): Verdict => {
        const g = (u: number): boolean => gold[u] === 1;
        let precision: number | null;
        let recall: number | null;
        if (additive) {
          const hits = [...fires].filter(g).length;
          const goldTotal = st.all.tp + st.all.fn;
          precision = fires.length > 0 ? hits / fires.length : null;
          recall = goldTotal > 0 ? hits / goldTotal : null;
        } else {
          const right = d.lostAll.filter((u) => !g(u)).length;
          precision = d.lostAll.length > 0 ? right / d.lostAll.length : null;
          recall = st.all.fp > 0 ? right / st.all.fp : null;
        }
        return {
          candidate: c,
          tp: d.all.tp,
          fp: d.all.fp,
          precision,
          recall,
          heldOut,
          whole: deltaF1(st.all, plus(st.all, d.all)),
          foldsGained,
          foldsChanged,
          kept,
          reason,
          verified,
        };
      };
      const assess = (d: Deltas, verified: boolean): { verdict: Verdict; learned: Uint8Array } => {
        const learned = new Uint8Array(K + 1);
        const support = (x: Counts): number => (additive ? x.tp : -x.fp);
        for (let m = 0; m < K; m++) {
          learned[m] = deltaF1(st.train[m]!, plus(st.train[m]!, d.train[m]!)) > 0 && support(d.train[m]!) >= minSupport ? 1 : 0;
        }
        const whole = deltaF1(st.all, plus(st.all, d.all));
        learned[K] = whole > 0 && support(d.all) >= minSupport ? 1 : 0;
        const held = heldCounts(st);
        let sum = zero();
        let gained = 0;
        let changed = 0;
        for (let m = 0; m < K; m++) {
          if (!learned[m] || isZero(d.test[m]!)) continue;
          changed++;
          sum = plus(sum, d.test[m]!);
          if (deltaF1(held, plus(held, d.test[m]!)) > 0) gained++;
        }
        const heldOut = deltaF1(held, plus(held, sum));
        let reason = '';
        if (isZero(d.all)) {
          const overlap = keptHere
            .map((k) => ({ k, n: overlapCount(k.touched, touched) }))
            .filter((x) => x.n > 0)
            .sort((a, b) => b.n - a.n || cmp(a.k.candidate.text, b.k.candidate.text))[0];
          reason = overlap ? `overlaps kept '${overlap.k.candidate.text}'` : additive ? 'codes no unit the rules do not code already' : 'removes no coding';
        } else if (whole <= 0) {
          reason = additive
            ? `fp gain: +${d.all.tp} tp/+${d.all.fp} fp lowers F1 on the whole coding`
            : `removes true codings: -${-d.all.tp} tp/-${-d.all.fp} fp lowers F1 on the whole coding`;
        } else if (!learned[K]) {
          reason = `fixes only ${support(d.all)} unit${support(d.all) === 1 ? '' : 's'} (least: ${minSupport})`;
        } else if (heldOut <= 0) {
          reason = `no held-out gain (ΔF1 ${signed(heldOut)}${changed === 0 ? ': no fold is helped by what the other folds learn' : ''})`;
        } else if (gained * 2 < K) {
          reason = `held-out gain in only ${gained} of ${K} folds`;
        }
        return { verdict: verdict(d, verified, reason === '', reason, heldOut, gained, changed), learned };
      };

      if (keptHere.length >= setup.maxKept) {
        const v = assess(estimateOf(c, touched), false).verdict;
        verdicts.push({ ...v, kept: false, reason: `cap of ${setup.maxKept} proposals for the category reached` });
        continue;
      }
      const estimated = assess(estimateOf(c, touched), false);
      if (!estimated.verdict.kept) {
        verdicts.push(estimated.verdict);
        continue;
      }
      const measure = measureOf(c, touched);
      const measured = assess(measure.deltas, true);
      if (!measured.verdict.kept) {
        verdicts.push(measured.verdict);
        tree.forget(c.id);
        continue;
      }
      // Anchor examples of the tree must still pass, counterexamples still fail.
      const sigK = tree.signature(K);
      const before = exampleOutcomes(tree.entry(sigK), tree.root);
      const after = exampleOutcomes(tree.entry(sigK, { id: c.id, change: changeOfCandidate(c) }), tree.root);
      const broken = [...after].filter(([k, pass]) => !pass && before.get(k) === true).map(([k]) => k)[0];
      if (broken !== undefined) {
        const [p, kind, n] = broken.split('#') as [string, string, string];
        verdicts.push({ ...measured.verdict, kept: false, reason: kind === 'example' ? `breaks anchor example ${n} of ${p}` : `codes counterexample ${n} of ${p}` });
        tree.forget(c.id);
        continue;
      }
      // Keep it: each model that learns it codes the touched units as the matcher did.
      for (let m = 0; m <= K; m++) {
        if (!measured.learned[m]) continue;
        const f = measure.flags.get(m)!;
        touched.forEach((u, i) => {
          const was = st.coded[m]![u]!;
          const now = f[i]!;
          if (was !== now) {
            const into = m === K ? st.all : fold[u] === m ? st.test[m]! : st.train[m]!;
            changeOf(gold[u] === 1, was === 1, now === 1, into);
            st.coded[m]![u] = now;
          }
          if (c.kind === 'exclude') st.blocked[m]![u] = 1;
        });
      }
      const kept: Kept = { candidate: c, change: changeOfCandidate(c), learned: measured.learned, touched };
      tree.kept.push(kept);
      keptHere.push(kept);
      for (const u of touched) tree.affected.add(u);
      tree.forget(c.id);
      verdicts.push(measured.verdict);
    }
    onCategory?.(++done, order.length);
  }

  // Held-out figures per category with everything kept: each fold coded by its model.
  const heldOut: HeldOut[] = [];
  for (const cat of order) {
    const path = cat.path;
    const tree = treeOf(path);
    const gold = setup.gold.get(path)!;
    const base = setup.base.get(path)!;
    const after = Uint8Array.from(base);
    if (tree.kept.length > 0) {
      const affected = [...tree.affected].sort((a, b) => a - b);
      for (let m = 0; m < K; m++) {
        const entry = tree.entry(tree.signature(m));
        const index = entry.index.get(path)!;
        for (const u of affected) if (fold[u] === m) after[u] = codedIndexes(entry, units[u]!.text).has(index) ? 1 : 0;
      }
    }
    heldOut.push({ category: path, before: countsOf(base, gold), after: countsOf(after, gold) });
  }
  const kept: Change[] = [];
  for (const tree of trees.values()) for (const k of tree.kept) kept.push(k.change);
  return { verdicts, kept, heldOut, notJudged };
}

/** The change a candidate makes. */
export function changeOfCandidate(c: Candidate): Change {
  return { category: c.category, kind: c.kind, terms: c.terms, ...(c.within !== undefined ? { within: c.within } : {}) };
}

/** How many units two ascending lists share. */
function overlapCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
