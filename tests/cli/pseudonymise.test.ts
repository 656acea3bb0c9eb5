import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeInputs } from '../../src/analyze.js';
import { runCli } from './run.js';

const FIXTURES = path.resolve('tests/fixtures/pseudonymise');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fokus-pseudonymise-'));
  for (const f of ['gruppe1.txt', 'map.csv', 'map.yaml', 'bad.csv', 'map-neutral.csv']) await copyFile(path.join(FIXTURES, f), path.join(dir, f));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED_TEXT = [
  'Lehrkraft A: [00:00:05] Herzlich willkommen. TN2, magst du anfangen?',
  '',
  'TN2: [00:00:12] Ja. In [Ort] fehlt uns vor allem Personal. Lehrkraft As Idee mit der Webereien-AG fand ich gut.',
  '',
  'TN3: [00:00:30] TN4 hat das auch gesagt, und TN5 sowieso.',
  '',
  'Lehrkraft A: [00:00:41] Danke, TN3. Und Juergen aus der anderen Gruppe?',
  '',
  'TN2: [00:00:50] Die Kirchheimer Schulen brauchen mehr Zeit. Jonas meint das auch.',
  '',
  'Jonas: [00:01:02] Stimmt, mehr Zeit für Vernetzung. [00:01:10]',
  '',
].join('\n');

describe('fokus pseudonymise', () => {
  it('writes one .txt per input and prints the summary table', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map.csv', '-o', 'out', '--inflections'], dir);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'original     pseudonym    replacements',
        'Frau Weber   Lehrkraft A  3',
        'Weber        Lehrkraft A  0',
        'Murat        TN2          3',
        'Jürgen       TN3          2',
        'Anna Müller  TN4          1',
        'Anna         TN5          1',
        'Kirchheim    [Ort]        1',
        '',
      ].join('\n'),
      stderr: 'fokus: wrote 1 file to out\n',
    });
    expect(await readdir(path.join(dir, 'out'))).toEqual(['gruppe1.txt']);
    expect(await readFile(path.join(dir, 'out', 'gruppe1.txt'), 'utf8')).toBe(EXPECTED_TEXT);
  });

  it('--check lists remaining originals (exit 1) and name labels missing from the map', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map.csv', '-o', 'out', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'fokus: wrote 1 file to out',
        'out/gruppe1.txt:3:60: error: "Frau Webers" remains (original "Frau Weber", pseudonym "Lehrkraft A")',
        'out/gruppe1.txt:11:1: warning: speaker label "Jonas" is not in the pseudonym map (mentioned 1 time in the text)',
        'fokus: 1 remaining occurrence of originals',
        '',
      ].join('\n'),
    );
  });

  it('--check passes (exit 0) when nothing remains, still warning about unmapped labels', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map.csv', '-o', 'out', '--check', '--inflections'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'fokus: wrote 1 file to out\nout/gruppe1.txt:11:1: warning: speaker label "Jonas" is not in the pseudonym map (mentioned 1 time in the text)\nfokus: 0 remaining occurrences of originals\n',
    );
  });

  it('reads a YAML map', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map.yaml', '-o', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('original    pseudonym    replacements\nFrau Weber  Lehrkraft A  2\nMurat       TN2          3\nKirchheim   [Ort]        1\n');
    const text = await readFile(path.join(dir, 'out', 'gruppe1.txt'), 'utf8');
    expect(text.split('\n')[4]).toBe('Jürgen: [00:00:30] Anna Müller hat das auch gesagt, und Anna sowieso.');
  });

  it('stops with exit 2 and positioned problems on a bad map, writing nothing', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'bad.csv', '-o', 'out'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'bad.csv:2:1: error: missing column: a row needs "original,pseudonym[,kind]" but has 1 cell',
        'bad.csv:4:1: error: "Frau Weber" is mapped to "Lehrkraft B" here but to "Lehrkraft A" at line 1',
        'bad.csv:5:1: error: missing pseudonym for "Anna"',
        '',
      ].join('\n'),
    });
    expect(await readdir(dir)).not.toContain('out');
  });

  it('never writes over an input', async () => {
    const r = await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map.csv', '-o', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gruppe1.txt: error: refusing to write over an input file\n');
    expect(await readFile(path.join(dir, 'gruppe1.txt'), 'utf8')).toBe(await readFile(path.join(FIXTURES, 'gruppe1.txt'), 'utf8'));
  });

  // Pseudonyms that are codebook terms ("Lehrkraft" codes akteure/schule) would add codings, so this map avoids them.
  it('round trip: the pseudonymised file analyses into the same units with the same codings', async () => {
    expect((await runCli(['pseudonymise', 'gruppe1.txt', '--map', 'map-neutral.csv', '-o', 'out', '--inflections'], dir)).code).toBe(0);
    const summary = async (file: string): Promise<{ units: number; codings: string[][]; speakers: string[] }> => {
      const r = await codeInputs([file], { cwd: dir });
      const units = r.coded!.units;
      return { units: units.length, codings: units.map((u) => u.codings.map((c) => c.category)), speakers: units.map((u) => u.speaker) };
    };
    const before = await summary('gruppe1.txt');
    const after = await summary('out/gruppe1.txt');
    expect(after.units).toBe(6);
    expect(after.units).toBe(before.units);
    expect(after.codings).toEqual(before.codings);
    expect(after.codings.flat().length).toBeGreaterThan(0);
    expect(before.speakers).toEqual(['Frau Weber', 'Murat', 'Jürgen', 'Frau Weber', 'Murat', 'Jonas']);
    expect(after.speakers).toEqual(['L1', 'TN2', 'TN3', 'L1', 'TN2', 'Jonas']);
  });
});
