import { createRequire } from 'node:module';
import type { Language } from '../types.js';

type StemFn = (word: string) => string;

const require = createRequire(import.meta.url);
const stemmers = new Map<Language, StemFn>();
const caches = new Map<Language, Map<string, string>>();

/**
 * The stemmer of a language (Snowball German; Porter for English), loaded on first use. Only the
 * stemmer module of `natural` is required (loading `natural` whole may print to stdout and costs
 * seconds of start-up time); tests/text/stem.load.test.ts holds this in place.
 */
function stemmerFor(language: Language): StemFn {
  let fn = stemmers.get(language);
  if (!fn) {
    const mod =
      language === 'de'
        ? (require('natural/lib/natural/stemmers/porter_stemmer_de.js') as { stem: StemFn })
        : (require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem: StemFn });
    fn = (w) => mod.stem(w);
    stemmers.set(language, fn);
  }
  return fn;
}

/**
 * The stem of a lower-cased word, cached per word form. German umlauts are kept: Snowball's
 * German stemmer only removes suffixes but also strips umlauts, so the stem is cut from the
 * original word at the stemmer's length ("grün" stays "grün", "Bedürfnisse" → "bedürfnis").
 */
export function stemWord(lower: string, language: Language): string {
  let cache = caches.get(language);
  if (!cache) {
    cache = new Map();
    caches.set(language, cache);
  }
  let s = cache.get(lower);
  if (s === undefined) {
    if (language === 'de') {
      const sharpS = lower.replace(/ß/g, 'ss');
      const stemmed = stemmerFor('de')(sharpS);
      s = sharpS.slice(0, stemmed.length);
    } else {
      s = stemmerFor(language)(lower);
    }
    cache.set(lower, s);
  }
  return s;
}
