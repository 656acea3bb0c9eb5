/**
 * Normalisation of words for matching: case folding and the German umlaut folding
 * (ä=ae, ö=oe, ü=ue, ß=ss) that the codebook's `fold` option switches on.
 */

/** Umlaut and sharp-s spellings that `fold` treats as the same letters (data, not logic). */
export const UMLAUT_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['ß', 'ss'],
];

const FOLD_RE = /[äöüß]/g;
const FOLD_MAP: Record<string, string> = Object.fromEntries(UMLAUT_FOLDS);

/** NFC-normalise a text so that composed and decomposed umlauts are the same characters. */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

/** Lower-case a word for matching (NFC first; typographic apostrophes become `'`). */
export function lowerWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[’ʼ‘]/g, "'");
}

/** Fold umlauts and ß in an already lower-cased word: `grüße` → `gruesse`. */
export function foldWord(lower: string): string {
  return lower.replace(FOLD_RE, (c) => FOLD_MAP[c] ?? c);
}
