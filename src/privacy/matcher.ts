/**
 * Finding the originals of a pseudonym map in a text, in time that grows with the text, not with the
 * map: the originals are sorted once, and at each place where a word may start the text is walked
 * character by character while some original still begins with what was read (a binary search
 * narrows the sorted range per character). A map of 100 000 names costs a sort, not 100 000
 * alternatives tried at every character, as one big regular expression did.
 *
 * An original matches as a whole word: neither the character before it nor the one after it (after
 * the genitive ending, when endings are allowed) is a letter, digit or mark. Where several originals
 * start at one place the longest wins ("Anna Müller" over "Anna").
 */
import type { PseudonymEntry } from './map.js';

/** Options of a matcher: case-insensitive matching, and the genitive endings `s`, `'s`, `’s` after an original. */
export interface MatcherOptions {
  ignoreCase?: boolean;
  inflections?: boolean;
}

/** A compiled pseudonym map. */
export interface PseudonymMatcher {
  /** Originals as matched (case-folded when ignoring case), sorted by code units; one entry each. */
  keys: string[];
  entries: PseudonymEntry[];
  ignoreCase: boolean;
  inflections: boolean;
  /** Per first code unit of a key, the range of `keys` starting with it. */
  first: Map<number, [number, number]>;
}

/** A match: the entry, where the original starts and ends, and where its ending (if any) ends. */
export interface PseudonymMatch {
  entry: PseudonymEntry;
  start: number;
  nameEnd: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** One code point folded to one code point of the same length, as a case-insensitive regex compares them; else itself. */
function foldChar(c: string): string {
  const upper = c.toUpperCase();
  const folded = [...upper].length === 1 ? upper.toLowerCase() : c.toLowerCase();
  return folded.length === c.length && [...folded].length === 1 ? folded : c;
}

/** A text folded code point by code point, keeping every index where it was. */
export function foldText(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/**
 * Compile the originals of a map: the first entry of each original (after folding when ignoring
 * case) counts, as the map's order says.
 */
export function compileMatcher(entries: readonly PseudonymEntry[], options: MatcherOptions = {}): PseudonymMatcher {
  const ignoreCase = options.ignoreCase === true;
  const byKey = new Map<string, PseudonymEntry>();
  for (const e of entries) {
    const key = ignoreCase ? foldText(e.original) : e.original;
    if (key !== '' && !byKey.has(key)) byKey.set(key, e);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const first = new Map<number, [number, number]>();
  keys.forEach((k, i) => {
    const c = k.charCodeAt(0);
    const range = first.get(c);
    if (range) range[1] = i + 1;
    else first.set(c, [i, i + 1]);
  });
  return { keys, entries: keys.map((k) => byKey.get(k)!), ignoreCase, inflections: options.inflections === true, first };
}

/** Whether the code point that ends just before `i` is a word character. */
function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return WORD.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Whether the code point that starts at `i` is a word character. */
function wordAt(text: string, i: number): boolean {
  return i < text.length && WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Work done by a scan, for tests of its cost: characters looked at and keys compared. */
export interface ScanStats {
  steps: number;
}

/** The first index in [lo, hi) whose key has a code unit ≥ c at `depth` (a key that ends there counts as lower). */
function lowerBound(keys: readonly string[], lo: number, hi: number, depth: number, c: number, stats?: ScanStats): number {
  while (lo < hi) {
    if (stats) stats.steps++;
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k.length <= depth || k.charCodeAt(depth) < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ends of the originals that start at `i` of the (folded) text, longest first, as indexes into `keys`. */
function candidatesAt(m: PseudonymMatcher, folded: string, i: number, stats?: ScanStats): number[] {
  const range = m.first.get(folded.charCodeAt(i));
  if (!range) return [];
  let [lo, hi] = range;
  const found: number[] = [];
  for (let d = 1; lo < hi; d++) {
    if (m.keys[lo]!.length === d) found.push(lo);
    if (i + d >= folded.length) break;
    const c = folded.charCodeAt(i + d);
    lo = lowerBound(m.keys, lo, hi, d, c, stats);
    hi = lowerBound(m.keys, lo, hi, d, c + 1, stats);
  }
  return found.reverse();
}

/** Where a match of an original ending at `end` ends with its genitive ending, trying `'s`/`’s`, `s`, none (as a greedy regex does); -1 when none fits. */
function endingAt(m: PseudonymMatcher, text: string, end: number): number {
  const tries: number[] = [];
  if (m.inflections) {
    const s = (k: number): boolean => text[k] === 's' || (m.ignoreCase && text[k] === 'S');
    if ((text[end] === "'" || text[end] === '’') && s(end + 1)) tries.push(end + 2);
    if (s(end)) tries.push(end + 1);
  }
  tries.push(end);
  return tries.find((e) => !wordAt(text, e)) ?? -1;
}

/**
 * Visit every match in text order. `longest` (a replacement's view): at each place the longest
 * original that fits, then on after it. `each` (counting each original on its own): every original
 * that fits, each resuming after its own previous match, as a search for that original alone would.
 */
export function scanOriginals(text: string, m: PseudonymMatcher, mode: 'longest' | 'each', visit: (match: PseudonymMatch) => void, stats?: ScanStats): void {
  if (m.keys.length === 0) return;
  const folded = m.ignoreCase ? foldText(text) : text;
  const resume = mode === 'each' ? new Map<number, number>() : null;
  for (let i = 0; i < text.length; ) {
    if (stats) stats.steps++;
    const step = text.codePointAt(i)! > 0xffff ? 2 : 1;
    if (wordBefore(text, i)) {
      i += step;
      continue;
    }
    let next = i + step;
    for (const k of candidatesAt(m, folded, i, stats)) {
      const nameEnd = i + m.keys[k]!.length;
      const end = endingAt(m, text, nameEnd);
      if (end < 0 || (resume && (resume.get(k) ?? 0) > i)) continue;
      visit({ entry: m.entries[k]!, start: i, nameEnd, end });
      if (resume) {
        resume.set(k, end);
        continue;
      }
      next = end;
      break;
    }
    i = next;
  }
}
