import type { Codebook } from '../types.js';

/** A word of a label that can head a section: letters only, at least three of them. */
const HEADING_WORD = /^\p{L}{3,}$/u;

/**
 * The words that head the sections of transcripts coded with this codebook: the words of its
 * top-level categories' labels and codes, lower case (`Chancen`, `Herausforderungen`,
 * `Vernetzungspotentiale`). A discussion guide follows its categories, so a transcript's notes head
 * their sections with them (`Chancen: …` twice is a heading, not a speaker called Chancen). Words
 * of subcategories are left out: they name actors (`Schule`, `Eltern`) that may well be a speaker's
 * label. Sorted, unique; plain data for the readers (`ReadOptions.headings`).
 */
export function headingWords(codebook: Pick<Codebook, 'categories'>): string[] {
  const words = new Set<string>();
  for (const c of codebook.categories) {
    for (const w of [...c.label.split(/[\s/–-]+/u), ...c.code.split(/[-_]+/u)]) {
      const word = w.normalize('NFC').toLowerCase();
      if (HEADING_WORD.test(word)) words.add(word);
    }
  }
  return [...words].sort();
}
