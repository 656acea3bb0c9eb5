import { andList, english, type Message } from '../lang/catalogue.js';
import { lowerWord } from '../text/normalize.js';
import { isTruncated, tokenize } from '../text/tokenize.js';

/**
 * Why a term can never match, or undefined when it can. A word of a term can only match when the
 * tokenizer would read it as one token (with each `*` standing for a letter): tokens are runs of
 * letters and digits joined by single inner hyphens or apostrophes, so a word with two of them in a
 * row, or an apostrophe at its edge (the loader already rejects '-' and "'" there, but not '’'),
 * never occurs. Digits-only words do match: digit runs are tokens like words.
 */
export function unmatchableReason(term: string): string | undefined {
  const why = unmatchable(term);
  return why && english(why);
}

/** Why a term can never match, as a message (see `unmatchableReason`), or undefined when it can. */
export function unmatchable(term: string): Message | undefined {
  for (const word of term.split(' ')) {
    if (word === '' || /^\*+$/.test(word) || word.startsWith('$')) continue;
    const probe = lowerWord(word).replace(/\*/g, 'x');
    const tokens = tokenize(probe);
    if (tokens.length === 1 && tokens[0]!.text === probe && !isTruncated(probe)) continue;
    if (/[-'][-']/.test(probe)) return { key: 'part.term.two-in-a-row', params: { word } };
    if (/^[-']|[-']$/.test(probe)) return { key: 'part.term.edge', params: { word } };
    return { key: 'part.term.tokens', params: { word, tokens: andList(tokens.map((t) => `'${t.text}'`)) } };
  }
  return undefined;
}
