import { TIME_MARK_SOURCE } from './labels.js';

/** A time mark found in text: its value in seconds and its span (offsets in UTF-16 units, end exclusive). */
export interface TimeMark {
  seconds: number;
  start: number;
  end: number;
}

const CLOSING: Record<string, string> = { '#': '#', '[': ']', '(': ')' };

/** Seconds of a matched time mark, or null when its parts do not pair or are out of range. */
function secondsOf(m: RegExpExecArray): number | null {
  const [, open, h, min, sec, frac, close] = m;
  if (open === undefined || CLOSING[open] !== close) return null;
  const hours = h === undefined ? 0 : Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  if (seconds > 59 || (h !== undefined && minutes > 59)) return null;
  const whole = hours * 3600 + minutes * 60 + seconds;
  if (frac === undefined) return whole;
  // Integer arithmetic first, so `-4` after 83 s gives exactly 83.4.
  const scale = 10 ** frac.length;
  return (whole * scale + Number(frac)) / scale;
}

/** The time mark that starts exactly at `offset` in `text`, or null. */
export function timeMarkAt(text: string, offset: number): TimeMark | null {
  const re = new RegExp(TIME_MARK_SOURCE, 'y');
  re.lastIndex = offset;
  const m = re.exec(text);
  if (!m) return null;
  const seconds = secondsOf(m);
  return seconds === null ? null : { seconds, start: offset, end: offset + m[0].length };
}

/** All time marks in `text`, in order. */
export function findTimeMarks(text: string): TimeMark[] {
  const re = new RegExp(TIME_MARK_SOURCE, 'g');
  const marks: TimeMark[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const seconds = secondsOf(m);
    if (seconds !== null) marks.push({ seconds, start: m.index, end: m.index + m[0].length });
  }
  return marks;
}

/** True when `text` ends with a time mark (trailing white space ignored); gives that mark. */
export function trailingTimeMark(text: string): TimeMark | null {
  const trimmedEnd = text.replace(/\s+$/u, '').length;
  const marks = findTimeMarks(text.slice(0, trimmedEnd));
  const last = marks[marks.length - 1];
  return last && last.end === trimmedEnd ? last : null;
}
