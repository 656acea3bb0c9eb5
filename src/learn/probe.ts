/**
 * The exact units of every candidate, from one coding pass: each candidate becomes a category of a
 * probe codebook (with the options of the category it is for) and the compared units are coded once
 * with the project's matcher. Lemma forms, compounds, truncated parts, sentence scopes and guards
 * are thus the matcher's own, not an imitation of them.
 */
import { compileCodebook } from '../codebook/compile.js';
import { ancestorPaths } from '../codebook/flatten.js';
import { countUnits } from '../coding/code-units.js';
import type { Category, Codebook, Term, Unit } from '../types.js';
import { applyChanges } from './apply.js';
import type { Candidate } from './candidates.js';

/** A probe category: no examples, no subcategories unless a guard is probed. */
function probeCategory(path: string, base: Category, parts: Partial<Category>): Category {
  return { ...base, code: path, path, level: 1, label: path, examples: [], counterexamples: [], terms: [], rules: [], exclude: [], categories: [], ...parts };
}

/** A category tree copied under a new root path. */
function renamed(cat: Category, path: string): Category {
  return { ...cat, code: path.split('/').at(-1)!, path, examples: [], counterexamples: [], categories: cat.categories.map((c) => renamed(c, `${path}/${c.code}`)) };
}

/**
 * The units (indexes into `units`, ascending) where each candidate fires: for terms, compounds,
 * phrases and `near` rules, the units the category would be coded in by that rule alone (the
 * category's and its ancestors' excludes applied, its guards too); for excludes, the units the
 * exclude term occurs in; for a negation guard, the units the category's tree still codes with the
 * guard switched on (the caller compares them with its coding).
 */
export function probeCandidates(
  codebook: Codebook,
  categories: ReadonlyMap<string, Category>,
  candidates: readonly Candidate[],
  units: readonly Unit[],
  explicitNegation: ReadonlySet<string>,
): Map<number, Int32Array> {
  const probes: Category[] = [];
  const owner: number[] = [];
  for (const c of candidates) {
    const cat = categories.get(c.category)!;
    const path = `p${c.id}`;
    const inherited: Term[] = [...cat.exclude, ...ancestorPaths(cat.path).flatMap((a) => categories.get(a)?.exclude ?? [])];
    let probe: Category;
    if (c.kind === 'exclude') {
      probe = probeCategory(path, cat, { match: { ...cat.match, negation: false, questions: true }, terms: [{ text: c.terms[0]! }] });
    } else if (c.kind === 'negation') {
      const guarded = applyChanges(cat, [{ category: cat.path, kind: 'negation', terms: [] }], explicitNegation);
      probe = { ...renamed(guarded, path), level: 1, exclude: inherited };
    } else if (c.kind === 'near') {
      probe = probeCategory(path, cat, {
        rules: [{ kind: 'near', terms: c.terms.map((text) => ({ text })), within: c.within ?? 5, not: [], scope: 'sentence' }],
        exclude: inherited,
      });
    } else {
      probe = probeCategory(path, cat, { terms: [{ text: c.terms[0]! }], exclude: inherited });
    }
    probes.push(probe);
    owner.push(c.id);
  }
  const out = new Map<number, number[]>(candidates.map((c) => [c.id, []]));
  if (probes.length === 0) return new Map();
  const matcher = compileCodebook({ ...codebook, categories: probes, perspectives: [] });
  // Probe roots are the categories without a '/' in their path; map matcher indexes to candidates.
  const candidateOf = new Int32Array(matcher.categories.length).fill(-1);
  const rootIndex = new Map(probes.map((p, i) => [p.path, i]));
  matcher.categories.forEach((mc, i) => {
    const r = rootIndex.get(mc.path);
    if (r !== undefined) candidateOf[i] = owner[r]!;
  });
  let u = 0;
  countUnits(units, matcher, (_unit, counts) => {
    if (counts) {
      for (let k = 0; k < counts.count; k++) {
        const id = candidateOf[counts.index[k]!]!;
        if (id !== -1) out.get(id)!.push(u);
      }
    }
    u++;
  });
  return new Map([...out].map(([id, list]) => [id, Int32Array.from(list)]));
}
