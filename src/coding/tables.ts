import { WILDCARD, type Matcher } from '../codebook/compile.js';
import type { Match } from '../types.js';
import type { TokenContext } from './context.js';
import type { Outcome } from './results.js';
import type { ScannedTokens } from './scan.js';

/**
 * The tables a matcher is coded with, derived once per matcher, and the scratch space of its calls
 * (`Derived.work`): everything one coding call reads and writes, held per matcher, never in module state.
 */

/** Scratch space of one call, shared by all matchers (a call runs to its end before the next starts). */
export interface Work {
  /** Term occurrences in the order found (token order of their trigger): term id, first and last token. */
  occTerm: Int32Array;
  occFirst: Int32Array;
  occLast: Int32Array;
  occCount: number;
  /** The distinct terms that occur, in the order first met. */
  seen: Int32Array;
  seenCount: number;
  /** Occurrence numbers grouped by term (each group in text order); see `Derived.termOff`. */
  byTerm: Int32Array;
  /** Atoms: span, label rank, and source (a term id, or `nTerms` + category for a rule's hit). */
  aStart: Int32Array;
  aEnd: Int32Array;
  aRank: Int32Array;
  aSrc: Int32Array;
  atoms: number;
  /** Whether some atom has an empty span (then repeats matter even to the counts). */
  empty: boolean;
  /** Atom numbers in sorted order, and room for merging. */
  order: Int32Array;
  spare: Int32Array;
  /** Categories given at least one atom. */
  touched: Int32Array;
  /** The text being coded, and its tokens' context once some guard, split verb or sentence scope asked for it. */
  text: string;
  context: TokenContext | undefined;
  scan: ScannedTokens | undefined;
}
/** Fresh scratch space for one matcher's calls. */
export function newWork(): Work {
    return {
    occTerm: new Int32Array(256),
    occFirst: new Int32Array(256),
    occLast: new Int32Array(256),
    occCount: 0,
    seen: new Int32Array(256),
    seenCount: 0,
    byTerm: new Int32Array(256),
    aStart: new Int32Array(256),
    aEnd: new Int32Array(256),
    aRank: new Int32Array(256),
    aSrc: new Int32Array(256),
    atoms: 0,
    empty: false,
    order: new Int32Array(256),
    spare: new Int32Array(256),
    touched: new Int32Array(64),
    text: '',
    context: undefined,
    scan: undefined,
  };
}

/** A copy of `a` with room for at least `need` items. */
/**
 * Lookup tables derived once per matcher. Lists per pattern, term or category are kept in one
 * array each, the items of number `i` at `list[off[i]]` up to (not including) `list[off[i + 1]]`.
 */
export interface Derived {
  /** Patterns with an id at or above this name no term. */
  nPatterns: number;
  /** Per pattern: the one-word terms it is that categories name among their own terms (an atom each). */
  atomOff: Int32Array;
  atomList: Int32Array;
  /** Per pattern: the one-word terms it is that rules or excludes use (an occurrence record each). */
  occOff: Int32Array;
  occList: Int32Array;
  /** Per term: 1 when a category names it among its own terms; 1 when a rule or exclude uses it. */
  hasOwn: Uint8Array;
  needOcc: Uint8Array;
  /** Per term: its guard bits (see `CompiledTerm.guard`). */
  guard: Uint8Array;
  /** Per pattern: the separable verbs whose finite forms it is. */
  splitOff: Int32Array;
  splitList: Int32Array;
  /** Per pattern: the phrases looked up by it. */
  phraseOff: Int32Array;
  phraseList: Int32Array;
  /** Per phrase: the element it is looked up by (see `lookupElement`). */
  phraseAt: Int32Array;
  /** Per term: its elements. */
  elemOff: Int32Array;
  elemList: Int32Array;
  /** Per term: the categories naming it among their own terms (ascending). */
  ownOff: Int32Array;
  ownList: Int32Array;
  nTerms: number;
  /**
   * Per atom source — a term, then (from `nTerms` on) a category's rules — the categories its atoms
   * code: a term's own categories and all their ancestors, each once; a category and its ancestors.
   */
  targetOff: Int32Array;
  targetList: Int32Array;
  /** Per term: the categories with a rule using it (not counting `not`). */
  ruleOff: Int32Array;
  ruleList: Int32Array;
  /** Per term: the categories naming it in their `exclude`. */
  exclOff: Int32Array;
  exclList: Int32Array;
  hasExcludes: boolean;
  /** Per category: itself, its parent, and so on up to the top level. */
  chainOff: Int32Array;
  chainList: Int32Array;
  /** Every label (term text or rule label) by rank: the ranks order them as strings. */
  labels: string[];
  /** Per term: the rank of its text. */
  termRank: Int32Array;
  /** Per category: the rank of each rule's label. */
  ruleRanks: Int32Array[];
  /** Per category and rule: the rank of each term's label of an `any` rule (see `CompiledRule.termLabels`). */
  termLabelRanks: Int32Array[][];
  /** Per term, valid where `termStamp` is the current round: occurrences, and where its run starts in `work.byTerm`. */
  termStamp: Int32Array;
  termCnt: Int32Array;
  termOff: Int32Array;
  termFill: Int32Array;
  /** Per category, valid where the stamp is the current round. */
  ruleStamp: Int32Array;
  exclStamp: Int32Array;
  blockStamp: Int32Array;
  blockedBy: Int32Array;
  ownStamp: Int32Array;
  catStamp: Int32Array;
  /** The last atom given, the end of the spans counted so far, and the count. */
  catLast: Int32Array;
  catReach: Int32Array;
  catCount: Int32Array;
  /** Evidence being collected, per category. */
  lists: (Match[] | undefined)[];
  /** The current call's mark in the stamps. */
  round: number;
  /** Scratch space of this matcher's calls (a call runs to its end before the next starts). */
  work: Work;
  /** What the last call gave (shared space, valid until the next call). */
  outcome: Outcome;
}

