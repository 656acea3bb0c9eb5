import type { Matcher } from '../codebook/compile.js';

/**
 * The hot loop of coding: find a text's word tokens (exactly as `tokenize` does) and each token's
 * pattern ids, without allocating a string per token. Characters are classified through a table,
 * a hash of each token is computed while it is scanned, and the token is found in a hash table of
 * the written forms seen before by comparing characters in place; only a form never seen before is
 * cut out of the text and looked up in the matcher (which lower-cases and folds it once).
 */

/** The tokens of one text as parallel lists; reused from call to call, valid until the next scan. */
export interface ScannedTokens {
  /** Number of tokens. */
  count: number;
  /** Start offsets (UTF-16 units). */
  starts: Int32Array;
  /** End offsets, exclusive. */
  ends: Int32Array;
  /** Pattern ids of each token (shared arrays: never modify them). */
  patterns: (readonly number[])[];
  /** Indices of the tokens with at least one pattern, ascending. */
  hits: number[];
  /** True when some token ends with a hyphen (a truncated compound part such as "Bildungs-"). */
  truncated: boolean;
}

/** Character classes: unknown yet, word character (letter, digit, mark), other. */
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
const classes = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** The class of a BMP code unit, classified by the regular expression on first sight. */
function classOf(c: number): number {
  let k = classes[c]!;
  if (k === UNKNOWN) {
    k = c >= 0xd800 && c <= 0xdfff ? OTHER : WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
    classes[c] = k;
  }
  return k;
}

/** ASCII letters and digits: 1; every other ASCII character: 0. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;

/** Width in UTF-16 units of the word character at `i` (1, or 2 for an astral one), 0 when there is none. */
function wordAt(text: string, i: number, n: number): number {
  if (i >= n) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return classOf(c) === WORD ? 1 : 0;
  if (i + 1 >= n) return 0;
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return 0;
  return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
}

/** Hyphens that join compound parts (and may end a truncated part). */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** Characters that may join two runs of word characters inside a token: hyphens and apostrophes. */
function isJoiner(c: number): boolean {
  return isHyphen(c) || c === 0x27 || c === 0x2019;
}

/** What may follow a trailing hyphen of a truncated part: white space (as `\s`), `,`, `;` or `/`. */
function endsTruncation(c: number): boolean {
  return (
    c === 0x2c || c === 0x3b || c === 0x2f || c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A copy of a short piece of a long text that does not keep the text alive: V8 represents longer
 * slices as views into their parent string, and a cached view would hold on to a whole transcript.
 * Concatenating first makes V8 copy the characters into a new string, which the slice then views.
 */
export function detach(piece: string): string {
  return piece.length < 13 ? piece : (' ' + piece).slice(1);
}

/** Written form → pattern ids, as an open-addressing hash table over the forms' characters. */
interface FormTable {
  keys: string[];
  values: (readonly number[])[];
  hashes: number[];
  /** Entry index + 1 per slot; 0 for an empty slot. */
  slots: Int32Array;
  mask: number;
}

const tables = new WeakMap<Matcher, FormTable>();

function tableFor(matcher: Matcher): FormTable {
  let t = tables.get(matcher);
  if (!t) {
    t = { keys: [], values: [], hashes: [], slots: new Int32Array(1 << 14), mask: (1 << 14) - 1 };
    tables.set(matcher, t);
  }
  return t;
}

/** Most written forms a table holds; a full table starts afresh, so memory stays bounded. */
const TABLE_LIMIT = 200_000;

function clear(t: FormTable): void {
  t.keys = [];
  t.values = [];
  t.hashes = [];
  t.slots = new Int32Array(1 << 14);
  t.mask = (1 << 14) - 1;
}

function grow(t: FormTable): void {
  const size = t.slots.length * 2;
  t.slots = new Int32Array(size);
  t.mask = size - 1;
  for (let e = 0; e < t.keys.length; e++) {
    let s = t.hashes[e]! & t.mask;
    while (t.slots[s] !== 0) s = (s + 1) & t.mask;
    t.slots[s] = e + 1;
  }
}

/** The pattern ids of the token `text[start, end)` with hash `h`: from the table, or looked up once. */
function idsOf(t: FormTable, matcher: Matcher, text: string, start: number, end: number, h: number): readonly number[] {
  const len = end - start;
  let s = h & t.mask;
  for (let slot = t.slots[s]!; slot !== 0; slot = t.slots[s]!) {
    const e = slot - 1;
    if (t.hashes[e] === h) {
      const key = t.keys[e]!;
      if (key.length === len) {
        let k = 0;
        while (k < len && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === len) return t.values[e]!;
      }
    }
    s = (s + 1) & t.mask;
  }
  const key = detach(text.slice(start, end));
  const ids = matcher.lookupToken(key);
  t.keys.push(key);
  t.values.push(ids);
  t.hashes.push(h);
  t.slots[s] = t.keys.length;
  if (t.keys.length >= TABLE_LIMIT) clear(t);
  else if (t.keys.length * 2 > t.slots.length) grow(t);
  return ids;
}

const scratch: ScannedTokens = { count: 0, starts: new Int32Array(1024), ends: new Int32Array(1024), patterns: [], hits: [], truncated: false };

/**
 * Scan `text` into tokens with their pattern ids. The result is shared scratch space, overwritten
 * by the next call: read it before scanning again.
 */
export function scanTokens(text: string, matcher: Matcher): ScannedTokens {
  const t = tableFor(matcher);
  const out = scratch;
  out.count = 0;
  out.hits.length = 0;
  out.truncated = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Skip to the next word character; the common ASCII cases need no table look-up.
    if (c < 0x80 ? ASCII_WORD[c] === 0 : wordAt(text, i, n) === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    // Runs of word characters joined by single hyphens or apostrophes.
    for (;;) {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 0x80) {
          if (ASCII_WORD[d] === 0) break;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
          continue;
        }
        const w = wordAt(text, i, n);
        if (w === 0) break;
        h = Math.imul(h ^ d, 0x01000193);
        if (w === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), 0x01000193);
        i += w;
      }
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordAt(text, i + 1, n) > 0) {
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
        i++;
        continue;
      }
      break;
    }
    if (i < n && isHyphen(text.charCodeAt(i)) && (i + 1 === n || endsTruncation(text.charCodeAt(i + 1)))) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      i++;
      out.truncated = true;
    }
    const k = out.count;
    if (k === out.starts.length) {
      const starts = new Int32Array(k * 2);
      starts.set(out.starts);
      out.starts = starts;
      const ends = new Int32Array(k * 2);
      ends.set(out.ends);
      out.ends = ends;
    }
    out.starts[k] = start;
    out.ends[k] = i;
    const ids = idsOf(t, matcher, text, start, i, h | 0);
    out.patterns[k] = ids;
    if (ids.length > 0) out.hits.push(k);
    out.count = k + 1;
  }
  return out;
}
