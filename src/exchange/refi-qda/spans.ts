/**
 * Paragraphs of a REFI-QDA text source and the selections on them: where paragraphs lie in the
 * positions a QDA program counts (code points, a CRLF as two characters or as one), which
 * convention a source's selections follow, and which paragraphs a selection meets (binary search).
 */

/** A paragraph `[start, end)` in the positions selections use. */
export interface Span {
  start: number;
  end: number;
}

/** How to cut a text into paragraphs and count positions. */
export interface SpanOptions {
  /** Count a CRLF line break as one character (MAXQDA, ATLAS.ti) instead of two. */
  crlfAsOne?: boolean;
  /** Paragraphs end at every line break, not only at blank lines. */
  singleLines?: boolean;
}

const BLANK_LINE = /\r?\n[^\S\r\n]*\r?\n/gu;
const LINE_BREAK = /\r\n|\r|\n/gu;

/**
 * The paragraphs of a source's plain text as `[start, end)` in code points: blocks separated by a
 * blank line (`\n\n`, also `\r\n` and blank lines holding spaces), or by every line break with
 * `options.singleLines`. In a project fokus exported, paragraph k is unit k of the transcript.
 */
export function paragraphSpans(text: string, options: SpanOptions = {}): Span[] {
  const spans: Span[] = [];
  const separator = new RegExp(options.singleLines ? LINE_BREAK : BLANK_LINE);
  const crlfAsOne = options.crlfAsOne === true;
  let counted = 0; // UTF-16 offset up to which code points are counted
  let points = 0;
  const at = (offset: number): number => {
    points += pointsBetween(text, counted, offset, crlfAsOne);
    counted = offset;
    return points;
  };
  let start = 0;
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    spans.push({ start, end: at(m.index) });
    start = at(m.index + m[0].length);
  }
  spans.push({ start, end: at(text.length) });
  return spans;
}

/**
 * REFI-QDA positions from UTF-16 offset `from` to `to`: code points (a surrogate pair counts once, a
 * lone surrogate once), a CRLF once when `crlfAsOne`.
 */
export function pointsBetween(text: string, from: number, to: number, crlfAsOne = false): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    } else if (c === 13 && crlfAsOne && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
    n++;
  }
  return n;
}

/**
 * The paragraphs of a source, and whether its positions count a CRLF as one character: both ways
 * are tried when the text has CRLF line breaks, and one-character CRLFs are chosen only when more
 * selection ends and starts land on paragraph ends and starts so (fewer outside the text), or as
 * many and `preferOne` (the project says it comes from a program that counts so). A text
 * without blank lines is cut at every line break (a QDA program may write paragraphs so).
 */
export function chooseLineBreaks(text: string, selections: readonly { start: number; end: number }[], preferOne = false): { spans: Span[]; crlfAsOne: boolean } {
  BLANK_LINE.lastIndex = 0;
  const singleLines = !BLANK_LINE.test(text) && /[\r\n]/u.test(text);
  const two = paragraphSpans(text, { singleLines });
  if (!text.includes('\r\n') || selections.length === 0) return { spans: two, crlfAsOne: false };
  const one = paragraphSpans(text, { singleLines, crlfAsOne: true });
  const [a, b] = [fit(one, selections), fit(two, selections)];
  return a > b || (a === b && preferOne) ? { spans: one, crlfAsOne: true } : { spans: two, crlfAsOne: false };
}

/** How well selections fit paragraphs: ends on paragraph ends and starts on paragraph starts count, ends past the text count against. */
function fit(spans: readonly Span[], selections: readonly { start: number; end: number }[]): number {
  const starts = new Set(spans.map((s) => s.start));
  const ends = new Set(spans.map((s) => s.end));
  const length = spans[spans.length - 1]!.end;
  let score = 0;
  for (const sel of selections) {
    if (starts.has(sel.start)) score++;
    if (ends.has(sel.end)) score++;
    if (sel.end > length) score -= 2;
  }
  return score;
}

/**
 * The 1-based numbers of the paragraphs `[start, end)` overlaps (an empty selection: the paragraphs
 * that hold its place), found by binary search: `spans` are in order and do not overlap.
 */
export function paragraphsHit(spans: readonly Span[], start: number, end: number): number[] {
  const empty = end <= start;
  // The first paragraph whose end is past the start (at the start, for an empty selection).
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = spans[mid]!.end;
    if (empty ? e >= start : e > start) hi = mid;
    else lo = mid + 1;
  }
  const out: number[] = [];
  for (let i = lo; i < spans.length; i++) {
    const p = spans[i]!;
    if (empty ? p.start > start : p.start >= end) break;
    out.push(i + 1);
  }
  return out;
}
