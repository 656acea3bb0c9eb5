/**
 * The agreement coefficients, written out so every figure can be checked by hand against the
 * literature: Cohen's kappa (Cohen 1960, weighted: Cohen 1968), Fleiss' kappa (Fleiss 1971),
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") and the
 * Brennan–Prediger kappa (Brennan & Prediger 1981). Pure functions over counts.
 */
import { cmp } from '../problems.js';
import type { Rating } from '../types.js';

/** Level of measurement of ratings: it picks Krippendorff's difference function. */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Disagreement weights of Cohen's kappa: none (every disagreement counts 1), linear or quadratic in the distance of the categories' ranks. */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** A rating that is there (not missing). */
export type Value = Exclude<Rating, null>;

/** How many coders gave a unit each value (missing ratings left out). */
export type ValueCounts = ReadonlyMap<Value, number>;


/** Krippendorff's alpha with the quantities it is made of. */
export interface AlphaResult {
  /** α = 1 − D_o / D_e; null when undefined (fewer than two pairable values, or D_e = 0: no variation). */
  value: number | null;
  /** Observed disagreement D_o. */
  observed: number;
  /** Disagreement expected by chance D_e. */
  expected: number;
  /** n: the pairable values (values in units that have at least two). */
  pairable: number;
  /** Units with at least two values (the others cannot be paired and are left out). */
  units: number;
}

/** Order of values: numbers ascending before labels in code-unit order. */
function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return cmp(a, b);
}

/**
 * Krippendorff's alpha from the value counts of each unit, via the coincidence matrix
 * (Krippendorff 2011): a unit with m_u ≥ 2 values adds each ordered pair of its values with weight
 * 1/(m_u − 1); units with fewer values are left out. Levels other than nominal need numbers
 * (throws otherwise: a programmer error, the readers check). The ordinal difference uses the
 * marginal frequencies of the ranks between two values.
 */
export function krippendorffAlpha(units: readonly ValueCounts[], level: Level): AlphaResult {
  const pairableUnits = units.filter((u) => total(u) >= 2);
  const values = [...new Set(pairableUnits.flatMap((u) => [...u.keys()]))].sort(compareValues);
  if (level !== 'nominal' && values.some((v) => typeof v !== 'number')) throw new Error(`${level} alpha needs numeric values`);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const o: number[][] = values.map(() => new Array<number>(size).fill(0));
  for (const u of pairableUnits) {
    const m = total(u);
    for (const [c, nc] of u) {
      for (const [k, nk] of u) {
        o[index.get(c)!]![index.get(k)!]! += (nc * (c === k ? nk - 1 : nk)) / (m - 1);
      }
    }
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(level, values as number[], marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  observed = n > 0 ? observed / n : 0;
  expected = n > 1 ? expected / (n * (n - 1)) : 0;
  const value = n > 1 && expected > 0 ? 1 - observed / expected : null;
  return { value, observed, expected, pairable: n, units: pairableUnits.length };
}

/** The sum of a unit's value counts: m_u, the values it has. */
function total(u: ValueCounts): number {
  let m = 0;
  for (const n of u.values()) m += n;
  return m;
}

/**
 * Krippendorff's squared difference δ²(c, k) between the values at sorted indexes c and k:
 * nominal 0/1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)²; interval (c − k)²; ratio ((c − k)/(c + k))².
 */
function differenceFunction(level: Level, values: readonly number[], marginals: readonly number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (values[c]! - values[k]!) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = values[c]! + values[k]!;
        return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
      };
    case 'ordinal': {
      // Cumulative marginals so the sum over the ranks between c and k is one subtraction.
      const cumulative = [0];
      for (const m of marginals) cumulative.push(cumulative.at(-1)! + m);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      };
    }
  }
}

/** A kappa with the agreement it compares: observed and expected by chance (weighted kappa: 1 − the weighted disagreements). */
export interface KappaResult {
  /** κ; null when undefined (no units, or chance agreement 1: no variation). */
  value: number | null;
  /** Observed agreement p_o (Fleiss: P̄). */
  observed: number;
  /** Agreement expected by chance p_e (Fleiss: P̄e). */
  expected: number;
  /** Units the kappa is over. */
  units: number;
}

/**
 * Cohen's kappa of two coders' values on the same units, optionally weighted (Cohen 1968): the
 * categories are the values either coder used, in order (numbers ascending, then labels), and a
 * disagreement between ranks i and j weighs |i − j|/(q − 1) (linear) or that squared (quadratic).
 * κ = 1 − Σ w·p_ij / Σ w·p_i·q_j, which is (p_o − p_e)/(1 − p_e) without weights.
 */
export function cohenKappa(pairs: readonly (readonly [Value, Value])[], weights: KappaWeights = 'none'): KappaResult {
  const n = pairs.length;
  const values = [...new Set(pairs.flatMap(([a, b]) => [a, b]))].sort(compareValues);
  const index = new Map(values.map((v, i) => [v, i]));
  const q = values.length;
  const counts: number[][] = values.map(() => new Array<number>(q).fill(0));
  for (const [a, b] of pairs) counts[index.get(a)!]![index.get(b)!]!++;
  const joint = counts.map((row) => row.map((x) => x / n));
  const rows = joint.map((row) => row.reduce((s, x) => s + x, 0));
  const cols = values.map((_, j) => joint.reduce((s, row) => s + row[j]!, 0));
  const w = (i: number, j: number): number => {
    if (i === j) return 0;
    if (weights === 'none') return 1;
    const d = Math.abs(i - j) / (q - 1);
    return weights === 'linear' ? d : d * d;
  };
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      observedDisagreement += w(i, j) * joint[i]![j]!;
      expectedDisagreement += w(i, j) * rows[i]! * cols[j]!;
    }
  }
  const value = n > 0 && expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : null;
  return { value, observed: n > 0 ? 1 - observedDisagreement : 0, expected: n > 0 ? 1 - expectedDisagreement : 0, units: n };
}

/**
 * Fleiss' kappa from the value counts of each unit; every unit must have the same number m ≥ 2 of
 * ratings (throws otherwise: callers pass complete units). P_i = (Σ_j n_ij² − m)/(m(m − 1)),
 * P̄ their mean, P̄e = Σ_j p_j² with p_j the share of all ratings in category j.
 */
export function fleissKappa(units: readonly ValueCounts[]): KappaResult {
  const n = units.length;
  if (n === 0) return { value: null, observed: 0, expected: 0, units: 0 };
  const m = total(units[0]!);
  if (m < 2 || units.some((u) => total(u) !== m)) throw new Error('Fleiss kappa needs the same number (at least two) of ratings on every unit');
  let observed = 0;
  const shares = new Map<Value, number>();
  for (const u of units) {
    let squares = 0;
    for (const [v, c] of u) {
      squares += c * c;
      shares.set(v, (shares.get(v) ?? 0) + c / (n * m));
    }
    observed += (squares - m) / (m * (m - 1)) / n;
  }
  let expected = 0;
  for (const p of shares.values()) expected += p * p;
  const value = expected < 1 ? (observed - expected) / (1 - expected) : null;
  return { value, observed, expected, units: n };
}

/** Brennan and Prediger's kappa (free marginals): (p_o − 1/q)/(1 − 1/q) for q possible categories (q ≥ 2). */
export function brennanPrediger(observed: number, q: number): number {
  return (observed - 1 / q) / (1 - 1 / q);
}
