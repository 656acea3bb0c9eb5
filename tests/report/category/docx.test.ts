import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { buildCategoryReport } from '../../../src/report/category/model.js';
import { DOCX_DATE, fixDocx, renderCategoryDocx } from '../../../src/report/category/docx.js';
import { docxHtml, docxOutline } from './read-docx.js';
import { miniCodebook, miniReport } from './fixture.js';

/** The names and DOS modification times (hex `time/date`) of a zip's entries, from its local headers. */
function zipEntries(bytes: Uint8Array): { name: string; stamp: string }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { name: string; stamp: string }[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    out.push({ name: new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)), stamp: `${time.toString(16)}/${date.toString(16)}` });
    at += 30 + nameLength + extra + size;
  }
  return out;
}

describe('renderCategoryDocx', () => {
  const model = buildCategoryReport(miniReport(), miniCodebook(), 'de');

  it('gives headings by level and, under each category, one quotation per coded segment with the matched words bold', async () => {
    const outline = await docxOutline(await renderCategoryDocx(model));
    expect(outline.map((h) => [h.level, h.text, h.quotes])).toEqual([
      [1, 'Kategorienbericht', 0],
      [2, 'Übersicht', 0],
      [2, 'Kategorien', 0],
      [3, 'Bedarfe', 2],
      [4, 'Personal', 1],
      [3, 'Vernetzung', 2],
      [2, 'Entwicklungsperspektiven', 0],
      [3, 'Kommunikationskonzept', 2],
      [3, 'netzwerk · zeit', 1],
    ]);
    expect(outline.map((h) => h.bold)[3]).toEqual(['brauchen', 'mehr', 'Personal']);
    expect(outline.map((h) => h.bold)[5]).toEqual(['Netzwerk', 'Netzwerk']);
  });

  it('reads back with every word of the report and no style mammoth does not know', async () => {
    const { html, messages } = await docxHtml(await renderCategoryDocx(model));
    expect(messages).toEqual([]);
    expect(html).toContain('<blockquote><p># Das <strong>Netzwerk</strong><br />braucht Zeit.</p></blockquote><p class="source">— (ohne Sprecher:in) · t2.md · Zeile 10 · Segment 5 · Treffer: netzwerk*</p>');
    expect(html).toContain('<tr><td><p>Praxis</p></td><td><p>1</p></td><td><p>50,0\u202f%</p></td><td><p>1</p></td><td><p>1</p></td></tr>');
    expect(html).toContain('<p><strong>Definition: </strong>Fehlende Angebote oder Ressourcen.</p>');
    expect(html).toContain('<li>Regel: all: mehr, personal* (nicht mit: kein*)</li>');
  });

  it('is the same bytes every time: fixed dates in core.xml and in every zip entry', async () => {
    const a = await renderCategoryDocx(model);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderCategoryDocx(model);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = new TextDecoder().decode(unzipSync(a)['docProps/core.xml']);
    expect([...core.matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</gu)].map((m) => [m[1], m[2]])).toEqual([
      ['created', DOCX_DATE],
      ['modified', DOCX_DATE],
    ]);
    expect(core).toContain('<dc:creator>fokus 9.9.9</dc:creator>');
    const entries = zipEntries(a);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    expect(entries.filter((e) => e.name.endsWith('/'))).toEqual([]);
    // 12:00:00 on 1980-01-01 in DOS time and date.
    expect([...new Set(entries.map((e) => e.stamp))]).toEqual(['6000/21']);
  });

  it('makes an archive independent of the clock it was zipped at (fixDocx)', () => {
    const core = (date: string): Uint8Array => new TextEncoder().encode(`<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`);
    const zip = (date: string, mtime: Date): Uint8Array => zipSync({ 'word/': new Uint8Array(0), 'word/document.xml': new TextEncoder().encode('<w:document/>'), 'docProps/core.xml': core(date), '[Content_Types].xml': new Uint8Array([60]) }, { mtime });
    const a = fixDocx(zip('2024-05-01T10:00:00.000Z', new Date(2024, 4, 1)));
    const b = fixDocx(zip('2031-12-24T18:30:00.000Z', new Date(2031, 11, 24, 18, 30)));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(zipEntries(a).map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']);
    expect(new TextDecoder().decode(unzipSync(a)['docProps/core.xml'])).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${DOCX_DATE}</dcterms:modified>`);
  });

  it('writes an English report with English headings and language', async () => {
    const bytes = await renderCategoryDocx(buildCategoryReport(miniReport(), miniCodebook(), 'en'));
    expect((await docxOutline(bytes)).filter((h) => h.level <= 2).map((h) => h.text)).toEqual(['Category report', 'Overview', 'Categories', 'Development perspectives']);
    expect(new TextDecoder().decode(unzipSync(bytes)['word/styles.xml'])).toContain('w:lang w:val="en-GB"');
  });
});
