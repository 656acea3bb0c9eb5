// The matcher as it was before its typed-array rewrite, kept as the reference the rewrite must agree with
// exactly (tests/coding/match.equivalence.test.ts). Test code only: nothing in src uses it. Only its view
// of a scan changed: the scan now keeps pattern ids in one typed array, the reference takes them as lists.
import { WILDCARD, type CompiledRule, type Matcher } from '../../src/codebook/compile.js';
import { lowerWord } from '../../src/text/normalize.js';
import { COMPOUND_CONJUNCTIONS, completeTruncated } from '../../src/text/tokenize.js';
import { runRegexRules, type RegexMatches } from '../../src/coding/regex-budget.js';
import { detach, patternsOf, scanTokens, type ScannedTokens as Scanned } from '../../src/coding/scan.js';

/** The scan as the reference knew it: pattern ids as a list per token. */
interface ScannedTokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  patterns: (readonly number[])[];
  hits: number[];
  truncated: boolean;
}

function asLists(scan: Scanned): ScannedTokens {
  const patterns = Array.from({ length: scan.count }, (_, k) => patternsOf(scan, k));
  return { count: scan.count, starts: scan.starts.slice(0, scan.count), ends: scan.ends.slice(0, scan.count), patterns, hits: Array.from(scan.patterned.subarray(0, scan.patternedCount)), truncated: scan.truncated };
}
import type { Match, Token } from '../../src/types.js';
import type { BlockedMatch, CategoryMatch, TextMatch } from '../../src/coding/results.js';
export type { BlockedMatch, CategoryMatch, TextMatch };

/** A term occurrence as a token range (first and last token index, inclusive). */
interface Span {
  first: number;
  last: number;
}


/** How many tokens ahead a truncated compound part ("Bildungs-") looks for the word completing it. */
const COMPLETION_REACH = 6;

/**
 * Apply a compiled codebook to one text. Cost grows with the tokens and the hits, not with the
 * number of terms: tokens find their patterns through the matcher's cached word-form lookup, and
 * only categories with a hit (or a regex rule) are evaluated.
 */
