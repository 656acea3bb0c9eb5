// The top of the HTML report: the header (codebook, options, input files), the one-screen summary
// (totals, the most frequent categories, the perspectives at a glance) and the table of contents.

import type { PerspectiveResult } from '../types.js';
import { dimensionName, esc, hasKeyterms, markup, pIs, scrolling, text, th, type HtmlContext } from './html-common.js';

/** How many categories and perspectives the summary names. */
const TOP_CATEGORIES = 5;
const GLANCE_PERSPECTIVES = 8;

/** A file the report names, with the sha256 of its bytes as a tooltip. */
function fileCode(file: { path: string; sha256: string }): string {
  return `<code title="sha256 ${esc(file.sha256)}">${esc(file.path)}</code>`;
}

/** The options line: unit, moderators, dimensions, participants and review files, the `--where` filter. */
function optionsLine(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const o = report.options;
  const unit = o.unit === 'turn' ? m.t('html.unit.turn') : o.unit === 'sentence' ? m.t('html.unit.sentence') : o.unit;
  const opts = [
    markup(m, 'html.meta.unit', { unit: esc(unit) }),
    markup(m, 'html.meta.moderators', { names: o.moderators.length ? o.moderators.map(esc).join(', ') : '–' }),
    markup(m, 'html.meta.by', { dimensions: o.by.length ? o.by.map((d) => esc(dimensionName(m, d))).join(', ') : '–' }),
    ...(o.participants ? [markup(m, 'html.meta.participants', { file: fileCode(o.participants) })] : []),
    ...(o.review?.length ? [markup(m, 'html.meta.review', { files: o.review.map(fileCode).join(', ') })] : []),
    ...(o.where?.length ? [markup(m, 'html.meta.where', { filter: o.where.map((w) => `<code>${esc(w)}</code>`).join(', ') })] : []),
  ];
  const cb = report.codebook;
  const codebook = markup(m, 'html.meta.codebook', { file: `<code>${esc(cb.file)}</code>`, sha256: `<code title="${esc(cb.sha256)}">${esc(cb.sha256.slice(0, 12))}</code>` });
  return `<p class="meta">${[codebook, ...opts].join(' · ')}</p>\n`;
}

/** The input files with format, character encoding and sha256 prefix, in a collapsed list (open in print). */
function inputsList(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const rows = report.inputs
    .map(
      (i) =>
        `<tr><td>${esc(i.id)}</td><td>${esc(i.format)}</td><td>${esc(i.encoding)}</td>` +
        `<td><code title="sha256 ${esc(i.sha256)}">${esc(i.sha256.slice(0, 12))}</code></td></tr>`,
    )
    .join('\n');
  const head = [th(m.t('html.inputs.file')), th(m.t('html.inputs.format')), th(m.t('html.inputs.encoding')), th(m.t('html.inputs.sha256'))].join('');
  return (
    `<details class="inputs"><summary>${text(m, 'html.inputs', { n: report.inputs.length })}</summary>\n` +
    scrolling(`<table class="inputs">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`) +
    `</details>\n`
  );
}

/** Header: what was analysed with which codebook and options, and from which files. */
export function renderHeader(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const cb = report.codebook;
  const version = cb.version ? ` <span class="version">${text(m, 'html.version', { version: cb.version })}</span>` : '';
  return (
    `<header>\n<p class="kicker">${text(m, 'html.kicker')}</p>\n` +
    `<h1>${esc(cb.name)}${version}</h1>\n${optionsLine(ctx)}${inputsList(ctx)}</header>\n`
  );
}

/** The totals as figures. */
function totals(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const t = report.totals;
  const facts: [string, number][] = [
    [m.t('html.totals.transcripts'), t.transcripts],
    [m.t('html.totals.units'), t.units],
    [m.t('html.totals.codable'), t.codableUnits],
    [m.t('html.totals.speakers'), t.speakers],
    [m.t('html.totals.categories'), report.frequencies.length],
    [m.t('html.totals.perspectives'), report.perspectives.length],
    [m.t('html.totals.skipped'), t.skipped],
  ];
  return `<dl class="totals">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>\n`;
}

