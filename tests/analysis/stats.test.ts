import { describe, expect, it } from 'vitest';
import { adjustBenjaminiHochberg, fisherExact, lnFactorial, logLikelihood } from '../../src/analysis/stats.js';

describe('lnFactorial', () => {
  it('gives ln(n!)', () => {
    expect(lnFactorial(0)).toBe(0);
    expect(lnFactorial(1)).toBe(0);
    expect(lnFactorial(5)).toBeCloseTo(Math.log(120), 12);
    expect(lnFactorial(20)).toBeCloseTo(Math.log(2432902008176640000), 9);
  });
});

describe('logLikelihood', () => {
  it('is 2·Σ O·ln(O/E) of the 2×2 table', () => {
    expect(logLikelihood(10, 0, 0, 10)).toBeCloseTo(40 * Math.log(2), 12);
    expect(logLikelihood(3, 1, 1, 3)).toBeCloseTo(12 * Math.log(1.5) - 4 * Math.log(2), 12);
  });

  it('is 0 at the expectation and for an empty row or column', () => {
    expect(logLikelihood(2, 2, 4, 4)).toBe(0);
    expect(logLikelihood(0, 0, 3, 5)).toBe(0);
    expect(logLikelihood(3, 0, 5, 0)).toBe(0);
  });
});

describe('fisherExact', () => {
  it('gives the lady-tasting-tea p-values (hypergeometric C(4,x)²/70)', () => {
    const p = fisherExact(3, 1, 1, 3);
    expect(p.twoSided).toBeCloseTo(34 / 70, 12);
    expect(p.greater).toBeCloseTo(17 / 70, 12);
    expect(p.less).toBeCloseTo(69 / 70, 12);
  });

  it('gives 1 for a table at its most likely value and handles empty margins', () => {
    expect(fisherExact(1, 3, 2, 4).twoSided).toBeCloseTo(1, 12);
    expect(fisherExact(0, 0, 0, 0)).toEqual({ twoSided: 1, greater: 1, less: 1 });
  });

  it('gives the one-sided tail of a rare co-occurrence', () => {
    // 4 of 20 units coded with each category, 3 with both: P(X ≥ 3) = (C(4,3)·C(16,1) + 1) / C(20,4).
    expect(fisherExact(3, 1, 1, 15).greater).toBeCloseTo(65 / 4845, 12);
  });
});

describe('adjustBenjaminiHochberg', () => {
  it('gives the step-up q-values in input order', () => {
    const q = adjustBenjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.04 * 4 / 3, 12);
    expect(q[2]).toBeCloseTo(0.04 * 4 / 3, 12);
    expect(q[3]).toBeCloseTo(0.5, 12);
  });

  it('caps at 1 and keeps an empty family empty', () => {
    expect(adjustBenjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(adjustBenjaminiHochberg([1, 1, 1])).toEqual([1, 1, 1]);
    expect(adjustBenjaminiHochberg([])).toEqual([]);
  });
});
