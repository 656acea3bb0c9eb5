import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import { htmlReport } from '../fixtures/render/html-report.js';
import { CHROMIUM_ARGS, chromiumExecutable, openRecorded } from './chromium.js';

// Runs inside the page (evaluate callbacks); declared here because the project compiles without the DOM lib.
declare const getComputedStyle: (e: unknown) => { paddingLeft: string; backgroundColor: string; color: string };

// Debian's Chromium when installed, else the one inside the @sparticuz/chromium npm package (./chromium.ts):
// the test always runs, it is never skipped.

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
    expect(await rec.page.locator('h2').allTextContents()).toEqual([
      'Häufigkeiten', 'Aufschlüsselung', 'Ko-Okkurrenzen', 'Entwicklungsperspektiven', 'Hinweise und Probleme',
    ]);
    expect(await rec.page.locator('h4').allTextContents()).toEqual(['Belegstellen', 'Belegstellen']);
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
    await rec.page.emulateMedia({ media: 'screen' });
    expect(statSync(screen).size).toBeGreaterThan(20_000);
    expect(statSync(print).size).toBeGreaterThan(20_000);
    console.log(`screenshots: ${screen} ${print}`);
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