export function matchText(text: string, matcher: Matcher, regexMatches?: RegexMatches): TextMatch {
  const scan = asLists(scanTokens(text, matcher));
  const tokens: Token[] = [];
  for (let i = 0; i < scan.count; i++) {
    const start = scan.starts[i]!;
    const end = scan.ends[i]!;
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return { tokens, ...matchScanned(text, scan, matcher, regexMatches) };
}

/**
 * What `matchText` finds, without the token list: the form the coding loop uses. `regexMatches` are
 * the hits of the regex rules when already run (`runRegexRules`, with its time budget, for many
 * texts at once); without them the rules run here, on this text alone, under the same budget.
 */
export function matchCodes(text: string, matcher: Matcher, regexMatches?: RegexMatches): Pick<TextMatch, 'coded' | 'blocked'> {
  return matchScanned(text, asLists(scanTokens(text, matcher)), matcher, regexMatches);
}

function matchScanned(text: string, scan: ScannedTokens, matcher: Matcher, given?: RegexMatches): Pick<TextMatch, 'coded' | 'blocked'> {
  if (scan.truncated) completeCompounds(text, scan, matcher);
  if (scan.hits.length === 0 && matcher.regexCategories.length === 0) return { coded: [], blocked: [] };
  const occurrences = findTerms(scan, matcher);
  if (occurrences.size === 0 && matcher.regexCategories.length === 0) return { coded: [], blocked: [] };
  const d = derived(matcher);
  if (d.round >= 0x3fffffff) {
    d.stamps.fill(0);
    d.round = 0;
  }
  const round = ++d.round;
  const candidates: number[] = [];
  const consider = (c: number): void => {
    if (d.stamps[c] === round) return;
    d.stamps[c] = round;
    candidates.push(c);
  };
  for (const c of matcher.regexCategories) consider(c);
  const regexMatches = matcher.regexCategories.length === 0 ? undefined : (given ?? runRegexRules([text], matcher).matches[0]);
  occurrences.forEach((_, termId) => {
    const cats = d.categoriesOf[termId];
    if (cats) for (let k = 0; k < cats.length; k++) consider(cats[k]!);
  });
  candidates.sort((a, b) => a - b);

  const { starts, ends } = scan;
  const spanOf = (s: Span): [number, number] => [starts[s.first]!, ends[s.last]!];
  const termMatches = (termId: number, by: string, out: Match[]): void => {
    for (const s of occurrences.get(termId) ?? []) {
      const [start, end] = spanOf(s);
      out.push({ by, start, end });
    }
  };

  // Own evidence per candidate category: its terms that occur (each occurring term visits the
  // categories naming it, so a category with many terms costs nothing for those absent), then its
  // rules. The order hits are collected in does not matter: evidence is sorted below.
  const found = new Map<number, Match[]>();
  occurrences.forEach((spans, termId) => {
    const cats = d.ownCategoriesOf[termId];
    if (!cats) return;
    const by = matcher.terms[termId]!.text;
    for (let k = 0; k < cats.length; k++) {
      const c = cats[k]!;
      let list = found.get(c);
      if (!list) {
        list = [];
        found.set(c, list);
      }
      for (const sp of spans) list.push({ by, start: starts[sp.first]!, end: ends[sp.last]! });
    }
  });
  const own = new Map<number, Match[]>();
  for (const index of candidates) {
    const cat = matcher.categories[index]!;
    const list = found.get(index) ?? [];
    for (const rule of cat.rules) applyRule(rule, regexMatches, occurrences, spanOf, termMatches, list);
    if (list.length > 0) own.set(index, list);
  }

  // Exclusions: a category's exclude blocks it and every subcategory.
  const excludeCache = new Map<number, Match[]>();
  const excludeOf = (index: number): Match[] => {
    let m = excludeCache.get(index);
    if (!m) {
      m = [];
      for (const t of matcher.categories[index]!.exclude) termMatches(t, matcher.terms[t]!.text, m);
      excludeCache.set(index, m);
    }
    return m;
  };
  const blockerOf = (index: number): number => {
    for (let i = index; i >= 0; i = matcher.categories[i]!.parent) if (excludeOf(i).length > 0) return i;
    return -1;
  };

  // Roll-up: evidence of a coded subcategory also codes each ancestor, once.
  const evidence = new Map<number, Match[]>();
  const blocked: BlockedMatch[] = [];
  for (const [index, matches] of own) {
    const blocker = blockerOf(index);
    if (blocker >= 0) {
      blocked.push({
        path: matcher.categories[index]!.path,
        by: matcher.categories[blocker]!.path,
        exclude: sortMatches(excludeOf(blocker)),
        matches: sortMatches(matches),
      });
      continue;
    }
    for (let i = index; i >= 0; i = matcher.categories[i]!.parent) {
      const list = evidence.get(i);
      // A loop, not push(...matches): a long unit can have more hits than a call may take arguments.
      if (list) for (const m of matches) list.push(m);
      else evidence.set(i, [...matches]);
    }
  }

  const coded: CategoryMatch[] = [...evidence.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      // Evidence lists are this call's own arrays: sorted and de-duplicated in place.
      const matches = sortOwnMatches(evidence.get(index)!);
      return { index, path: matcher.categories[index]!.path, matches, hits: countHits(matches) };
    });
  blocked.sort((a, b) => matcher.categories.findIndex((c) => c.path === a.path) - matcher.categories.findIndex((c) => c.path === b.path));
  return { coded, blocked };
}

/**
 * A truncated first part ("Bildungs-" in "Bildungs- und Jugendarbeit") is also matched as completed
 * from the word it shares its end with ("bildungsarbeit"). Tokens gaining patterns join the hits.
 */
