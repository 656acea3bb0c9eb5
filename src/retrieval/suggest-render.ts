import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { Suggestion } from './suggest.js';
import { toCsv, type CsvOptions } from '../report/format.js';
import type { Marker } from '../report/highlight.js';
import { contextOf } from './kwic-render.js';
import { stableStringify } from '../report/json.js';
import { safeText } from '../text/safe-text.js';

/** An example as one line: `…left [[word]] right… (transcript#segment)`. */
function example(s: Suggestion, width: number, mark: Marker): string {
  const c = contextOf(safeText(s.example.unit.text), s.example.start, s.example.end, width);
  return `${c.left}${mark(c.match)}${c.right} (${safeText(s.example.unit.transcript)}#${s.example.unit.segment})`;
}

/** Suggestions as a table: word, count, units and an example in context; ends with `\n`. */
export function renderSuggestions(list: readonly Suggestion[], width: number, mark: Marker, t: Messages = messagesFor('en')): string {
  const header = [t.t('retrieval.suggest.word'), t.t('retrieval.suggest.count'), t.t('retrieval.suggest.units'), t.t('retrieval.suggest.example')];
  const rows = list.map((s) => [safeText(s.word), String(s.count), String(s.units), example(s, width, mark)]);
  const len = (x: string): number => Array.from(x).length;
  const w = [0, 1, 2].map((i) => Math.max(len(header[i]!), ...rows.map((r) => len(r[i]!))));
  const line = (r: string[]): string =>
    [r[0]! + ' '.repeat(w[0]! - len(r[0]!)), ' '.repeat(w[1]! - len(r[1]!)) + r[1]!, ' '.repeat(w[2]! - len(r[2]!)) + r[2]!, r[3]!].join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** Suggestions as CSV: `word,count,units,transcript,segment,example` (the example with `[[…]]` marks). */
export function renderSuggestionsCsv(list: readonly Suggestion[], width: number, opts: CsvOptions): string {
  return toCsv(
    ['word', 'count', 'units', 'transcript', 'segment', 'example'],
    list.map((s) => {
      const c = contextOf(s.example.unit.text, s.example.start, s.example.end, width);
      return [s.word, s.count, s.units, s.example.unit.transcript, s.example.unit.segment, `${c.left}[[${c.match}]]${c.right}`];
    }),
    opts,
  );
}

/** Suggestions as JSON: word, count, units and the example's unit id and context. */
export function renderSuggestionsJson(list: readonly Suggestion[], width: number): string {
  return (
    stableStringify(
      list.map((s) => ({
        word: s.word,
        count: s.count,
        units: s.units,
        example: { transcript: s.example.unit.transcript, segment: s.example.unit.segment, ...contextOf(s.example.unit.text, s.example.start, s.example.end, width) },
      })),
    ) + '\n'
  );
}
