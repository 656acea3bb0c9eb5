// The co-occurrence heat map of the HTML report: every coded category × every coded category,
// shaded by Jaccard, the count of units in each cell; it scrolls inside the page however many categories.

import { coord, empty, esc, labelOf, scrolling, section, text, th, type HtmlContext } from './html-common.js';

/** A channel value between `a` (at t = 0) and `b` (at t = 1), rounded. */
function mix(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}

/** A background colour from pale to dark blue for an intensity in 0…1, with a readable text colour. */
function shade(t: number): string {
  const rgb = [mix(241, 23, t), mix(246, 63, t), mix(251, 114, t)];
  // Pick the text colour with the higher WCAG contrast against the cell (ink #1a1a1a has luminance ≈ 0.01).
  const lin = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  const lum = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  const ink = 1.05 / (lum + 0.05) > (lum + 0.05) / 0.06 ? '#fff' : '#1a1a1a';
  return `background-color:rgb(${rgb.join(',')});color:${ink}`;
}

/** The categories of the map: every category coded at least once (report order), then any other a pair names. */
function categoriesOf(ctx: HtmlContext): string[] {
  const { report } = ctx;
  const used = new Set([...report.frequencies.filter((f) => f.segments > 0).map((f) => f.category), ...report.cooccurrence.flatMap((r) => [r.a, r.b])]);
  const order = [...report.frequencies.map((f) => f.category), ...[...used].sort()];
  return [...new Set(order.filter((c) => used.has(c)))];
}

/** Co-occurrence as a heat map: categories × categories, shaded by Jaccard, with the count in each cell. */
export function renderCooccurrence(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const rows = report.cooccurrence;
  const title = m.t('html.cooccurrence');
  if (!rows.length) return section('kookkurrenzen', title, empty(m.t('html.cooccurrence.none')));
  const cats = categoriesOf(ctx);
  const pair = new Map(rows.flatMap((r) => [[`${r.a}\u0000${r.b}`, r], [`${r.b}\u0000${r.a}`, r]] as const));
  const max = Math.max(...rows.map((r) => r.jaccard));
  const head = cats.map((c, i) => `<th scope="col" title="${esc(labelOf(ctx, c))}">${i + 1}</th>`).join('');
  const body = cats
    .map((a, i) => {
      const tds = cats.map((b) => {
        if (a === b) return '<td class="diag" aria-label="–"></td>';
        const r = pair.get(`${a}\u0000${b}`);
        if (!r) return '<td class="none"></td>';
        const tip = text(m, 'html.cooccurrence.cell', { a: labelOf(ctx, a), b: labelOf(ctx, b), n: r.segments, jaccard: m.number(r.jaccard, 2) });
        return `<td class="cell" style="${shade(max > 0 ? r.jaccard / max : 0)}" title="${tip}" data-jaccard="${coord(r.jaccard)}">${r.segments}</td>`;
      });
      return `<tr><th scope="row"><span class="idx">${i + 1}</span> ${esc(labelOf(ctx, a))}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  const legend =
    `<p class="legend"><span>${text(m, 'html.cooccurrence.low')}</span><span class="ramp" style="background:linear-gradient(to right,rgb(241,246,251),rgb(23,63,114))"></span>` +
    `<span>${esc(m.number(max, 2))}</span></p>\n`;
  return section(
    'kookkurrenzen',
    title,
    scrolling(
      `<table class="heat"><caption>${text(m, 'html.cooccurrence.caption')}</caption>\n` + `<thead><tr>${th(m.t('html.head.category'))}${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`,
      true,
    ) + legend,
  );
}