function completeCompounds(text: string, scan: ScannedTokens, matcher: Matcher): void {
  const { count, starts, ends, patterns } = scan;
  const lowers = new Map<number, string>();
  const lower = (i: number): string => {
    let l = lowers.get(i);
    if (l === undefined) {
      l = detach(lowerWord(text.slice(starts[i]!, ends[i]!)));
      lowers.set(i, l);
    }
    return l;
  };
  // Lower-casing keeps a final hyphen, so the written token tells whether it is truncated.
  const truncatedAt = (i: number): boolean => {
    const c = text.charCodeAt(ends[i]! - 1);
    return ends[i]! - starts[i]! > 1 && (c === 0x2d || c === 0x2010 || c === 0x2011);
  };
  let added = false;
  for (let i = 0; i < count; i++) {
    if (!truncatedAt(i)) continue;
    let j = i + 1;
    while (j < count && j <= i + COMPLETION_REACH && (truncatedAt(j) || COMPOUND_CONJUNCTIONS.has(lower(j)))) j++;
    if (j >= count || j > i + COMPLETION_REACH) continue;
    const extra = new Set<number>(patterns[i]);
    for (const form of completeTruncated(lower(i), lower(j))) for (const id of matcher.lookupForm(form, false)) extra.add(id);
    if (extra.size > patterns[i]!.length) {
      if (patterns[i]!.length === 0) added = true;
      patterns[i] = [...extra].sort((a, b) => a - b);
    }
  }
  if (added) {
    scan.hits.length = 0;
    for (let i = 0; i < count; i++) if (patterns[i]!.length > 0) scan.hits.push(i);
  }
}

/** Occurrences of every term that occurs, found from the patterns present at each token. */
function findTerms(scan: ScannedTokens, matcher: Matcher): Map<number, Span[]> {
  const { count, patterns, hits } = scan;
  const { singles, phrases } = derived(matcher);
  const out = new Map<number, Span[]>();
  const add = (termId: number, first: number, last: number): void => {
    const spans = out.get(termId);
    if (spans) spans.push({ first, last });
    else out.set(termId, [{ first, last }]);
  };
  // Tokens in order, so each term's occurrences come out in text order.
  for (const i of hits) {
    const ids = patterns[i]!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const one = singles[id];
      if (one) for (let t = 0; t < one.length; t++) add(one[t]!, i, i);
      const many = phrases[id];
      if (!many) continue;
      for (const termId of many) {
        const term = matcher.terms[termId]!;
        const size = term.elements.length;
        const first = i - term.anchor;
        const last = first + size - 1;
        if (first < 0 || last >= count) continue;
        let ok = true;
        for (let e = 0; e < size && ok; e++) {
          const el = term.elements[e]!;
          if (e !== term.anchor && el !== WILDCARD && !patterns[first + e]!.includes(el)) ok = false;
        }
        if (ok) add(termId, first, last);
      }
    }
  }
  return out;
}

/** Lookup tables derived once per matcher, as arrays indexed by pattern, term or category number. */
interface Derived {
  /** Per pattern: the one-word terms it is. */
  singles: (number[] | undefined)[];
  /** Per pattern: the phrases anchored on it. */
  phrases: (number[] | undefined)[];
  /** Per term: the categories whose terms or rules use it. */
  categoriesOf: (readonly number[] | undefined)[];
  /** Per term: the categories naming it among their own terms. */
  ownCategoriesOf: (number[] | undefined)[];
  /** Marks categories already taken as candidates in the current call (see `round`). */
  stamps: Int32Array;
  round: number;
}

const derivedOf = new WeakMap<Matcher, Derived>();

