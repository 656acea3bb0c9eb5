/**
 * Candidate rules for one category, in the codebook language, found on the features of the units
 * the rules get wrong: single terms (lemmas, or globs over a lemma's forms when the category does
 * not match lemmas), `*head` compounds, two-word phrases, `near` pairs within one sentence (to add
 * what is missed), excludes (to remove what is coded wrongly) and a negation guard. Each comes with
 * the units it would touch as the features see them, for a first ranking; the exact units are the
 * matcher's (see `probe.ts`).
 */
import { unmatchableReason } from '../codebook/terms.js';
import { cmp } from '../problems.js';
import { foldWord, lowerWord } from '../text/normalize.js';
import type { Category, Language } from '../types.js';
import type { Features } from './features.js';
import { commonPrefix, compoundHead, formsOf } from './lemmas.js';
import { deltaF1, type Counts } from './score.js';

/** What a proposal does: add a term, a `*head` compound, a phrase or a `near` rule; add an exclude; switch on the negation guard. */
export type ProposalKind = 'term' | 'compound' | 'phrase' | 'near' | 'exclude' | 'negation';

/** Kinds in the order ties are broken and the table lists them. */
export const KIND_ORDER: readonly ProposalKind[] = ['term', 'compound', 'phrase', 'near', 'exclude', 'negation'];

/** Kinds that code more units (the others code fewer). */
export function adds(kind: ProposalKind): boolean {
  return kind === 'term' || kind === 'compound' || kind === 'phrase' || kind === 'near';
}

/** A candidate rule of one category. */
export interface Candidate {
  /** Number among all candidates (creation order). */
  id: number;
  /** Full code of the category. */
  category: string;
  kind: ProposalKind;
  /** The terms as they go into the codebook: one (term, compound, phrase, exclude), two (near), none (negation). */
  terms: string[];
  /** `near` only: the largest distance in tokens. */
  within?: number;
  /** How the proposal is shown: the term, `near/5/sentence: a, b`, `exclude: x`, `negation: true`. */
  text: string;
  /** Units it touches as the features see them (ascending): where an added term occurs, where an exclude occurs. */
  approx: Int32Array;
}

/** The state of a category that candidates are found against. */
export interface CandidateContext {
  features: Features;
  language: Language;
  /** Gold coding of the category, per compared unit. */
  gold: Uint8Array;
  /** The rules' coding of the category, per compared unit. */
  coded: Uint8Array;
  /** Least units a candidate must fix (missed units found, wrong units removed). */
  minSupport: number;
  /** Candidates kept per kind, best first by the features' estimate. */
  perKind: number;
  /** `within` of proposed `near` rules. */
  within: number;
  /** Next candidate id. */
  nextId: () => number;
}

/**
 * How a key becomes a term of the category: its lemma when the category matches lemmas (or the key
 * is no German word); else globs over its forms, both the key itself with `*` ("kita*") and the
 * longest prefix of all its forms ("überg*" for Übergang, Übergänge), when they differ — the judge
 * keeps the better one. The first text is the main one (used for `near` rules).
 */
export function termTexts(key: string, cat: Category, language: Language): string[] {
  if (language !== 'de' || cat.match.lemma || /[^\p{L}]/u.test(key)) return [key];
  const forms = formsOf(key).filter((f) => f.startsWith(key.slice(0, 3)));
  if (forms.length <= 1) return [key];
  const out = [`${key}*`];
  const prefix = commonPrefix(forms);
  if (prefix !== key && prefix.length >= 4 && prefix.length >= key.length - 3) out.push(`${prefix}*`);
  return out;
}

/** How a compound head becomes terms: `*head` (with lemmas: compounds ending in any form); else also `*prefix*` over the head's forms. */
function headTexts(head: string, cat: Category): string[] {
  if (cat.match.lemma) return [`*${head}`];
  const prefix = commonPrefix(formsOf(head));
  return prefix.length >= 4 && prefix !== head ? [`*${head}`, `*${prefix}*`] : [`*${head}`, `*${head}*`];
}

/** True when a text can stand as a term of the codebook language (letters, digits, `-`, `'`, `*`, spaces) and can match. */
export function validTerm(text: string): boolean {
  return /^[\p{L}\p{N}\p{M}*'’ -]+$/u.test(text) && !/(^|\s)[-'’]|[-'’](\s|$)/u.test(text) && unmatchableReason(text) === undefined;
}

/** The union of ascending unit lists, ascending. */
export function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const set = new Set<number>();
  for (const l of lists) for (const u of l) set.add(u);
  return Int32Array.from(set).sort();
}

/** The features' estimate of what adding (or removing, for excludes) coding in `units` does to F1. */
export function estimate(units: Int32Array, ctx: Pick<CandidateContext, 'gold' | 'coded'>, base: Counts, add: boolean): number {
  const d = { ...base };
  for (const u of units) {
    const coded = ctx.coded[u] === 1;
    if (add === coded) continue;
    const gold = ctx.gold[u] === 1;
    if (add) {
      if (gold) {
        d.tp++;
        d.fn--;
      } else d.fp++;
    } else if (gold) {
      d.tp--;
      d.fn++;
    } else d.fp--;
  }
  return deltaF1(base, d);
}

