/**
 * Inflected German word forms grouped under one lemma, so that "Kooperationsverträge",
 * "Kooperationsvertrags" and "Kooperationsvertrag" count as one candidate term. The lexicon module
 * (`lang/de/inflect.ts`) maps a lemma to its forms; this is the way back: a form's lemma is the
 * candidate word (the form with its ending taken off, an umlaut undone, a ge- or zu- taken out)
 * whose forms include it.
 */
import { inflections, type WordForms } from '../lang/de/inflect.js';
import { cmp } from '../problems.js';

/** Which reading a form is given when it is both: capitalised inside a sentence → noun, lower-case → verb. */
export type Reading = 'noun' | 'verb' | 'any';

/** Endings taken off a form to find the lemma it is a form of (nouns, verbs, participles used as adjectives). */
const ENDINGS = ['e', 'en', 'n', 's', 'es', 'er', 'ern', 'nen', 'st', 't', 'te', 'ten', 'tet', 'test', 'et', 'est', 'end', 'ende', 'enden', 'ender', 'endes', 'endem'];

/** What is put back after an ending was taken off: nothing, or an infinitive or noun ending. */
const RESTORE = ['', 'e', 'en', 'n'];

const UMLAUT_BACK: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u' };

/** The form with its last umlaut undone ("verträg" → "vertrag", "häus" → "haus"), or null. */
function undoUmlaut(word: string): string | null {
  for (let i = word.length - 1; i >= 0; i--) {
    const back = UMLAUT_BACK[word[i]!];
    if (back) return word.slice(0, i) + back + word.slice(i + 1);
  }
  return null;
}

/** Lemma candidates of a lower-cased form, sorted and unique (the form itself included). */
export function lemmaCandidates(lower: string): string[] {
  const out = new Set<string>([lower]);
  const bases = new Set<string>([lower]);
  // ge- participles and zu-infinitives, also behind a separable particle ("zusammengearbeitet", "zusammenzuarbeiten").
  for (const infix of ['ge', 'zu']) {
    for (let at = lower.indexOf(infix); at !== -1; at = lower.indexOf(infix, at + 1)) {
      const rest = lower.slice(0, at) + lower.slice(at + 2);
      if (rest.length >= 4) bases.add(rest);
    }
  }
  for (const base of bases) {
    out.add(base);
    for (const ending of ENDINGS) {
      if (!base.endsWith(ending) || base.length - ending.length < 3) continue;
      const stem = base.slice(0, -ending.length);
      for (const r of RESTORE) out.add(stem + r);
    }
    if (base.endsWith('innen') && base.length > 7) out.add(base.slice(0, -3));
  }
  for (const c of [...out]) {
    const back = undoUmlaut(c);
    if (back) out.add(back);
  }
  return [...out].sort(cmp);
}

/** Preference tier of a lemma's source for a reading (lower is better). */
function tier(source: WordForms['source'], reading: Reading): number {
  if (reading === 'noun') return source === 'noun' || source === 'compound' ? 0 : source === 'noun+verb' ? 1 : 2;
  if (reading === 'verb') return source === 'verb' ? 0 : source === 'noun+verb' ? 1 : 2;
  return 0;
}

const cache = new Map<string, string>();

/**
 * The lemma of a lower-cased German word form: among the candidates whose lexicon forms include
 * the form, the one that fits the reading best (nouns for capitalised words), then with the most
 * forms (a full paradigm beats a plural listed on its own), then the shortest, then the first in
 * code-unit order. A form the lexicon does not know is its own lemma. Deterministic; cached.
 */
export function lemmaOf(lower: string, reading: Reading = 'any'): string {
  const key = `${reading}\u0000${lower}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let best: { lemma: string; tier: number; forms: number } | null = null;
  for (const c of lemmaCandidates(lower)) {
    const w = inflections(c);
    if (w.source === 'unknown' || !w.forms.includes(lower)) continue;
    const t = tier(w.source, reading);
    const better =
      best === null ||
      t < best.tier ||
      (t === best.tier && (w.forms.length > best.forms || (w.forms.length === best.forms && (c.length < best.lemma.length || (c.length === best.lemma.length && cmp(c, best.lemma) < 0)))));
    if (better) best = { lemma: c, tier: t, forms: w.forms.length };
  }
  const lemma = best?.lemma ?? lower;
  cache.set(key, lemma);
  return lemma;
}

/**
 * Endings that the lexicon also lists as nouns but that end derived words, not compounds: "haft" in
 * "Partnerschaft" (its "schaft"), "ion" in "Kooperation". A head preceded by one of them (one letter
 * more, "schaft") is skipped too.
 */
const NOT_HEADS: ReadonlySet<string> = new Set(['haft', 'schaft', 'heit', 'keit', 'ung', 'ion', 'tion', 'ation', 'ismus', 'ität', 'tät', 'ling', 'nis', 'tum', 'ei', 'erei', 'ende', 'enden', 'ern', 'lein', 'chen', 'ner', 'nerin', 'erin', 'ler', 'lerin', 'rin']);

/**
 * The head of a German compound noun: the longest noun at its end (a noun only, not a verb's
 * infinitive) with at least three letters before it and four in it ("kooperationsvertrag" →
 * "vertrag"); null when there is none or the word is a verb.
 */
export function compoundHead(lemma: string): string | null {
  if (lemma.length < 8 || /[^\p{L}]/u.test(lemma)) return null;
  // Verbs ("verstehen") are no compounds of nouns; only nouns and words the lexicon does not know are split.
  const own = inflections(lemma).source;
  if (own === 'verb' || own === 'noun+verb') return null;
  for (let i = 3; i <= lemma.length - 4; i++) {
    const suffix = lemma.slice(i);
    if (NOT_HEADS.has(suffix) || NOT_HEADS.has(lemma.slice(i - 1))) continue;
    const w = inflections(suffix);
    if (w.source === 'noun') return suffix;
  }
  return null;
}

/** Every form of a lemma the lexicon gives (the lemma alone when it knows none). */
export function formsOf(lemma: string): readonly string[] {
  return inflections(lemma).forms;
}

/** The longest common prefix of some words. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
