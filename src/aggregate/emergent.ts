import type { Codebook, CodedUnit, PerspectiveResult } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories, isRelated } from '../codebook/flatten.js';
import { distinctiveTerms, textWords, type WordOptions } from './keyterms.js';
import { ALPHA, fisherExact } from './stats.js';
import { codableUnits, sortUnits, speakerId, unitId } from './units.js';

/** Options of `findEmergentPerspectives`. */
export interface EmergentOptions extends Partial<WordOptions> {
  /** Least number of units a combination must occur in (default 3). */
  minSupport?: number;
  /** Least lift: observed ÷ expected support under independence (default 1.5). */
  minLift?: number;
  /** Key terms named in a generated label (default 3). */
  labelTerms?: number;
}

/** Default least support of an emergent perspective, in units. */
export const DEFAULT_MIN_SUPPORT = 3;

/** Default least lift of an emergent perspective. */
export const DEFAULT_MIN_LIFT = 1.5;

/** One candidate combination while searching. */
interface Combo {
  members: number[];
  evidence: number[];
  lift: number;
  p: number;
}

/**
 * Category pairs and triples that co-occur in units clearly more often than chance — development
 * perspectives the data suggest (`kind: emergent`), with unit scope. With N codable units and
 * n_X the units coded with X:
 *
 * - A pair {A, B} is kept when support n_AB ≥ minSupport, lift = N·n_AB ÷ (n_A·n_B) ≥ minLift,
 *   and the one-sided Fisher (hypergeometric) p of meeting at least n_AB times by chance is < 0.05.
 *   Pairs of a category with its own ancestor or descendant are never formed (roll-up makes them
 *   co-occur by construction).
 * - A triple {A, B, C} of unrelated categories is kept when n_ABC ≥ minSupport,
 *   lift = N²·n_ABC ÷ (n_A·n_B·n_C) ≥ minLift, and its pairs do not already explain it: for each
 *   member X with the other two Y, Z, X is more frequent among the units with both Y and Z than
 *   among the units with either one alone (n_XYZ/n_YZ > max(n_XY/n_Y, n_XZ/n_Z)), and that excess
 *   is significant (one-sided Fisher p < 0.05 for X among the Y∧Z units against all others; the
 *   largest of the three p is reported).
 * - A combination is dropped when another kept one has exactly the same supporting units and is at
 *   least as specific in every category (a subcategory, or an added third category), and when its
 *   categories are exactly the `all` of a declared perspective without `any` or `none`.
 *
 * Each result names its supporting units as evidence, their transcripts, speakers and groups, and
 * a label from the category labels and the (at most `labelTerms`) words that distinguish the
 * supporting units from all others ("Bedarfe × Vernetzung: Austausch, Plattform"). Pairs come
 * before triples; each by lift, then support, descending, then codebook order.
 */
