import { cleanMarkdown } from './markup.js';
import type { LineHead } from './head.js';
import { joinLines, type Lines } from './text-lines.js';
import { nfc } from '../text/speaker-key.js';
import { timeMarkAt, timeMarksFrom } from './times.js';

/** A paragraph of a plain text (`plain-text.ts`) and its text: label and time marks taken out, where the text starts. */

/** Consecutive lines that form one paragraph. */
export interface Paragraph {
  /** Index of its first line (0-based; the line number is one more). */
  first: number;
  /** Index of its last line. */
  last: number;
  head: LineHead;
  /** The accepted speaker label, or null. */
  speaker: string | null;
}

/** A paragraph's text with time marks taken out, where it starts, and its times. */
interface ParagraphText {
  text: string;
  line: number;
  column: number;
  start?: number;
  end?: number;
}

/** True for the code of white space that separates words or lines (space, tab, line feed, U+00A0); false past the end (NaN). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0;
}

/** Take a paragraph apart: label and time marks out, soft line breaks kept as `\n`, lines trimmed. */
export function paragraphText(p: Paragraph, lines: Lines, markdown: boolean): ParagraphText {
  const offset0 = p.speaker === null ? p.head.afterTimes : p.head.afterLabel;
  let start = p.speaker === null ? p.head.leadingStart : p.head.start;
  let end: number | undefined;
  const body = joinLines(lines, p.first, p.last, offset0);

  // Time marks before the text are its start; marks at the very end are its end (f4 style).
  let from = 0;
  for (;;) {
    while (isSpace(body.charCodeAt(from))) from++;
    const m = timeMarkAt(body, from);
    if (!m) break;
    start ??= m.seconds;
    from = m.end;
  }
  // One scan finds the marks of the rest; those of any shorter stretch from `from` are a prefix of
  // them (see `timeMarksFrom`), so trailing and inner marks need no rescan.
  const marks = timeMarksFrom(body, from);
  let kept = marks.length;
  let to = body.length;
  for (;;) {
    while (to > from && isSpace(body.charCodeAt(to - 1))) to--;
    const last = kept > 0 ? marks[kept - 1]! : undefined;
    if (!last || last.end !== to) break;
    end ??= last.seconds;
    to = last.start;
    kept--;
  }

  // Marks inside the text are dropped with the blanks before them; line breaks stay.
  let core = '';
  let pos = from;
  for (let i = 0; i < kept; i++) {
    const m = marks[i]!;
    let s = m.start;
    for (let c = body.charCodeAt(s - 1); s > from && (c === 0x20 || c === 0x09); c = body.charCodeAt(s - 1)) s--;
    core += body.slice(pos, s);
    pos = m.end;
  }
  core = kept === 0 ? body.slice(from, to) : core + body.slice(pos, to);
  const multiline = p.first !== p.last;
  const text =
    !multiline || core.indexOf('\n') === -1
      ? core.trimEnd()
      : core
          .split('\n')
          .map((l, i) => (i === 0 ? l.trimEnd() : l.trim()))
          .join('\n');

  // Which line the text starts on, and where in it (a one-line paragraph has no line feed).
  let k = 0;
  let lineStart = 0;
  if (multiline) {
    for (let i = body.indexOf('\n'); i !== -1 && i < from; i = body.indexOf('\n', i + 1)) k++;
    lineStart = body.lastIndexOf('\n', from - 1) + 1;
  }
  const column = (k === 0 ? offset0 : 0) + (from - lineStart) + 1;
  const out: ParagraphText = { text: nfc(markdown ? cleanMarkdown(text) : text), line: p.first + k + 1, column };
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  return out;
}
