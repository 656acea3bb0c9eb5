/**
 * Intercoder agreement, written out so every figure can be checked by hand against the
 * literature: percent agreement, Cohen's kappa (Cohen 1960, weighted: Cohen 1968), Fleiss' kappa
 * (Fleiss 1971), Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability") and the Brennan–Prediger kappa (Brennan & Prediger 1981); and how well a
 * codebook's rules match a human ("gold") coding: precision, recall, F1 and Cohen's kappa per category.
 *
 * Two kinds of input:
 * - codings (`segments.csv` rows of each coder): every unit × category pair is a binary item —
 *   each coder says present (the coder coded the unit with the category) or absent;
 * - a ratings table (unit × coder values, empty cells missing) for any level of measurement.
 */
import { ancestorPaths } from '../codebook/flatten.js';
import { cmp, sortProblems } from '../problems.js';
import type { CodedUnit, CoderCoding, Problem, Rating, RatingTable } from '../types.js';

/** Level of measurement of ratings: it picks Krippendorff's difference function. */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Disagreement weights of Cohen's kappa: none (every disagreement counts 1), linear or quadratic in the distance of the categories' ranks. */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** A rating that is there (not missing). */
export type Value = Exclude<Rating, null>;

/** How many coders gave a unit each value (missing ratings left out). */
export type ValueCounts = ReadonlyMap<Value, number>;

// ---------------------------------------------------------------- coefficients

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

// ---------------------------------------------------------------- codings

/** The figures reported for one category or overall; null marks a figure that is undefined, with the reason in `reasons`. */
export interface AgreementFigures {
  /** Binary items: units (per category), or units × categories (overall). */
  items: number;
  /** Share of items on which all coders agree. */
  percent: number | null;
  /** Cohen's kappa (exactly two coders). */
  cohen: number | null;
  /** Fleiss' kappa (three or more coders). */
  fleiss: number | null;
  /** Krippendorff's alpha, nominal (here: binary) data. */
  alpha: number | null;
  /** Brennan–Prediger kappa with q = 2 (present/absent), from the mean pairwise agreement. */
  brennanPrediger: number | null;
  /** Mean agreement over all pairs of coders (Fleiss' P̄; equals `percent` for two coders). */
  pairwise: number | null;
  /** Why a figure is null, by the figure's name. */
  reasons: Partial<Record<FigureName, string>>;
}

/** The names of the figures that may be undefined. */
export type FigureName = 'percent' | 'cohen' | 'fleiss' | 'alpha' | 'brennanPrediger' | 'pairwise';

/** Agreement on one category, with how many units each coder coded with it. */
export interface CategoryAgreement extends AgreementFigures {
  category: string;
  /** Units each coder coded with the category, in coder order. */
  coded: number[];
}

/** A unit and category the coders disagree on: who coded it and who did not. */
export interface Disagreement {
  /** `transcript#segment`. */
  unit: string;
  category: string;
  present: string[];
  absent: string[];
}

/** Everything `agreeCodings` finds. */
export interface CodingAgreement {
  coders: string[];
  /** The units compared: the union of every coder's `transcript#segment` ids, by transcript then segment. */
  units: string[];
  categories: CategoryAgreement[];
  /**
   * Pooled over categories: every unit × category pair is one binary item and each figure is
   * computed over all of them at once (not the mean of the per-category figures).
   */
  overall: AgreementFigures;
  /** Every unit × category pair the coders do not all agree on, by unit then category. */
  disagreements: Disagreement[];
}

/** Options of `agreeCodings`. */
export interface AgreeOptions {
  /** Categories to report, in this order (a codebook's); categories the codings use beyond these follow in sorted order. */
  categories?: readonly string[];
}

/**
 * The counts every coding figure is computed from: `items` binary items, `present[k]` of them
 * coded present by exactly k of the m coders, and `coded[c]` of them coded present by coder c.
 */
interface BinaryTally {
  items: number;
  present: number[];
  coded: number[];
}

/** Why kappa and alpha are undefined when all values are the same. */
const NO_VARIATION = 'no variation: every coder gave every unit the same value, so the chance-corrected coefficient is 0/0';

/**
 * The figures of a binary tally of m coders. Alpha uses the closed form of the binary coincidence
 * matrix: α = 1 − (n − 1)·o₀₁ / (n₀·n₁) with o₀₁ = Σ_u k(m − k)/(m − 1) over units with k "present".
 */