export function resetStamps(d: Derived): void {
  for (const a of [d.termStamp, d.ruleStamp, d.exclStamp, d.blockStamp, d.ownStamp, d.catStamp]) a.fill(0);
  d.round = 0;
}

const derivedOf = new WeakMap<Matcher, Derived>();

export function derived(matcher: Matcher): Derived {
  let d = derivedOf.get(matcher);
  if (!d) {
    d = derive(matcher);
    derivedOf.set(matcher, d);
  }
  return d;
}

/** Lists per number `0 … count-1` packed into one array (see `Derived`). */
function packed(count: number, lists: readonly (readonly number[] | undefined)[]): { off: Int32Array; list: Int32Array } {
  const off = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) off[i + 1] = off[i]! + (lists[i]?.length ?? 0);
  const list = new Int32Array(off[count]!);
  for (let i = 0; i < count; i++) list.set(lists[i] ?? [], off[i]!);
  return { off, list };
}

/**
 * The element a phrase is looked up by: the one with the longest literal text (a phrase is tried
 * wherever that element's pattern occurs, and long words are rarer than short ones such as "die"
 * or "nicht"); ties go to the first. Which element it is does not change what is found.
 */
export function lookupElement(text: string, elements: readonly number[]): number {
  const words = text.split(' ');
  let best = -1;
  let bestLength = -1;
  for (let e = 0; e < elements.length; e++) {
    if (elements[e] === WILDCARD) continue;
    const length = (words[e] ?? '').replace(/\*/g, '').length;
    if (length > bestLength) {
      best = e;
      bestLength = length;
    }
  }
  return best;
}

/** Which categories use each term: as their own term, in a rule, as an exclusion; and which terms need their occurrences. */
function termUses(matcher: Matcher): { own: number[][]; rules: number[][]; excl: number[][]; needOcc: Uint8Array } {
  const own: number[][] = [];
  const rules: number[][] = [];
  const excl: number[][] = [];
  const needOcc = new Uint8Array(matcher.terms.length);
  for (const cat of matcher.categories) {
    for (const t of new Set(cat.terms)) (own[t] ??= []).push(cat.index);
    const used = new Set<number>();
    for (const rule of cat.rules) {
      for (const t of rule.terms) used.add(t);
      for (const t of [...rule.terms, ...rule.not]) needOcc[t] = 1;
    }
    for (const t of used) (rules[t] ??= []).push(cat.index);
    for (const t of new Set(cat.exclude)) {
      (excl[t] ??= []).push(cat.index);
      needOcc[t] = 1;
    }
  }
  return { own, rules, excl, needOcc };
}

/** The terms each word pattern leads to: single-word terms (as atoms, as occurrences), phrases by their lookup element, split verbs. */
function lookups(matcher: Matcher, hasOwn: Uint8Array, needOcc: Uint8Array) {
  const atomSingles: number[][] = [];
  const occSingles: number[][] = [];
  const phrases: number[][] = [];
  const phraseAt = new Int32Array(matcher.terms.length);
  const splits: number[][] = [];
  for (const term of matcher.terms) {
    if (term.split) (splits[term.split.finite] ??= []).push(term.id);
    // Guarded terms go the phrase way, where each hit is checked on its own.
    if (term.elements.length === 1 && term.guard === 0) {
      if (hasOwn[term.id] === 1) (atomSingles[term.elements[0]!] ??= []).push(term.id);
      if (needOcc[term.id] === 1) (occSingles[term.elements[0]!] ??= []).push(term.id);
    } else {
      const at = lookupElement(term.text, term.elements);
      phraseAt[term.id] = at;
      (phrases[term.elements[at]!] ??= []).push(term.id);
    }
  }
  const n = matcher.patternCount;
  return { atom: packed(n, atomSingles), occ: packed(n, occSingles), phrase: packed(n, phrases), split: packed(n, splits), phraseAt };
}

