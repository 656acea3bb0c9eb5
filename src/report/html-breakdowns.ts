// The breakdowns of the HTML report: per `--by` dimension, categories × values with segments and
// share, the size (n) of each value, and the comparison of each value with the rest (more or less
// often, Fisher's p), as flags in the cells and as a list of the significant differences.

import type { Breakdown, BreakdownRow, ComparisonRow } from '../types.js';
import { splitSpeakerId } from './csv.js';
import { dimensionName, esc, indent, labelOf, markup, pIs, pValue, scrolling, section, text, th, type HtmlContext } from './html-common.js';

/** Tables of more values than this print only counts and arrows. */
const DENSE = 8;

/** The arrows of a flag: more or less often than the rest. */
const ARROW = { more: '▲', less: '▼' } as const;

/** The categories a breakdown table lists: every coded category in report order, then any other it has rows for. */
function categoriesOf(ctx: HtmlContext, rows: readonly { category: string }[]): string[] {
  const coded = ctx.report.frequencies.filter((f) => f.segments > 0).map((f) => f.category);
  const order = [...ctx.report.frequencies.map((f) => f.category), ...rows.map((r) => r.category)];
  const wanted = new Set([...coded, ...rows.map((r) => r.category)]);
  return [...new Set(order)].filter((c) => wanted.has(c));
}

/** A value as a column head: a speaker with the transcript below it (not `file:label`). */
function valueHead(ctx: HtmlContext, dimension: string, value: string): string {
  if (dimension !== 'speaker') return esc(value || '–');
  const [transcript, speaker] = splitSpeakerId(value, ctx.report.inputs.map((i) => i.id));
  return `${esc(speaker || '–')}<br><small>${esc(transcript)}</small>`;
}

/** A value's shown name in running text: a speaker as `speaker (transcript)`. */
function valueName(ctx: HtmlContext, dimension: string, value: string): string {
  if (dimension !== 'speaker') return value || '–';
  const [transcript, speaker] = splitSpeakerId(value, ctx.report.inputs.map((i) => i.id));
  return `${speaker || '–'} (${transcript})`;
}

/** The flag of a comparison, with the shares and p as tooltip; nothing when it is not significant. */
function flagOf(ctx: HtmlContext, c: ComparisonRow | undefined): string {
  if (!c || c.flag === '') return '';
  const { m } = ctx;
  const tip = text(m, c.flag === 'more' ? 'html.flag.more.title' : 'html.flag.less.title', { share: m.percent(c.share), rest: m.percent(c.restShare), p: pIs(m, c.p) });
  return ` <span class="flag ${c.flag}" title="${tip}">${ARROW[c.flag]}<span class="p">\u202f${esc(pValue(m, c.p))}</span></span>`;
}

/** One cell: segments and share (a bare 0 when there are none), and the flag of the comparison. */
function cell(ctx: HtmlContext, r: BreakdownRow | undefined, c: ComparisonRow | undefined): string {
  const flag = flagOf(ctx, c);
  if (!r || r.segments === 0) return `<td class="num zero${c?.flag ? ` ${c.flag}` : ''}">0${flag}</td>`;
  const share = esc(ctx.m.percent(r.share));
  return `<td class="num${c?.flag ? ` ${c.flag}` : ''}" title="${esc(`${r.segments} · ${ctx.m.percent(r.share)}`)}">${r.segments} <small>${share}</small>${flag}</td>`;
}

/** One dimension's table: categories as rows, values as columns with their n. */
function breakdownTable(ctx: HtmlContext, b: Breakdown, comparisons: readonly ComparisonRow[]): string {
  const { m } = ctx;
  const values = [...new Set([...b.rows.map((r) => r.value), ...comparisons.map((c) => c.value)])];
  const cats = categoriesOf(ctx, b.rows);
  const key = (category: string, value: string): string => `${category}\u0000${value}`;
  const rows = new Map(b.rows.map((r) => [key(r.category, r.value), r]));
  const compared = new Map(comparisons.map((c) => [key(c.category, c.value), c]));
  const sizes = new Map(comparisons.map((c) => [c.value, c.units]));
  const head = values
    .map((v) => {
      const n = sizes.get(v);
      const size = n === undefined ? '' : `<br><span class="n" title="${text(m, 'html.breakdown.n.title', { n })}">n\u202f=\u202f${n}</span>`;
      return `<th scope="col" class="num">${valueHead(ctx, b.dimension, v)}${size}</th>`;
    })
    .join('');
  const body = cats
    .map((c) => {
      const tds = values.map((v) => cell(ctx, rows.get(key(c, v)), compared.get(key(c, v))));
      return `<tr><th scope="row" style="${indent(c.split('/').length)}">${esc(labelOf(ctx, c))}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  const caption = text(m, 'html.breakdown.caption', { dimension: dimensionName(m, b.dimension) });
  // A table of many columns prints its counts and arrows only (the shares and p are in the list of differences).
  return scrolling(
    `<table class="breakdown${values.length > DENSE ? ' dense' : ''}" data-dimension="${esc(b.dimension)}"><caption>${caption}</caption>\n` +
      `<thead><tr>${th(m.t('html.head.category'))}${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`,
    true,
  );
}

/** The significant differences of one dimension as a table in a collapsed list (open in print). */
function differences(ctx: HtmlContext, dimension: string, comparisons: readonly ComparisonRow[]): string {
  const { m } = ctx;
  const flagged = comparisons.filter((c) => c.flag !== '');
  const name = dimensionName(m, dimension);
  if (!flagged.length) return `<p class="legend">${text(m, 'html.flags.none', { dimension: name })}</p>\n`;
  const rows = flagged.map(
    (c) =>
      `<tr><td>${esc(valueName(ctx, dimension, c.value))}</td><td>${esc(labelOf(ctx, c.category))}</td>` +
      `<td class="flag ${c.flag}">${ARROW[c.flag as 'more' | 'less']} ${text(m, c.flag === 'more' ? 'html.flag.more' : 'html.flag.less')}</td>` +
      `<td class="num">${c.segments}/${c.units}</td><td class="num">${esc(m.percent(c.share))}</td><td class="num">${esc(m.percent(c.restShare))}</td>` +
      `<td class="num">${esc(pValue(m, c.p))}</td></tr>`,
  );
  const head = [th(name.charAt(0).toUpperCase() + name.slice(1)), th(m.t('html.head.category')), th(m.t('html.head.direction')), th(m.t('html.head.segments-of'), true), th(m.t('html.head.share'), true), th(m.t('html.head.rest'), true), th(m.t('html.head.p'), true)].join('');
  return (
    `<details class="differences"><summary>${text(m, 'html.flags.list', { dimension: name, n: flagged.length })}</summary>\n` +
    scrolling(`<table class="differences">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`) +
    `</details>\n`
  );
}

/** One table per breakdown dimension with the group sizes and the comparison flags; nothing without `--by`. */
export function renderBreakdowns(ctx: HtmlContext): string {
  const { m, report } = ctx;
  if (!report.breakdowns.length) return '';
  const hasComparisons = (report.comparisons ?? []).length > 0;
  const legend = hasComparisons ? `<p class="legend">${markup(m, 'html.flags.legend', { more: ARROW.more, less: ARROW.less })}</p>\n` : '';
  const parts = report.breakdowns.map((b) => {
    const comparisons = report.comparisons?.find((c) => c.dimension === b.dimension)?.rows ?? [];
    return breakdownTable(ctx, b, comparisons) + (hasComparisons ? differences(ctx, b.dimension, comparisons) : '');
  });
  return section('aufschluesselung', m.t('html.breakdowns'), legend + parts.join(''));
}
