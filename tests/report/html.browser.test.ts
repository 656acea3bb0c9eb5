import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze } from '../../src/analyze.js';
import { renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/types.js';
import { htmlReport } from '../fixtures/render/html-report.js';
import { CHROMIUM_ARGS, chromiumExecutable, openRecorded as openRecordedAt } from './chromium.js';
import { readPdf } from './pdf.js';

// Runs inside the page (evaluate callbacks); declared here because the project compiles without the DOM lib.
declare const getComputedStyle: (e: unknown) => { paddingLeft: string; backgroundColor: string; color: string; overflowX: string };
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): Iterable<DomElement>;
};
interface DomElement {
  className: string;
  scrollWidth: number;
  clientWidth: number;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { left: number; right: number; width: number };
  querySelectorAll(selector: string): Iterable<DomElement>;
  textContent: string | null;
  id: string;
}

const root = resolve(import.meta.dirname, '../..');

// Debian's Chromium when installed, else the one inside the @sparticuz/chromium npm package (./chromium.ts):
// the test always runs, it is never skipped.

/** A recorded page (tests/report/chromium.ts) 1300 px wide, as the screenshots are. */
const openRecorded = (browser: Browser, allow: string) => openRecordedAt(browser, allow, { width: 1300, height: 900 });

/** The section headings of the fixture's report. */
const HEADINGS = ['Überblick', 'Häufigkeiten', 'Aufschlüsselung', 'Gemeinsames Auftreten', 'Schlüsselbegriffe', 'Perspektiven', 'Hinweise und Probleme'];

