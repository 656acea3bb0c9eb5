import { grown } from '../arrays.js';
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
  /**
   * Pattern ids of the tokens, ascending per token, one token's after another: token k's are
   * `ids[idStart[k]]` up to (not including) `ids[idStart[k] + idCount[k]]` (see `patternsOf`).
   * Ids may be added after `idUsed` (for tokens whose ids change: truncated compound parts).
   */
  ids: Int32Array;
  idStart: Int32Array;
  idCount: Int32Array;
  idUsed: number;
  /** Indices of the tokens with at least one pattern, ascending: `patterned[0 … patternedCount-1]`. */
  patterned: Int32Array;
  patternedCount: number;
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

/**
 * Written form → pattern ids, as an open-addressing hash table. Each slot holds four numbers in
 * one typed array — the form's hash, its length, where it is in `pool`, and its entry number + 1
 * (negated when the form has no patterns; 0 for an empty slot). The pool holds each form's
 * characters, followed (when it has patterns) by their number and the ids, each number as two
 * 16-bit halves. So a probe reads one slot and the characters it compares, and finds the ids next
 * to them, never touching an object: at one look-up per token, cache misses are what it costs.
 */
interface FormTable {
  slots: Int32Array;
  /** Slot count - 1 (a power of two - 1). */
  mask: number;
  pool: Uint16Array;
  used: number;
  entries: number;
  /** The tokens of the last scan with this matcher (see `scanTokens`). */
  scan: ScannedTokens;
}

const tables = new WeakMap<Matcher, FormTable>();

const FIRST_SIZE = 1 << 14;

function newTable(): FormTable {
  return { slots: new Int32Array(4 * FIRST_SIZE), mask: FIRST_SIZE - 1, pool: new Uint16Array(1 << 16), used: 0, entries: 0, scan: newScan() };
}

function tableFor(matcher: Matcher): FormTable {
  let t = tables.get(matcher);
  if (!t) {
    t = newTable();
    tables.set(matcher, t);
  }
  return t;
}

/** Most written forms a table holds; a full table starts afresh, so memory stays bounded. */
const TABLE_LIMIT = 200_000;

function grow(t: FormTable): void {
  const size = (t.mask + 1) * 2;
  const old = t.slots;
  const slots = new Int32Array(4 * size);
  const mask = size - 1;
  for (let o = 0; o < old.length; o += 4) {
    if (old[o + 3] === 0) continue;
    let s = old[o]! & mask;
    while (slots[4 * s + 3] !== 0) s = (s + 1) & mask;
    for (let k = 0; k < 4; k++) slots[4 * s + k] = old[o + k]!;
  }
  t.slots = slots;
  t.mask = mask;
}

/**
 * Find the token `text[start, end)` with hash `h` (looking it up in the matcher when it is new)
 * and copy its pattern ids to the end of `out.ids`; returns their number.
 */
function idsOf(t: FormTable, matcher: Matcher, text: string, start: number, end: number, h: number, out: ScannedTokens): number {
  const len = end - start;
  const { slots, mask, pool } = t;
  let s = h & mask;
  for (;;) {
    const o = 4 * s;
    const entry = slots[o + 3]!;
    if (entry === 0) break;
    if (slots[o] === h && slots[o + 1] === len) {
      const off = slots[o + 2]!;
      let k = 0;
      while (k < len && pool[off + k] === text.charCodeAt(start + k)) k++;
      if (k === len) return entry < 0 ? 0 : copyIds(pool, off + len, out);
    }
    s = (s + 1) & mask;
  }
  // Detached: the matcher may keep the form in its own caches.
  const ids = matcher.lookupToken(detach(text.slice(start, end)));
  if (t.entries >= TABLE_LIMIT) {
    // Full: start afresh (the slot found above belongs to the old table).
    Object.assign(t, newTable());
  } else {
    const need = len + (ids.length > 0 ? 2 + 2 * ids.length : 0);
    if (t.used + need > t.pool.length) {
      const more = new Uint16Array(Math.max(t.pool.length * 2, t.used + need));
      more.set(t.pool.subarray(0, t.used));
      t.pool = more;
    }
    const off = t.used;
    const into = t.pool;
    for (let k = 0; k < len; k++) into[off + k] = text.charCodeAt(start + k);
    if (ids.length > 0) {
      let at = off + len;
      into[at++] = ids.length >>> 16;
      into[at++] = ids.length & 0xffff;
      for (let k = 0; k < ids.length; k++) {
        into[at++] = ids[k]! >>> 16;
        into[at++] = ids[k]! & 0xffff;
      }
    }
    t.used = off + need;
    t.entries++;
    const o = 4 * s;
    slots[o] = h;
    slots[o + 1] = len;
    slots[o + 2] = off;
    // Negative for a form with no patterns (most of them).
    slots[o + 3] = ids.length === 0 ? -t.entries : t.entries;
    if (t.entries * 2 > t.mask + 1) grow(t);
  }
  if (ids.length === 0) return 0;
  reserveIds(out, ids.length);
  out.ids.set(ids, out.idUsed);
  out.idUsed += ids.length;
  return ids.length;
}

/** Copy the ids stored in `pool` at `at` (their number, then the ids; each as two halves) to `out.ids`. */
function copyIds(pool: Uint16Array, at: number, out: ScannedTokens): number {
  const n = (pool[at]! << 16) | pool[at + 1]!;
  reserveIds(out, n);
  const ids = out.ids;
  let used = out.idUsed;
  for (let j = 0, p = at + 2; j < n; j++, p += 2) ids[used++] = (pool[p]! << 16) | pool[p + 1]!;
  out.idUsed = used;
  return n;
}

/** Make room for `n` more ids in `out.ids`. */
export function reserveIds(out: ScannedTokens, n: number): void {
  if (out.idUsed + n <= out.ids.length) return;
  const ids = new Int32Array(Math.max(out.ids.length * 2, out.idUsed + n));
  ids.set(out.ids.subarray(0, out.idUsed));
  out.ids = ids;
}

/** The pattern ids of token `k` of a scan, as a new list. */
export function patternsOf(scan: ScannedTokens, k: number): number[] {
  return Array.from(scan.ids.subarray(scan.idStart[k]!, scan.idStart[k]! + scan.idCount[k]!));
}

/** Room for the tokens of one scan, held per matcher (in its `FormTable`), never in module state. */
function newScan(): ScannedTokens {
  return {
    count: 0,
    starts: new Int32Array(1024),
    ends: new Int32Array(1024),
    ids: new Int32Array(1024),
    idStart: new Int32Array(1024),
    idCount: new Int32Array(1024),
    idUsed: 0,
    patterned: new Int32Array(1024),
    patternedCount: 0,
    truncated: false,
  };
}

/**
 * Scan `text` into tokens with their pattern ids. The result is the matcher's scratch space,
 * overwritten by its next scan: read it before scanning again.
 */
export function scanTokens(text: string, matcher: Matcher): ScannedTokens {
  const t = tableFor(matcher);
  const out = t.scan;
  out.count = 0;
  out.idUsed = 0;
  out.patternedCount = 0;
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
      out.starts = grown(out.starts);
      out.ends = grown(out.ends);
      out.idStart = grown(out.idStart);
      out.idCount = grown(out.idCount);
      out.patterned = grown(out.patterned);
    }
    out.starts[k] = start;
    out.ends[k] = i;
    out.idStart[k] = out.idUsed;
    const found = idsOf(t, matcher, text, start, i, h | 0, out);
    out.idCount[k] = found;
    if (found > 0) out.patterned[out.patternedCount++] = k;
    out.count = k + 1;
  }
  return out;
}
