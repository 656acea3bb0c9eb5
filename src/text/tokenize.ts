import type { Token } from '../types.js';

/**
 * Word tokens: runs of letters, digits and combining marks, joined by inner hyphens or apostrophes
 * ("Kita-Leitung", "geht's"), with a trailing hyphen kept where a German compound is truncated
 * ("Bildungs- und Jugendarbeit"). Punctuation and spaces are never part of a token.
 */
const TOKEN_RE = /[\p{L}\p{N}\p{M}]+(?:[-‐‑'’][\p{L}\p{N}\p{M}]+)*(?:[-‐‑](?=[\s,;/]|$))?/gu;

/** Split a text into word tokens with their UTF-16 offsets (start inclusive, end exclusive). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The hyphens a German compound is written with: hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen. */
export const HYPHEN = /[-‐‑]/u;
/** The same, every occurrence (for `split`). */
export const HYPHENS = /[-‐‑]/gu;

/** True when a token is a truncated compound part such as "Bildungs-". */
export function isTruncated(token: string): boolean {
  return token.length > 1 && HYPHEN.test(token[token.length - 1]!);
}

/** Longest run of compound parts matched on its own ("kita-leitung-team" has runs of 1 and 2 parts); real compounds have fewer. */
export const MAX_RUN_PARTS = 5;

/**
 * The forms a (lower-cased) token is matched by: the whole token, and for hyphenated compounds
 * also every run of consecutive parts, hyphenated and joined ("kita-leitung" → kita-leitung,
 * kitaleitung, kita, leitung; "win-win-situation" also → win-win, winwin, win-situation, …).
 * A trailing hyphen is dropped. With `head`, only runs that end with the last part count — the
 * compound's head decides what it is ("kita-leitung" → kita-leitung, kitaleitung, leitung;
 * "gute-kita-gesetz" never reads as `kita`) — and a truncated part ("kinder-") has no form of its
 * own: its head is the word that completes it.
 */
export function tokenForms(lower: string, head = false): string[] {
  let word = lower;
  if (isTruncated(word)) {
    if (head) return [];
    word = word.slice(0, -1);
  }
  if (!HYPHEN.test(word)) return [word];
  const parts = word.split(HYPHENS).filter((p) => p.length > 0);
  const forms = new Set<string>([parts.join('-'), parts.join('')]);
  // Runs are limited in length so that a freak token of thousands of parts stays linear, not quadratic.
  for (let len = Math.min(parts.length - 1, MAX_RUN_PARTS); len >= 1; len--) {
    for (let i = head ? parts.length - len : 0; i + len <= parts.length; i++) {
      const run = parts.slice(i, i + len);
      forms.add(run.join('-'));
      if (len > 1) forms.add(run.join(''));
    }
  }
  return [...forms];
}

/** Words that may stand between a truncated compound part and the word that completes it. */
export const COMPOUND_CONJUNCTIONS: ReadonlySet<string> = new Set([
  'und',
  'oder',
  'bzw',
  'sowie',
  'wie',
  'als',
  'auch',
  'and',
  'or',
]);

/** Shortest head a completion may borrow from the completing word ("arbeit" from "jugendarbeit"). */
const MIN_HEAD = 3;
/** Longest head a completion may borrow (longer than any German word). */
const MAX_HEAD = 80;
/** Shortest part the completing word must keep in front of the borrowed head. */
const MIN_MODIFIER = 2;

/**
 * Completions of a truncated compound part from the word it shares its end with:
 * "bildungs-" before "jugendarbeit" → bildungsarbeit, bildungsdarbeit, …; for a hyphenated
 * completing word ("Jugend-Arbeit") only its last part is borrowed.
 */
export function completeTruncated(truncatedLower: string, nextLower: string): string[] {
  const stem = truncatedLower.replace(/[-‐‑]$/u, '');
  if (HYPHEN.test(nextLower)) {
    const parts = nextLower.split(HYPHENS).filter((p) => p.length > 0);
    const last = parts[parts.length - 1];
    return last ? [stem + last] : [];
  }
  const out: string[] = [];
  // Heads longer than any word are not borrowed, so a freak token of megabytes stays linear.
  for (let i = Math.max(MIN_MODIFIER, nextLower.length - MAX_HEAD); i <= nextLower.length - MIN_HEAD; i++) out.push(stem + nextLower.slice(i));
  return out;
}
