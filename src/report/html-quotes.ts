// The evidence of a perspective in the HTML report: quotes (the unit's text with the matched words
// marked, and who said it where and when) and the compact lines of the evidence not quoted.

import type { CodedUnit } from '../types.js';
import { snippet, transcriptOf, type EvidenceSplit } from './evidence.js';
import { esc, labelOf, markup, text, type HtmlContext } from './html-common.js';
import { formatTime } from './format.js';

/** A highlighted span of a unit's text: offsets in UTF-16 units, with the hits that made it. */
export interface HighlightSpan {
  start: number;
  end: number;
  hits: string[];
}

/** The marker of a coding a reviewer made (the legend and the marker's title say what it means). */
export const REVIEWED_MARK = '✎';

/** The unit's text as HTML with the given spans wrapped in `<mark>`; overlapping spans are merged. */
export function highlight(source: string, spans: readonly HighlightSpan[]): string {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, source.length)), end: Math.min(s.end, source.length), hits: s.hits }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightSpan[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.hits.push(...s.hits);
    } else merged.push({ ...s, hits: [...s.hits] });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += esc(source.slice(at, s.start));
    out += `<mark title="${esc([...new Set(s.hits)].join('; '))}">${esc(source.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return out + esc(source.slice(at));
}

/** A unit's time span (`00:00:12–00:00:30`, or its start alone), '' when it has no time. */
function timeOf(unit: CodedUnit): string {
  const time = formatTime(unit.start);
  return time && unit.end !== undefined ? `${time}–${formatTime(unit.end)}` : time;
}

/** One quote: the unit's text with the matches of the given categories marked, and where it was said. */
export function renderQuote(ctx: HtmlContext, unit: CodedUnit, categories: ReadonlySet<string>): string {
  const { m } = ctx;
  const codings = unit.codings.filter((c) => categories.has(c.category));
  const spans = (codings.length ? codings : unit.codings).flatMap((c) => c.matches.map((x) => ({ start: x.start, end: x.end, hits: [`${labelOf(ctx, c.category)}: ${x.by}`] })));
  const span = timeOf(unit);
  // Codings a reviewer made (`analyze --review`) are marked, since no term or rule shows for them.
  const reviewed = codings.filter((c) => c.source === 'review' && !codings.some((k) => k.source === 'review' && k.category.startsWith(c.category + '/')));
  const title = m.t('html.reviewed.title');
  const where = [
    ...reviewed.map((c) => `<span class="reviewed" title="${esc(`${labelOf(ctx, c.category)}: ${title}`)}">${REVIEWED_MARK} ${esc(labelOf(ctx, c.category))}</span>`),
    `<span class="speaker">${unit.speaker ? esc(unit.speaker) : text(m, 'html.quote.no-speaker')}</span>`,
    `<span class="transcript">${esc(unit.transcript)}</span>`,
    ...(span ? [`<span class="time">${esc(span)}</span>`] : []),
    `<span class="line">${text(m, 'html.quote.line', { line: unit.line })}</span>`,
    `<span class="segment">${text(m, 'html.quote.segment', { segment: unit.segment })}</span>`,
  ];
  return (
    `<figure class="quote" data-unit="${esc(`${unit.transcript}#${unit.segment}`)}"><blockquote>${highlight(unit.text, spans)}</blockquote>` +
    `<figcaption>${where.join(' · ')}</figcaption></figure>`
  );
}

/** A unit whose text the report does not hold (a report made without its units). */
export function missingQuote(ctx: HtmlContext, id: string): string {
  return `<p class="missing">${text(ctx.m, 'html.evidence.missing', { id })}</p>`;
}

/** One compact line of evidence: speaker, line and time, and the beginning of the text. */
function evidenceLine(ctx: HtmlContext, id: string, unit: CodedUnit | undefined): string {
  const { m } = ctx;
  if (!unit) return `<li data-unit="${esc(id)}" class="missing">${text(m, 'html.evidence.missing', { id })}</li>`;
  const span = timeOf(unit);
  const where = [speakerOf(ctx, unit), text(m, 'html.quote.line', { line: unit.line }), ...(span ? [esc(span)] : [])].join(' · ');
  return `<li data-unit="${esc(id)}">${where} <q>${esc(snippet(unit.text))}</q></li>`;
}

/** A unit's speaker in bold, or the words for none. */
function speakerOf(ctx: HtmlContext, unit: CodedUnit): string {
  return `<b>${unit.speaker ? esc(unit.speaker) : text(ctx.m, 'html.quote.no-speaker')}</b>`;
}

/**
 * The units named by speaker and lines only, speakers in the order they first speak: `B1: 5, 12 · B2: 7`.
 * A few bytes a unit, for perspectives of thousands; a unit the report lacks by its segment (`#9`).
 */
function evidenceRefs(ctx: HtmlContext, ids: readonly string[], units: ReadonlyMap<string, CodedUnit>): string {
  const bySpeaker = new Map<string, string[]>();
  for (const id of ids) {
    const unit = units.get(id);
    const key = unit ? `<b>${unit.speaker ? esc(unit.speaker) : text(ctx.m, 'html.quote.no-speaker')}</b>` : '';
    let lines = bySpeaker.get(key);
    if (!lines) bySpeaker.set(key, (lines = []));
    lines.push(unit ? String(unit.line) : `<span class="missing">${esc(id.slice(id.lastIndexOf('#')))}</span>`);
  }
  return [...bySpeaker].map(([speaker, lines]) => `${speaker ? `${speaker}: ` : ''}${lines.join(', ')}`).join(' · ');
}

/** The evidence not quoted, by transcript: the first units as compact lines, the others by speaker and line; collapsed (open in print). */
export function evidenceList(ctx: HtmlContext, split: EvidenceSplit, units: ReadonlyMap<string, CodedUnit>): string {
  const { m } = ctx;
  if (!split.listed.length) return '';
  const byTranscript = new Map<string, { lines: string[]; refs: string[] }>();
  for (const id of split.listed) {
    const t = transcriptOf(id);
    let group = byTranscript.get(t);
    if (!group) byTranscript.set(t, (group = { lines: [], refs: [] }));
    if (split.snippets.has(id)) group.lines.push(evidenceLine(ctx, id, units.get(id)));
    else group.refs.push(id);
  }
  const groups = [...byTranscript].map(([t, { lines, refs }]) => {
    const head = markup(m, 'html.evidence.in', { transcript: `<span class="transcript">${esc(t)}</span>`, n: lines.length + refs.length });
    if (!lines.length) return `<p class="refs">${head}: ${evidenceRefs(ctx, refs, units)}</p>\n`;
    const more = refs.length ? `<p class="refs">${text(m, 'html.evidence.refs', { n: refs.length })}: ${evidenceRefs(ctx, refs, units)}</p>\n` : '';
    return `<p class="in">${head}</p>\n<ol class="evidence">\n${lines.join('\n')}\n</ol>\n${more}`;
  });
  const refs = split.listed.length - split.snippets.size;
  const words = split.snippets.size > 0 ? text(m, 'html.evidence.legend', { n: split.snippets.size }) : text(m, 'html.evidence.legend.refs');
  const legend = refs > 0 ? `<p class="legend">${words}</p>\n` : '';
  return `<details class="evidence"><summary>${text(m, 'html.evidence.more', { n: split.listed.length })}</summary>\n${legend}${groups.join('')}</details>\n`;
}
