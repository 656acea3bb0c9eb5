import type { ConcordanceHit } from './kwic.js';
import { formatTime, toCsv, type CsvOptions } from '../report/format.js';
import type { Marker } from '../report/highlight.js';
import { stableStringify } from '../report/json.js';
import { len } from '../report/columns.js';
import { safeText } from '../text/safe-text.js';

/** Context of a hit: at most `width` characters either side, white space runs shown as one space. */
export interface KwicLine {
  left: string;
  match: string;
  right: string;
}

/** Characters of context on each side when no width is given. */
export const DEFAULT_KWIC_WIDTH = 40;

/** White space (line breaks, tabs, runs of spaces) as single spaces. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The keyword and up to `width` code points of context on each side (cut without marks). */
export function contextOf(text: string, start: number, end: number, width: number): KwicLine {
  const left = Array.from(flatten(text.slice(0, start)));
  const right = Array.from(flatten(text.slice(end)));
  return {
    left: left.slice(Math.max(0, left.length - width)).join(''),
    match: flatten(text.slice(start, end)),
    right: right.slice(0, width).join(''),
  };
}

/**
 * Keyword-in-context lines: unit id and speaker (padded to the longest), the left context
 * right-aligned to `width`, the marked keyword, the right context; ends with `\n` (empty when no hits).
 */
export function renderKwic(hits: readonly ConcordanceHit[], width: number, mark: Marker): string {
  if (hits.length === 0) return '';
  const ids = hits.map((h) => `${safeText(h.unit.transcript)}#${h.unit.segment}`);
  // Moderator turns are searched too, and marked.
  const who = hits.map((h) => safeText(h.unit.moderator ? `${h.unit.speaker} (Mod.)` : h.unit.speaker));
  // Folded, not spread: a common word can have more hits than a call takes arguments.
  const idWidth = ids.reduce((w, id) => Math.max(w, len(id)), 0);
  const speakerWidth = who.reduce((w, s) => Math.max(w, len(s)), 0);
  return (
    hits
      .map((h, i) => {
        const c = contextOf(safeText(h.unit.text), h.start, h.end, width);
        const head = `${ids[i]!}${' '.repeat(idWidth - len(ids[i]!))}  ${who[i]!}${' '.repeat(speakerWidth - len(who[i]!))}`;
        return `${head}  ${' '.repeat(width - len(c.left))}${c.left}${mark(c.match)}${c.right}`.trimEnd();
      })
      .join('\n') + '\n'
  );
}

/** Keyword-in-context as CSV: `transcript,segment,speaker,moderator,start,line,left,match,right` (`moderator`: `true` or `false`). */
export function renderKwicCsv(hits: readonly ConcordanceHit[], width: number, opts: CsvOptions): string {
  return toCsv(
    ['transcript', 'segment', 'speaker', 'moderator', 'start', 'line', 'left', 'match', 'right'],
    hits.map((h) => {
      const c = contextOf(h.unit.text, h.start, h.end, width);
      return [h.unit.transcript, h.unit.segment, h.unit.speaker, String(h.unit.moderator), formatTime(h.unit.start), h.unit.line, c.left, c.match, c.right];
    }),
    opts,
  );
}

/** Keyword-in-context as JSON: the CSV's fields plus the match's offsets in the unit's text. */
export function renderKwicJson(hits: readonly ConcordanceHit[], width: number): string {
  return (
    stableStringify(
      hits.map((h) => ({
        transcript: h.unit.transcript,
        segment: h.unit.segment,
        speaker: h.unit.speaker,
        moderator: h.unit.moderator,
        start: formatTime(h.unit.start),
        line: h.unit.line,
        offset: { start: h.start, end: h.end },
        ...contextOf(h.unit.text, h.start, h.end, width),
      })),
    ) + '\n'
  );
}
