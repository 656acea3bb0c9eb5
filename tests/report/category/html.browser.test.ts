/**
 * The category report of the samples (`fokus report samples -p … -o bericht.html`) in Chromium:
 * no request but its own file, no console error, the headings and quotations of every category,
 * marks, working links from the overview, tables that fit, and print styles that give a PDF.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/run.js';
import { CHROMIUM_ARGS, chromiumExecutable, openRecorded } from '../chromium.js';

// Runs inside the page (evaluate callbacks); declared here because the project compiles without the DOM lib.
declare const getComputedStyle: (e: unknown) => { backgroundColor: string; breakAfter: string };
declare const document: { querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number }> };

const repo = resolve(import.meta.dirname, '../../..');

describe('the category report (HTML) in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fokus-catreport-'));
  const file = join(dir, 'bericht.html');
  const url = pathToFileURL(file).href;
  let browser: Browser;
  let rec: Awaited<ReturnType<typeof openRecorded>>;
  /** Segments per category in codebook order, from the golden `frequencies.csv` of `fokus analyze`. */
  const segments = readFileSync(join(repo, 'samples/expected/frequencies.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[3]));

  beforeAll(async () => {
    const run = await runCli(['report', 'samples', '-p', 'samples/participants.csv', '-o', file, '-q'], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const executable = await chromiumExecutable();
    browser = await chromium.launch({ executablePath: executable.path, args: CHROMIUM_ARGS, timeout: 0 });
    rec = await openRecorded(browser, url, { width: 1300, height: 900 });
    await rec.page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('makes no request but its own file, and logs no error', () => {
    expect(rec.requests).toEqual([url]);
    expect(rec.routed).toEqual([url]);
    expect(rec.errors).toEqual([]);
  });

  test('is German, with the title, the sections and a heading per category', async () => {
    expect(await rec.page.getAttribute('html', 'lang')).toBe('de');
    expect(await rec.page.locator('h1').allTextContents()).toEqual(['Kategorienbericht']);
    expect(await rec.page.locator('h2').allTextContents()).toEqual(['Übersicht', 'Kategorien', 'Entwicklungsperspektiven']);
    const categories = await rec.page.locator('h3[id^="k-"], h4[id^="k-"]').allTextContents();
    expect(categories).toHaveLength(31);
    expect(categories.slice(0, 3)).toEqual(['Bedarfe', 'Personal', 'Finanzielle und sachliche Ressourcen']);
  });

  test('shows under each category heading one quotation per coded segment, matched words marked', async () => {
    const counts = await rec.page.$$eval('h3[id^="k-"], h4[id^="k-"]', (headings) =>
      headings.map((h) => {
        let n = 0;
        for (let e = h.nextElementSibling; e && !/^H[1-6]$/u.test(e.tagName); e = e.nextElementSibling) if (e.matches('figure.quote')) n++;
        return n;
      }),
    );
    expect(counts).toEqual(segments);
    const first = rec.page.locator('#k-bedarfe ~ figure.quote').first();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(await first.locator('mark').first().evaluate((m) => getComputedStyle(m).backgroundColor)).toBe('rgb(255, 229, 138)');
    expect(await first.locator('figcaption').textContent()).toMatch(/^— B2 · Praxis · fokusgruppe-1-kita-grundschule\.txt · 00:01:31–00:02:19 · Zeile 5 · Segment 3 · Treffer: /u);
  });

  test('links each category of the overview to its section', async () => {
    await rec.page.locator('a[href="#k-herausforderungen--datenschutz"]').click();
    expect(new URL(rec.page.url()).hash).toBe('#k-herausforderungen--datenschutz');
    expect(await rec.page.locator('#k-herausforderungen--datenschutz').isVisible()).toBe(true);
  });

  test('has no table wider than the page at 1300 px', async () => {
    const tooWide = await rec.page.evaluate(() => [...Array.from(document.querySelectorAll('.scroll'))].filter((s) => s.scrollWidth > s.clientWidth).length);
    expect(tooWide).toBe(0);
  });

  test('prints: the title page on its own page, and a PDF of many pages', async () => {
    await rec.page.emulateMedia({ media: 'print' });
    expect(await rec.page.locator('hr.page-break').evaluate((e) => getComputedStyle(e).breakAfter)).toBe('page');
    const pdf = await rec.page.pdf({ format: 'A4' });
    await rec.page.emulateMedia({ media: 'screen' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/gu) ?? []).length;
    expect(pages).toBeGreaterThan(20);
  });
});