function derived(matcher: Matcher): Derived {
  let d = derivedOf.get(matcher);
  if (!d) {
    const singles: (number[] | undefined)[] = [];
    const phrases: (number[] | undefined)[] = [];
    for (const [pattern, termIds] of matcher.termsByAnchor) {
      for (const termId of termIds) {
        const target = matcher.terms[termId]!.elements.length === 1 ? singles : phrases;
        (target[pattern] ??= []).push(termId);
      }
    }
    const categoriesOf: (readonly number[] | undefined)[] = [];
    for (const [termId, cats] of matcher.categoriesByTerm) categoriesOf[termId] = cats;
    const ownCategoriesOf: (number[] | undefined)[] = [];
    for (const cat of matcher.categories) for (const t of new Set(cat.terms)) (ownCategoriesOf[t] ??= []).push(cat.index);
    d = { singles, phrases, categoriesOf, ownCategoriesOf, stamps: new Int32Array(matcher.categories.length), round: 0 };
    derivedOf.set(matcher, d);
  }
  return d;
}

/** Token distance between two occurrences: 0 when they overlap, 1 for neighbouring words. */
function distance(a: Span, b: Span): number {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

/**
 * The first occurrence in `spans` (sorted by position, all of one term and so of one length) other
 * than `h` that lies at most `within` tokens from `h`, found by binary search: a linear scan per
 * occurrence made a `near` rule quadratic on a long unit.
 */
function firstNear(spans: readonly Span[], h: Span, within: number): Span | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.last < h.first - within) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length && i <= lo + 1; i++) {
    const s = spans[i]!;
    if (s === h) continue;
    return distance(h, s) <= within ? s : undefined;
  }
  return undefined;
}

function applyRule(
  rule: CompiledRule,
  regexMatches: RegexMatches | undefined,
  occ: Map<number, Span[]>,
  spanOf: (s: Span) => [number, number],
  termMatches: (termId: number, by: string, out: Match[]) => void,
  out: Match[],
): void {
  if (rule.not.some((t) => occ.has(t))) return;
  switch (rule.kind) {
    case 'any':
      // Each hit of an any rule names the term that matched (`any: term`).
      rule.terms.forEach((t, k) => termMatches(t, rule.termLabels[k]!, out));
      return;
    case 'all':
      if (rule.terms.every((t) => occ.has(t))) for (const t of rule.terms) termMatches(t, rule.label, out);
      return;
    case 'near': {
      const [head, ...rest] = rule.terms;
      const found = new Set<Span>();
      for (const h of occ.get(head!) ?? []) {
        const partners: Span[] = [];
        for (const t of rest) {
          const q = firstNear(occ.get(t) ?? [], h, rule.within);
          if (!q) break;
          partners.push(q);
        }
        if (partners.length === rest.length) {
          found.add(h);
          for (const q of partners) found.add(q);
        }
      }
      for (const s of found) {
        const [start, end] = spanOf(s);
        out.push({ by: rule.label, start, end });
      }
      return;
    }
    case 'regex':
      // Run beforehand under a time budget (see regex-budget.ts); a stopped rule has no hits.
      for (const m of regexMatches?.get(rule) ?? []) out.push({ ...m });
      return;
  }
}

/** Order of hits: by start, end, then `by`. */
function byPlace(a: Match, b: Match): number {
  return a.start - b.start || a.end - b.end || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
}

/** `sortMatches` on an array nobody else holds: sorted and de-duplicated in place, and returned. */
function sortOwnMatches(matches: Match[]): Match[] {
  matches.sort(byPlace);
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const p = n > 0 ? matches[n - 1]! : undefined;
    if (!p || p.start !== m.start || p.end !== m.end || p.by !== m.by) matches[n++] = m;
  }
  matches.length = n;
  return matches;
}

/** Sort hits by start, end and `by`, listing identical hits once. */
function sortMatches(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  return sorted.filter((m, i) => {
    const p = sorted[i - 1];
    return !p || p.start !== m.start || p.end !== m.end || p.by !== m.by;
  });
}

/** Distinct occurrences among sorted hits: overlapping spans count once. */
function countHits(sorted: Match[]): number {
  let count = 0;
  let reach = -1;
  for (const m of sorted) {
    if (m.start >= reach) {
      count++;
      reach = m.end;
    } else if (m.end > reach) {
      reach = m.end;
    }
  }
  return count;
}
