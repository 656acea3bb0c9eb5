/**
 * A static guard against regular expressions that can backtrack catastrophically, run when the
 * codebook loads so the researcher learns of it with the regex's position, before any run:
 * - a repeated group that itself contains a repetition (star height > 1: `(\w+\s?)*$`, `(a+)+`,
 *   `(.*a){12}`); a count above 10 counts as unbounded, since `{12}` nests twelve loops;
 * - a repeated group holding an alternation whose branches can match the same text, directly or
 *   deeper inside (`(a|a)*`, `(a|aa)*`, `(\w|\d)+`, `((a|a)x?)*`). Branches of plain letters are
 *   checked exactly (they overlap when they are not a uniquely decodable code, the Sardinas–Patterson
 *   test: `(a|ab)*` passes, `(a|aa)*` does not); others by the characters they can start with.
 * Such patterns take exponential (or high-polynomial) time on a text that almost matches. What
 * this guard cannot see — adjacent repetitions such as `\w*\w*\w*$`, which are polynomial — is
 * stopped at run time by the time budget in `coding/regex-budget.ts`. What passes these shapes is
 * analysed once more by scslre (`regex-degree.ts`), which also refuses a self-reaching loop repeated a
 * bounded number of times (`(.*a){10}x`).
 */
import { superLinearReason } from './regex-degree.js';
import { english, type Message } from '../lang/catalogue.js';

interface Frame {
  /** An unbounded quantifier occurs somewhere inside the group. */
  inner: boolean;
  /** An alternation whose branches overlap occurs somewhere inside the group. */
  ambiguous: boolean;
  /** Branch texts of the group's own top-level alternation. */
  branches: string[];
  start: number;
}

/** The piece of the pattern just read (a character, class or group): whether it contains a repetition or an overlapping alternation, and its text. */
interface RegexPiece {
  inner: boolean;
  ambiguous: boolean;
  /** The alternation of this very group overlaps (for the message). */
  overlapping: boolean;
  text: string;
}

/** A count above this makes `{n}` and `{n,m}` as bad as `*` when nested. */
const MAX_SAFE_COUNT = 10;

/** Reason why a pattern may backtrack catastrophically, in English, or undefined when it looks safe. */
export function catastrophicReason(pattern: string): string | undefined {
  const danger = catastrophicDanger(pattern);
  return danger && english(danger);
}

/** Reason why a pattern may backtrack catastrophically, as a message, or undefined when it looks safe. */
export function catastrophicDanger(pattern: string): Message | undefined {
  const stack: Frame[] = [{ inner: false, ambiguous: false, branches: [], start: 0 }];
  let branchStart = 0;
  let i = 0;
  let last: RegexPiece | null = null;
  const simple = (text: string): RegexPiece => ({ inner: false, ambiguous: false, overlapping: false, text });
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const end = escapeEnd(pattern, i);
      last = simple(pattern.slice(i, end));
      i = end;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      last = simple(pattern.slice(i, end));
      i = end;
      continue;
    }
    if (c === '(') {
      let j = i + 1;
      if (pattern[j] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        j++;
        if (pattern[j] === '<' && pattern[j + 1] !== '=' && pattern[j + 1] !== '!') {
          j = pattern.indexOf('>', j) + 1 || j + 1;
        } else {
          j += pattern[j] === '<' ? 2 : 1;
        }
      }
      stack.push({ inner: false, ambiguous: false, branches: [], start: j });
      branchStart = j;
      last = null;
      i = j;
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1]!;
      top.branches.push(pattern.slice(branchStart, i));
      branchStart = i + 1;
      last = null;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const frame = stack.pop()!;
      frame.branches.push(pattern.slice(branchStart, i));
      const overlapping = frame.branches.length > 1 && branchesOverlap(frame.branches);
      last = { inner: frame.inner, ambiguous: frame.ambiguous || overlapping, overlapping, text: pattern.slice(frame.start, i) };
      const parent = stack[stack.length - 1]!;
      if (frame.inner) parent.inner = true;
      if (last.ambiguous) parent.ambiguous = true;
      branchStart = i + 1;
      i++;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      if (q.unbounded && last) {
        if (last.inner) return { key: 'part.regex.nested', params: { group: `(${last.text})` } };
        if (last.overlapping) return { key: 'part.regex.alternation', params: { group: `(${last.text})` } };
        if (last.ambiguous) return { key: 'part.regex.group-alternation', params: { group: `(${last.text})` } };
      }
      if (q.unbounded) stack[stack.length - 1]!.inner = true;
      i += q.length;
      last = null;
      continue;
    }
    last = simple(c);
    i++;
  }
  return superLinearReason(pattern);
}