function binaryFigures(t: BinaryTally): AgreementFigures {
  const m = t.coded.length;
  const N = t.items;
  const reasons: Partial<Record<FigureName, string>> = {};
  const out: AgreementFigures = { items: N, percent: null, cohen: null, fleiss: null, alpha: null, brennanPrediger: null, pairwise: null, reasons };
  if (m === 2) reasons.fleiss = "Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa";
  else reasons.cohen = "Cohen's kappa is for exactly two coders; see Fleiss' kappa";
  if (N === 0) {
    for (const f of ['percent', 'pairwise', 'brennanPrediger', 'alpha', ...(m === 2 ? ['cohen'] : ['fleiss'])] as FigureName[]) reasons[f] = 'no units to compare';
    return out;
  }
  out.percent = (t.present[0]! + t.present[m]!) / N;
  let agreeingPairs = 0;
  let presentTotal = 0;
  let o01 = 0;
  t.present.forEach((count, k) => {
    agreeingPairs += count * (k * (k - 1) + (m - k) * (m - k - 1));
    presentTotal += count * k;
    o01 += (count * k * (m - k)) / (m - 1);
  });
  out.pairwise = agreeingPairs / (m * (m - 1)) / N;
  out.brennanPrediger = brennanPrediger(out.pairwise, 2);
  const n = N * m;
  const n1 = presentTotal;
  const n0 = n - n1;
  if (n0 > 0 && n1 > 0) out.alpha = 1 - ((n - 1) * o01) / (n0 * n1);
  else reasons.alpha = NO_VARIATION;
  if (m === 2) {
    const p1 = t.coded[0]! / N;
    const p2 = t.coded[1]! / N;
    const pe = p1 * p2 + (1 - p1) * (1 - p2);
    if (pe < 1) out.cohen = (out.percent - pe) / (1 - pe);
    else reasons.cohen = NO_VARIATION;
  } else {
    const p = presentTotal / n;
    const pe = p * p + (1 - p) * (1 - p);
    if (pe < 1) out.fleiss = (out.pairwise - pe) / (1 - pe);
    else reasons.fleiss = NO_VARIATION;
  }
  return out;
}

/** A unit id `transcript#segment`. */
export function unitId(transcript: string, segment: number): string {
  return `${transcript}#${segment}`;
}

/** Order of units: by transcript (code-unit order), then by segment number. */
function compareUnits(a: { transcript: string; segment: number }, b: { transcript: string; segment: number }): number {
  return cmp(a.transcript, b.transcript) || a.segment - b.segment;
}

/**
 * Agreement between two or more codings: the units are the union of every coder's
 * `transcript#segment` ids (a unit missing from a coder's file counts as coded with nothing by
 * that coder), and for each category every coder says present or absent on every unit. Per
 * category and pooled overall: percent agreement, Cohen's kappa (two coders), Fleiss' kappa
 * (three or more), Krippendorff's alpha and the Brennan–Prediger kappa; and the disagreeing
 * units. Throws for fewer than two codings (a programmer error: the CLI checks).
 */
