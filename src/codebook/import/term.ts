import { TERM_PATTERN } from '../shape.js';
import { unmatchableReason } from '../terms.js';
import { lowerWord } from '../../text/normalize.js';

/** What converting one dictionary entry gives: the term, or why it cannot be one; and a note on changes. */
export type ConvertedEntry = { term: string; note?: string } | { term: null; reason: string };

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
  let note: string | undefined;
  if (t.includes('?')) {
    t = t.replace(/\?+/g, '*');
    note = `'?' (one character) is widened to '*' (any run of letters)`;
  }
  t = t.replace(/\*{2,}/g, '*');
  if (t === '') return { term: null, reason: 'it is empty' };
  if (!TERM_RE.test(t)) {
    const bad = [...new Set([...t].filter((c) => !TERM_RE.test(c) && c !== ' '))];
    return { term: null, reason: `it holds ${bad.map((c) => `'${c}'`).join(', ')}, which a term cannot have (letters, digits, '-', "'", '*' and spaces only)` };
  }
  const words = t.split(' ');
  if (words.every((w) => /^\*+$/.test(w))) return { term: null, reason: 'it has no letters' };
  const edge = words.find((w) => /^[-']|[-']$/.test(w));
  if (edge !== undefined) return { term: null, reason: `'${edge}' has a '-' or an apostrophe at its edge, which tokens never have` };
  const never = unmatchableReason(t);
  if (never) return { term: null, reason: never };
  return note ? { term: t, note } : { term: t };
}