/** End of the escape sequence at `i` (`\d`, `\x41`, `\u00e4`, `\u{1F600}`, `\p{L}`, `\k<name>`, `\cA`). */
function escapeEnd(p: string, i: number): number {
  const c = p[i + 1];
  if ((c === 'p' || c === 'P' || c === 'u') && p[i + 2] === '{') {
    const close = p.indexOf('}', i + 3);
    return close === -1 ? p.length : close + 1;
  }
  if (c === 'k' && p[i + 2] === '<') {
    const close = p.indexOf('>', i + 3);
    return close === -1 ? p.length : close + 1;
  }
  if (c === 'u' && /^[0-9a-fA-F]{4}$/u.test(p.slice(i + 2, i + 6))) return i + 6;
  if (c === 'x' && /^[0-9a-fA-F]{2}$/u.test(p.slice(i + 2, i + 4))) return i + 4;
  if (c === 'c' && p[i + 2] !== undefined) return i + 3;
  return i + 2;
}

function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

function quantifierAt(p: string, i: number): { unbounded: boolean; length: number } | undefined {
  const c = p[i];
  let len = 0;
  let unbounded = false;
  if (c === '*' || c === '+') {
    len = 1;
    unbounded = true;
  } else if (c === '?') {
    len = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/u.exec(p.slice(i, i + 24));
    if (!m) return undefined;
    len = m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    unbounded = max > MAX_SAFE_COUNT;
  } else {
    return undefined;
  }
  if (p[i + len] === '?' || p[i + len] === '+') len++;
  return { unbounded, length: len };
}

/** The text a branch stands for when it is plain letters (escaped punctuation allowed), lower-cased; else null. */
function literalOf(branch: string): string | null {
  let out = '';
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i]!;
    if (c === '\\') {
      const n = branch[i + 1];
      if (n === undefined || /[\p{L}\p{N}]/u.test(n)) return null; // \d, \w, \b, \1 … are no letters
      out += n;
      i++;
    } else if (/[.*+?^${}()|[\]]/u.test(c)) {
      return null;
    } else {
      out += c;
    }
  }
  return out.toLowerCase();
}

/**
 * True when a set of words is not uniquely decodable: some text splits into words in two ways, so
 * repeating their alternation can match it in many ways (Sardinas–Patterson test).
 */
export function isAmbiguousCode(words: readonly string[]): boolean {
  const code = new Set(words);
  if (code.size < words.length) return true;
  const list = [...code];
  const dangling = (a: string, b: string): string | null => (b.length > a.length && b.startsWith(a) ? b.slice(a.length) : null);
  let current = new Set<string>();
  for (const a of list) for (const b of list) if (a !== b) {
    const d = dangling(a, b);
    if (d !== null) current.add(d);
  }
  const seen = new Set<string>();
  while (current.size > 0) {
    const next = new Set<string>();
    for (const s of current) {
      if (code.has(s)) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const w of list) {
        const d1 = dangling(w, s);
        if (d1 !== null) next.add(d1);
        const d2 = dangling(s, w);
        if (d2 !== null) next.add(d2);
      }
    }
    current = next;
  }
  return false;
}

/** What a branch can start with, coarsely: any character, a word character, a digit, a space, or some characters. */
type First = { kind: 'all' | 'word' | 'digit' | 'space' } | { kind: 'chars'; ranges: [number, number][] };

