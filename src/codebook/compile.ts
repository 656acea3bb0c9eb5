import { inflections } from '../lang/de/inflect.js';
import { polarityWords } from '../lang/de/sentiment.js';
import { lowerWord } from '../text/normalize.js';
import type { Category, Codebook, Language, MatchOptions, Rule, RuleScope, Term, WordSet } from '../types.js';
import { flattenCategories } from './flatten.js';
import { newPatterns, push } from './patterns.js';

export { ascendingUnique } from './patterns.js';

/** Element of a compiled phrase that matches exactly one token of any kind (a lone `*`). */
export const WILDCARD = -1;

/** Guard bit of a term whose hits are dropped where a negation governs them (`match.negation`). */
export const GUARD_NEGATION = 1;
/** Guard bit of a term whose hits are dropped inside questions (`match.questions: false`). */
export const GUARD_QUESTION = 2;

/** A compiled term: a phrase of word patterns (pattern ids, or WILDCARD). */
export interface CompiledTerm {
  id: number;
  text: string;
  elements: number[];
  /** Index of the first element that is not a wildcard: the phrase is looked up by it. */
  anchor: number;
  /** GUARD_NEGATION | GUARD_QUESTION: conditions a hit must meet in its sentence; 0 for none. */
  guard: number;
  /**
   * A separable verb (`zusammenarbeiten` with `lemma`): it also occurs as a finite form of its base
   * verb (pattern `finite`: "arbeiten", "arbeitet", …) followed later in the same sentence by its
   * particle (pattern `particle`: "zusammen"). The hit is the finite verb.
   */
  split?: { finite: number; particle: number };
}

/** A compiled rule of a category; `terms`/`not` hold term ids. */
export interface CompiledRule {
  kind: Rule['kind'];
  /** Short form shown as evidence: `all: mehr, personal*`, `near/5: fehl*, angebot*`, `regex: …`. */
  label: string;
  /**
   * For an `any` rule, the evidence label of each of its terms (`any/sentence: jugendamt*`): a hit
   * names the term that matched, not the rule's whole list. Empty for the other kinds.
   */
  termLabels: string[];
  terms: number[];
  within: number;
  regex?: RegExp;
  not: number[];
  /** Where the terms (and `not`) must occur: anywhere in the unit, or in one sentence. */
  scope: RuleScope;
}

/** A compiled category: its own terms, rules and excludes, and its place in the tree. */
export interface CompiledCategory {
  index: number;
  path: string;
  parent: number;
  terms: number[];
  rules: CompiledRule[];
  exclude: number[];
  /** GUARD_NEGATION | GUARD_QUESTION of the category's options: they apply to its regex hits too. */
  guard: number;
}

/** A codebook compiled for matching: terms, categories, and the word-form → pattern lookup. */
export interface Matcher {
  language: Language;
  categories: CompiledCategory[];
  terms: CompiledTerm[];
  /** Terms by the pattern id of their anchor element. */
  termsByAnchor: Map<number, number[]>;
  /** Categories whose positive terms or rules use a term (exclusions not counted). */
  categoriesByTerm: Map<number, number[]>;
  /** Categories with regex rules: they are checked on every unit. */
  regexCategories: number[];
  /** Number of word patterns (ids `0 … patternCount-1`). */
  patternCount: number;
  /** Whether some term has a guard or a split form, or some rule a sentence scope: tokens then need their context. */
  needsContext: boolean;
  /** Pattern ids that match a lower-cased token (cached per token form). */
  lookup(lowerToken: string): readonly number[];
  /** Pattern ids that match a token as written: `lookup` of its lower-cased form. */
  lookupToken(token: string): readonly number[];
  /**
   * Pattern ids that match one lower-cased word form (no compound splitting); cached unless `cache`
   * is false (for forms made up on the fly, such as completed compound parts).
   */
  lookupForm(lowerForm: string, cache?: boolean): readonly number[];
  /**
   * Pattern ids of a compound made up on the fly (a truncated part completed: "kinder" +
   * "hilferechts") whose head is `headPart`: as `lookupForm`, but with `compounds: head` a glob must
   * reach into the head. Not cached.
   */
  lookupCompound(lowerForm: string, headPart: string): readonly number[];
}

