// The key terms of the HTML report: per category, the words that set its units apart.

import { empty, esc, hasKeyterms, indent, scrolling, section, text, th, type HtmlContext } from './html-common.js';

/** Key terms per category: the words that set its units apart, strongest first, with their counts as tooltips. */
export function renderKeyterms(ctx: HtmlContext): string {
  const { m, report } = ctx;
  if (!hasKeyterms(report)) return '';
  const title = m.t('html.keyterms');
  const byCategory = new Map<string, string[]>();
  for (const k of report.keyterms ?? []) {
    const tip = text(m, 'html.keyterms.term', { n: k.units, other: k.otherUnits, g2: m.number(k.g2, 1) });
    let list = byCategory.get(k.category);
    if (!list) byCategory.set(k.category, (list = []));
    list.push(`<span class="term" title="${tip}">${esc(k.term)}</span>`);
  }
  if (!byCategory.size) return section('schluesselbegriffe', title, empty(m.t('html.keyterms.none')));
  const order = [...report.frequencies.map((f) => f.category), ...byCategory.keys()];
  const rows = [...new Set(order)]
    .filter((c) => byCategory.has(c))
    .map((c) => {
      const level = c.split('/').length;
      return `<tr><th scope="row" style="${indent(level)}">${esc(ctx.labels.get(c) ?? c)}</th><td>${byCategory.get(c)!.join(', ')}</td></tr>`;
    });
  return section(
    'schluesselbegriffe',
    title,
    scrolling(
      `<table class="keyterms"><caption>${text(m, 'html.keyterms.caption')}</caption>\n` +
        `<thead><tr>${th(m.t('html.head.category'))}${th(m.t('html.head.terms'))}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`,
    ),
  );
}