/** The words of a category's own terms, lower-cased, to leave out what it already has. */
function ownTerms(cat: Category): Set<string> {
  const out = new Set<string>();
  const add = (t: string): void => {
    out.add(lowerWord(t));
    out.add(foldWord(lowerWord(t)));
  };
  for (const t of cat.terms) add(t.text);
  for (const t of cat.exclude) add(`exclude:${t.text}`);
  return out;
}

/** Counts of keys (or strings) over some units. */
function countOver<K>(units: Iterable<number>, each: (u: number, add: (k: K) => void) => void): Map<K, number> {
  const counts = new Map<K, number>();
  for (const u of units) {
    const seen = new Set<K>();
    each(u, (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    });
  }
  return counts;
}

/** The bigrams of one unit as `features.bigrams` keys them. */
function bigramsOf(features: Features, u: number, add: (k: string) => void): void {
  const w = features.units[u]!;
  for (let i = 0; i + 1 < w.lower.length; i++) {
    if (w.sentence[i] !== w.sentence[i + 1] || (w.key[i] === -1 && w.key[i + 1] === -1)) continue;
    const k = `${w.lower[i]} ${w.lower[i + 1]}`;
    if (features.bigrams.has(k)) add(k);
  }
}

/** The sentence pairs of one unit as `features.pairs` keys them. */
function pairsOf(features: Features, u: number, within: number, add: (k: string) => void): void {
  const w = features.units[u]!;
  for (let i = 0; i < w.key.length; i++) {
    const a = w.key[i]!;
    if (a === -1) continue;
    for (let j = i + 1; j < w.key.length && j - i <= within && w.sentence[j] === w.sentence[i]; j++) {
      const b = w.key[j]!;
      if (b === -1 || b === a) continue;
      const k = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (features.pairs.has(k)) add(k);
    }
  }
}

/** A candidate before it is numbered: what it proposes, the units it touches and its estimate. */
interface Draft {
  kind: ProposalKind;
  terms: string[];
  text: string;
  approx: Int32Array;
}

/** The units the rules miss and code wrongly, and the counts of the rules' coding. */
function errorsOf(gold: Uint8Array, coded: Uint8Array): { missed: number[]; wrong: number[]; base: Counts } {
  const missed: number[] = [];
  const wrong: number[] = [];
  const base: Counts = { tp: 0, fp: 0, fn: 0 };
  for (let u = 0; u < gold.length; u++) {
    if (gold[u] && !coded[u]) missed.push(u);
    if (!gold[u] && coded[u]) wrong.push(u);
    if (gold[u] && coded[u]) base.tp++;
    else if (coded[u]) base.fp++;
    else if (gold[u]) base.fn++;
  }
  return { missed, wrong, base };
}

/** The best `perKind` drafts of one kind with an estimate above 0 (ties by text), numbered as candidates. */
function pick(drafts: readonly Draft[], cat: Category, ctx: CandidateContext, base: Counts): Candidate[] {
  // Several keys may give the same text (a glob over forms): their units are merged.
  const byText = new Map<string, Draft>();
  for (const d of drafts) {
    const seen = byText.get(d.text);
    if (seen) seen.approx = union([seen.approx, d.approx]);
    else byText.set(d.text, d);
  }
  const scored = [...byText.values()].map((d) => ({ ...d, score: estimate(d.approx, ctx, base, adds(d.kind)) })).filter((d) => d.score > 0);
  scored.sort((a, b) => b.score - a.score || cmp(a.text, b.text));
  return scored.slice(0, ctx.perKind).map((d) => ({ id: ctx.nextId(), category: cat.path, kind: d.kind, terms: d.terms, text: d.text, approx: d.approx, ...(d.kind === 'near' ? { within: ctx.within } : {}) }));
}

/** Keys of `counts` seen in at least `least` units. */
function frequentKeys<K>(counts: ReadonlyMap<K, number>, least: number): K[] {
  return [...counts].filter(([, c]) => c >= least).map(([k]) => k);
}

/** Terms from the keys frequent in the missed units. */
function termDrafts(keys: readonly number[], cat: Category, ctx: CandidateContext, usable: (text: string) => boolean): Draft[] {
  const { features } = ctx;
  return keys.flatMap((k) =>
    termTexts(features.keys[k]!, cat, ctx.language)
      .filter(usable)
      .map((text): Draft => ({ kind: 'term', terms: [text], text, approx: features.keyUnits[k]! })),
  );
}