export function agreeCodings(codings: readonly CoderCoding[], options: AgreeOptions = {}): CodingAgreement {
  if (codings.length < 2) throw new Error('agreement needs at least two codings');
  const coders = codings.map((c) => c.coder);
  const m = coders.length;
  const unitKeys = new Map<string, { transcript: string; segment: number }>();
  for (const coding of codings) {
    for (const row of coding.rows) {
      const id = unitId(row.transcript, row.segment);
      if (!unitKeys.has(id)) unitKeys.set(id, { transcript: row.transcript, segment: row.segment });
    }
  }
  const sorted = [...unitKeys.entries()].sort((a, b) => compareUnits(a[1], b[1]));
  const units = sorted.map(([id]) => id);
  const unitIndex = new Map(units.map((id, i) => [id, i]));
  const given = options.categories ?? [];
  const seen = new Set(given);
  const extra = [...new Set(codings.flatMap((c) => c.rows.map((r) => r.category)))].filter((c) => c !== '' && !seen.has(c)).sort(cmp);
  const categories = [...given, ...extra];
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  // present[c][k]: the indexes of the units coder c coded with category k (integers keep the loops below cheap).
  const present = codings.map((coding) => {
    const sets = categories.map(() => new Set<number>());
    for (const row of coding.rows) {
      if (row.category !== '') sets[categoryIndex.get(row.category)!]!.add(unitIndex.get(unitId(row.transcript, row.segment))!);
    }
    return sets;
  });

  const N = units.length;
  const overall: BinaryTally = { items: 0, present: new Array<number>(m + 1).fill(0), coded: new Array<number>(m).fill(0) };
  const split: { unit: number; category: number }[] = [];
  const perCategory = categories.map((category, k) => {
    const count = new Uint32Array(N);
    const coded = present.map((sets) => {
      for (const u of sets[k]!) count[u]!++;
      return sets[k]!.size;
    });
    const t: BinaryTally = { items: N, present: new Array<number>(m + 1).fill(0), coded };
    for (let u = 0; u < N; u++) {
      const n = count[u]!;
      t.present[n]!++;
      if (n > 0 && n < m) split.push({ unit: u, category: k });
    }
    overall.items += t.items;
    t.present.forEach((x, j) => (overall.present[j]! += x));
    t.coded.forEach((x, c) => (overall.coded[c]! += x));
    return { category, coded, ...binaryFigures(t) };
  });
  split.sort((a, b) => a.unit - b.unit || a.category - b.category);
  const disagreements: Disagreement[] = split.map(({ unit, category }) => {
    const has = present.map((sets) => sets[category]!.has(unit));
    return {
      unit: units[unit]!,
      category: categories[category]!,
      present: coders.filter((_, c) => has[c]),
      absent: coders.filter((_, c) => !has[c]),
    };
  });
  return { coders, units, categories: perCategory, overall: binaryFigures(overall), disagreements };
}

// ---------------------------------------------------------------- ratings

/** A unit whose ratings differ, with every coder's value (null when missing). */
export interface RatingDisagreement {
  unit: string;
  values: Rating[];
}

/** Everything `rateAgreement` finds in a ratings table; null figures carry their reason in `reasons`. */
export interface RatingsAgreement {
  coders: string[];
  level: Level;
  weights: KappaWeights;
  /** Units in the table. */
  units: number;
  /** Krippendorff's alpha at `level`, over every pairable value (missing values allowed). */
  alpha: AlphaResult;
  /** Cohen's kappa (two coders only), over units both coders rated, weighted by `weights`. */
  cohen: KappaResult | null;
  /** Fleiss' kappa (three or more coders), over units every coder rated, values as nominal categories. */
  fleiss: KappaResult | null;
  /** Share of units every coder rated on which all give the same value. */
  percent: number | null;
  /** Units every coder rated. */
  complete: number;
  /** Why a figure is null, by the figure's name (`alpha`, `cohen`, `fleiss`, `percent`). */
  reasons: Partial<Record<'alpha' | 'cohen' | 'fleiss' | 'percent', string>>;
  /** Units with at least two values that are not all the same, in table order. */
  disagreements: RatingDisagreement[];
}

/** Options of `rateAgreement`. */
export interface RatingsOptions {
  level?: Level;
  weights?: KappaWeights;
}

/** The value counts of one row of ratings. */
function countValues(row: readonly Rating[]): Map<Value, number> {
  const counts = new Map<Value, number>();
  for (const v of row) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * Reliability of a unit × coder ratings table: Krippendorff's alpha at any level (missing values
 * allowed), Cohen's kappa for two coders (optionally weighted), Fleiss' kappa for three or more
 * (units every coder rated), percent agreement over units every coder rated, and the units whose
 * values differ.
 */
