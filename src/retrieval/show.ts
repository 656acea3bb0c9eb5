import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { CodedUnit } from '../types.js';
import { sortUnits } from '../analysis/units.js';
import { stableStringify } from '../report/json.js';
import { formatTime, unitColumns } from '../report/format.js';
import { highlight, type Marker } from '../report/highlight.js';
import { safeText } from '../text/safe-text.js';

/** The units of `units` coded with `category`, in transcript and segment order. */
export function unitsWithCategory(units: readonly CodedUnit[], category: string): CodedUnit[] {
  return sortUnits(units.filter((u) => u.codings.some((c) => c.category === category)));
}

const ENGLISH = messagesFor('en');

/** `transcript#segment · speaker · hh:mm:ss–hh:mm:ss · line N`, parts left out where unknown (words in the language of `m`). */
export function unitHeading(unit: CodedUnit | Omit<CodedUnit, 'codings'>, m: Messages = ENGLISH): string {
  const parts = [`${safeText(unit.transcript)}#${unit.segment}`];
  if (unit.speaker !== '') parts.push(safeText(unit.speaker));
  const start = formatTime(unit.start);
  const end = formatTime(unit.end);
  if (start !== '') parts.push(end !== '' && end !== start ? `${start}–${end}` : start);
  parts.push(m.t('retrieval.line', { line: unit.line }));
  return parts.join(' · ');
}

/**
 * The coded units of one category as text: a heading per unit (see `unitHeading`, passed through
 * `dim`) and its text indented by two spaces, the category's matches marked; a blank line between units.
 */
export function renderShow(units: readonly CodedUnit[], category: string, mark: Marker, dim: (s: string) => string = (s) => s, m: Messages = ENGLISH): string {
  const blocks = unitsWithCategory(units, category).map((unit) => {
    const spans = unit.codings.filter((c) => c.category === category).flatMap((c) => c.matches);
    const text = highlight(safeText(unit.text), spans, mark);
    return `${dim(unitHeading(unit, m))}\n${text.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
  });
  return blocks.join('\n');
}

/**
 * The coded units of one category as JSON: transcript, segment, speaker, times (`hh:mm:ss`, ''
 * when unknown), line, the matches with the words they cover, and the text; keys sorted.
 */
export function renderShowJson(units: readonly CodedUnit[], category: string): string {
  const rows = unitsWithCategory(units, category).map((unit) => {
    const matches = unit.codings.filter((c) => c.category === category).flatMap((c) => c.matches);
    return {
      ...unitColumns(unit),
      category,
      matches: matches.map((m) => ({ by: m.by, start: m.start, end: m.end, text: unit.text.slice(m.start, m.end) })),
      text: unit.text,
    };
  });
  return stableStringify(rows) + '\n';
}