describe('report.html in Chromium', () => {
  let dir = '';
  let url = '';
  let browser: Browser;
  let rec: Awaited<ReturnType<typeof openRecorded>>;

  beforeAll(async () => {
    const chromiumPath = await chromiumExecutable();
    console.log(`chromium: ${chromiumPath.path} (${chromiumPath.source})`);
    dir = mkdtempSync(join(tmpdir(), 'fokus-html-'));
    const file = join(dir, 'report.html');
    url = pathToFileURL(file).href;
    writeFileSync(file, renderHtml(htmlReport()));
    browser = await chromium.launch({ executablePath: chromiumPath.path, args: CHROMIUM_ARGS, timeout: 0 });
    rec = await openRecorded(browser, url);
    await rec.page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('the recorder sees a request to the network (control page)', async () => {
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!DOCTYPE html><html><body><img src="http://fokus.invalid/x.png" alt=""></body></html>');
    const c = await openRecorded(browser, pathToFileURL(control).href);
    await c.page.goto(pathToFileURL(control).href, { waitUntil: 'load' });
    await c.context.close();
    expect(c.requests).toContain('http://fokus.invalid/x.png');
    expect(c.routed).toContain('http://fokus.invalid/x.png');
  });

  test('the report makes no request but its own file, and logs no error', () => {
    expect(rec.requests).toEqual([url]);
    expect(rec.routed.filter((u) => u !== url)).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  test('the page is German and has the expected headings', async () => {
    expect(await rec.page.getAttribute('html', 'lang')).toBe('de');
    expect(await rec.page.locator('h2').allTextContents()).toEqual(HEADINGS);
    expect(await rec.page.locator('h4').allTextContents()).toEqual(['Belegstellen (2 Einheiten)', 'Belegstellen (1 Einheit)']);
  });

  test('the bar chart has one bar per category, parents first, with widths relative to the largest share', async () => {
    const bars = await rec.page.$$eval('table.freq tbody tr', (rows) =>
      rows.map((r) => {
        const track = r.querySelector('rect.track')!.getBoundingClientRect().width;
        const fill = r.querySelector('rect.fill')!.getBoundingClientRect().width;
        const th = r.querySelector('th')!;
        return {
          category: r.getAttribute('data-category'),
          label: th.firstChild!.textContent,
          indent: parseFloat(getComputedStyle(th).paddingLeft),
          ratio: Math.round((fill / track) * 1000) / 1000,
          cells: [...r.querySelectorAll('td.num')].map((td) => td.textContent),
          title: r.querySelector('svg title')!.textContent,
        };
      }),
    );
    expect(bars.map((b) => [b.category, b.label, b.ratio])).toEqual([
      ['bedarfe', 'Bedarfe', 1],
      ['bedarfe/personal', 'Personal', 1],
      ['bedarfe/zeit', 'Zeit', 0.5],
      ['ressourcen', 'Ressourcen', 0.5],
      ['ressourcen/netzwerke', 'Netzwerke & Kooperation', 0.5],
      ['ressourcen/ehrenamt', 'Ehrenamt', 0],
      ['belastungen', 'Belastungen', 1],
    ]);
    expect(bars.map((b) => b.indent)).toEqual([8, 28, 28, 8, 28, 28, 8]);
    expect(bars[2]!.cells).toEqual(['1', '33,3\u202f%', '1', '1', '1']);
    expect(bars[2]!.title).toBe('Zeit: 1 Segment, 33,3\u202f%');
  });

  test('the heat map shows each pair in both cells, shaded by Jaccard', async () => {
    const heat = rec.page.locator('table.heat');
    expect(await heat.locator('tbody th').allTextContents()).toEqual([
      '1 Bedarfe', '2 Personal', '3 Zeit', '4 Ressourcen', '5 Netzwerke & Kooperation', '6 Belastungen',
    ]);
    expect(await heat.locator('td.diag').count()).toBe(6);
    const cells = await heat.locator('td.cell').evaluateAll((tds) =>
      tds.map((td) => [td.getAttribute('title'), td.textContent, getComputedStyle(td).backgroundColor, getComputedStyle(td).color]),
    );
    expect(cells).toHaveLength(10);
    expect(cells[0]).toEqual(['Bedarfe × Belastungen: 1 Segment, Jaccard 0,33', '1', 'rgb(96, 124, 160)', 'rgb(255, 255, 255)']);
    expect(cells[1]).toEqual(['Personal × Zeit: 1 Segment, Jaccard 0,50', '1', 'rgb(23, 63, 114)', 'rgb(255, 255, 255)']);
  });

  test('quotes show the unit text unchanged, matched words in <mark>, and transcript, speaker, time and line', async () => {
    const quotes = await rec.page.$$eval('figure.quote', (figs) =>
      figs.map((f) => ({
        text: f.querySelector('blockquote')!.textContent,
        marks: [...f.querySelectorAll('mark')].map((m) => m.textContent),
        caption: f.querySelector('figcaption')!.textContent,
      })),
    );
    const units = htmlReport().units;
    expect(quotes).toEqual([
      { text: units[1]!.text, marks: ['Personal'], caption: 'B1 · gruppe-a.txt · 00:00:12–00:00:30 · Zeile 5 · Segment 2' },
      { text: units[3]!.text, marks: ['Personal', 'Belastung'], caption: 'C · interview-b.txt · Zeile 1 · Segment 1' },
      {
        text: units[2]!.text,
        marks: ['Kooperation', 'Jugendamt', 'Fallzahlen'],
        caption: 'B2 <Leitung> · gruppe-a.txt · 01:02:05 · Zeile 7 · Segment 3',
      },
    ]);
    const markBg = await rec.page.locator('mark').first().evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(markBg).toBe('rgb(255, 229, 138)');
  });

  test('takes a full-page screenshot, on screen and as printed', async () => {
    const screen = join(dir, 'report.png');
    await rec.page.screenshot({ path: screen, fullPage: true });
    await rec.page.emulateMedia({ media: 'print' });
    const print = join(dir, 'report-print.png');
    await rec.page.screenshot({ path: print, fullPage: true });
    await rec.page.emulateMedia({ media: null });
    expect(statSync(screen).size).toBeGreaterThan(20_000);
    expect(statSync(print).size).toBeGreaterThan(20_000);
    console.log(`screenshots: ${screen} ${print}`);
  });

  test('prints to PDF: seven A4 pages, a section a page, the wide tables on landscape pages, the headings in the text', async () => {
    const pdf = await rec.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(dir, 'report.pdf'), pdf);
    const pages = readPdf(pdf);
    expect(pages).toHaveLength(7);
    expect(pages.map(orientation).join('')).toBe('PPLLPPP');
    expect(pages.map((p) => firstLine(p.text))).toEqual(['AUSWERTUNGSBERICHT · QUALITATIVE INHALTSANALYSE', ...HEADINGS.slice(1)]);
    expect(lines(pages[0]!.text)).toContain('Überblick');
    expect(lines(pages[0]!.text)).not.toContain('Häufigkeiten');
  });
});

/** A page's orientation: P (portrait A4) or L (landscape A4). */
function orientation(page: { size: [number, number] }): string {
  const [w, h] = page.size.map(Math.round) as [number, number];
  if (Math.min(w, h) !== 595 || Math.max(w, h) !== 842) throw new Error(`not A4: ${w} × ${h}`);
  return w < h ? 'P' : 'L';
}

/** The lines of a PDF page's text (ligatures as letters), without empty ones. */
function lines(text: string): string[] {
  return text.normalize('NFKC').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The first line of a PDF page's text. */
function firstLine(text: string): string {
  return lines(text)[0] ?? '';
}

/** Text without white space, to find words a printed table wrapped over lines. */
function squeezed(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Every table of the page: whether it fits its container, or sits in a scroll container that fits the page. */
function tableFit(page: Page): Promise<{ page: { scrollWidth: number; clientWidth: number }; tables: { table: string; fits: boolean; scrolls: boolean; wider: boolean }[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const tables = [...document.querySelectorAll('table')].map((t) => {
      const box = t.closest('.scroll');
      const rect = box?.getBoundingClientRect();
      return {
        table: t.className,
        fits: box !== null && t.scrollWidth <= box.clientWidth,
        scrolls: box !== null && getComputedStyle(box).overflowX === 'auto' && rect!.left >= 0 && rect!.right <= width,
        wider: box !== null && t.scrollWidth > box.clientWidth,
      };
    });
    return { page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: width }, tables };
  });
}

describe('report.html of the samples with the shipped 31-category codebook, by group', () => {
  let dir = '';
  let url = '';
  let browser: Browser;
  let report: Report;
  let rec: Awaited<ReturnType<typeof openRecorded>>;

  beforeAll(async () => {
    report = (await analyze(['samples'], { cwd: root, participants: 'samples/participants.csv', by: ['group'] })).report!;
    dir = mkdtempSync(join(tmpdir(), 'fokus-html-samples-'));
    const file = join(dir, 'report.html');
    url = pathToFileURL(file).href;
    writeFileSync(file, renderHtml(report));
    browser = await chromium.launch({ executablePath: (await chromiumExecutable()).path, args: CHROMIUM_ARGS, timeout: 0 });
    rec = await openRecorded(browser, url);
    await rec.page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('makes no request but its own file and logs no error', () => {
    expect(rec.requests).toEqual([url]);
    expect(rec.errors).toEqual([]);
  });

  test('shows all 31 categories in the frequencies, the breakdown and the heat map, and the n of every group', async () => {
    expect(report.frequencies).toHaveLength(31);
    const coded = report.frequencies.filter((f) => f.segments > 0).length;
    expect(await rec.page.locator('table.freq tbody tr').count()).toBe(31);
    expect(await rec.page.locator('table.breakdown tbody tr').count()).toBe(coded);
    expect(await rec.page.locator('table.heat tbody tr').count()).toBe(coded);
    expect(await rec.page.locator('table.heat thead th').count()).toBe(coded + 1);
    const groups = report.comparisons![0]!.rows.filter((r) => r.category === report.frequencies[0]!.category);
    expect(await rec.page.locator('table.breakdown thead .n').allTextContents()).toEqual(groups.map((g) => `n\u202f=\u202f${g.units}`));
    const flagged = report.comparisons![0]!.rows.filter((r) => r.flag !== '').length;
    expect(flagged).toBeGreaterThan(0);
    expect(await rec.page.locator('table.breakdown .flag').count()).toBe(flagged);
    expect(await rec.page.locator('table.differences tbody tr').count()).toBe(flagged);
  });

  test('at 1300 px no table is cut off: each fits its container or scrolls in one no wider than the page', async () => {
    // Open every collapsed list, so that the tables inside are laid out too.
    await rec.page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    const fit = await tableFit(rec.page);
    expect(fit.page.clientWidth).toBe(1300);
    expect(fit.page.scrollWidth).toBeLessThanOrEqual(fit.page.clientWidth);
    expect(fit.tables.map((t) => t.table)).toEqual(['inputs', 'glance-table', 'freq', 'breakdown', 'differences', 'heat', 'keyterms']);
    expect(fit.tables.filter((t) => !t.fits && !t.scrolls)).toEqual([]);
    // The heat map of 31 categories is wider than the page's column: it scrolls, its first column and header sticky.
    expect(fit.tables.find((t) => t.table === 'heat')).toEqual({ table: 'heat', fits: false, scrolls: true, wider: true });
    const shot = join(dir, 'samples.png');
    await rec.page.screenshot({ path: shot, fullPage: false });
    const png = readFileSync(shot);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(20_000);
    console.log(`screenshot: ${shot}`);
  });

  test('every unit of every perspective is in the page: the first quoted, one transcript after the other, the rest listed', async () => {
    const shown = await rec.page.evaluate(() =>
      [...document.querySelectorAll('article.perspective')].map((a) => ({
        id: a.id,
        quoted: [...a.querySelectorAll('figure.quote')].map((f) => (f as unknown as { dataset: { unit: string } }).dataset.unit),
        listed: [...a.querySelectorAll('li[data-unit]')].map((l) => (l as unknown as { dataset: { unit: string } }).dataset.unit),
      })),
    );
    expect(shown).toHaveLength(report.perspectives.length);
    report.perspectives.forEach((p, i) => {
      const s = shown[i]!;
      expect(s.id).toBe(`perspektive-${p.code}`);
      expect([...s.quoted, ...s.listed].sort()).toEqual([...p.evidence].sort());
      expect(s.quoted.length).toBe(Math.min(5, p.evidence.length));
      // The quotes come from as many transcripts as there are quotes, up to the transcripts that support it.
      expect(new Set(s.quoted.map((id) => id.slice(0, id.lastIndexOf('#')))).size).toBe(Math.min(s.quoted.length, p.transcripts.length));
    });
    expect(shown.reduce((n, s) => n + s.listed.length, 0)).toBeGreaterThan(100);
  });

  test('printed: nothing wider than an A4 page in print media; the PDF has every section on its own pages and every word of the tables', async () => {
    await rec.page.emulateMedia({ media: 'print' });
    // 180 mm, the width of an A4 page inside its margins at 96 px per inch: the narrowest page the report prints on.
    await rec.page.setViewportSize({ width: 680, height: 960 });
    const over = await rec.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > width + 0.5).map((e) => e.className);
    });
    expect(over).toEqual([]);
    const pdf = await rec.page.pdf({ preferCSSPageSize: true, printBackground: true });
    await rec.page.emulateMedia({ media: null });
    await rec.page.setViewportSize({ width: 1300, height: 900 });
    writeFileSync(join(dir, 'samples.pdf'), pdf);
    const pages = readPdf(pdf);
    const starts = pages.map((p) => firstLine(p.text));
    const headings = ['Häufigkeiten', 'Aufschlüsselung', 'Gemeinsames Auftreten', 'Schlüsselbegriffe', 'Perspektiven'];
    const at = headings.map((h) => starts.indexOf(h));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    // The breakdown and the heat map print on landscape pages, everything else on portrait ones.
    expect(pages.map(orientation).join('')).toBe('P'.repeat(at[1]!) + 'L'.repeat(at[3]! - at[1]!) + 'P'.repeat(pages.length - at[3]!));
    const text = squeezed(pages.map((p) => p.text).join('\n'));
    for (const f of report.frequencies) expect(text, f.label).toContain(squeezed(f.label));
    // The evidence lists are open in print: the beginning of a listed unit is in the PDF.
    const listed = await rec.page.locator('li[data-unit] q').last().textContent();
    expect(text).toContain(squeezed(listed!.slice(0, 40)));
    console.log(`pdf: ${join(dir, 'samples.pdf')}, ${pages.length} pages`);
  });
});

// On a machine with Debian's Chromium the tests above use it; this one makes sure the fallback a fresh
// machine gets (the Chromium inside the @sparticuz/chromium npm package) starts and renders the report too.
describe('report.html in the Chromium shipped by npm', () => {
  test('starts without a download and shows the report', async () => {
    const packaged = await chromiumExecutable({ FOKUS_CHROMIUM: 'npm' });
    expect(packaged.source).toBe('npm');
    const browser = await chromium.launch({ executablePath: packaged.path, args: CHROMIUM_ARGS, timeout: 0 });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'fokus-html-npm-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, renderHtml(htmlReport()));
      const rec = await openRecorded(browser, pathToFileURL(file).href);
      await rec.page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await rec.page.locator('table.freq tbody tr').count()).toBe(7);
      expect(rec.requests).toEqual([pathToFileURL(file).href]);
      expect(rec.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