export function rateAgreement(table: RatingTable, options: RatingsOptions = {}): RatingsAgreement {
  const level = options.level ?? 'nominal';
  const weights = options.weights ?? 'none';
  const m = table.coders.length;
  const reasons: RatingsAgreement['reasons'] = {};
  const counts = table.values.map(countValues);
  const alpha = krippendorffAlpha(counts, level);
  if (alpha.value === null) {
    reasons.alpha = alpha.pairable < 2 ? 'no unit has two or more values' : NO_VARIATION;
  }
  const completeRows = table.values.filter((row) => row.length === m && row.every((v) => v !== null)) as Value[][];
  const complete = completeRows.length;
  let cohen: KappaResult | null = null;
  if (m === 2) {
    const pairs = table.values.filter((row) => row[0] != null && row[1] != null).map((row) => [row[0]!, row[1]!] as const);
    cohen = cohenKappa(pairs, weights);
    if (cohen.value === null) reasons.cohen = pairs.length === 0 ? 'no unit was rated by both coders' : NO_VARIATION;
  } else {
    reasons.cohen = "Cohen's kappa is for exactly two coders; see Fleiss' kappa";
  }
  let fleiss: KappaResult | null = null;
  if (m >= 3) {
    fleiss = fleissKappa(completeRows.map(countValues));
    if (fleiss.value === null) reasons.fleiss = complete === 0 ? 'no unit was rated by every coder' : NO_VARIATION;
  } else {
    reasons.fleiss = "Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa";
  }
  const percent = complete > 0 ? completeRows.filter((row) => row.every((v) => v === row[0])).length / complete : null;
  if (percent === null) reasons.percent = 'no unit was rated by every coder';
  const disagreements: RatingDisagreement[] = [];
  table.units.forEach((unit, u) => {
    const c = counts[u]!;
    if (c.size > 1) disagreements.push({ unit, values: [...table.values[u]!] });
  });
  return { coders: [...table.coders], level, weights, units: table.units.length, alpha, cohen, fleiss, percent, complete, reasons, disagreements };
}

// ---------------------------------------------------------------- rules against a gold coding

/** A unit the rules and the gold coding disagree on, with what a researcher needs to judge it. */
export interface EvaluationExample {
  /** `transcript#segment`. */
  unit: string;
  transcript: string;
  /** Unit number within the transcript, from 1. */
  segment: number;
  speaker: string;
  /** 1-based line of the unit in its transcript. */
  line: number;
  text: string;
  /** The terms and rules that coded the unit (false positives); empty for false negatives. */
  matched: string[];
}

/** Precision, recall and F1 of one category, with its counts and examples. */
export interface EvaluationRow {
  category: string;
  label: string;
  /** Units both the rules and the gold coding code with the category. */
  tp: number;
  /** Units only the rules code with it. */
  fp: number;
  /** Units only the gold coding codes with it. */
  fn: number;
  /** tp ÷ (tp + fp); null when the rules never coded the category. */
  precision: number | null;
  /** tp ÷ (tp + fn); null when the gold coding never has the category. */
  recall: number | null;
  /** 2·tp ÷ (2·tp + fp + fn); null when neither has the category. */
  f1: number | null;
  /**
   * Cohen's kappa of the rules against the gold coding, present/absent per compared unit (computed
   * as `agree` computes it for two codings); null when chance agreement is 1 (both code the category in
   * every compared unit, or in none) or no unit is compared.
   */
  kappa: number | null;
  falsePositives: EvaluationExample[];
  falseNegatives: EvaluationExample[];
}

/** Figures over all categories. */
export interface EvaluationAverages {
  /** Micro: precision, recall and F1 of the summed tp, fp and fn. */
  micro: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null };
  /** Macro: the mean of each figure over the categories where it is defined (`categories` counts them per figure). */
  macro: {
    precision: number | null;
    recall: number | null;
    f1: number | null;
    kappa: number | null;
    categories: { precision: number; recall: number; f1: number; kappa: number };
  };
}

/** Where the compared depths come from: `--depth` (`option`), the gold coding's codes (`gold`), or every level of the codebook when the gold coding codes nothing (`codebook`). */
export type DepthSource = 'option' | 'gold' | 'codebook';

/** Options of `evaluateCoding`. */
export interface EvaluateOptions {
  /**
   * The levels of the code tree to compare (1 = top-level categories, 2 = their subcategories, …).
   * Default: the levels of the codes the gold coding uses (as written, before the roll-up); every
   * level when it codes nothing.
   */
  depths?: readonly number[];
}

/** Everything `evaluateCoding` finds. */
export interface Evaluation extends EvaluationAverages {
  /** The gold coding's file, as named. */
  gold: string;
  /** Codable units compared (those of the transcripts the gold coding covers). */
  units: number;
  /** Transcript ids compared, sorted. */
  transcripts: string[];
  /** Input transcripts the gold coding does not name (left out), sorted. */
  unjudged: string[];
  /** The levels of the code tree compared (1 = top level), ascending. */
  depths: number[];
  /** Where `depths` comes from. */
  depthsFrom: DepthSource;
  /** The compared categories (those at `depths`), in codebook order. */
  categories: EvaluationRow[];
  /** Gold rows that could not be compared (unknown transcript, unit or category), and `--depth` levels the gold coding has no category at, as warnings. */
  problems: Problem[];
}

