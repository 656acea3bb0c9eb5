/**
 * Intercoder agreement of codings and of ratings tables: percent agreement and the coefficients of
 * `coefficients.ts` per category and overall, with the disagreeing units. How well a codebook's
 * rules match a human ("gold") coding is `evaluation.ts`, built on these.
 *
 * Two kinds of input:
 * - codings (`segments.csv` rows of each coder): every unit × category pair is a binary item —
 *   each coder says present (the coder coded the unit with the category) or absent;
 * - a ratings table (unit × coder values, empty cells missing) for any level of measurement.
 */
import { compareUnits, unitId } from '../analysis/units.js';
import type { Message } from '../lang/catalogue.js';
import { cmp, problem } from '../problems.js';
import type { CoderCoding, Problem, Rating, RatingTable } from '../types.js';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  type AlphaResult,
  type KappaResult,
  type KappaWeights,
  type Level,
  type Value,
} from './coefficients.js';


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
export interface BinaryTally {
  items: number;
  present: number[];
  coded: number[];
}

/** Why kappa and alpha are undefined when all values are the same. */
/** Why a figure is undefined, as `reasons` (and the JSON output) give it; the text renderers say them in the user's language. */
export const REASONS = {
  noVariation: 'no variation: every coder gave every unit the same value, so the chance-corrected coefficient is 0/0',
  noUnits: 'no units to compare',
  fleissTwo: "Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa",
  cohenMore: "Cohen's kappa is for exactly two coders; see Fleiss' kappa",
  noPairable: 'no unit has two or more values',
  noneByBoth: 'no unit was rated by both coders',
  noneByEvery: 'no unit was rated by every coder',
} as const;
const NO_VARIATION = REASONS.noVariation;

/**
 * The figures of a binary tally of m coders. Alpha uses the closed form of the binary coincidence
 * matrix: α = 1 − (n − 1)·o₀₁ / (n₀·n₁) with o₀₁ = Σ_u k(m − k)/(m − 1) over units with k "present".
 */
export function binaryFigures(t: BinaryTally): AgreementFigures {
  const m = t.coded.length;
  const N = t.items;
  const reasons: Partial<Record<FigureName, string>> = {};
  const out: AgreementFigures = { items: N, percent: null, cohen: null, fleiss: null, alpha: null, brennanPrediger: null, pairwise: null, reasons };
  if (m === 2) reasons.fleiss = REASONS.fleissTwo;
  else reasons.cohen = REASONS.cohenMore;
  if (N === 0) {
    for (const f of ['percent', 'pairwise', 'brennanPrediger', 'alpha', ...(m === 2 ? ['cohen'] : ['fleiss'])] as FigureName[]) reasons[f] = REASONS.noUnits;
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
      const id = unitId(row);
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
      if (row.category !== '') sets[categoryIndex.get(row.category)!]!.add(unitIndex.get(unitId(row))!);
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

/** Up to three names, then how many more: `a.txt, b.txt, c.txt and 4 more`. */
function someOf(names: readonly string[]): Message | string {
  if (names.length === 0) return { key: 'part.nothing' };
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? { key: 'part.and-more', params: { shown, n: names.length - 3 } } : shown;
}

/**
 * Warnings for pairs of codings that cover no transcript, or no unit, in common: each unit then
 * counts as coded by one coder and left empty by the other, and the figures (α −0.08, say) measure
 * nothing. Each warning says what the two codings cover (on the later coding's file).
 */
export function codingOverlap(codings: readonly CoderCoding[]): Problem[] {
  const cover = codings.map((c) => {
    const transcripts = new Set<string>();
    const units = new Set<string>();
    for (const r of c.rows) {
      transcripts.add(r.transcript);
      units.add(unitId(r));
    }
    return { coder: c.coder, transcripts, units };
  });
  const out: Problem[] = [];
  for (let j = 1; j < cover.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [cover[i]!, cover[j]!];
      if (a.transcripts.size === 0 || b.transcripts.size === 0) continue;
      const shared = [...b.transcripts].filter((t) => a.transcripts.has(t));
      const what = (c: typeof a): Message => ({ key: 'part.agree.codes', params: { coder: c.coder, n: c.units.size, transcripts: someOf([...c.transcripts].sort(cmp)) } });
      if (shared.length === 0) {
        const params = { first: b.coder, second: a.coder, a: what(a), b: what(b) };
        out.push(problem(b.coder, 'warning', { key: 'problem.agree/no-common-transcript', params }, undefined, 'agree/no-common-transcript'));
      } else if (![...b.units].some((u) => a.units.has(u))) {
        const params = { first: b.coder, second: a.coder, shared: someOf(shared.sort(cmp)), a: what(a), b: what(b) };
        out.push(problem(b.coder, 'warning', { key: 'problem.agree/no-common-unit', params }, undefined, 'agree/no-common-unit'));
      }
    }
  }
  return out;
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
    reasons.alpha = alpha.pairable < 2 ? REASONS.noPairable : NO_VARIATION;
  }
  const completeRows = table.values.filter((row) => row.length === m && row.every((v) => v !== null)) as Value[][];
  const complete = completeRows.length;
  let cohen: KappaResult | null = null;
  if (m === 2) {
    const pairs = table.values.filter((row) => row[0] != null && row[1] != null).map((row) => [row[0]!, row[1]!] as const);
    cohen = cohenKappa(pairs, weights);
    if (cohen.value === null) reasons.cohen = pairs.length === 0 ? REASONS.noneByBoth : NO_VARIATION;
  } else {
    reasons.cohen = REASONS.cohenMore;
  }
  let fleiss: KappaResult | null = null;
  if (m >= 3) {
    fleiss = fleissKappa(completeRows.map(countValues));
    if (fleiss.value === null) reasons.fleiss = complete === 0 ? REASONS.noneByEvery : NO_VARIATION;
  } else {
    reasons.fleiss = REASONS.fleissTwo;
  }
  const percent = complete > 0 ? completeRows.filter((row) => row.every((v) => v === row[0])).length / complete : null;
  if (percent === null) reasons.percent = REASONS.noneByEvery;
  const disagreements: RatingDisagreement[] = [];
  table.units.forEach((unit, u) => {
    const c = counts[u]!;
    if (c.size > 1) disagreements.push({ unit, values: [...table.values[u]!] });
  });
  return { coders: [...table.coders], level, weights, units: table.units.length, alpha, cohen, fleiss, percent, complete, reasons, disagreements };
}
