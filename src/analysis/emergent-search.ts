/**
 * The search behind emergent perspectives (`emergent.ts` describes the rules): the category pairs and
 * triples that reach the support are tested (Fisher), the family adjusted together (Benjamini–Hochberg).
 *
 * Bounded work: a codebook of 200 categories has 1.3 million triples, and on densely coded units most
 * of them can reach a small support; testing them all took minutes and gigabytes. So the support is
 * counted first — on bit sets, keeping no evidence — and when more than `MAX_EMERGENT_TESTS`
 * combinations reach `minSupport`, the support required is raised to the least value at which no
 * more than that many do (`SearchStats.minSupport`); only those are tested, and only their evidence
 * is kept. Below the bound nothing changes: the same combinations are tested as without it.
 */
import type { Codebook } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories, isRelated } from '../codebook/flatten.js';
import { adjustBenjaminiHochberg, ALPHA, fisherExact } from './stats.js';

/** The most combinations (pairs and triples together) tested in one search. */
export const MAX_EMERGENT_TESTS = 20_000;

/**
 * Codable units (in report order) seen through their codes: what the search for combinations
 * needs. The index may leave out units that cannot support any pair (fewer than two unrelated codes);
 * `n` and `N` always count all codable units.
 */
export interface CodeIndex {
  /** Codable units in all. */
  N: number;
  /** Codable units coded with each category (flat codebook order). */
  n: readonly number[];
  /** Whether the unit at position `k` of the index carries the code at flat position `code`. */
  has: (k: number, code: number) => boolean;
  /** Per category the positions in `has` (ascending) of the units coded with it. */
  unitsOf: readonly (readonly number[])[];
}

/** A combination kept by the search: categories (flat positions), supporting units (positions in the index), lift and adjusted p. */
export interface Combination {
  members: number[];
  evidence: number[];
  lift: number;
  p: number;
}

/** What a search did: the combinations tested, and the support they had to reach (raised above `minSupport` when there were too many). */
export interface SearchStats {
  tests: number;
  minSupport: number;
}

type Tested = Combination & { eligible: boolean };