/** The most frequent categories (report order among equals), with their share. */
function topCategories(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const top = report.frequencies
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.segments > 0)
    .sort((a, b) => b.f.segments - a.f.segments || a.i - b.i)
    .slice(0, TOP_CATEGORIES);
  const items = top.map(({ f }) => `<li><span class="label" title="${esc(f.category)}">${esc(f.label)}</span> <span class="num">${f.segments} · ${esc(m.percent(f.share))}</span></li>`);
  const list = items.length ? `<ol class="top">${items.join('')}</ol>\n` : `<p class="empty">${text(m, 'html.frequencies.none')}</p>\n`;
  return `<div class="glance"><h3>${text(m, 'html.summary.top')}</h3>\n${list}</div>\n`;
}

/** Lift and p of an emergent perspective, a dash for a declared one. */
export function liftOf(ctx: HtmlContext, p: PerspectiveResult): string {
  if (p.lift === undefined) return '–';
  return p.p === undefined ? ctx.m.number(p.lift, 2) : `${ctx.m.number(p.lift, 2)} (${pIs(ctx.m, p.p)})`;
}

/** The perspectives at a glance: declared first, as the report lists them, each linked to its section. */
function glancePerspectives(ctx: HtmlContext): string {
  const { m, report } = ctx;
  if (!report.perspectives.length) return `<div class="glance"><h3>${text(m, 'html.summary.perspectives')}</h3>\n<p class="empty">${text(m, 'html.perspectives.none')}</p>\n</div>\n`;
  const rows = report.perspectives.slice(0, GLANCE_PERSPECTIVES).map(
    (p) =>
      `<tr><th scope="row"><a href="#perspektive-${esc(p.code)}">${esc(p.label)}</a></th><td>${text(m, p.kind === 'declared' ? 'html.kind.declared' : 'html.kind.emergent')}</td>` +
      `<td class="num">${p.support}</td><td class="num">${p.transcripts.length}</td><td class="num">${esc(liftOf(ctx, p))}</td></tr>`,
  );
  const rest = report.perspectives.length - rows.length;
  const more = rest > 0 ? `<p class="more"><a href="#perspektiven">${text(m, 'html.summary.more', { n: rest })}</a></p>\n` : '';
  const head = [th(m.t('html.head.perspective')), th(m.t('html.head.kind')), th(m.t('html.head.support'), true), th(m.t('html.head.transcripts'), true), th(m.t('html.head.lift'), true)].join('');
  return (
    `<div class="glance"><h3>${text(m, 'html.summary.perspectives')}</h3>\n` +
    scrolling(`<table class="glance-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`) +
    `${more}</div>\n`
  );
}

/** The one-screen summary: totals, the most frequent categories, the perspectives at a glance. */
export function renderSummary(ctx: HtmlContext): string {
  const { m } = ctx;
  return (
    `<section id="ueberblick" class="summary" aria-labelledby="ueberblick-h">\n<h2 id="ueberblick-h">${text(m, 'html.summary')}</h2>\n` +
    `${totals(ctx)}<div class="glances">\n${topCategories(ctx)}${glancePerspectives(ctx)}</div>\n</section>\n`
  );
}

/** Table of contents for the sections present. */
export function renderNav(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const items: [string, string][] = [['haeufigkeiten', m.t('html.frequencies')]];
  if (report.breakdowns.length) items.push(['aufschluesselung', m.t('html.breakdowns')]);
  items.push(['kookkurrenzen', m.t('html.cooccurrence')]);
  if (hasKeyterms(report)) items.push(['schluesselbegriffe', m.t('html.keyterms')]);
  items.push(['perspektiven', m.t('html.perspectives')]);
  if (report.problems.length) items.push(['probleme', m.t('html.nav.problems')]);
  return `<nav aria-label="${text(m, 'html.nav')}"><ol>${items.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>\n`;
}