export function findEmergentPerspectives(units: readonly CodedUnit[], codebook: Codebook, opts: EmergentOptions = {}): PerspectiveResult[] {
  const minSupport = opts.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = opts.minLift ?? DEFAULT_MIN_LIFT;
  const flat = flattenCategories(codebook.categories);
  const index = new Map(flat.map((c, i) => [c.path, i]));
  const codable = sortUnits(codableUnits(units));
  const N = codable.length;
  const has = codable.map((u) => new Set(u.codings.map((c) => index.get(c.category)).filter((i): i is number => i !== undefined)));
  const unitsOf = flat.map((_, i) => has.flatMap((s, k) => (s.has(i) ? [k] : [])));
  const n = unitsOf.map((l) => l.length);
  const related = (i: number, j: number): boolean => i === j || isRelated(flat[i]!.path, flat[j]!.path);
  const withAll = (members: readonly number[]): number[] => unitsOf[members[0]!]!.filter((k) => members.every((m) => has[k]!.has(m)));

  const pairs: Combo[] = [];
  const pairSupport = new Map<string, number>();
  for (let i = 0; i < flat.length; i++) {
    if (n[i]! < minSupport) continue;
    for (let j = i + 1; j < flat.length; j++) {
      if (n[j]! < minSupport || related(i, j)) continue;
      const evidence = withAll([i, j]);
      pairSupport.set(`${i},${j}`, evidence.length);
      if (evidence.length < minSupport) continue;
      const both = evidence.length;
      const lift = (N * both) / (n[i]! * n[j]!);
      const p = fisherExact(both, n[i]! - both, n[j]! - both, N - n[i]! - n[j]! + both).greater;
      if (lift >= minLift && p < ALPHA) pairs.push({ members: [i, j], evidence, lift, p });
    }
  }

  const triples: Combo[] = [];
  const nPair = (x: number, y: number): number => pairSupport.get(x < y ? `${x},${y}` : `${y},${x}`) ?? 0;
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length; j++) {
      if (nPair(i, j) < minSupport) continue;
      for (let k = j + 1; k < flat.length; k++) {
        if (related(i, k) || related(j, k) || nPair(i, k) < minSupport || nPair(j, k) < minSupport) continue;
        const evidence = withAll([i, j, k]);
        const s = evidence.length;
        if (s < minSupport) continue;
        const lift = (N * N * s) / (n[i]! * n[j]! * n[k]!);
        if (lift < minLift) continue;
        let p = 0;
        let explained = false;
        for (const [x, y, z] of [[i, j, k], [j, i, k], [k, i, j]] as const) {
          const yz = nPair(y, z);
          if (s / yz <= Math.max(nPair(x, y) / n[y]!, nPair(x, z) / n[z]!)) explained = true;
          p = Math.max(p, fisherExact(s, yz - s, n[x]! - s, N - yz - n[x]! + s).greater);
        }
        if (!explained && p < ALPHA) triples.push({ members: [i, j, k], evidence, lift, p });
      }
    }
  }

  const declared = codebook.perspectives
    .filter((p) => p.when.any.length === 0 && p.when.none.length === 0)
    .map((p) => [...new Set(p.when.all)].sort(cmp).join('\u0000'));
  const order = (a: Combo, b: Combo): number =>
    b.lift - a.lift || b.evidence.length - a.evidence.length || compareLists(a.members, b.members);
  const kept = [...pairs.sort(order), ...triples.sort(order)];
  const covers = (t: Combo, s: Combo): boolean =>
    t !== s &&
    sameList(t.evidence, s.evidence) &&
    s.members.every((m) => t.members.some((x) => x === m || flat[x]!.path.startsWith(flat[m]!.path + '/'))) &&
    !sameList(t.members, s.members);
  const result = kept.filter(
    (s) => !kept.some((t) => covers(t, s)) && !declared.includes(s.members.map((m) => flat[m]!.path).sort(cmp).join('\u0000')),
  );

  const wordOpts: WordOptions = { language: opts.language ?? codebook.language, stem: opts.stem ?? codebook.match.stem };
  const words = codable.map((u) => textWords(u.text, wordOpts));
  const labelTerms = opts.labelTerms ?? 3;
  return result.map((combo) => {
    const selected = new Array<boolean>(N).fill(false);
    for (const k of combo.evidence) selected[k] = true;
    const terms = distinctiveTerms(words, selected).slice(0, labelTerms).map((t) => t.display);
    const evidence = combo.evidence.map((k) => codable[k]!);
    const categories = combo.members.map((m) => flat[m]!.path);
    const names = combo.members.map((m) => flat[m]!.label).join(' × ');
    const groups = distinct(evidence.flatMap((u) => (u.attributes.group !== undefined ? [u.attributes.group] : [])));
    const out: PerspectiveResult = {
      code: categories.join('+'),
      label: terms.length > 0 ? `${names}: ${terms.join(', ')}` : names,
      kind: 'emergent',
      scope: 'unit',
      support: evidence.length,
      minSupport,
      transcripts: distinct(evidence.map((u) => u.transcript)),
      speakers: distinct(evidence.map(speakerId)),
      categories,
      evidence: evidence.map(unitId),
      groups,
      lift: combo.lift,
      p: combo.p,
      keyterms: terms,
    };
    return out;
  });
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

/** Distinct strings in code-unit order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}
