/**
 * Golden tests: `fokus analyze` over the shipped samples, every output file compared byte for byte
 * with the expected files. Run with UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';

const root = resolve(import.meta.dirname, '../..');
const update = process.env.UPDATE_GOLDEN === '1';

interface GoldenCase {
  name: string;
  /** Arguments after `analyze`; OUT is replaced by a fresh temporary folder. */
  args: string[];
  /** Folder of the expected files, relative to the repository. */
  expected: string;
}

const cases: GoldenCase[] = [
  {
    name: 'samples, speaker turns, by group and speaker',
    args: ['samples', '-p', 'samples/participants.csv', '--by', 'group', '--by', 'speaker', '-o', 'OUT'],
    expected: 'samples/expected',
  },
  {
    name: 'samples, sentences, Excel CSV',
    args: ['samples', '--unit', 'sentence', '--excel', '-o', 'OUT'],
    expected: 'tests/golden/samples-sentence-excel',
  },
];

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

/** report.json records the program version; golden files must not change with every release. */
function normalise(name: string, text: string): string {
  if (name !== 'report.json') return text;
  return text.replace(/("program": \{\s*"name": "fokus",\s*"version": )"[^"]*"/, '$1"VERSION"');
}

describe('golden outputs of fokus analyze', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const out = await mkdtemp(join(tmpdir(), 'fokus-golden-'));
      temps.push(out);
      const run = await runCli(['analyze', ...c.args.map((a) => (a === 'OUT' ? out : a)), '-q'], root);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const produced = (await readdir(out)).sort();
      const expectedDir = join(root, c.expected);
      if (update) {
        await rm(expectedDir, { recursive: true, force: true });
        await mkdir(expectedDir, { recursive: true });
        for (const f of produced) await writeFile(join(expectedDir, f), normalise(f, await readFile(join(out, f), 'utf8')));
      }
      expect(produced).toEqual((await readdir(expectedDir)).sort());
      for (const f of produced) {
        const actual = normalise(f, await readFile(join(out, f), 'utf8'));
        const expected = await readFile(join(expectedDir, f), 'utf8');
        expect(actual, `${c.expected}/${f}`).toBe(expected);
      }
    });
  }

  it('gives byte-identical files on a second run', async () => {
    const a = await mkdtemp(join(tmpdir(), 'fokus-golden-'));
    const b = await mkdtemp(join(tmpdir(), 'fokus-golden-'));
    temps.push(a, b);
    const args = ['analyze', 'samples', '-p', 'samples/participants.csv', '--by', 'group', '-q'];
    await runCli([...args, '-o', a], root);
    await runCli([...args, '-o', b], root);
    const files = (await readdir(a)).sort();
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(await readFile(join(b, f), 'utf8')).toBe(await readFile(join(a, f), 'utf8'));
  });
});