/** tp / (tp + other), null when the denominator is 0. */
function ratio(tp: number, other: number): number | null {
  return tp + other > 0 ? tp / (tp + other) : null;
}

/** F1 = 2tp / (2tp + fp + fn), null when all three are 0. */
function f1Of(tp: number, fp: number, fn: number): number | null {
  return tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null;
}

/** The level of a category in the code tree: 1 for `a`, 2 for `a/b`, … */
export function categoryDepth(path: string): number {
  return path.split('/').length;
}

/** Cohen's kappa of the rules against the gold coding on one category, from its 2×2 counts over `units` compared units (via the binary figures `agree` uses). */
function kappaOf(units: number, tp: number, fp: number, fn: number): number | null {
  return binaryFigures({ items: units, present: [units - tp - fp - fn, fp + fn, tp], coded: [tp + fp, tp + fn] }).cohen;
}

/** The mean of the defined values and how many there are. */
function meanDefined(xs: readonly (number | null)[]): { mean: number | null; count: number } {
  const defined = xs.filter((x): x is number => x !== null);
  return { mean: defined.length > 0 ? defined.reduce((s, x) => s + x, 0) / defined.length : null, count: defined.length };
}

/**
 * Compare the codings of the rules (`units`, as `codeInputs` gives them) with a human gold coding
 * of the same units. Only the transcripts the gold coding names are compared, over their codable
 * (non-moderator) units; a unit the gold coding does not list counts as coded with nothing. Gold
 * categories are matched by full code or by an own code only one category has, and rolled up to
 * their ancestors as the rules' codings are. Only the categories at the compared depths are
 * reported and averaged (`options.depths`; default: the levels of the gold coding's own codes).
 * Gold rows naming an unknown transcript, unit or category, or a moderator unit, are left out
 * with a warning; a depth given in `options.depths` that the gold coding has no category at in
 * the compared units is compared, with a warning.
 */
