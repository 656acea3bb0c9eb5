/**
 * Small exact statistics for 2×2 tables of counts, written out so every figure in a report can be
 * checked by hand. A table is `[[a, b], [c, d]]`: rows are "in the group / in the rest",
 * columns "with / without the feature".
 */

/** The significance level used to flag comparisons and accept emergent perspectives. */
export const ALPHA = 0.05;

const lnFactorials: number[] = [0];

/** ln(n!) for a non-negative integer n (cached, exact summation of logarithms). */
export function lnFactorial(n: number): number {
  for (let k = lnFactorials.length; k <= n; k++) lnFactorials.push(lnFactorials[k - 1]! + Math.log(k));
  return lnFactorials[n]!;
}

/** `o · ln(o / e)`, with the limit 0 for o = 0. */
function term(o: number, e: number): number {
  return o === 0 ? 0 : o * Math.log(o / e);
}

/**
 * The log-likelihood ratio G² = 2 Σ O·ln(O/E) of a 2×2 table (Dunning 1993), E from the row and
 * column totals; 0 when a row or column is empty.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c2 === 0) return 0;
  const g2 = 2 * (term(a, (r1 * c1) / n) + term(b, (r1 * c2) / n) + term(c, (r2 * c1) / n) + term(d, (r2 * c2) / n));
  // Rounding can leave a tiny negative value for a table exactly at its expectation.
  return Math.max(0, g2);
}

/** The p-values of Fisher's exact test of a 2×2 table. */
export interface FisherResult {
  /** Sum of the probabilities of all tables no more likely than the observed one. */
  twoSided: number;
  /** P(top-left count ≥ a): the group has the feature at least this often. */
  greater: number;
  /** P(top-left count ≤ a). */
  less: number;
}

/**
 * Fisher's exact test with the margins fixed: the top-left count follows the hypergeometric
 * distribution. Probabilities within a relative 1e-7 of the observed one count as equally likely
 * (as R's fisher.test does), so ties are not lost to rounding.
 */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const base = lnFactorial(r1) + lnFactorial(r2) + lnFactorial(c1) + lnFactorial(n - c1) - lnFactorial(n);
  const prob = (x: number): number =>
    Math.exp(base - lnFactorial(x) - lnFactorial(r1 - x) - lnFactorial(c1 - x) - lnFactorial(r2 - c1 + x));
  const observed = prob(a);
  let twoSided = 0;
  let greater = 0;
  let less = 0;
  for (let x = lo; x <= hi; x++) {
    const p = prob(x);
    if (p <= observed * (1 + 1e-7)) twoSided += p;
    if (x >= a) greater += p;
    if (x <= a) less += p;
  }
  const clamp = (p: number): number => Math.min(1, p);
  return { twoSided: clamp(twoSided), greater: clamp(greater), less: clamp(less) };
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values) of a family of tests, in the input order:
 * q_(k) = min over j ≥ k of p_(j)·m/j, capped at 1. Keeping the tests with q < α keeps the
 * expected share of false discoveries among them below α, however many combinations were tested.
 */
export function adjustBenjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}
