import type { Matcher } from '../codebook/compile.js';
import type { Language, Unit } from '../types.js';
import { cmp } from '../problems.js';
import { lowerWord } from '../text/normalize.js';
import { isTruncated, tokenize } from '../text/tokenize.js';
import { MIN_WORD_LENGTH, stopWordsFor } from '../analysis/keyterms.js';
import { codableUnits, sortUnits } from '../analysis/units.js';

/** A frequent word that no term or rule of the codebook covers yet. */
export interface Suggestion {
  /** The lower-cased word form. */
  word: string;
  /** Occurrences in codable units. */
  count: number;
  /** Codable units that contain it. */
  units: number;
  /** Its first occurrence: the unit and the word's offsets in the unit's text (UTF-16, end exclusive). */
  example: { unit: Unit; start: number; end: number };
}

/** Options of `suggestTerms`. */
export interface SuggestOptions {
  language: Language;
  /** At most this many suggestions (default 30). */
  top?: number;
  /** Only words with at least this many occurrences (default 3). */
  minCount?: number;
}

/**
 * Frequent words of the codable units that the codebook does not cover, for inductive category
 * formation (Mayring): a word is covered when the matcher's lookup finds any term pattern for it,
 * which includes words of phrases, rules and excludes; stop words, fillers, truncated compound
 * parts and words shorter than MIN_WORD_LENGTH are left out. Sorted by count, then units
 * (descending), then word; the example is the first occurrence in transcript and segment order.
 */
export function suggestTerms(units: readonly Unit[], matcher: Matcher, opts: SuggestOptions): Suggestion[] {
  const stop = stopWordsFor(opts.language);
  const found = new Map<string, Suggestion>();
  for (const unit of sortUnits(codableUnits(units))) {
    const seen = new Set<string>();
    for (const token of tokenize(unit.text)) {
      if (isTruncated(token.text) || !/\p{L}/u.test(token.text) || Array.from(token.text).length < MIN_WORD_LENGTH) continue;
      const word = lowerWord(token.text);
      if (stop.has(word) || matcher.lookup(word).length > 0) continue;
      let s = found.get(word);
      if (!s) {
        s = { word, count: 0, units: 0, example: { unit, start: token.start, end: token.end } };
        found.set(word, s);
      }
      s.count += 1;
      if (!seen.has(word)) {
        seen.add(word);
        s.units += 1;
      }
    }
  }
  const minCount = opts.minCount ?? 3;
  return [...found.values()]
    .filter((s) => s.count >= minCount)
    .sort((a, b) => b.count - a.count || b.units - a.units || cmp(a.word, b.word))
    .slice(0, opts.top ?? 30);
}
