import { WILDCARD, type CompiledRule, type Matcher } from '../codebook/compile.js';
import { lowerWord } from '../text/normalize.js';
import { COMPOUND_CONJUNCTIONS, completeTruncated, isTruncated, tokenWords } from '../text/tokenize.js';
import type { Match, Token } from '../types.js';

/** A term occurrence as a token range (first and last token index, inclusive). */
interface Span {
  first: number;
  last: number;
}

/** A category coded in one text, with all its evidence (own hits and those of coded subcategories). */
export interface CategoryMatch {
  index: number;
  path: string;
  matches: Match[];
  hits: number;
}

/** A category that had hits but was not coded because an `exclude` term (its own or an ancestor's) matched. */
export interface BlockedMatch {
  path: string;
  /** The category whose exclude matched (the category itself or an ancestor). */
  by: string;
  exclude: Match[];
  matches: Match[];
}

/** Everything matching found in one text. */
export interface TextMatch {
  tokens: Token[];
  coded: CategoryMatch[];
  blocked: BlockedMatch[];
}

/** How many tokens ahead a truncated compound part ("Bildungs-") looks for the word completing it. */
const COMPLETION_REACH = 6;

/**
 * Apply a compiled codebook to one text. Cost grows with the tokens and the hits, not with the
 * number of terms: tokens find their patterns through the matcher's cached word-form lookup, and
 * only categories with a hit (or a regex rule) are evaluated.
 */
export function matchText(text: string, matcher: Matcher): TextMatch {
  const words: string[] = [];
  const starts: number[] = [];
  tokenWords(text, words, starts);
  const tokens: Token[] = words.map((w, i) => ({ text: w, start: starts[i]!, end: starts[i]! + w.length }));
  return { tokens, ...matchWords(text, words, starts, matcher) };
}

/** What `matchText` finds, without the token list: the form the coding loop uses. */
export function matchCodes(text: string, matcher: Matcher): Pick<TextMatch, 'coded' | 'blocked'> {
  const words: string[] = [];
  const starts: number[] = [];
  tokenWords(text, words, starts);
  return matchWords(text, words, starts, matcher);
}

/** Cheap pre-check for truncated compound parts: the last character is a hyphen. */
function endsWithHyphen(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function matchWords(text: string, words: string[], starts: number[], matcher: Matcher): Pick<TextMatch, 'coded' | 'blocked'> {
  const n = words.length;
  const patterns: (readonly number[])[] = new Array<readonly number[]>(n);
  let truncated = false;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    patterns[i] = matcher.lookupToken(w);
    if (!truncated && endsWithHyphen(w)) truncated = true;
  }
  if (truncated) completeCompounds(words.map(lowerWord), patterns, matcher);

  const occurrences = findTerms(patterns, matcher);
  if (occurrences.size === 0 && matcher.regexCategories.length === 0) return { coded: [], blocked: [] };
  const candidates = new Set<number>(matcher.regexCategories);
  for (const termId of occurrences.keys()) for (const c of matcher.categoriesByTerm.get(termId) ?? []) candidates.add(c);

  const spanOf = (s: Span): [number, number] => [starts[s.first]!, starts[s.last]! + words[s.last]!.length];
  const termMatches = (termId: number, by: string, out: Match[]): void => {
    for (const s of occurrences.get(termId) ?? []) {
      const [start, end] = spanOf(s);
      out.push({ by, start, end });
    }
  };

  // Own evidence per candidate category.
  const own = new Map<number, Match[]>();
  for (const index of [...candidates].sort((a, b) => a - b)) {
    const cat = matcher.categories[index]!;
    const found: Match[] = [];
    for (const t of cat.terms) termMatches(t, matcher.terms[t]!.text, found);
    for (const rule of cat.rules) applyRule(rule, text, occurrences, spanOf, termMatches, found);
    if (found.length > 0) own.set(index, found);
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
      if (list) list.push(...matches);
      else evidence.set(i, [...matches]);
    }
  }

  const coded: CategoryMatch[] = [...evidence.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const matches = sortMatches(evidence.get(index)!);
      return { index, path: matcher.categories[index]!.path, matches, hits: countHits(matches) };
    });
  blocked.sort((a, b) => matcher.categories.findIndex((c) => c.path === a.path) - matcher.categories.findIndex((c) => c.path === b.path));
  return { coded, blocked };
}

/**
 * A truncated first part ("Bildungs-" in "Bildungs- und Jugendarbeit") is also matched as completed
 * from the word it shares its end with ("bildungsarbeit").
 */
function completeCompounds(lowers: string[], patterns: (readonly number[])[], matcher: Matcher): void {
  for (let i = 0; i < lowers.length; i++) {
    if (!isTruncated(lowers[i]!)) continue;
    let j = i + 1;
    while (j < lowers.length && j <= i + COMPLETION_REACH && (isTruncated(lowers[j]!) || COMPOUND_CONJUNCTIONS.has(lowers[j]!))) j++;
    const next = lowers[j];
    if (next === undefined || j > i + COMPLETION_REACH) continue;
    const extra = new Set<number>(patterns[i]);
    for (const form of completeTruncated(lowers[i]!, next)) for (const id of matcher.lookupForm(form)) extra.add(id);
    if (extra.size > patterns[i]!.length) patterns[i] = [...extra].sort((a, b) => a - b);
  }
}

/** Occurrences of every term that occurs, found from the patterns present at each token. */
function findTerms(patterns: (readonly number[])[], matcher: Matcher): Map<number, Span[]> {
  const positions = new Map<number, number[]>();
  for (let i = 0; i < patterns.length; i++) {
    const ids = patterns[i]!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const list = positions.get(id);
      if (list) list.push(i);
      else positions.set(id, [i]);
    }
  }
  const out = new Map<number, Span[]>();
  for (const [patternId, at] of positions) {
    for (const termId of matcher.termsByAnchor.get(patternId) ?? []) {
      const term = matcher.terms[termId]!;
      const spans: Span[] = [];
      for (const p of at) {
        const first = p - term.anchor;
        const last = first + term.elements.length - 1;
        if (first < 0 || last >= patterns.length) continue;
        let ok = true;
        for (let k = 0; k < term.elements.length && ok; k++) {
          const el = term.elements[k]!;
          if (el !== WILDCARD && !patterns[first + k]!.includes(el)) ok = false;
        }
        if (ok) spans.push({ first, last });
      }
      if (spans.length > 0) out.set(termId, spans);
    }
  }
  return out;
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
  text: string,
  occ: Map<number, Span[]>,
  spanOf: (s: Span) => [number, number],
  termMatches: (termId: number, by: string, out: Match[]) => void,
  out: Match[],
): void {
  if (rule.not.some((t) => occ.has(t))) return;
  switch (rule.kind) {
    case 'any':
      for (const t of rule.terms) termMatches(t, rule.label, out);
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
    case 'regex': {
      const re = rule.regex!;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push({ by: rule.label, start: m.index, end: m.index + m[0].length });
      }
      return;
    }
  }
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