export function evaluateCoding(
  units: readonly CodedUnit[],
  gold: CoderCoding,
  categories: readonly { path: string; label: string }[],
  options: EvaluateOptions = {},
): Evaluation {
  const file = gold.coder;
  const problems: Problem[] = [];
  const warn = (line: number | undefined, message: string, ruleId: string): void => {
    problems.push({ file, ...(line !== undefined ? { line, column: 1 } : {}), severity: 'warning', message, ruleId });
  };
  const paths = categories.map((c) => c.path);
  const known = new Set(paths);
  const resolveCategory = (code: string): string | null => {
    if (known.has(code)) return code;
    const byOwn = paths.filter((p) => p.split('/').at(-1) === code);
    return byOwn.length === 1 ? byOwn[0]! : null;
  };

  const byId = new Map(units.map((u) => [unitId(u.transcript, u.segment), u]));
  const inputTranscripts = new Set(units.map((u) => u.transcript));
  const unitsPerTranscript = new Map<string, number>();
  for (const u of units) unitsPerTranscript.set(u.transcript, (unitsPerTranscript.get(u.transcript) ?? 0) + 1);
  const goldTranscripts = new Set<string>();
  const goldSets = new Map<string, Set<string>>();
  const warnedTranscripts = new Set<string>();
  const warnedCategories = new Set<string>();
  // The levels of the codes the gold coding itself uses (before the roll-up): the default depths.
  const goldDepths = new Set<number>();
  for (const row of gold.rows) {
    if (!inputTranscripts.has(row.transcript)) {
      if (!warnedTranscripts.has(row.transcript)) {
        warnedTranscripts.add(row.transcript);
        const names = [...inputTranscripts].sort(cmp).slice(0, 5).join(', ');
        warn(row.line, `transcript '${row.transcript}' is not among the inputs (they are: ${names}); its rows are left out`, 'evaluate/unknown-transcript');
      }
      continue;
    }
    goldTranscripts.add(row.transcript);
    const id = unitId(row.transcript, row.segment);
    const unit = byId.get(id);
    if (!unit) {
      const count = unitsPerTranscript.get(row.transcript) ?? 0;
      warn(row.line, `unit ${id} does not exist (${row.transcript} has ${count} unit${count === 1 ? '' : 's'}; code with the same --unit as the gold coding); the row is left out`, 'evaluate/unknown-unit');
      continue;
    }
    if (row.category === '') continue;
    if (unit.moderator) {
      warn(row.line, `unit ${id} is a moderator unit, which is never coded; the row is left out`, 'evaluate/moderator-unit');
      continue;
    }
    const path = resolveCategory(row.category);
    if (path === null) {
      if (!warnedCategories.has(row.category)) {
        warnedCategories.add(row.category);
        warn(row.line, `category '${row.category}' is not in the codebook; its rows are left out`, 'evaluate/unknown-category');
      }
      continue;
    }
    goldDepths.add(categoryDepth(path));
    let set = goldSets.get(id);
    if (!set) goldSets.set(id, (set = new Set()));
    set.add(path);
    for (const a of ancestorPaths(path)) if (known.has(a)) set.add(a);
  }

  const compared = units.filter((u) => !u.moderator && goldTranscripts.has(u.transcript)).sort(compareUnits);
  const goldOf = compared.map((u) => goldSets.get(unitId(u.transcript, u.segment)));
  const example = (u: CodedUnit, category: string): EvaluationExample => ({
    unit: unitId(u.transcript, u.segment),
    transcript: u.transcript,
    segment: u.segment,
    speaker: u.speaker,
    line: u.line,
    text: u.text,
    matched: [...new Set(u.codings.filter((k) => k.category === category).flatMap((k) => k.matches.map((x) => x.by)))],
  });
  const depthsFrom: DepthSource = options.depths !== undefined ? 'option' : goldDepths.size > 0 ? 'gold' : 'codebook';
  const depthList = options.depths ?? (goldDepths.size > 0 ? goldDepths : paths.map(categoryDepth));
  const depths = [...new Set(depthList)].sort((a, b) => a - b);
  const depthSet = new Set(depths);
  const comparedCategories = categories.filter((c) => depthSet.has(categoryDepth(c.path)));
  const rows: EvaluationRow[] = comparedCategories.map(({ path, label }) => {
    let tp = 0;
    const falsePositives: EvaluationExample[] = [];
    const falseNegatives: EvaluationExample[] = [];
    compared.forEach((u, i) => {
      const machine = u.codings.some((k) => k.category === path);
      const human = goldOf[i]?.has(path) === true;
      if (machine && human) tp++;
      else if (machine) falsePositives.push(example(u, path));
      else if (human) falseNegatives.push(example(u, path));
    });
    const fp = falsePositives.length;
    const fn = falseNegatives.length;
    return {
      category: path,
      label,
      tp,
      fp,
      fn,
      precision: ratio(tp, fp),
      recall: ratio(tp, fn),
      f1: f1Of(tp, fp, fn),
      kappa: kappaOf(compared.length, tp, fp, fn),
      falsePositives,
      falseNegatives,
    };
  });
  if (depthsFrom === 'option' && compared.length > 0) {
    for (const d of depths) {
      const atDepth = rows.filter((r) => categoryDepth(r.category) === d);
      if (atDepth.length > 0 && atDepth.every((r) => r.tp + r.fn === 0)) {
        warn(undefined, `the gold coding has no category at depth ${d} in the compared units; every unit the rules code at that depth counts as a false positive`, 'evaluate/depth-not-in-gold');
      }
    }
  }
  const tp = rows.reduce((s, r) => s + r.tp, 0);
  const fp = rows.reduce((s, r) => s + r.fp, 0);
  const fn = rows.reduce((s, r) => s + r.fn, 0);
  const precision = meanDefined(rows.map((r) => r.precision));
  const recall = meanDefined(rows.map((r) => r.recall));
  const f1 = meanDefined(rows.map((r) => r.f1));
  const kappa = meanDefined(rows.map((r) => r.kappa));
  return {
    gold: file,
    units: compared.length,
    transcripts: [...goldTranscripts].sort(cmp),
    unjudged: [...inputTranscripts].filter((t) => !goldTranscripts.has(t)).sort(cmp),
    depths,
    depthsFrom,
    categories: rows,
    micro: { tp, fp, fn, precision: ratio(tp, fp), recall: ratio(tp, fn), f1: f1Of(tp, fp, fn) },
    macro: {
      precision: precision.mean,
      recall: recall.mean,
      f1: f1.mean,
      kappa: kappa.mean,
      categories: { precision: precision.count, recall: recall.count, f1: f1.count, kappa: kappa.count },
    },
    problems: sortProblems(problems),
  };
}
