import { describe, expect, it, vi } from 'vitest';
import { emergentCombinations, MAX_EMERGENT_TESTS, supportNeeded, type CodeIndex, type Combination, type SearchStats } from '../../src/analysis/emergent.js';
import { adjustBenjaminiHochberg, ALPHA, fisherExact } from '../../src/analysis/stats.js';
import { flattenCategories, isRelated } from '../../src/codebook/flatten.js';
import type { Category, Codebook } from '../../src/types.js';
import { cat, codebook, tree } from './build.js';

// Count every Fisher test the search performs (the module is shared by the search and this file).
const calls = vi.hoisted(() => ({ fisher: 0 }));
vi.mock('../../src/analysis/stats.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/stats.js')>();
  return { ...real, fisherExact: (...args: Parameters<typeof real.fisherExact>) => (calls.fisher++, real.fisherExact(...args)) };
});

/** A deterministic pseudo-random generator (mulberry32), so the generated tallies are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An index of `units` units, each coded with every category with probability `density`, and with
 * each planted combination (full codes) with probability 0.15; a parent along with a coded child.
 */
function generate(categories: Category[], units: number, density: number, seed: number, planted: string[][] = []): CodeIndex {
  const flat = flattenCategories(categories);
  const next = random(seed);
  const codes = Array.from({ length: units }, () => {
    const set = new Set<number>();
    const add = (i: number): void => {
      set.add(i);
      flat.forEach((p, j) => flat[i]!.path.startsWith(p.path + '/') && set.add(j));
    };
    flat.forEach((_, i) => next() < density && add(i));
    for (const combo of planted) if (next() < 0.15) for (const code of combo) add(flat.findIndex((c) => c.path === code));
    return set;
  });
  const unitsOf = flat.map((_, i) => codes.flatMap((s, k) => (s.has(i) ? [k] : [])));
  return { N: units, n: unitsOf.map((l) => l.length), has: (k, m) => codes[k]!.has(m), unitsOf };
}

/** The search as `findEmergentPerspectives` describes it, without any bound: every pair and triple that reaches the support is tested. */
function unbounded(idx: CodeIndex, cb: Codebook, minSupport: number, minLift: number): { found: Combination[]; tests: number } {
  const flat = flattenCategories(cb.categories);
  const { N, n, has, unitsOf } = idx;
  const unrelated = (...m: number[]): boolean => m.every((x, a) => m.every((y, b) => a === b || (x !== y && !isRelated(flat[x]!.path, flat[y]!.path))));
  const withAll = (m: number[]): number[] => unitsOf[m[0]!]!.filter((k) => m.every((x) => has(k, x)));
  const pair = (x: number, y: number): number => (unrelated(x, y) ? withAll([x, y]).length : 0);
  const tested: (Combination & { eligible: boolean })[] = [];
  const C = flat.length;
  for (let i = 0; i < C; i++) for (let j = i + 1; j < C; j++) {
    const e = withAll([i, j]);
    if (!unrelated(i, j) || e.length < minSupport) continue;
    const s = e.length;
    const lift = (N * s) / (n[i]! * n[j]!);
    tested.push({ members: [i, j], evidence: e, lift, p: fisherExact(s, n[i]! - s, n[j]! - s, N - n[i]! - n[j]! + s).greater, eligible: lift >= minLift });
  }
  for (let i = 0; i < C; i++) for (let j = i + 1; j < C; j++) for (let k = j + 1; k < C; k++) {
    if (!unrelated(i, j, k) || pair(i, j) < minSupport || pair(i, k) < minSupport || pair(j, k) < minSupport) continue;
    const e = withAll([i, j, k]);
    const s = e.length;
    if (s < minSupport) continue;
    let p = 0;
    let explained = false;
    for (const [x, y, z] of [[i, j, k], [j, i, k], [k, i, j]]) {
      const yz = pair(y!, z!);
      if (s / yz <= Math.max(pair(x!, y!) / n[y!]!, pair(x!, z!) / n[z!]!)) explained = true;
      p = Math.max(p, fisherExact(s, yz - s, n[x!]! - s, N - yz - n[x!]! + s).greater);
    }
    const lift = (N * N * s) / (n[i]! * n[j]! * n[k]!);
    tested.push({ members: [i, j, k], evidence: e, lift, p, eligible: lift >= minLift && !explained });
  }
  const q = adjustBenjaminiHochberg(tested.map((t) => t.p));
  const found = tested.map((t, x) => ({ ...t, p: q[x]! })).filter((t) => t.eligible && t.p < ALPHA);
  const lexically = (a: number[], b: number[]): number => a.map((x, y) => x - b[y]!).find((d) => d !== 0) ?? a.length - b.length;
  const order = (a: Combination, b: Combination): number => b.lift - a.lift || b.evidence.length - a.evidence.length || lexically(a.members, b.members);
  const sorted = [...found.filter((c) => c.members.length === 2).sort(order), ...found.filter((c) => c.members.length === 3).sort(order)];
  const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, y) => x === b[y]);
  const covered = (s: Combination): boolean =>
    sorted.some((t) => t !== s && same(t.evidence, s.evidence) && !same(t.members, s.members) && s.members.every((m) => t.members.some((x) => x === m || flat[x]!.path.startsWith(flat[m]!.path + '/'))));
  return { found: sorted.filter((s) => !covered(s)).map(({ members, evidence, lift, p }) => ({ members, evidence, lift, p })), tests: tested.length };
}

