import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/deps.js';
import { cellCuts, EXCEL_CELL_LIMIT } from '../../src/report/cell-limit.js';
import { REVIEW_HEADER, reviewRecord, reviewRow } from '../../src/review/file.js';
import { readCoding } from '../../src/reliability/codings.js';
import { toCsvRows } from '../../src/report/format.js';
import type { Report } from '../../src/types.js';
import { project, removeProjects } from '../errors/project.js';
import { CODEBOOK } from '../review/fixture.js';
import { unit } from '../analysis/build.js';
import { runCli } from './run.js';

afterAll(removeProjects);

// No cell over Excel's 32 767 characters in any CSV fokus writes: a corpus with a unit of 46 000
// characters and a perspective with 4 000 evidence units (over 50 000 characters of ids). The codebook
// of the review tests: `netz` is supported by every unit coded with vernetzung.

const TURNS = 4000;
const LONG = 'Wir brauchen Personal. '.repeat(2000).trimEnd();
const TRANSCRIPT = `I: Was fehlt?\n\n${Array.from({ length: TURNS }, (_, i) => `B${(i % 3) + 1}: Wir brauchen Vernetzung.\n\n`).join('')}B4: ${LONG}\n`;
/** The long unit: after the moderator's question and the short turns. */
const LONG_SEGMENT = TURNS + 2;

const cut = (file: string, n: number, fullIn: string): string =>
  `${file}: warning: ${n} cell${n === 1 ? ' was' : 's were'} longer than the 32767 characters Excel takes in a cell and ${n === 1 ? 'was' : 'were'} cut, ending in "… (+N more …)"; the full content is in ${fullIn}\n`;

const rows = (text: string, delimiter: string): string[][] => parseCsv(text, { bom: true, delimiter, relax_column_count: true }) as string[][];

async function corpus(): Promise<string> {
  return project({ 'cb.yaml': CODEBOOK, 'lang.txt': TRANSCRIPT });
}

describe('analyze -o: no cell over Excel’s limit, each cut said once per file', () => {
  for (const excel of [false, true]) {
    it(excel ? 'with --excel' : 'without --excel (the cut applies always)', async () => {
      const dir = await corpus();
      const run = await runCli(['analyze', 'lang.txt', '-c', 'cb.yaml', '-o', 'out', '-q', ...(excel ? ['--excel'] : [])], dir);
      // The long unit is coded with bedarfe and bedarfe/personal: two rows of segments.csv carry its text.
      expect(run.stderr).toBe(cut('out/perspectives.csv', 1, 'report.json') + cut('out/segments.csv', 2, 'report.json'));
      expect(run.code).toBe(0);
      const delimiter = excel ? ';' : ',';
      const out = join(dir, 'out');
      for (const name of ['frequencies.csv', 'segments.csv', 'cooccurrence.csv', 'perspectives.csv', 'keyterms.csv']) {
        const cells = rows(await readFile(join(out, name), 'utf8'), delimiter).flat();
        expect(Math.max(...cells.map((c) => c.length)), name).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
      }
      const perspective = rows(await readFile(join(out, 'perspectives.csv'), 'utf8'), delimiter).find((r) => r[0] === 'netz')!;
      expect(perspective[3]).toBe(String(TURNS));
      const evidence = perspective[7]!.split('|');
      const more = /^… \(\+(\d+) more in report\.json\)$/u.exec(evidence.at(-1)!);
      expect(more).not.toBeNull();
      // Whole ids, in order, and with the count of the rest none is lost.
      expect(evidence.slice(0, -1)).toEqual(Array.from({ length: evidence.length - 1 }, (_, i) => `lang.txt#${i + 2}`));
      expect(evidence.length - 1 + Number(more![1])).toBe(TURNS);
      const segments = rows(await readFile(join(out, 'segments.csv'), 'utf8'), delimiter).filter((r) => r[1] === String(LONG_SEGMENT));
      expect(segments.map((r) => [r[6], r[9]!.length, r[9]!.startsWith(LONG.slice(0, 32_000))])).toEqual([
        ['bedarfe', EXCEL_CELL_LIMIT, true],
        ['bedarfe/personal', EXCEL_CELL_LIMIT, true],
      ]);
      expect(segments[0]![9]!.endsWith(`… (+${LONG.length - 32_726} more characters in report.json)`)).toBe(true);
      // The full list and the full text are in report.json.
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.perspectives.find((p) => p.code === 'netz')!.evidence).toHaveLength(TURNS);
      expect(report.units.find((u) => u.segment === LONG_SEGMENT)!.text).toBe(LONG);
    });
  }

  it('show -f csv says so for stdout, naming where the full text is', async () => {
    const dir = await corpus();
    const run = await runCli(['show', 'lang.txt', '-c', 'cb.yaml', '--category', 'personal', '-f', 'csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(cut('<stdout>', 1, 'fokus show -f json') + 'fokus: 1 unit coded with bedarfe/personal\n');
    const [, row] = rows(run.stdout, ',');
    expect(row![9]!.length).toBe(EXCEL_CELL_LIMIT);
    expect(row![9]!.endsWith(` more characters in fokus show -f json)`)).toBe(true);
  });
});

describe('cut cells read back', () => {
  it('a review decision on a cut text still stands for its unit (analyze --review), and is not stale', async () => {
    const dir = await corpus();
    const long = unit('lang.txt', LONG_SEGMENT, 'B4', ['bedarfe', 'bedarfe/personal'], { line: 2 * TURNS + 3, text: LONG });
    const cuts = cellCuts('the transcript');
    const record = reviewRecord(reviewRow(long, 'bedarfe/personal', ['personal*'], 'rejected'), cuts);
    expect(cuts.cells).toBe(1);
    await writeFile(join(dir, 'review.csv'), toCsvRows([REVIEW_HEADER], { excel: false }) + record);
    const run = await runCli(['analyze', 'lang.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-f', 'csv', '-q'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('bedarfe/personal,'))).toEqual(['bedarfe/personal,Personal,2,0,0.0000,0,0,0']);
  });

  it('fokus review writes a cut text to its file and counts it, for the warning at the end', async () => {
    const dir = await corpus();
    const { fileStore } = await import('../../src/cli/review-store.js');
    const long = unit('lang.txt', LONG_SEGMENT, 'B4', ['bedarfe'], { text: LONG });
    const store = fileStore(join(dir, 'review.csv'), []);
    store.append(reviewRow(long, 'bedarfe', ['brauch*'], 'confirmed'));
    store.append(reviewRow({ ...long, segment: 2, text: 'kurz' }, 'bedarfe', ['brauch*'], 'confirmed'));
    store.close();
    expect(store.cuts.cells).toBe(1);
    const [, first, second] = rows(await readFile(join(dir, 'review.csv'), 'utf8'), ',');
    expect(first![8]).toBe(`${LONG.slice(0, 32_723)}… (+${LONG.length - 32_723} more characters in the transcript)`);
    expect(second![8]).toBe('kurz');
  });

  it('the codings reader reads a segments.csv with cut cells (it never reads the text)', async () => {
    const dir = await corpus();
    expect((await runCli(['analyze', 'lang.txt', '-c', 'cb.yaml', '-o', 'out', '-q', '--excel'], dir)).code).toBe(0);
    const read = await readCoding(join(dir, 'out', 'segments.csv'));
    expect(read.problems).toEqual([]);
    const codes = read.coding!.rows.filter((r) => r.segment === LONG_SEGMENT).map((r) => r.category);
    expect(codes).toEqual(['bedarfe', 'bedarfe/personal']);
  });
});
