/**
 * The verdict on one candidate from its effect on every model (see `models.ts`): in which models it
 * is learned, its held-out gain pooled over the folds, the folds it helps, its precision and recall,
 * and the reason it is dropped ('' when kept).
 */
import { english, type Message } from '../lang/catalogue.js';
import { cmp } from '../problems.js';
import { adds, type Candidate } from './candidates.js';
import type { CandidateUnits } from './effect.js';
import { heldCounts, type Deltas, type ModelCoding } from './models.js';
import { deltaF1, isZero, plus, zero, type Counts } from './score.js';
import type { Kept } from './tree.js';

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
  /** Why it is dropped, in English ('' when kept): what the CSV and JSON say. */
  reason: string;
  /** The same as a catalogue message, for the table in the user's language (absent when kept). */
  why?: Message;
  /** True when the figures come from coding with the matcher, false when from the features' estimate. */
  verified: boolean;
}

/** A verdict and the models (0 … K) the candidate is learned in. */
export interface Assessment {
  verdict: Verdict;
  learned: Uint8Array;
}

/** The held-out figures of a candidate: ΔF1 of the pooled held-out coding, folds gained and changed. */
interface HeldOutGain {
  heldOut: number;
  gained: number;
  changed: number;
}

/** Units a candidate fixes: tp gained for the kinds that add, fp removed for the others. */
function support(additive: boolean, x: Counts): number {
  return additive ? x.tp : -x.fp;
}

/** The models that learn the candidate: it raises their F1 (on the units they learn from) and fixes at least `minSupport` units there. */
function learnedIn(mc: ModelCoding, d: Deltas, additive: boolean, minSupport: number): Uint8Array {
  const K = mc.split.folds;
  const learned = new Uint8Array(K + 1);
  for (let m = 0; m < K; m++) {
    learned[m] = deltaF1(mc.train[m]!, plus(mc.train[m]!, d.train[m]!)) > 0 && support(additive, d.train[m]!) >= minSupport ? 1 : 0;
  }
  learned[K] = deltaF1(mc.all, plus(mc.all, d.all)) > 0 && support(additive, d.all) >= minSupport ? 1 : 0;
  return learned;
}

/** The held-out gain: each fold whose model learned the candidate changes by its test counts, pooled. */
function heldOutGain(mc: ModelCoding, d: Deltas, learned: Uint8Array): HeldOutGain {
  const held = heldCounts(mc);
  let sum = zero();
  let gained = 0;
  let changed = 0;
  for (let m = 0; m < mc.split.folds; m++) {
    if (!learned[m] || isZero(d.test[m]!)) continue;
    changed++;
    sum = plus(sum, d.test[m]!);
    if (deltaF1(held, plus(held, d.test[m]!)) > 0) gained++;
  }
  return { heldOut: deltaF1(held, plus(held, sum)), gained, changed };
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

/** A figure with its sign and 4 decimals, for reasons. */
function signed(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(4)}`;
}

/** Why a candidate is dropped, null when it is kept (the conditions in the module comment of `judge.ts`, in order). */
function dropReason(mc: ModelCoding, t: CandidateUnits, d: Deltas, learned: Uint8Array, gain: HeldOutGain, minSupport: number, keptHere: readonly Kept[]): Message | null {
  const additive = adds(t.candidate.kind);
  const K = mc.split.folds;
  if (isZero(d.all)) {
    const overlap = keptHere
      .map((k) => ({ k, n: overlapCount(k.touched, t.touched) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || cmp(a.k.candidate.text, b.k.candidate.text))[0];
    if (overlap) return { key: 'learn.reason.overlap', params: { text: overlap.k.candidate.text } };
    return { key: additive ? 'learn.reason.no-new-unit' : 'learn.reason.removes-none' };
  }
  if (deltaF1(mc.all, plus(mc.all, d.all)) <= 0) {
    return additive ? { key: 'learn.reason.fp-gain', params: { tp: d.all.tp, fp: d.all.fp } } : { key: 'learn.reason.removes-true', params: { tp: -d.all.tp, fp: -d.all.fp } };
  }
  if (!learned[K]) return { key: 'learn.reason.fixes-few', params: { n: support(additive, d.all), least: minSupport } };
  if (gain.heldOut <= 0) return { key: gain.changed === 0 ? 'learn.reason.no-held-out-fold' : 'learn.reason.no-held-out', params: { delta: signed(gain.heldOut) } };
  if (gain.gained * 2 < K) return { key: 'learn.reason.few-folds', params: { gained: gain.gained, folds: K } };
  return null;
}

/** Precision and recall of a candidate on the whole coding (see `Verdict`). */
function precisionRecall(mc: ModelCoding, t: CandidateUnits, d: Deltas): { precision: number | null; recall: number | null } {
  const g = (u: number): boolean => mc.gold[u] === 1;
  if (adds(t.candidate.kind)) {
    const hits = [...t.fires].filter(g).length;
    const goldTotal = mc.all.tp + mc.all.fn;
    return { precision: t.fires.length > 0 ? hits / t.fires.length : null, recall: goldTotal > 0 ? hits / goldTotal : null };
  }
  const right = d.lostAll.filter((u) => !g(u)).length;
  return { precision: d.lostAll.length > 0 ? right / d.lostAll.length : null, recall: mc.all.fp > 0 ? right / mc.all.fp : null };
}

/** The verdict on a candidate whose effect on every model is `d` (measured with the matcher when `verified`), judged against the proposals kept before it. */
export function assess(mc: ModelCoding, t: CandidateUnits, d: Deltas, verified: boolean, minSupport: number, keptHere: readonly Kept[]): Assessment {
  const learned = learnedIn(mc, d, adds(t.candidate.kind), minSupport);
  const gain = heldOutGain(mc, d, learned);
  const why = dropReason(mc, t, d, learned, gain, minSupport, keptHere);
  const { precision, recall } = precisionRecall(mc, t, d);
  const verdict: Verdict = {
    candidate: t.candidate,
    tp: d.all.tp,
    fp: d.all.fp,
    precision,
    recall,
    heldOut: gain.heldOut,
    whole: deltaF1(mc.all, plus(mc.all, d.all)),
    foldsGained: gain.gained,
    foldsChanged: gain.changed,
    kept: why === null,
    reason: why === null ? '' : english(why),
    ...(why === null ? {} : { why }),
    verified,
  };
  return { verdict, learned };
}