/** Twelve categories, some with subcategories (roll-up makes parents co-occur with their children). */
const SMALL = tree(
  cat('a', 'A', cat('a1', 'A1'), cat('a2', 'A2')),
  cat('b', 'B', cat('b1', 'B1')),
  ...['c', 'd', 'e', 'f', 'g', 'h', 'i'].map((c) => cat(c, c.toUpperCase())),
);

describe('emergent perspectives: a bounded number of tests', () => {
  it('equals the unbounded search on small tallies, where the bound is not reached', () => {
    const planted = [['c', 'd'], ['e', 'f', 'g'], ['a/a1', 'h'], ['b/b1', 'i']];
    for (const [units, density, seed] of [[60, 0.2, 1], [120, 0.15, 2], [80, 0.25, 3], [1500, 0.06, 6]] as const) {
      const idx = generate(SMALL, units, density, seed, planted);
      const stats: SearchStats = { tests: 0, minSupport: 0 };
      const reference = unbounded(idx, codebook(SMALL), 3, 1.2);
      expect(reference.found.length).toBeGreaterThan(0);
      expect(emergentCombinations(idx, codebook(SMALL), 3, 1.2, stats)).toEqual(reference.found);
      expect(stats).toEqual({ tests: reference.tests, minSupport: 3 });
    }
  });

  it('past the bound, raises the support required and equals the unbounded search at that support', () => {
    const idx = generate(SMALL, 120, 0.35, 4, [['c', 'd'], ['e', 'f', 'g']]);
    const stats: SearchStats = { tests: 0, minSupport: 0 };
    const found = emergentCombinations(idx, codebook(SMALL), 3, 1.0, stats, 40);
    expect(found.length).toBeGreaterThan(0);
    expect(stats.minSupport).toBeGreaterThan(3);
    expect(stats.tests).toBeLessThanOrEqual(40);
    const reference = unbounded(idx, codebook(SMALL), stats.minSupport, 1.0);
    expect([found, stats.tests]).toEqual([reference.found, reference.tests]);
  });

  it('tests at most MAX_EMERGENT_TESTS combinations of a densely coded 200-category tally', () => {
    const many = tree(...Array.from({ length: 200 }, (_, i) => cat(`k${i}`, `K${i}`)));
    const idx = generate(many, 300, 0.3, 5);
    const stats: SearchStats = { tests: 0, minSupport: 0 };
    calls.fisher = 0;
    emergentCombinations(idx, codebook(many), 3, 1.5, stats);
    // Without the bound nearly all 1.3 million triples reach support 3 (each is in about 8 units).
    expect(stats.minSupport).toBeGreaterThan(3);
    expect(stats.tests).toBeLessThanOrEqual(MAX_EMERGENT_TESTS);
    expect(stats.tests).toBeGreaterThan(MAX_EMERGENT_TESTS / 10);
    // A pair is one Fisher test, a triple three.
    expect(calls.fisher).toBeLessThanOrEqual(3 * MAX_EMERGENT_TESTS);
  });

  it('never splits combinations of equal support', () => {
    const histogram = new Map([[10, 5], [8, 20], [5, 100], [2, 1000]]);
    expect([supportNeeded(histogram, 3, 1000), supportNeeded(histogram, 3, 25), supportNeeded(histogram, 3, 24), supportNeeded(histogram, 3, 4), supportNeeded(histogram, 3, 125)]).toEqual([3, 6, 9, 11, 3]);
  });
});