/** Compile a validated codebook into a matcher; each term is compiled once. */
export function compileCodebook(codebook: Codebook): Matcher {
  const flat = flattenCategories(codebook.categories);
  const language = codebook.language;
  const head = codebook.compounds === 'head';
  const sets = new Map(codebook.sets.map((set) => [set.name, setWords(set)]));
  const patterns = newPatterns(language, head, sets);
  const { patternFor, formsPattern } = patterns;
  const partIndexesUsed = head;

  const terms: CompiledTerm[] = [];
  const termIds = new Map<string, number>();
  const termsByAnchor = new Map<number, number[]>();
  /** A term compiled under a category's options; `positive` terms (not excludes or `not`) carry the category's guards. */
  const termFor = (term: Term, cat: Category, positive: boolean): number => {
    const { fold, stem } = cat.match;
    const lemma = cat.match.lemma && language === 'de';
    const guard = positive ? guardOf(cat.match) : 0;
    const anyPart = !positive && partIndexesUsed;
    const key = `${fold ? 'f' : 'n'}${stem ? 's' : '-'}${lemma ? 'l' : '-'}${anyPart ? 'x' : ''}${guard}${lowerWord(term.text)}`;
    let id = termIds.get(key);
    if (id !== undefined) return id;
    id = terms.length;
    termIds.set(key, id);
    const words = term.text.split(' ');
    const elements = words.map((w) => (/^\*+$/.test(w) ? WILDCARD : patternFor(w, fold, stem, lemma, anyPart)));
    const anchor = elements.findIndex((e) => e !== WILDCARD);
    const compiled: CompiledTerm = { id, text: term.text, elements, anchor, guard };
    if (lemma && words.length === 1 && !words[0]!.includes('*')) {
      const separable = inflections(lowerWord(words[0]!)).separable;
      if (separable) {
        compiled.split = {
          finite: formsPattern(`finite:${lowerWord(words[0]!)}`, separable.finite, fold),
          particle: formsPattern(`particle:${separable.particle}`, [separable.particle], fold),
        };
      }
    }
    terms.push(compiled);
    push(termsByAnchor, elements[anchor]!, id);
    return id;
  };

  const indexOf = new Map(flat.map((c, i) => [c.path, i]));
  const categoriesByTerm = new Map<number, number[]>();
  const regexCategories: number[] = [];
  const categories: CompiledCategory[] = flat.map((cat, index) => {
    const parentPath = cat.path.includes('/') ? cat.path.slice(0, cat.path.lastIndexOf('/')) : '';
    const own = cat.terms.map((t) => termFor(t, cat, true));
    const rules = cat.rules.map((r) => compileRule(r, (t, positive) => termFor(t, cat, positive)));
    const positive = new Set<number>(own);
    for (const r of rules) for (const t of r.terms) positive.add(t);
    for (const t of positive) push(categoriesByTerm, t, index);
    if (rules.some((r) => r.kind === 'regex')) regexCategories.push(index);
    return {
      index,
      path: cat.path,
      parent: parentPath ? indexOf.get(parentPath)! : -1,
      terms: own,
      rules,
      exclude: cat.exclude.map((t) => termFor(t, cat, false)),
      guard: guardOf(cat.match),
    };
  });
  const needsContext =
    terms.some((t) => t.guard !== 0 || t.split !== undefined) || categories.some((c) => c.guard !== 0 || c.rules.some((r) => r.scope === 'sentence'));
  const { lookup, lookupForm, lookupCompound, lookupToken } = patterns;
  return { language, categories, terms, termsByAnchor, categoriesByTerm, regexCategories, patternCount: patterns.count(), needsContext, lookup, lookupForm, lookupCompound, lookupToken };
}

/** The words of a word set: its own and its lexicon's, less the `except` words. */
function setWords(set: WordSet): string[] {
  const words = set.words.map((w) => w.text);
  if (set.from) words.push(...polarityWords(set.from.polarity, set.from.min));
  const except = new Set(set.except);
  return [...new Set(words)].filter((w) => !except.has(w.toLowerCase()));
}

/** The guard bits of a category's positive terms. */
function guardOf(match: MatchOptions): number {
  return (match.negation ? GUARD_NEGATION : 0) | (match.questions ? 0 : GUARD_QUESTION);
}

/** A rule in the short form its evidence shows: `all: mehr, personal*`, `near/5/sentence: fehl*, angebot*`, `regex: …` (without its `not`). */
export function ruleLabel(rule: Rule): string {
  if (rule.kind === 'regex') return `regex: ${rule.pattern}`;
  const texts = rule.terms.map((t) => t.text).join(', ');
  const scope = rule.scope === 'sentence' ? '/sentence' : '';
  return rule.kind === 'near' ? `near/${rule.within}${scope}: ${texts}` : `${rule.kind}${scope}: ${texts}`;
}

function compileRule(rule: Rule, termFor: (t: Term, positive: boolean) => number): CompiledRule {
  const not = rule.not.map((t) => termFor(t, false));
  const label = ruleLabel(rule);
  if (rule.kind === 'regex') {
    return { kind: 'regex', label, termLabels: [], terms: [], within: 0, regex: new RegExp(rule.pattern, 'giu'), not, scope: 'unit' };
  }
  const within = rule.kind === 'near' ? rule.within : 0;
  const scope = rule.scope === 'sentence' ? '/sentence' : '';
  const termLabels = rule.kind === 'any' ? rule.terms.map((t) => `any${scope}: ${t.text}`) : [];
  return { kind: rule.kind, label, termLabels, terms: rule.terms.map((t) => termFor(t, true)), within, not, scope: rule.scope };
}
