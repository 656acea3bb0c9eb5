/**
 * Proposals applied to loaded categories (copies; the codebook is never changed): the in-memory
 * twin of what `edit.ts` writes into the YAML, used to compile the codebooks the learner codes with.
 */
import type { Category, Codebook, Term } from '../types.js';
import type { Candidate, ProposalKind } from './candidates.js';

/** What a proposal adds to its category. */
export interface Change {
  category: string;
  kind: ProposalKind;
  terms: readonly string[];
  within?: number;
}

/** The change a candidate makes. */
export function changeOfCandidate(c: Candidate): Change {
  return { category: c.category, kind: c.kind, terms: c.terms, ...(c.within !== undefined ? { within: c.within } : {}) };
}

/** A term as loaded categories hold it. */
function term(text: string): Term {
  return { text };
}

/**
 * A copy of a category tree with changes applied: terms, compounds and phrases go to `terms`, `near`
 * pairs to `rules` (scope sentence), excludes to `exclude`; a negation guard switches `negation` on
 * for the category and every subcategory that inherits it (`explicitNegation` lists the categories
 * that set `match.negation` themselves, and keep it).
 */
export function applyChanges(root: Category, changes: readonly Change[], explicitNegation: ReadonlySet<string>): Category {
  const byPath = new Map<string, Change[]>();
  for (const c of changes) {
    const list = byPath.get(c.category) ?? [];
    list.push(c);
    byPath.set(c.category, list);
  }
  const copy = (cat: Category, negate: boolean): Category => {
    const mine = byPath.get(cat.path) ?? [];
    const guard = negate || mine.some((c) => c.kind === 'negation');
    const own = guard && (!explicitNegation.has(cat.path) || mine.some((c) => c.kind === 'negation'));
    return {
      ...cat,
      match: own ? { ...cat.match, negation: true } : cat.match,
      terms: [...cat.terms, ...mine.filter((c) => c.kind === 'term' || c.kind === 'compound' || c.kind === 'phrase').map((c) => term(c.terms[0]!))],
      rules: [
        ...cat.rules,
        ...mine.filter((c) => c.kind === 'near').map((c) => ({ kind: 'near' as const, terms: c.terms.map(term), within: c.within ?? 5, not: [], scope: 'sentence' as const })),
      ],
      exclude: [...cat.exclude, ...mine.filter((c) => c.kind === 'exclude').map((c) => term(c.terms[0]!))],
      // A subcategory that sets negation itself stops the inheritance below it.
      categories: cat.categories.map((child) => copy(child, guard && !explicitNegation.has(child.path))),
    };
  };
  return copy(root, false);
}

/** A codebook of one category tree (its word sets kept, no perspectives): codes that tree exactly as the whole codebook does. */
export function treeCodebook(codebook: Codebook, root: Category): Codebook {
  return { ...codebook, categories: [root], perspectives: [] };
}
