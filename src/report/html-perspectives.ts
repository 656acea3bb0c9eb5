// The perspectives of the HTML report: each with its support, categories, lift and p (emergent),
// key terms and groups, the first units of its evidence quoted (one transcript after the other),
// and every other unit of its evidence in a compact, collapsed list.

import type { CodedUnit, PerspectiveResult } from '../types.js';
import { splitEvidence } from './evidence.js';
import { empty, esc, labelOf, markup, pIs, section, text, type HtmlContext } from './html-common.js';
import { evidenceList, missingQuote, renderQuote, REVIEWED_MARK } from './html-quotes.js';

/** The figures line: support (and its minimum and level), transcripts, speakers, lift and p. */
function stats(ctx: HtmlContext, p: PerspectiveResult): string {
  const { m } = ctx;
  const scope = m.t(p.scope === 'unit' ? 'html.scope.unit' : 'html.scope.transcript');
  const parts = [
    markup(m, 'html.perspective.support', { support: `<strong>${p.support}</strong>`, min: p.minSupport, scope: esc(scope) }),
    text(m, 'count.transcripts', { n: p.transcripts.length }),
    text(m, 'count.speakers', { n: p.speakers.length }),
  ];
  if (p.lift !== undefined) {
    const lift = `<strong>${esc(m.number(p.lift, 2))}</strong>`;
    parts.push(
      p.p === undefined
        ? markup(m, 'html.perspective.lift', { lift })
        : markup(m, 'html.perspective.lift-p', { lift, p: esc(pIs(m, p.p)) }),
    );
  }
  const title = p.lift !== undefined ? ` title="${text(m, 'html.perspective.lift.title')}"` : '';
  return `<p class="stats"${title}>${parts.join(' · ')}</p>\n`;
}

/** The perspective's groups and key terms, where it has any. */
function extras(ctx: HtmlContext, p: PerspectiveResult): string {
  const { m } = ctx;
  const lines: string[] = [];
  if (p.groups?.length) lines.push(markup(m, 'html.perspective.groups', { groups: p.groups.map(esc).join(', ') }));
  if (p.keyterms?.length) lines.push(markup(m, 'html.perspective.keyterms', { terms: p.keyterms.map((t) => `<span class="term">${esc(t)}</span>`).join(', ') }));
  return lines.map((l) => `<p class="stats">${l}</p>\n`).join('');
}

/** The evidence: the first units quoted, the next as compact lines, the rest by speaker and line. */
function evidence(ctx: HtmlContext, p: PerspectiveResult, units: ReadonlyMap<string, CodedUnit>): string {
  const { m } = ctx;
  if (!p.evidence.length) return empty(m.t('html.evidence.none'));
  const cats = new Set(p.categories);
  const split = splitEvidence(p.evidence, ctx.maxQuotes, ctx.maxSnippets);
  const { quoted, listed } = split;
  const quotes = quoted.map((id) => {
    const unit = units.get(id);
    return unit ? renderQuote(ctx, unit, cats) : missingQuote(ctx, id);
  });
  const note = listed.length > 0 && quoted.length > 0 ? `<p class="more">${text(m, 'html.evidence.quoted', { shown: quoted.length, n: p.evidence.length })}</p>\n` : '';
  return `${note}${quotes.join('\n')}${quotes.length ? '\n' : ''}${evidenceList(ctx, split, units)}`;
}

/** One perspective: label, kind, figures, categories and its evidence. */
function renderPerspective(ctx: HtmlContext, p: PerspectiveResult, units: ReadonlyMap<string, CodedUnit>): string {
  const { m } = ctx;
  const low = p.support < p.minSupport ? ` <span class="badge warn">${text(m, 'html.perspective.below-min')}</span>` : '';
  const chips = p.categories.map((c) => `<li title="${esc(c)}">${esc(labelOf(ctx, c))}</li>`).join('');
  return (
    `<article class="perspective ${p.kind}" id="perspektive-${esc(p.code)}">\n` +
    `<h3>${esc(p.label)} <span class="badge">${text(m, p.kind === 'declared' ? 'html.kind.declared' : 'html.kind.emergent')}</span>${low}</h3>\n` +
    (p.description ? `<p class="description">${esc(p.description)}</p>\n` : '') +
    stats(ctx, p) +
    extras(ctx, p) +
    `<ul class="chips" aria-label="${text(m, 'html.categories')}">${chips}</ul>\n` +
    `<h4>${text(m, 'html.evidence', { n: p.evidence.length })}</h4>\n${evidence(ctx, p, units)}</article>\n`
  );
}

/** All perspectives with their evidence. */
export function renderPerspectives(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const title = m.t('html.perspectives');
  if (!report.perspectives.length) return section('perspektiven', title, empty(m.t('html.perspectives.none')));
  const units = new Map(report.units.map((u) => [`${u.transcript}#${u.segment}`, u]));
  const files = report.options.review ?? [];
  const legend =
    files.length > 0
      ? `<p class="legend review-legend"><span class="reviewed">${REVIEWED_MARK}</span> ` +
        `${markup(m, 'html.reviewed.legend', { files: files.map((f) => `<code>${esc(f.path)}</code>`).join(', ') })}</p>\n`
      : '';
  return section('perspektiven', title, legend + report.perspectives.map((p) => renderPerspective(ctx, p, units)).join(''));
}
