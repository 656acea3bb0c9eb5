import { TERM_PATTERN } from '../shape.js';
import type { Message } from '../../lang/catalogue.js';
import { unmatchable } from '../terms.js';
import { lowerWord } from '../../text/normalize.js';

/** What converting one dictionary entry gives: the term, or why it cannot be one; and a note on changes. */
export type ConvertedEntry = { term: string; note?: Message } | { term: null; reason: Message };

const TERM_RE = new RegExp(TERM_PATTERN, 'u');

/**
 * Convert a dictionary entry to the codebook's term syntax: lower-cased, spaces collapsed, `**` as
 * `*`; quanteda's and WordStat's `?` (exactly one character) has no equal and is widened to `*` (any
 * run) with a note. Entries holding other characters than letters, digits, `-`, `'`, `*` and spaces,
 * a `-` or `'` at a word's edge, no letters at all, or words the tokenizer never reads as one token
 * cannot be expressed.
 */
export function convertEntry(entry: string): ConvertedEntry {
  let t = lowerWord(entry).trim().replace(/\s+/g, ' ');
  let note: Message | undefined;
  if (t.includes('?')) {
    t = t.replace(/\?+/g, '*');
    note = { key: 'part.entry.widened' };
  }
  t = t.replace(/\*{2,}/g, '*');
  if (t === '') return { term: null, reason: { key: 'part.entry.empty' } };
  if (!TERM_RE.test(t)) {
    const bad = [...new Set([...t].filter((c) => !TERM_RE.test(c) && c !== ' '))];
    return { term: null, reason: { key: 'part.entry.characters', params: { characters: bad.map((c) => `'${c}'`).join(', ') } } };
  }
  const words = t.split(' ');
  if (words.every((w) => /^\*+$/.test(w))) return { term: null, reason: { key: 'part.entry.no-letters' } };
  const edge = words.find((w) => /^[-']|[-']$/.test(w));
  if (edge !== undefined) return { term: null, reason: { key: 'part.term.edge', params: { word: edge } } };
  const never = unmatchable(t);
  if (never) return { term: null, reason: never };
  return note ? { term: t, note } : { term: t };
}
