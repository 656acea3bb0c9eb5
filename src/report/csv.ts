import type { Breakdown, CodedUnit, Comparison, CooccurrenceRow, FrequencyRow, KeyTermRow, PerspectiveResult } from '../types.js';
import { sortUnits } from '../analysis/units.js';
import { fitList } from './cell-limit.js';
import { formatShare, formatTime, toCsv, toCsvRows, type CsvOptions } from './format.js';

/** `frequencies.csv`: `category,label,level,segments,share,matches,transcripts,speakers`, rows as given. */
export function renderFrequenciesCsv(rows: readonly FrequencyRow[], opts: CsvOptions): string {
  return toCsv(
    ['category', 'label', 'level', 'segments', 'share', 'matches', 'transcripts', 'speakers'],
    rows.map((r) => [
      r.category,
      r.label,
      r.level,
      r.segments,
      formatShare(r.share, opts.excel),
      r.matches,
      r.transcripts,
      r.speakers,
    ]),
    opts,
  );
}

/**
 * A speaker's id (`transcript:speaker`, see `speakerId`) cut into transcript and speaker: at the
 * longest of `transcripts` it starts with (ids and labels may hold colons, `Moderator:in`), else at
 * the first colon.
 */
export function splitSpeakerId(value: string, transcripts: readonly string[] = []): [string, string] {
  let best = '';
  for (const id of transcripts) if (id.length > best.length && value.startsWith(`${id}:`)) best = id;
  if (best !== '') return [best, value.slice(best.length + 1)];
  const at = value.indexOf(':');
  return at === -1 ? ['', value] : [value.slice(0, at), value.slice(at + 1)];
}

/** The first columns of a breakdown's row: `transcript,speaker` for speakers, else the dimension's value. */
function dimensionColumns(dimension: string, transcripts: readonly string[] | undefined): { header: string[]; cells: (value: string) => string[] } {
  if (dimension !== 'speaker') return { header: [dimension], cells: (v) => [v] };
  return { header: ['transcript', 'speaker'], cells: (v) => splitSpeakerId(v, transcripts) };
}

/**
 * `frequencies_by_DIM.csv`: `DIM,category,segments,share` with the breakdown's dimension as first
 * header; by speaker the first two columns are `transcript,speaker` (`transcripts`: the report's
 * input ids, to cut speaker ids where a colon is part of a name).
 */
export function renderBreakdownCsv(b: Breakdown, opts: CsvOptions, transcripts?: readonly string[]): string {
  const dim = dimensionColumns(b.dimension, transcripts);
  return toCsv(
    [...dim.header, 'category', 'segments', 'share'],
    b.rows.map((r) => [...dim.cells(r.value), r.category, r.segments, formatShare(r.share, opts.excel)]),
    opts,
  );
}

/**
 * `segments.csv`: one row per coded unit and category (units by transcript then segment,
 * categories in the order given: flat codebook order; codings of codes outside the codebook are left out);
 * `matched` joins the distinct terms and rules that matched, in order of first occurrence; `source`
 * says where the coding comes from: `rule`, or `review` (a reviewer's decision, `analyze --review`).
 */
export function renderSegmentsCsv(units: readonly CodedUnit[], categories: readonly { path: string }[], opts: CsvOptions): string {
  return toCsv(SEGMENTS_HEADER, segmentRows(sortUnits(units), categories), opts);
}

/** The header of `segments.csv`. */
export const SEGMENTS_HEADER: readonly string[] = ['transcript', 'segment', 'speaker', 'start', 'end', 'line', 'category', 'matched', 'source', 'text'];

/**
 * The rows of `segments.csv` for units already in report order (one transcript's, in segment
 * order), without header or BOM: `segments.csv` written a transcript at a time is the header
 * (`toCsv(SEGMENTS_HEADER, [], opts)`) followed by these pieces.
 */
export function renderSegmentsRows(units: readonly CodedUnit[], categories: readonly { path: string }[], opts: CsvOptions): string {
  return toCsvRows(segmentRows(units, categories), opts);
}

