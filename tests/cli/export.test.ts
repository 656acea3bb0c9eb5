import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/codebook/load.js';
import { readQdpxCoding } from '../../src/exchange/refi-qda/read.js';
import { codeGuid } from '../../src/exchange/refi-qda/codebook.js';
import { xsdErrors } from '../refi-qda.js';
import { runCli } from './run.js';

const repo = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-export-'));
  temps.push(dir);
  return dir;
}

const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

/** Coding the three sample transcripts twice takes a while on a busy machine. */
const SLOW = 120_000;

describe('fokus export --qdpx', () => {
  it('writes the samples as a project that validates, with the same bytes on every run', async () => {
    const out = await tempDir();
    const args = ['export', 'samples', '-p', 'samples/participants.csv', '--qdpx'];
    const run = await runCli([...args, join(out, 'a', 'samples.qdpx')], repo);
    expect(run.stderr).toBe(`fokus: 3 transcripts, 123 coded units (605 codings) written to ${join(out, 'a', 'samples.qdpx')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const again = await runCli([...args, join(out, 'b', 'samples.qdpx')], repo);
    expect(again.code).toBe(0);
    const bytes = await readFile(join(out, 'a', 'samples.qdpx'));
    expect(Buffer.compare(await readFile(join(out, 'b', 'samples.qdpx')), bytes)).toBe(0);

    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names).toHaveLength(4);
    expect(names[0]).toBe('project.qde');
    expect(names.slice(1).every((n) => /^sources\/[0-9a-f-]{36}\.txt$/u.test(n))).toBe(true);
    const qde = decode(files['project.qde']!);
    expect(qde).toContain('<Project xmlns="urn:QDA-XML:project:1.0" name="samples" origin="fokus ');
    expect(qde).toContain('name="B1 (fokusgruppe-1-kita-grundschule.txt)"');
    expect(qde.match(/<PlainTextSelection /gu)).toHaveLength(123);
    expect(qde.match(/<Coding /gu)).toHaveLength(605);
    await writeFile(join(out, 'project.qde'), qde);
    expect(await xsdErrors(qde, 'project.qde', 'Project')).toBe('');
  }, SLOW);

  it('round trip: the project read back holds exactly the codings of segments.csv', async () => {
    const out = await tempDir();
    const analyzed = await runCli(['analyze', 'samples', '-q', '-o', join(out, 'report')], repo);
    expect(analyzed.code).toBe(0);
    const exported = await runCli(['export', 'samples', '--qdpx', join(out, 'p.qdpx')], repo);
    expect(exported.code).toBe(0);
    const csv = parse(await readFile(join(out, 'report', 'segments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const expected = csv.map((r) => `${r.transcript}#${r.segment} ${r.category}`).sort();
    expect(expected).toHaveLength(605);

    const { codebook } = await loadCodebook();
    const read = readQdpxCoding(await readFile(join(out, 'p.qdpx')), 'p.qdpx', { codebook: codebook!, codeGuid });
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => `${r.transcript}#${r.segment} ${r.category}`).sort()).toEqual(expected);
  }, SLOW);

  it('counts selection positions in code points, so astral characters do not shift them', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 't.txt'), 'I: Hallo 👋🏽!\n\nB1: 😀 Wir bräuchten mehr Personal.\n');
    const run = await runCli(['export', 't.txt', '--qdpx', 'p.qdpx'], dir);
    expect(run.stderr).toBe('fokus: 1 transcript, 1 coded unit (2 codings) written to p.qdpx\n');
    const files = unzipSync(await readFile(join(dir, 'p.qdpx')));
    const source = Object.keys(files).find((n) => n.startsWith('sources/'))!;
    expect(decode(files[source]!)).toBe('I: Hallo 👋🏽!\n\nB1: 😀 Wir bräuchten mehr Personal.');
    // "I: Hallo 👋🏽!" is 12 code points (14 UTF-16 units); then "\n\n" and "B1: ".
    const selections = [...decode(files['project.qde']!).matchAll(/name="t\.txt#(\d+)" startPosition="(\d+)" endPosition="(\d+)"/gu)].map((m) => m.slice(1));
    expect(selections).toEqual([['2', '18', '48']]);
  });

  it('refuses to write over an input file and leaves it alone', async () => {
    const dir = await tempDir();
    const text = 'B1: Wir bräuchten mehr Personal.\n';
    await writeFile(join(dir, 't.txt'), text);
    const run = await runCli(['export', 't.txt', '--qdpx', 't.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('t.txt: error: refusing to write over an input file\n');
    expect(await readFile(join(dir, 't.txt'), 'utf8')).toBe(text);
  });

  it('stops with exit code 2 when OUT is a folder or no transcript can be read', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 't.txt'), 'B1: Hallo.\n');
    const folder = await runCli(['export', 't.txt', '--qdpx', '.'], dir);
    expect(folder).toEqual({ code: 2, stdout: '', stderr: 'fokus: . is a folder; name the .qdpx file to write\n' });
    const none = await runCli(['export', 'nothing-here', '--qdpx', 'p.qdpx'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^nothing-here: error: .*\nfokus: no transcript could be read; nothing was written\n$/u);
    const missing = await runCli(['export', 't.txt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error: required option '--qdpx <out>' not specified\n(run with --help for usage)\n");
  });
});
