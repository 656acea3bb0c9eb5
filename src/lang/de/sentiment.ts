import { createRequire } from 'node:module';

/**
 * German words of a polarity from natural's sentiment lexicon (the Pattern project's German
 * adjectives, nouns and verbs with a polarity from -1 to 1 and their inflected forms), for word sets
 * `from: sentiment-de` in a codebook. Loaded on first use, never on import.
 */

interface Entry {
  form: string;
  polarity: string;
  sense?: string;
}

const require = createRequire(import.meta.url);
let lexicon: Record<string, Entry> | undefined;

/** Whether the lexicon has been loaded (for tests of lazy loading). */
export function sentimentLoaded(): boolean {
  return lexicon !== undefined;
}

/**
 * The lower-cased word forms (each word with its inflected forms) whose polarity is at least `min`
 * (`positive`) or at most `-min` (`negative`), sorted and unique.
 */
export function polarityWords(polarity: 'positive' | 'negative', min: number): string[] {
  lexicon ??= require('natural/lib/natural/sentiment/German/pattern-sentiment-de.json') as Record<string, Entry>;
  const out = new Set<string>();
  for (const entry of Object.values(lexicon)) {
    const p = Number(entry.polarity);
    if (!(polarity === 'positive' ? p >= min : p <= -min)) continue;
    out.add(entry.form.toLowerCase());
    for (const s of (entry.sense ?? '').split(',')) if (s.trim() && !s.includes(' ')) out.add(s.trim().toLowerCase());
  }
  return [...out].sort();
}