function segmentRows(units: readonly CodedUnit[], categories: readonly { path: string }[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const unit of units) {
    if (unit.codings.length === 0) continue;
    for (const c of categories) {
      const codings = unit.codings.filter((k) => k.category === c.path);
      if (codings.length === 0) continue;
      const matched = [...new Set(codings.flatMap((k) => k.matches.map((m) => m.by)))].join('|');
      rows.push([
        unit.transcript,
        unit.segment,
        unit.speaker,
        formatTime(unit.start),
        formatTime(unit.end),
        unit.line,
        c.path,
        matched,
        codings.some((k) => k.source === 'review') ? 'review' : 'rule',
        unit.text,
      ]);
    }
  }
  return rows;
}

/**
 * `cooccurrence.csv`: the contract columns `category_a,category_b,segments,jaccard`, then `c`
 * (ATLAS.ti's c-coefficient; empty when a row has none), rows as given.
 */
export function renderCooccurrenceCsv(rows: readonly CooccurrenceRow[], opts: CsvOptions): string {
  return toCsv(
    ['category_a', 'category_b', 'segments', 'jaccard', 'c'],
    rows.map((r) => [r.a, r.b, r.segments, formatShare(r.jaccard, opts.excel), r.c === undefined ? '' : formatShare(r.c, opts.excel)]),
    opts,
  );
}

/**
 * `perspectives.csv`: the results whose support reaches their `minSupport`, with the number of
 * distinct transcripts and speakers, and categories and evidence joined by `|` (the contract
 * columns), then `lift` and `p` (emergent perspectives; empty for declared ones) and `groups`
 * (the `group` values of the supporting units, joined by `|`). Evidence longer than Excel's cell
 * limit keeps as many whole ids as fit and ends in `… (+N more …)` (`fitList`).
 */
export function renderPerspectivesCsv(results: readonly PerspectiveResult[], opts: CsvOptions): string {
  const optional = (x: number | undefined): string => (x === undefined ? '' : formatShare(x, opts.excel));
  return toCsv(
    ['perspective', 'label', 'kind', 'support', 'transcripts', 'speakers', 'categories', 'evidence', 'lift', 'p', 'groups'],
    results
      .filter((r) => r.support >= r.minSupport)
      .map((r) => [
        r.code,
        r.label,
        r.kind,
        r.support,
        new Set(r.transcripts).size,
        new Set(r.speakers).size,
        r.categories.join('|'),
        fitList(r.evidence, opts.cuts),
        optional(r.lift),
        optional(r.p),
        (r.groups ?? []).join('|'),
      ]),
    opts,
  );
}

/**
 * `comparison_by_DIM.csv`: `DIM,category,segments,units,share,rest_segments,rest_units,rest_share,g2,p,flag`
 * — each value of the dimension against all other codable units; shares, G² and p with 4 decimals;
 * by speaker the first two columns are `transcript,speaker`.
 */
export function renderComparisonCsv(c: Comparison, opts: CsvOptions, transcripts?: readonly string[]): string {
  const f = (x: number): string => formatShare(x, opts.excel);
  const dim = dimensionColumns(c.dimension, transcripts);
  return toCsv(
    [...dim.header, 'category', 'segments', 'units', 'share', 'rest_segments', 'rest_units', 'rest_share', 'g2', 'p', 'flag'],
    c.rows.map((r) => [...dim.cells(r.value), r.category, r.segments, r.units, f(r.share), r.restSegments, r.restUnits, f(r.restShare), f(r.g2), f(r.p), r.flag]),
    opts,
  );
}

/** `keyterms.csv`: `category,term,units,other_units,g2`, rows as given, G² with 4 decimals. */
export function renderKeyTermsCsv(rows: readonly KeyTermRow[], opts: CsvOptions): string {
  return toCsv(
    ['category', 'term', 'units', 'other_units', 'g2'],
    rows.map((r) => [r.category, r.term, r.units, r.otherUnits, formatShare(r.g2, opts.excel)]),
    opts,
  );
}
