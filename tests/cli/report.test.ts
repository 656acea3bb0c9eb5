/**
 * `fokus report`: the category report of the samples in all three formats, checked against the
 * golden outputs of `fokus analyze` (samples/expected/): the DOCX read back with mammoth, one
 * quotation per coded segment under each category heading; the group lines of the Markdown; the
 * same bytes on a second run; German for the German codebook, English with --lang en.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/codebook/load.js';
import { flattenCategories } from '../../src/codebook/flatten.js';
import type { Report } from '../../src/types.js';
import { docxOutline } from '../report/category/read-docx.js';
import { runCli, type CliRun } from './run.js';

const repo = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'fokus-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const csvRows = (file: string): string[][] =>
  readFileSync(join(repo, 'samples/expected', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

/** `fokus report samples -p samples/participants.csv -o OUT/name` with more arguments, in the clone. */
const report = (name: string, ...more: string[]): Promise<CliRun> => runCli(['report', 'samples', '-p', 'samples/participants.csv', '-o', join(out, name), ...more], repo);

describe('fokus report on the samples', () => {
  const runs: Record<string, CliRun> = {};
  beforeAll(async () => {
    for (const name of ['bericht.docx', 'bericht.md', 'bericht.html', 'again.docx', 'again.md']) runs[name] = await report(name);
  }, 240_000);

  it('writes each format with exit code 0 and a summary on stderr', () => {
    for (const name of ['bericht.docx', 'bericht.md', 'bericht.html']) {
      expect([name, runs[name]!.code, runs[name]!.stdout, runs[name]!.stderr]).toEqual([name, 0, '', `fokus: 123 segments quoted; category report written to ${join(out, name)}\n`]);
    }
    expect(readFileSync(join(out, 'bericht.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('DOCX: every category of the codebook a heading by level, each with one quotation per coded segment', async () => {
    const outline = await docxOutline(readFileSync(join(out, 'bericht.docx')));
    const start = outline.findIndex((h) => h.text === 'Kategorien');
    const end = outline.findIndex((h) => h.text === 'Entwicklungsperspektiven');
    const { codebook } = await loadCodebook();
    const segments = new Map(csvRows('frequencies.csv').map((r) => [r[0]!, Number(r[3])]));
    const expected = flattenCategories(codebook!.categories).map((c) => [c.level + 2, c.label, segments.get(c.path)]);
    expect(expected).toHaveLength(31);
    expect(outline.slice(start + 1, end).map((h) => [h.level, h.text, h.quotes])).toEqual(expected);
  });

  it('DOCX: every perspective with all its evidence quoted', async () => {
    const outline = await docxOutline(readFileSync(join(out, 'bericht.docx')));
    const golden = JSON.parse(readFileSync(join(repo, 'samples/expected/report.json'), 'utf8')) as Report;
    const start = outline.findIndex((h) => h.text === 'Entwicklungsperspektiven');
    expect(outline.slice(start + 1).map((h) => [h.level, h.text, h.quotes])).toEqual(golden.perspectives.map((p) => [3, p.label, p.evidence.length]));
    expect(outline[0]).toEqual({ level: 1, text: 'Kategorienbericht', quotes: 0, bold: [] });
  });

  it('Markdown: the frequencies of all units and by group are those of fokus analyze', () => {
    const md = readFileSync(join(out, 'bericht.md'), 'utf8');
    const sections = md.split(/^#{3,6} /mu).slice(1, 32);
    const byGroup = csvRows('frequencies_by_group.csv');
    const flat = csvRows('frequencies.csv');
    for (const [i, section] of sections.entries()) {
      const path = flat[i]![0]!;
      expect(section).toContain(`*Code: ${path}*`);
      const rows = [...section.matchAll(/^\| ([^|]+) \| (\d+) \| ([\d,]+\u202f%) \| \d+ \| \d+ \|$/gmu)].map((m) => [m[1], Number(m[2])]);
      const groups = byGroup.filter((r) => r[1] === path).map((r) => [r[0], Number(r[2])]);
      expect([path, rows]).toEqual([path, [['Alle kodierbaren Einheiten', Number(flat[i]![3])], ...groups]]);
    }
  });

  it('the title page names the codebook with its version and sha256, the inputs with sha256 prefixes, and no date', () => {
    const md = readFileSync(join(out, 'bericht.md'), 'utf8');
    const golden = JSON.parse(readFileSync(join(repo, 'samples/expected/report.json'), 'utf8')) as Report;
    expect(md).toContain(`**ISoG Fokusgruppe – Vernetzter Bildungsraum · Version 2.2**`);
    expect(md).toContain(`- **sha256 des Kodierleitfadens:** ${golden.codebook.sha256}\n`);
    for (const i of golden.inputs) expect(md).toContain(`| ${i.id} | ${i.format} | ${i.sha256.slice(0, 12)} |`);
    expect(md).not.toMatch(/\b20\d\d-\d\d-\d\d\b|\b\d\d?\.\d\d?\.20\d\d\b/u);
  });

  it('HTML: one self-contained page with a heading per category and a quotation per coded segment', () => {
    const html = readFileSync(join(out, 'bericht.html'), 'utf8');
    expect(html).not.toMatch(/\b(?:src|srcset)=|https?:/u);
    const total = csvRows('frequencies.csv').reduce((n, r) => n + Number(r[3]), 0);
    const evidence = (JSON.parse(readFileSync(join(repo, 'samples/expected/report.json'), 'utf8')) as Report).perspectives.reduce((n, p) => n + p.evidence.length, 0);
    expect((html.match(/<figure class="quote"/gu) ?? []).length).toBe(total + evidence);
  });

  it('gives the same bytes on a second run', () => {
    expect(readFileSync(join(out, 'again.docx')).equals(readFileSync(join(out, 'bericht.docx')))).toBe(true);
    expect(readFileSync(join(out, 'again.md')).equals(readFileSync(join(out, 'bericht.md')))).toBe(true);
  });
});

describe('fokus report: language and format', () => {
  it('speaks English with --lang en (the German codebook otherwise makes it German)', async () => {
    const run = await runCli(['--lang', 'en', 'report', 'samples', '-o', join(out, 'en.md'), '-q'], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const md = readFileSync(join(out, 'en.md'), 'utf8');
    expect(md.split('\n').filter((l) => /^#{1,2} /u.test(l))).toEqual(['# Category report', '## Overview', '## Categories', '## Development perspectives']);
    // Without -p there are no groups: one frequency line per category, under a header without "Group".
    expect(md).not.toContain('| Group |');
    expect(md).toContain('|  | Segments | Share | Transcripts | Speakers |\n| --- | ---: | ---: | ---: | ---: |\n| All codable units | 52 | 33.5% | 3 | 17 |\n');
    expect(md).toContain('| Category | Segments | Share | Transcripts | Speakers |');
  });

  it('takes --format over the extension, with a warning when they differ', async () => {
    const run = await runCli(['report', 'samples/fokusgruppe-1-kita-grundschule.txt', '-o', join(out, 'x.md'), '--format', 'html', '-q'], repo);
    expect([run.code, run.stderr]).toEqual([0, `${join(out, 'x.md')}: warning: the extension says md, --format says html: written as html\n`]);
    expect(readFileSync(join(out, 'x.md'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses a file name that names no format, before reading anything (exit 2, nothing written)', async () => {
    const run = await runCli(['report', 'samples', '-o', join(out, 'bericht.pdf')], repo);
    expect([run.code, run.stderr]).toEqual([2, `${join(out, 'bericht.pdf')}: error: cannot tell the format of the category report from the file name: name a .docx, .md or .html file, or give --format docx|md|html\n`]);
    expect(existsSync(join(out, 'bericht.pdf'))).toBe(false);
  });

  it('never writes over an input', async () => {
    const before = readFileSync(join(repo, 'samples/fokusgruppe-2-ganztag.md'));
    const run = await runCli(['report', 'samples/fokusgruppe-2-ganztag.md', '-o', 'samples/fokusgruppe-2-ganztag.md', '-q'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('samples/fokusgruppe-2-ganztag.md: error: refusing to write over an input file\n');
    expect(readFileSync(join(repo, 'samples/fokusgruppe-2-ganztag.md')).equals(before)).toBe(true);
  });

  it('narrows the report with --where and says so on the title page', async () => {
    const run = await runCli(['report', 'samples', '-p', 'samples/participants.csv', '--where', 'group=Praxis', '-o', join(out, 'praxis.md')], repo);
    expect([run.code, run.stderr]).toEqual([0, `fokus: 48 segments quoted; category report written to ${join(out, 'praxis.md')}\n`]);
    const md = readFileSync(join(out, 'praxis.md'), 'utf8');
    expect(md).toContain('- **Nur die Einheiten (--where):** group=Praxis\n- **Korpus:** 3 Transkripte · 68 Einheiten (68 kodierbar) · 7 Sprecher:innen\n');
    // Every quotation is a Praxis speaker's: its source line names speaker, group, transcript, ….
    const groups = new Set([...md.matchAll(/^> — [^·\n]+ · ([^·\n]+) · /gmu)].map((g) => g[1]!.trim()));
    expect([...groups]).toEqual(['Praxis']);
  });

  it('requires -o', async () => {
    const run = await runCli(['report', 'samples'], repo);
    expect([run.code, run.stderr]).toEqual([2, "error: required option '-o, --out <file>' not specified\n(run with --help for usage)\n"]);
  });
});