/** Per category a bit set over the index positions of its units. */
function bitSets(unitsOf: readonly (readonly number[])[]): { sets: Uint32Array[]; words: number } {
  let size = 0;
  for (const list of unitsOf) if (list.length > 0) size = Math.max(size, list[list.length - 1]! + 1);
  const words = (size + 31) >>> 5;
  const sets = unitsOf.map((list) => {
    const set = new Uint32Array(words);
    for (const k of list) set[k >>> 5]! |= 1 << (k & 31);
    return set;
  });
  return { sets, words };
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The pairs and triples `findEmergentPerspectives` reports, in its order, found from an index of
 * the units' codes (see the rules there), testing at most `maxTests` combinations. `stats`, when
 * given, receives what the search did.
 */
export function emergentCombinations(
  idx: CodeIndex,
  codebook: Codebook,
  minSupport: number,
  minLift: number,
  stats?: SearchStats,
  maxTests: number = MAX_EMERGENT_TESTS,
): Combination[] {
  const flat = flattenCategories(codebook.categories);
  const C = flat.length;
  const { N, n, unitsOf } = idx;
  const related = (i: number, j: number): boolean => i === j || isRelated(flat[i]!.path, flat[j]!.path);
  const { sets, words } = bitSets(unitsOf);
  // Pairs that reach the support, with their units (few: at most C²/2, each a subset of a category's units).
  const pairUnits = new Map<number, number[]>();
  const partners: number[][] = flat.map(() => []);
  for (let i = 0; i < C; i++) {
    if (n[i]! < minSupport) continue;
    for (let j = i + 1; j < C; j++) {
      if (n[j]! < minSupport || related(i, j)) continue;
      const evidence = unitsOf[i]!.filter((k) => (sets[j]![k >>> 5]! >>> (k & 31)) & 1);
      if (evidence.length < minSupport) continue;
      pairUnits.set(i * C + j, evidence);
      partners[i]!.push(j);
    }
  }
  const nPair = (x: number, y: number): number => pairUnits.get(x < y ? x * C + y : y * C + x)?.length ?? 0;
  const triples = (visit: (i: number, j: number, k: number, support: number, both: Uint32Array) => void): void => {
    const both = new Uint32Array(words);
    for (let i = 0; i < C; i++) {
      for (const j of partners[i]!) {
        const units = pairUnits.get(i * C + j)!;
        both.fill(0);
        for (const u of units) both[u >>> 5]! |= 1 << (u & 31);
        for (const k of partners[i]!) {
          if (k <= j || nPair(j, k) < minSupport || related(j, k)) continue;
          const set = sets[k]!;
          let s = 0;
          // The cheaper count: the pair's few units looked up, or the bit sets intersected word by word.
          if (units.length < words) for (const u of units) s += (set[u >>> 5]! >>> (u & 31)) & 1;
          else for (let w = 0; w < words; w++) if (both[w]! & set[w]!) s += popcount(both[w]! & set[w]!);
          if (s >= minSupport) visit(i, j, k, s, both);
        }
      }
    }
  };
  // How many combinations reach each support (a histogram: no list of the million triples).
  const histogram = new Map<number, number>();
  const count = (support: number): void => void histogram.set(support, (histogram.get(support) ?? 0) + 1);
  for (const e of pairUnits.values()) count(e.length);
  triples((_i, _j, _k, support) => count(support));
  const least = supportNeeded(histogram, minSupport, maxTests);
  if (stats) {
    stats.minSupport = least;
    stats.tests = [...histogram].reduce((sum, [support, times]) => sum + (support >= least ? times : 0), 0);
  }
  const tested: Tested[] = [];
  for (const [key, evidence] of pairUnits) {
    if (evidence.length < least) continue;
    const [i, j] = [Math.floor(key / C), key % C];
    const both = evidence.length;
    const lift = (N * both) / (n[i]! * n[j]!);
    const p = fisherExact(both, n[i]! - both, n[j]! - both, N - n[i]! - n[j]! + both).greater;
    tested.push({ members: [i, j], evidence, lift, p, eligible: lift >= minLift });
  }
  triples((i, j, k, s, both) => {
    if (s < least) return;
    const evidence = unitsOf[k]!.filter((u) => (both[u >>> 5]! >>> (u & 31)) & 1);
    tested.push(testTriple([i, j, k], evidence, N, n, nPair, minLift));
  });
  return keep(tested, flat, codebook);
}

/**
 * The least support a combination must reach so that at most `max` are tested, from how many
 * combinations reach each support: the given minimum when few enough reach it, else the smallest
 * value above it that leaves no more than `max` (combinations of equal support are never split).
 */
export function supportNeeded(histogram: ReadonlyMap<number, number>, minSupport: number, max: number = MAX_EMERGENT_TESTS): number {
  let above = 0;
  for (const [support, times] of [...histogram].sort((a, b) => b[0] - a[0])) {
    if (support < minSupport) break;
    // Adding this support's combinations would pass the bound: require more than it.
    if (above + times > max) return support + 1;
    above += times;
  }
  return minSupport;
}

/** The test of a triple (see `findEmergentPerspectives`): lift, the largest Fisher p of its members, and whether its pairs explain it. */
function testTriple(members: [number, number, number], evidence: number[], N: number, n: readonly number[], nPair: (x: number, y: number) => number, minLift: number): Tested {
  const [i, j, k] = members;
  const s = evidence.length;
  const lift = (N * N * s) / (n[i]! * n[j]! * n[k]!);
  let p = 0;
  let explained = false;
  for (const [x, y, z] of [[i, j, k], [j, i, k], [k, i, j]] as const) {
    const yz = nPair(y, z);
    if (s / yz <= Math.max(nPair(x, y) / n[y]!, nPair(x, z) / n[z]!)) explained = true;
    p = Math.max(p, fisherExact(s, yz - s, n[x]! - s, N - yz - n[x]! + s).greater);
  }
  return { members, evidence, lift, p, eligible: lift >= minLift && !explained };
}

/**
 * The tested combinations that are kept, in report order: adjusted p < α and eligible; not covered
 * by a more specific one with the same units; not the `all` of a declared perspective.
 */
function keep(tested: readonly Tested[], flat: ReturnType<typeof flattenCategories>, codebook: Codebook): Combination[] {
  const adjusted = adjustBenjaminiHochberg(tested.map((t) => t.p));
  const found = tested.map((t, k) => ({ members: t.members, evidence: t.evidence, lift: t.lift, p: adjusted[k]!, eligible: t.eligible })).filter((t) => t.eligible && t.p < ALPHA);
  const declared = codebook.perspectives
    .filter((p) => p.when.any.length === 0 && p.when.none.length === 0)
    .map((p) => [...new Set(p.when.all)].sort(cmp).join('\u0000'));
  const order = (a: Combination, b: Combination): number =>
    b.lift - a.lift || b.evidence.length - a.evidence.length || compareLists(a.members, b.members);
  const kept: Combination[] = [...found.filter((c) => c.members.length === 2).sort(order), ...found.filter((c) => c.members.length === 3).sort(order)].map(
    ({ members, evidence, lift, p }) => ({ members, evidence, lift, p }),
  );
  const covers = (t: Combination, s: Combination): boolean =>
    t !== s &&
    sameList(t.evidence, s.evidence) &&
    s.members.every((m) => t.members.some((x) => x === m || flat[x]!.path.startsWith(flat[m]!.path + '/'))) &&
    !sameList(t.members, s.members);
  // Only combinations with the same supporting units can cover each other: compare within buckets
  // keyed by the evidence's length and hash (not every pair: that is quadratic in the thousands of
  // combinations a large codebook can keep).
  const keyOf = new Map<Combination, string>();
  const buckets = new Map<string, Combination[]>();
  for (const c of kept) {
    let h = 0x811c9dc5;
    for (const x of c.evidence) h = Math.imul(h ^ x, 0x01000193);
    const key = `${c.evidence.length}:${h >>> 0}`;
    keyOf.set(c, key);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  return kept.filter(
    (s) => !buckets.get(keyOf.get(s)!)!.some((t) => covers(t, s)) && !declared.includes(s.members.map((m) => flat[m]!.path).sort(cmp).join('\u0000')),
  );
}

/** True when two number lists are equal item by item. */
function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Lexicographic order of two number lists. */
function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