/** Compounds by their head (German): every key in the missed units that ends in a noun. */
function compoundDrafts(keys: Iterable<number>, missed: readonly number[], cat: Category, ctx: CandidateContext, usable: (text: string) => boolean): Draft[] {
  const { features } = ctx;
  const byHead = new Map<string, Int32Array[]>();
  for (const k of [...keys].sort((a, b) => a - b)) {
    const head = compoundHead(features.keys[k]!);
    if (head === null) continue;
    const lists = byHead.get(head) ?? [];
    lists.push(features.keyUnits[k]!);
    byHead.set(head, lists);
  }
  return [...byHead].flatMap(([head, lists]): Draft[] => {
    const approx = union(lists);
    if (countAmong(approx, missed) < ctx.minSupport) return [];
    return headTexts(head, cat)
      .filter(usable)
      .map((text): Draft => ({ kind: 'compound', terms: [text], text, approx }));
  });
}

/** `near` pairs in one sentence, frequent in the missed units. */
function nearDrafts(missed: readonly number[], cat: Category, ctx: CandidateContext): Draft[] {
  const { features } = ctx;
  const pairCounts = countOver<string>(missed, (u, add) => pairsOf(features, u, ctx.within, add));
  return frequentKeys(pairCounts, ctx.minSupport).flatMap((k): Draft[] => {
    const [a, b] = k.split(' ').map((id) => termTexts(features.keys[Number(id)]!, cat, ctx.language)[0]!) as [string, string];
    if (a === b || !validTerm(a) || !validTerm(b)) return [];
    const terms = [a, b].sort(cmp);
    return [{ kind: 'near', terms, text: `near/${ctx.within}/sentence: ${terms.join(', ')}`, approx: features.pairs.get(k)! }];
  });
}

/** Two-word phrases frequent in some units, as `kind` (a phrase to add, or an exclude). */
function bigramDrafts(units: readonly number[], kind: 'phrase' | 'exclude', ctx: CandidateContext, usable: (text: string) => boolean): Draft[] {
  const { features } = ctx;
  const bigramCounts = countOver<string>(units, (u, add) => bigramsOf(features, u, add));
  return frequentKeys(bigramCounts, ctx.minSupport).flatMap((k): Draft[] =>
    usable(k) ? [{ kind, terms: [k], text: kind === 'exclude' ? `exclude: ${k}` : k, approx: features.bigrams.get(k)! }] : [],
  );
}

/** Excludes from the keys frequent in the units coded wrongly. */
function excludeDrafts(keys: readonly number[], cat: Category, ctx: CandidateContext, usable: (term: string) => boolean): Draft[] {
  const { features } = ctx;
  return keys.flatMap((k) =>
    termTexts(features.keys[k]!, cat, ctx.language)
      .filter(usable)
      .map((term): Draft => ({ kind: 'exclude', terms: [term], text: `exclude: ${term}`, approx: features.keyUnits[k]! })),
  );
}

/** The keys of some units, each counted once per unit. */
function keyCountsOver(units: readonly number[], features: Features): Map<number, number> {
  return countOver<number>(units, (u, add) => features.units[u]!.keys.forEach(add));
}

/**
 * The candidates of one category, at most `perKind` of each kind, each with an estimate above 0
 * (best first, ties by text), in kind order. Additive kinds come from the units the gold coding has
 * and the rules miss, excludes from the units the rules code wrongly; the negation guard is a
 * candidate whenever the category has no guard and codes at least `minSupport` units wrongly.
 */
export function generateCandidates(cat: Category, ctx: CandidateContext): Candidate[] {
  const { features, minSupport } = ctx;
  const { missed, wrong, base } = errorsOf(ctx.gold, ctx.coded);
  const own = ownTerms(cat);
  const out: Candidate[] = [];
  const take = (drafts: Draft[]): void => {
    out.push(...pick(drafts, cat, ctx, base));
  };
  const usable = (text: string): boolean => validTerm(text) && !own.has(lowerWord(text)) && !own.has(foldWord(lowerWord(text)));
  const excludable = (term: string): boolean => validTerm(term) && !own.has(`exclude:${term}`);

  if (missed.length >= minSupport) {
    const keyCounts = keyCountsOver(missed, features);
    take(termDrafts(frequentKeys(keyCounts, minSupport), cat, ctx, usable));
    if (ctx.language === 'de') take(compoundDrafts(keyCounts.keys(), missed, cat, ctx, usable));
    take(bigramDrafts(missed, 'phrase', ctx, usable));
    take(nearDrafts(missed, cat, ctx));
  }
  if (wrong.length >= minSupport) {
    take(excludeDrafts(frequentKeys(keyCountsOver(wrong, features), minSupport), cat, ctx, excludable));
    take(bigramDrafts(wrong, 'exclude', ctx, excludable));
    if (!cat.match.negation) {
      out.push({ id: ctx.nextId(), category: cat.path, kind: 'negation', terms: [], text: 'negation: true', approx: Int32Array.from(wrong) });
    }
  }
  return out;
}

/** How many of an ascending list's units are in `among` (ascending). */
function countAmong(list: Int32Array, among: readonly number[]): number {
  const set = new Set(among);
  let n = 0;
  for (const u of list) if (set.has(u)) n++;
  return n;
}
