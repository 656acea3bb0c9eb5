// The frequencies of the HTML report: one row per category with an SVG bar.

import { coord, empty, esc, indent, scrolling, section, text, th, type HtmlContext } from './html-common.js';

/** Frequencies as a table with one SVG bar per category, parents before children, indented by level. */
export function renderFrequencies(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const rows = report.frequencies;
  const title = m.t('html.frequencies');
  if (!rows.length) return section('haeufigkeiten', title, empty(m.t('html.frequencies.none')));
  const max = Math.max(...rows.map((r) => r.share));
  const body = rows
    .map((r) => {
      const width = max > 0 ? (r.share / max) * 100 : 0;
      const tip = text(m, 'html.bar', { label: r.label, n: r.segments, share: m.percent(r.share) });
      return (
        `<tr class="level-${Math.min(r.level, 4)}" data-category="${esc(r.category)}">` +
        `<th scope="row" style="${indent(r.level)}">${esc(r.label)}<code>${esc(r.category)}</code></th>` +
        `<td class="chart"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${tip}">` +
        `<title>${tip}</title><rect class="track" width="100" height="10"/><rect class="fill" width="${coord(width)}" height="10"/></svg></td>` +
        `<td class="num">${r.segments}</td><td class="num">${esc(m.percent(r.share))}</td><td class="num">${r.matches}</td>` +
        `<td class="num">${r.transcripts}</td><td class="num">${r.speakers}</td></tr>`
      );
    })
    .join('\n');
  const head = [
    th(m.t('html.head.category')),
    `<th scope="col" class="chart">${text(m, 'html.head.chart')}</th>`,
    ...(['html.head.segments', 'html.head.share', 'html.head.matches', 'html.head.transcripts', 'html.head.speakers'] as const).map((k) => th(m.t(k), true)),
  ].join('');
  return section(
    'haeufigkeiten',
    title,
    scrolling(
      `<table class="freq"><caption>${text(m, 'html.frequencies.caption', { n: report.totals.codableUnits })}</caption>\n` +
        `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`,
    ),
  );
}