/** Each category's chain up to its top level, and each term's roll-up targets (its categories and their ancestors). */
function rollUps(matcher: Matcher, own: readonly (readonly number[] | undefined)[]): { chains: number[][]; roll: (number[] | undefined)[] } {
  const chains: number[][] = matcher.categories.map((c) => {
    const chain: number[] = [];
    for (let i = c.index; i >= 0; i = matcher.categories[i]!.parent) chain.push(i);
    return chain;
  });
  const roll: (number[] | undefined)[] = [];
  for (let t = 0; t < matcher.terms.length; t++) {
    const o = own[t];
    if (!o) continue;
    const targets = new Set<number>();
    for (const c of o) for (const x of chains[c]!) targets.add(x);
    roll[t] = [...targets];
  }
  return { chains, roll };
}

/** Every evidence label (terms, rules, rule terms) in sorted order, and each one's rank in it. */
function labelRanks(matcher: Matcher): Pick<Derived, 'labels' | 'termRank' | 'ruleRanks' | 'termLabelRanks'> {
  const labels = [
    ...new Set([...matcher.terms.map((t) => t.text), ...matcher.categories.flatMap((c) => c.rules.flatMap((r) => [r.label, ...r.termLabels]))]),
  ].sort();
  const rank = new Map(labels.map((l, i) => [l, i]));
  return {
    labels,
    termRank: Int32Array.from(matcher.terms, (t) => rank.get(t.text)!),
    ruleRanks: matcher.categories.map((c) => Int32Array.from(c.rules, (r) => rank.get(r.label)!)),
    termLabelRanks: matcher.categories.map((c) => c.rules.map((r) => Int32Array.from(r.termLabels, (l) => rank.get(l)!))),
  };
}

/** The per-call scratch arrays of a matcher with these many terms and categories. */
function scratch(nTerms: number, nCats: number) {
  return {
    termStamp: new Int32Array(nTerms),
    termCnt: new Int32Array(nTerms),
    termOff: new Int32Array(nTerms),
    termFill: new Int32Array(nTerms),
    ruleStamp: new Int32Array(nCats),
    exclStamp: new Int32Array(nCats),
    blockStamp: new Int32Array(nCats),
    blockedBy: new Int32Array(nCats),
    ownStamp: new Int32Array(nCats),
    catStamp: new Int32Array(nCats),
    catLast: new Int32Array(nCats),
    catReach: new Int32Array(nCats),
    catCount: new Int32Array(nCats),
    lists: new Array<Match[] | undefined>(nCats),
    round: 0,
    work: newWork(),
    outcome: { count: 0, index: new Int32Array(64), hits: new Int32Array(64), matches: [], blocked: [] },
  };
}

function derive(matcher: Matcher): Derived {
  const nTerms = matcher.terms.length;
  const nCats = matcher.categories.length;
  const { own, rules, excl, needOcc } = termUses(matcher);
  const hasOwn = Uint8Array.from(matcher.terms, (t) => (own[t.id] ? 1 : 0));
  const look = lookups(matcher, hasOwn, needOcc);
  const { chains, roll } = rollUps(matcher, own);
  const ownP = packed(nTerms, own);
  const targetP = packed(nTerms + nCats, [...Array.from({ length: nTerms }, (_, t) => roll[t]), ...chains]);
  const ruleP = packed(nTerms, rules);
  const exclP = packed(nTerms, excl);
  const chainP = packed(nCats, chains);
  const elemP = packed(nTerms, matcher.terms.map((t) => t.elements));
  return {
    nPatterns: matcher.patternCount,
    atomOff: look.atom.off,
    atomList: look.atom.list,
    occOff: look.occ.off,
    occList: look.occ.list,
    hasOwn,
    needOcc,
    guard: Uint8Array.from(matcher.terms, (t) => t.guard),
    splitOff: look.split.off,
    splitList: look.split.list,
    phraseOff: look.phrase.off,
    phraseList: look.phrase.list,
    phraseAt: look.phraseAt,
    elemOff: elemP.off,
    elemList: elemP.list,
    ownOff: ownP.off,
    ownList: ownP.list,
    nTerms,
    targetOff: targetP.off,
    targetList: targetP.list,
    ruleOff: ruleP.off,
    ruleList: ruleP.list,
    exclOff: exclP.off,
    exclList: exclP.list,
    hasExcludes: exclP.list.length > 0,
    chainOff: chainP.off,
    chainList: chainP.list,
    ...labelRanks(matcher),
    ...scratch(nTerms, nCats),
  };
}
