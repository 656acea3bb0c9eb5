import { createRequire } from 'node:module';
import type { Category, CodedUnit, KeyTermRow, Language } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';
import { lowerWord } from '../text/normalize.js';
import { stemWord } from '../text/stem.js';
import { STOPWORDS_DE } from '../text/stopwords-de.js';
import { isTruncated, tokenize } from '../text/tokenize.js';
import { logLikelihood } from './stats.js';
import { codableUnits } from './units.js';

/** How words are counted: the language (stop words, stemmer) and whether words are reduced to stems. */
export interface WordOptions {
  language: Language;
  stem: boolean;
  /** Lower-cased words to leave out besides the stop words (speaker names, …). */
  ignore?: ReadonlySet<string>;
}

/** Options of `findKeyTerms`: word options plus how many terms to keep per category. */
export interface KeyTermOptions extends WordOptions {
  /** Terms kept per category, strongest first (default 10). */
  top?: number;
}

/** A distinguishing term with the form it is most often written in. */
export interface DistinctiveTerm {
  term: string;
  /** The most frequent written form (`Austausch` for `austausch`), for labels. */
  display: string;
  units: number;
  otherUnits: number;
  g2: number;
}

/** G² of at least this is significant at p < 0.05 (chi-square, 1 degree of freedom). */
export const CRITICAL_G2 = 3.841;

/** A key term must occur in at least this many units of the selection. */
export const MIN_TERM_UNITS = 2;

/** Words shorter than this (in characters) are never key terms ("wo", "zu", "ok"). */
export const MIN_WORD_LENGTH = 3;

/** Terms per category when no `top` is given. */
export const DEFAULT_TOP_TERMS = 10;

const require = createRequire(import.meta.url);
let englishStopwords: ReadonlySet<string> | undefined;

/** The stop words of a language: our German list, or natural's English list (loaded on first use). */
export function stopWordsFor(language: Language): ReadonlySet<string> {
  if (language === 'de') return STOPWORDS_DE;
  englishStopwords ??= new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);
  return englishStopwords;
}

/** The lower-cased words of the speaker labels of some units: names are never key terms. */
export function speakerWords(units: readonly { speaker: string }[]): Set<string> {
  const out = new Set<string>();
  for (const u of units) for (const t of tokenize(u.speaker)) out.add(lowerWord(t.text));
  return out;
}

/**
 * The distinct words of a text that can be key terms, each term (lower-cased form, or its stem)
 * mapped to the written forms it came from with their counts; stop words, truncated compound parts
 * ("Bildungs-"), words without letters and words shorter than MIN_WORD_LENGTH are left out.
 */
export function textWords(text: string, opts: WordOptions): Map<string, Map<string, number>> {
  const stop = stopWordsFor(opts.language);
  const out = new Map<string, Map<string, number>>();
  for (const token of tokenize(text)) {
    if (isTruncated(token.text) || !/\p{L}/u.test(token.text) || Array.from(token.text).length < MIN_WORD_LENGTH) continue;
    const lower = lowerWord(token.text);
    if (stop.has(lower) || opts.ignore?.has(lower)) continue;
    const term = opts.stem ? stemWord(lower, opts.language) : lower;
    let forms = out.get(term);
    if (!forms) {
      forms = new Map();
      out.set(term, forms);
    }
    forms.set(token.text, (forms.get(token.text) ?? 0) + 1);
  }
  return out;
}

/** The words of a list of units, indexed once for many selections. */
export interface WordTable {
  /** Each unit's words (see `textWords`), in unit order. */
  units: readonly Map<string, Map<string, number>>[];
  /** How many units contain each term. */
  frequency: ReadonlyMap<string, number>;
  /** The most frequent written form of each term; ties go to the first in code-unit order. */
  display: ReadonlyMap<string, string>;
}

