/**
 * What the learner knows of each compared unit, computed once: its word tokens (the project's
 * tokenizer), each content word's key — its lemma from the German lexicon, or the lower-cased word
 * — and the sentence it stands in; and inverted indexes from keys, word pairs and sentence pairs
 * to the units holding them. Candidates are found and pre-scored on these sets, never by running
 * the pipeline again.
 */
import { MIN_WORD_LENGTH, speakerWords, stopWordsFor } from '../analysis/keyterms.js';
import { cmp } from '../problems.js';
import { lowerWord } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { isTruncated, tokenize } from '../text/tokenize.js';
import type { Language, Unit } from '../types.js';
import { lemmaOf, type Reading } from './lemmas.js';

/** The words of one unit. */
export interface UnitWords {
  /** Lower-cased tokens, in order. */
  lower: string[];
  /** Key id of each token (see `Features.keys`), -1 for stop words, numbers, names and truncated parts. */
  key: Int32Array;
  /** Sentence number of each token within the unit (0, 1, …). */
  sentence: Int32Array;
  /** The distinct key ids of the unit, ascending. */
  keys: Int32Array;
}

/** The features of all compared units. */
export interface Features {
  units: UnitWords[];
  /** Content keys: lemmas (German) or lower-cased words, by id. */
  keys: string[];
  /** The compared units (ascending indexes) holding each key. */
  keyUnits: Int32Array[];
  /** Two consecutive lower-cased tokens of one sentence (`a b`, at least one a content word) → units holding them; only pairs in two or more units. */
  bigrams: Map<string, Int32Array>;
  /** Two content keys in one sentence at most `within` tokens apart (`idA idB`, idA < idB) → units; only pairs in two or more units. */
  pairs: Map<string, Int32Array>;
}

/** Options of `unitFeatures`. */
export interface FeatureOptions {
  language: Language;
  /** Largest distance of the words of a `near` pair, in tokens. */
  within: number;
  /** Group inflected forms under their lemma (German only). */
  lemmas: boolean;
}

/** Sentence number of each token: the spans of `splitSentences`, paragraph by paragraph. */
function sentenceOf(text: string, starts: readonly number[]): Int32Array {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const paragraph of text.split('\n')) {
    for (const s of splitSentences(paragraph)) spans.push({ start: from + s.start, end: from + s.end });
    from += paragraph.length + 1;
  }
  const out = new Int32Array(starts.length);
  let s = 0;
  starts.forEach((start, i) => {
    while (s < spans.length - 1 && start >= spans[s]!.end) s++;
    out[i] = s;
  });
  return out;
}

/** Grow-only lists of unit indexes, turned into typed arrays at the end. */
function addUnit(map: Map<string, number[]>, key: string, unit: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (list[list.length - 1] !== unit) list.push(unit);
}

/** Compute the features of the compared units (in their order: index = unit number). */
export function unitFeatures(units: readonly Unit[], options: FeatureOptions): Features {
  const stop = stopWordsFor(options.language);
  const names = speakerWords(units);
  const lemmas = options.lemmas && options.language === 'de';
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const keyLists: number[][] = [];
  const bigramCounts = new Map<string, number[]>();
  const pairCounts = new Map<string, number[]>();
  const keyFor = new Map<string, number>();
  const content = (raw: string, lower: string): boolean =>
    !isTruncated(raw) && /\p{L}/u.test(raw) && Array.from(raw).length >= MIN_WORD_LENGTH && !stop.has(lower) && !names.has(lower);

  const out: UnitWords[] = units.map((unit, u) => {
    const tokens = tokenize(unit.text);
    const lower = tokens.map((t) => lowerWord(t.text));
    const sentence = sentenceOf(
      unit.text,
      tokens.map((t) => t.start),
    );
    const key = new Int32Array(tokens.length).fill(-1);
    tokens.forEach((t, i) => {
      const l = lower[i]!;
      if (!content(t.text, l)) return;
      const first = t.text[0]!;
      const capital = first !== first.toLowerCase();
      const initial = i === 0 || sentence[i - 1] !== sentence[i];
      const reading: Reading = capital && !initial ? 'noun' : !capital ? 'verb' : 'any';
      const cacheKey = `${reading}\u0000${l}`;
      let id = keyFor.get(cacheKey);
      if (id === undefined) {
        const k = lemmas && !/[-'’\d]/u.test(l) ? lemmaOf(l, reading) : l;
        id = keyIds.get(k);
        if (id === undefined) {
          id = keys.length;
          keyIds.set(k, id);
          keys.push(k);
          keyLists.push([]);
        }
        keyFor.set(cacheKey, id);
      }
      key[i] = id;
      const list = keyLists[id]!;
      if (list[list.length - 1] !== u) list.push(u);
    });
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (sentence[i] !== sentence[i + 1] || (key[i] === -1 && key[i + 1] === -1)) continue;
      if (isTruncated(tokens[i]!.text) || isTruncated(tokens[i + 1]!.text) || !/\p{L}/u.test(lower[i]!) || !/\p{L}/u.test(lower[i + 1]!)) continue;
      addUnit(bigramCounts, `${lower[i]} ${lower[i + 1]}`, u);
    }
    for (let i = 0; i < tokens.length; i++) {
      const a = key[i]!;
      if (a === -1) continue;
      for (let j = i + 1; j < tokens.length && j - i <= options.within && sentence[j] === sentence[i]; j++) {
        const b = key[j]!;
        if (b === -1 || b === a) continue;
        addUnit(pairCounts, a < b ? `${a} ${b}` : `${b} ${a}`, u);
      }
    }
    const distinct = Int32Array.from(new Set(key.filter((k) => k !== -1))).sort();
    return { lower, key, sentence, keys: distinct };
  });
  const keep = (map: Map<string, number[]>): Map<string, Int32Array> => {
    const kept = new Map<string, Int32Array>();
    for (const k of [...map.keys()].sort(cmp)) {
      const list = map.get(k)!;
      if (list.length >= 2) kept.set(k, Int32Array.from(list));
    }
    return kept;
  };
  return { units: out, keys, keyUnits: keyLists.map((l) => Int32Array.from(l)), bigrams: keep(bigramCounts), pairs: keep(pairCounts) };
}
