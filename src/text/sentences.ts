import { ABBREVIATIONS, MONTHS, ORDINAL_LEADERS, ORDINAL_NOUNS, SENTENCE_FINAL_ABBREVIATIONS } from '../lang/de/abbreviations.js';

/** A sentence's span in a text: offsets in UTF-16 units, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

const TERMINALS = '.!?…';
/** Characters that close a sentence after its final punctuation: quotes and brackets. */
const CLOSERS = new Set(['"', '“', '”', '„', '»', '«', '’', "'", ')', ']']);
/** Quotes that may open a sentence before its first letter (brackets not: "(lacht)" is no small-letter continuation). */
const OPENERS = new Set(['"', '„', '“', '»', '«', '‚', "'"]);

/** True for white space (blanks, line breaks, no-break space). */
function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** The first letter or digit of the next sentence after `from`, skipping spaces and opening quotes. */
function nextWordAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  while (i < text.length && OPENERS.has(text[i]!)) i++;
  return i;
}

/** Pieces of a (possibly multi-part) abbreviation ending at the full stop at `dot`: "z. B." → ["z", "b"]. */
function piecesBefore(text: string, dot: number): string[] {
  const m = /(?:^|[^\p{L}\p{N}.])((?:\p{L}{1,4}\. ?){0,3}\p{L}+)$/u.exec(text.slice(Math.max(0, dot - 30), dot));
  if (!m || m[1] === undefined) return [];
  return m[1]
    .toLowerCase()
    .split('.')
    .map((p) => p.trim());
}

/** Whether a single full stop at `dot` (followed by white space, then `next`) ends a sentence. */
function fullStopEnds(text: string, dot: number, next: number): boolean {
  const nextChar = text[next];
  if (nextChar === undefined) return true;
  if (/\p{Ll}/u.test(nextChar)) return false; // a small letter continues the sentence

  const word = /[\p{L}\p{N}]+$/u.exec(text.slice(Math.max(0, dot - 40), dot))?.[0];
  if (word === undefined) return true;

  if (/^\p{N}+$/u.test(word)) {
    // Ordinals and dates: "3. Mai", "am 12. 3.", "2. Klasse"; a year ("seit 2019. Dann") ends.
    if (/\p{N}/u.test(nextChar)) return false;
    const nextWord = /^\p{L}+/u.exec(text.slice(next))?.[0]?.toLowerCase() ?? '';
    if (MONTHS.has(nextWord) || ORDINAL_NOUNS.has(nextWord)) return false;
    const before = /(\p{L}+)\s+\p{N}+$/u.exec(text.slice(Math.max(0, dot - 40), dot))?.[1]?.toLowerCase();
    return !(word.length <= 2 && before !== undefined && ORDINAL_LEADERS.has(before));
  }

  const pieces = piecesBefore(text, dot);
  for (let i = 0; i < pieces.length; i++) {
    const candidate = pieces.slice(i).join('.');
    if (SENTENCE_FINAL_ABBREVIATIONS.has(candidate)) return true; // next word is not small (see above)
    if (ABBREVIATIONS.has(candidate)) return false;
  }
  // A single letter with a full stop is an initial or part of an abbreviation ("M. Weber", "z. B.").
  return word.length > 1;
}

/**
 * Split German text into sentences; returns their spans without surrounding white space, empty
 * ones left out. A sentence ends after `.`, `!`, `?` or an ellipsis (`…`, `...`), with closing
 * quotes or brackets, when white space or the end of the text follows — except:
 * - a full stop or ellipsis followed by a small letter ("Also ... ich weiß nicht", "etc. und");
 * - abbreviations ("z. B.", "z.B.", "d. h.", "u. a.", "bzw.", "ca.", "Dr.", "Nr.", "vgl." …) and
 *   single letters ("M. Weber"); "etc.", "usw." and a few more end a sentence before a capital;
 * - ordinals and dates: a number before a digit, a month or an ordinal noun ("am 12. 3.",
 *   "3. Mai", "2. Klasse"), or a small number after "am", "im", "zum" …;
 * - an omission mark `(…)` / `[…]`.
 * A block boundary is not seen here: callers split each paragraph separately.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };

  let sentenceStart = 0;
  let i = 0;
  while (i < text.length) {
    if (!TERMINALS.includes(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && TERMINALS.includes(text[j]!)) j++;
    let k = j;
    while (k < text.length && CLOSERS.has(text[k]!)) k++;
    if (k < text.length && !isSpace(text[k])) {
      i = j; // "12.03.2024", "z.B.", "Ende.Neu": no white space, no end
      continue;
    }
    const run = text.slice(i, j);
    const next = nextWordAt(text, k);
    const nextChar = text[next];
    let ends: boolean;
    if (run.includes('?') || run.includes('!')) {
      ends = true;
    } else if (run.includes('…') || run.length > 1) {
      const before = text[i - 1];
      ends = before !== '(' && before !== '[' && !(nextChar !== undefined && /\p{Ll}/u.test(nextChar));
    } else {
      ends = fullStopEnds(text, i, next);
    }
    if (ends) {
      push(sentenceStart, k);
      sentenceStart = k;
    }
    i = k;
  }
  push(sentenceStart, text.length);
  return spans;
}