/** Index the words of some units: per term the number of units containing it and its usual written form. */
export function indexWords(units: readonly Map<string, Map<string, number>>[]): WordTable {
  const frequency = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const w of units) {
    for (const [term, written] of w) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
      let f = forms.get(term);
      if (!f) {
        f = new Map();
        forms.set(term, f);
      }
      for (const [form, count] of written) f.set(form, (f.get(form) ?? 0) + count);
    }
  }
  return { units, frequency, display: usualForms(forms) };
}

/** Per term its most frequent written form (of equally frequent ones, the first in code-unit order). */
export function usualForms(forms: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string> {
  const display = new Map<string, string>();
  for (const [term, f] of forms) {
    let best = '';
    let count = -1;
    for (const [form, n] of f) if (n > count || (n === count && cmp(form, best) < 0)) [best, count] = [form, n];
    display.set(term, best);
  }
  return display;
}

/**
 * The terms that distinguish the selected units from the others: for each term the 2×2 table of
 * units (selected / other × with / without the term) and its log-likelihood G² (Dunning 1993).
 * Units, not occurrences, are counted, so one long turn that repeats a word does not make it key.
 * A term is kept when it is relatively more frequent in the selection, occurs in at least
 * MIN_TERM_UNITS selected units and reaches CRITICAL_G2; sorted by G², then units, then term.
 */
export function distinctiveTerms(table: WordTable, selected: readonly boolean[]): DistinctiveTerm[] {
  const inside = new Map<string, number>();
  let nIn = 0;
  table.units.forEach((w, k) => {
    if (!selected[k]) return;
    nIn++;
    for (const term of w.keys()) inside.set(term, (inside.get(term) ?? 0) + 1);
  });
  return rankTerms(inside, nIn, table.units.length, table);
}

/**
 * `distinctiveTerms` from counts: `inside` the selected units containing each term, `nIn` the
 * selected units, `nAll` all units, and the table's per-term unit counts and written forms.
 */
export function rankTerms(
  inside: ReadonlyMap<string, number>,
  nIn: number,
  nAll: number,
  table: Pick<WordTable, 'frequency' | 'display'>,
): DistinctiveTerm[] {
  const nOut = nAll - nIn;
  const out: DistinctiveTerm[] = [];
  for (const [term, a] of inside) {
    if (a < MIN_TERM_UNITS) continue;
    const c = table.frequency.get(term)! - a;
    if (nOut > 0 && a / nIn <= c / nOut) continue;
    const g2 = logLikelihood(a, nIn - a, c, nOut - c);
    if (g2 < CRITICAL_G2) continue;
    out.push({ term, display: table.display.get(term)!, units: a, otherUnits: c, g2 });
  }
  return out.sort((x, y) => y.g2 - x.g2 || y.units - x.units || cmp(x.term, y.term));
}

/**
 * Key terms per category: the words that distinguish the codable units coded with the category
 * from all other codable units (see `distinctiveTerms`), at most `top` per category; categories in
 * codebook order. Words are lower-cased forms, or stems when `stem` is set; the words of speaker
 * labels are left out, so names do not pass for key terms.
 */
export function findKeyTerms(units: readonly CodedUnit[], categories: readonly Category[], opts: KeyTermOptions): KeyTermRow[] {
  const codable = codableUnits(units);
  const ignore = new Set([...speakerWords(units), ...(opts.ignore ?? [])]);
  const words = indexWords(codable.map((u) => textWords(u.text, { ...opts, ignore })));
  const codes = codable.map((u) => new Set(u.codings.map((c) => c.category)));
  const top = opts.top ?? DEFAULT_TOP_TERMS;
  const rows: KeyTermRow[] = [];
  for (const c of flattenCategories(categories)) {
    const selected = codes.map((s) => s.has(c.path));
    for (const t of distinctiveTerms(words, selected).slice(0, top)) {
      rows.push({ category: c.path, term: t.term, units: t.units, otherUnits: t.otherUnits, g2: t.g2 });
    }
  }
  return rows;
}