/** The characters a branch can start with (lower-cased; negated classes count as any character). */
function firstOf(whole: string): First {
  // Assertions match no character: what follows them is what the branch starts with.
  const branch = whole.replace(/^(?:\\[bB]|\^|\$)+/u, '');
  if (branch.startsWith('.') || /^\\[WDSP]/u.test(branch)) return { kind: 'all' };
  if (branch.startsWith('\\w') || branch.startsWith('\\p')) return { kind: 'word' };
  if (branch.startsWith('\\d')) return { kind: 'digit' };
  if (branch.startsWith('\\s')) return { kind: 'space' };
  if (branch.startsWith('[')) {
    const body = branch.slice(1, classEnd(branch, 0) - 1);
    if (body.startsWith('^') || /\\[wdspWDSP]/u.test(body)) return { kind: 'all' };
    const ranges: [number, number][] = [];
    const chars = [...body.replace(/\\(.)/gu, '$1').toLowerCase()];
    for (let k = 0; k < chars.length; k++) {
      const lo = chars[k]!.codePointAt(0)!;
      if (chars[k + 1] === '-' && chars[k + 2] !== undefined) {
        ranges.push([lo, chars[k + 2]!.codePointAt(0)!]);
        k += 2;
      } else {
        ranges.push([lo, lo]);
      }
    }
    return { kind: 'chars', ranges };
  }
  const first = branch.startsWith('\\') ? unescape(branch.slice(0, escapeEnd(branch, 0))) : branch.slice(0, 1);
  if (first === '') return { kind: 'chars', ranges: [] };
  const code = first.toLowerCase().codePointAt(0)!;
  return { kind: 'chars', ranges: [[code, code]] };
}

/** The character an escape sequence outside a class stands for (`\\n`, `\\x41`, `\\u00e4`, `\\.`). */
function unescape(seq: string): string {
  const c = seq[1] ?? '';
  const named: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
  if (named[c] !== undefined) return named[c];
  if ((c === 'x' || c === 'u') && seq.length > 2) return String.fromCodePoint(parseInt(seq.slice(2).replace(/[{}]/gu, ''), 16));
  return c;
}

/** Whether a code point belongs to a coarse kind. */
function inKind(code: number, kind: 'word' | 'digit' | 'space'): boolean {
  const c = String.fromCodePoint(code);
  if (kind === 'digit') return /\p{N}/u.test(c);
  if (kind === 'space') return /\s/u.test(c);
  return /[\p{L}\p{N}\p{M}_]/u.test(c);
}

/** Whether two branches can start with the same character. */
function firstsOverlap(a: First, b: First): boolean {
  if (a.kind === 'all' || b.kind === 'all') return true;
  if (a.kind === 'chars' && b.kind === 'chars') return a.ranges.some(([lo, hi]) => b.ranges.some(([l2, h2]) => lo <= h2 && l2 <= hi));
  if (a.kind === 'chars' || b.kind === 'chars') {
    const [set, kind] = a.kind === 'chars' ? [a, b.kind as 'word' | 'digit' | 'space'] : [b as First & { kind: 'chars' }, a.kind];
    // A range is probed at its ends and middle: enough for the letters and digits a codebook names.
    return set.ranges.some(([lo, hi]) => [lo, hi, (lo + hi) >> 1].some((c) => inKind(c, kind)));
  }
  if (a.kind === b.kind) return true;
  return (a.kind === 'word' && b.kind === 'digit') || (a.kind === 'digit' && b.kind === 'word');
}

function branchesOverlap(branches: string[]): boolean {
  const literals = branches.map(literalOf);
  if (literals.every((l): l is string => l !== null && l !== '')) return isAmbiguousCode(literals);
  if (new Set(branches).size < branches.length) return true;
  // Branches that are not all plain letters overlap when two of them can start with the same character
  // (`\w|\d`, `a|[ab]`, `a|a?`): coarse, and on the safe side (`ab|a\d` is refused too).
  const firsts = branches.filter((b) => b !== '').map(firstOf);
  return firsts.some((f, i) => firsts.some((g, j) => j > i && firstsOverlap(f, g)));
}
