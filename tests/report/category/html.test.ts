import { describe, expect, it } from 'vitest';
import { renderCategoryHtml } from '../../../src/report/category/html.js';
import { buildCategoryReport } from '../../../src/report/category/model.js';
import { miniCodebook, miniReport } from './fixture.js';

describe('renderCategoryHtml', () => {
  const html = renderCategoryHtml(buildCategoryReport(miniReport(), miniCodebook(), 'de'));

  it('is one self-contained page in the report language that may load nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/\b(?:src|srcset|action)=|https?:|url\(|@import/u);
    expect(html).toContain('<title>Kategorienbericht – Mini</title>');
  });

  it('gives the categories headings by level with stable ids, linked from the overview', () => {
    expect([...html.matchAll(/<h(\d) id="([^"]+)">([^<]*)</gu)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      '2 uebersicht Übersicht',
      '2 kategorien Kategorien',
      '3 k-bedarfe Bedarfe',
      '4 k-bedarfe--personal Personal',
      '3 k-netz Vernetzung',
      '2 perspektiven Entwicklungsperspektiven',
      '3 p-declared-kk Kommunikationskonzept',
      '3 p-emergent-bedarfe+netz netzwerk · zeit',
    ]);
    expect(html).toContain('<tr><th scope="row" style="padding-left:1.8rem"><a href="#k-bedarfe--personal">Personal</a></th><td class="num">1</td>');
  });

  it('marks the matched words with what matched, escapes the transcript text, and keeps its paragraphs', () => {
    expect(html).toContain(
      '<figure class="quote" data-unit="t1.txt#2"><blockquote>Wir brauchen mehr Personal im *<mark title="netzwerk*">Netzwerk</mark>* | sofort.</blockquote>' +
        '<figcaption>— B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: netzwerk*</figcaption></figure>',
    );
    expect(html).toContain('<blockquote># Das <mark title="Vernetzung: netzwerk*">Netzwerk</mark>\nbraucht Zeit.</blockquote>');
    expect((html.match(/<figure class="quote"/gu) ?? []).length).toBe(2 + 1 + 2 + 2 + 1);
  });

  it('has print styles: a page break after the title page, quotations kept whole', () => {
    expect(html).toContain('<hr class="page-break">');
    expect(html).toMatch(/@media print\{[^]*\.page-break\{break-after:page[^]*figure\.quote,tr\{break-inside:avoid\}/u);
  });

  it('is in English with --lang en', () => {
    const en = renderCategoryHtml(buildCategoryReport(miniReport(), miniCodebook(), 'en'));
    expect([en.includes('<html lang="en">'), en.includes('<h2 id="kategorien">Categories</h2>'), en.includes('<p class="label"><strong>Anchor examples</strong></p>')]).toEqual([true, true, true]);
  });
});
