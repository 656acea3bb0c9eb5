import { TIME_MARK_SOURCE } from './labels.js';

/** A time mark found in text: its value in seconds and its span (offsets in UTF-16 units, end exclusive). */
export interface TimeMark {
  seconds: number;
  start: number;
  end: number;
}

const CLOSING: Record<string, string> = { '#': '#', '[': ']', '(': ')' };

// Compiled once: it runs for every line and paragraph of a transcript. Each use sets `lastIndex`
// first and nothing runs between that and `exec`, so sharing it is safe.
const MARK_AT = new RegExp(TIME_MARK_SOURCE, 'y');

/** True for a character code that can open a time mark (`#`, `[`, `(`). */
function opensMark(c: number): boolean {
  return c === 0x23 || c === 0x5b || c === 0x28;
}

/** The value of a string of ASCII digits (at most a few, so exact): what `Number` gives, without parsing a number. */
function digitsValue(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 0x30);
  return value;
}

/** Seconds of a matched time mark, or null when its parts do not pair or are out of range. */
function secondsOf(m: RegExpExecArray): number | null {
  const open = m[1];
  const h = m[2];
  const frac = m[5];
  if (open === undefined || CLOSING[open] !== m[6]) return null;
  const hours = h === undefined ? 0 : digitsValue(h);
  const minutes = digitsValue(m[3]!);
  const seconds = digitsValue(m[4]!);
  if (seconds > 59 || (h !== undefined && minutes > 59)) return null;
  const whole = hours * 3600 + minutes * 60 + seconds;
  if (frac === undefined) return whole;
  // Integer arithmetic first, so `-4` after 83 s gives exactly 83.4.
  const scale = 10 ** frac.length;
  return (whole * scale + digitsValue(frac)) / scale;
}

/** The time mark that starts exactly at `offset` in `text`, or null. */
export function timeMarkAt(text: string, offset: number): TimeMark | null {
  // A mark starts with `#`, `[` or `(`: most places are ruled out without running the pattern.
  // (A negative offset is left to the pattern, which reads it as 0.)
  if (offset >= 0 && !opensMark(text.charCodeAt(offset))) return null;
  MARK_AT.lastIndex = offset;
  const m = MARK_AT.exec(text);
  if (!m) return null;
  const seconds = secondsOf(m);
  return seconds === null ? null : { seconds, start: offset, end: offset + m[0].length };
}

/**
 * The time marks found by scanning `text` from `from` to its end, in order (offsets into `text`).
 * For any `to`, the marks of `findTimeMarks(text.slice(from, to))` are those of these that end at or
 * before `to` (shifted by `from`): a match of the pattern has no opening or closing character inside,
 * so all matches at one place are equally long, and a match cut by `to` hides no other.
 */
export function timeMarksFrom(text: string, from: number): TimeMark[] {
  const marks: TimeMark[] = [];
  // What a global search does, with the pattern tried only where a mark can open: the first place
  // with a match wins, and the search goes on after it (also after a match whose parts do not pair).
  // The places are found with native searches for each opening character, each found once.
  let i = from < 0 ? 0 : from;
  let hash = text.indexOf('#', i);
  let bracket = text.indexOf('[', i);
  let paren = text.indexOf('(', i);
  for (;;) {
    if (hash !== -1 && hash < i) hash = text.indexOf('#', i);
    if (bracket !== -1 && bracket < i) bracket = text.indexOf('[', i);
    if (paren !== -1 && paren < i) paren = text.indexOf('(', i);
    let at = hash;
    if (bracket !== -1 && (at === -1 || bracket < at)) at = bracket;
    if (paren !== -1 && (at === -1 || paren < at)) at = paren;
    if (at === -1) break;
    MARK_AT.lastIndex = at;
    const m = MARK_AT.exec(text);
    if (m === null) {
      i = at + 1;
      continue;
    }
    const seconds = secondsOf(m);
    i = at + m[0].length;
    if (seconds !== null) marks.push({ seconds, start: at, end: i });
  }
  return marks;
}

/** All time marks in `text`, in order. */
export function findTimeMarks(text: string): TimeMark[] {
  return timeMarksFrom(text, 0);
}

/** True when `text` ends with a time mark (trailing white space ignored); gives that mark. */
export function trailingTimeMark(text: string): TimeMark | null {
  const trimmedEnd = text.replace(/\s+$/u, '').length;
  const marks = findTimeMarks(text.slice(0, trimmedEnd));
  const last = marks[marks.length - 1];
  return last && last.end === trimmedEnd ? last : null;
}
