import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/agree');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('fokus agree (codings)', () => {
  it('prints a table per category and overall, with the disagreements', async () => {
    // b.csv: `;`-separated with a BOM and CRLF, columns in another order, extra columns, an empty line.
    const run = await runCli(['agree', 'a.csv', 'b.csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'Agreement of 2 coders on 9 units and 3 categories',
        '  coder 1: a.csv',
        '  coder 2: b.csv',
        '',
        'category          units  coded  percent  cohen κ   alpha    BP κ',
        'bedarfe               9    4/4   0.7778   0.5500  0.5750  0.5556',
        'bedarfe/personal      9    1/0   0.8889   0.0000  0.0000  0.7778',
        'vernetzung            9    2/3   0.8889   0.7273  0.7385  0.7778',
        '(overall)            27          0.8519   0.6143  0.6214  0.7037',
        '',
        'coded: units each coder coded with the category (coder 1/coder 2/…); percent: share of units all coders agree on;',
        "cohen κ: Cohen's kappa; alpha: Krippendorff's alpha (nominal); BP κ: Brennan–Prediger kappa;",
        '(overall): every unit × category pair as one item.',
        '',
        'Disagreements: 4 unit × category pairs',
        '  gruppe1.txt#2  bedarfe/personal  coded by 1; not by 2',
        '  gruppe1.txt#4  vernetzung        coded by 2; not by 1',
        '  gruppe1.txt#5  bedarfe           coded by 1; not by 2',
        '  gruppe2.txt#3  bedarfe           coded by 2; not by 1',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV in codebook order with a category nobody coded left empty, not NaN', async () => {
    const run = await runCli(['agree', 'a.csv', 'b.csv', '-c', 'cb.yaml', '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger',
        'bedarfe,9,4|4,0.7778,0.5500,,0.5750,0.5556',
        'bedarfe/personal,9,1|0,0.8889,0.0000,,0.0000,0.7778',
        'vernetzung,9,2|3,0.8889,0.7273,,0.7385,0.7778',
        'sonstiges,9,0|0,1.0000,,,,1.0000',
        '(overall),36,,0.8889,0.6453,,0.6502,0.7778',
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it('explains undefined figures in the table', async () => {
    const run = await runCli(['agree', 'a.csv', 'b.csv', '-c', 'cb.yaml'], fixtures);
    expect(run.stdout).toContain('sonstiges             9    0/0   1.0000        —       —  1.0000\n');
    expect(run.stdout).toContain('— sonstiges: no variation: every coder gave every unit the same value, so the chance-corrected coefficient is 0/0.\n');
  });

  it('gives every figure unrounded in JSON, undefined ones as null with the reason', async () => {
    const run = await runCli(['agree', 'a.csv', 'b.csv', '-c', 'cb.yaml', '--format', 'json'], fixtures);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      mode: string;
      coders: string[];
      units: string[];
      categories: { category: string; cohen: number | null; alpha: number | null; reasons: Record<string, string> }[];
      overall: { cohen: number; alpha: number; items: number };
      disagreements: unknown[];
    };
    expect(json.mode).toBe('codings');
    expect(json.coders).toEqual(['a.csv', 'b.csv']);
    expect(json.units).toHaveLength(9);
    expect(json.categories[2]!.cohen).toBeCloseTo(8 / 11, 12);
    const sonstiges = json.categories[3]!;
    expect(sonstiges.cohen).toBeNull();
    expect(sonstiges.alpha).toBeNull();
    expect(sonstiges.reasons.alpha).toBe('no variation: every coder gave every unit the same value, so the chance-corrected coefficient is 0/0');
    expect(json.overall.items).toBe(36);
    expect(json.overall.cohen).toBeCloseTo(131 / 203, 12);
    expect(json.overall.alpha).toBeCloseTo(132 / 203, 12);
    expect(json.disagreements).toHaveLength(4);
  });

  it("counts units a coder declared with an empty category (Krippendorff's example A: alpha 0.095)", async () => {
    const run = await runCli(['agree', 'meg.csv', 'owen.csv', '--format', 'json'], fixtures);
    const json = JSON.parse(run.stdout) as { units: string[]; overall: { alpha: number; cohen: number; percent: number; brennanPrediger: number } };
    expect(json.units).toHaveLength(10);
    expect(json.overall.alpha).toBeCloseTo(2 / 21, 12);
    expect(json.overall.cohen).toBeCloseTo(1 / 11, 12);
    expect(json.overall.percent).toBeCloseTo(0.6, 12);
    expect(json.overall.brennanPrediger).toBeCloseTo(0.2, 12);
  });

  it("uses Fleiss' kappa for three coders and checks --min-agreement", async () => {
    const pass = await runCli(['agree', 'a.csv', 'b.csv', 'c.csv', '--min-agreement', '0.7'], fixtures);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('category          units  coded  percent  fleiss κ   alpha    BP κ\nbedarfe               9  4/4/4   0.7778    0.7000  0.7111  0.7037\n');
    expect(pass.stdout).toContain('  gruppe1.txt#2  bedarfe/personal  coded by 1, 3; not by 2\n');
    expect(pass.stderr).toBe("fokus: overall Krippendorff's alpha 0.7460 reaches --min-agreement 0.7\n");
    const fail = await runCli(['agree', 'a.csv', 'b.csv', 'c.csv', '--min-agreement', '0.75', '--format', 'csv'], fixtures);
    expect(fail.code).toBe(1);
    expect(fail.stdout.split('\n')[0]).toBe('category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger');
    expect(fail.stderr).toBe("fokus: overall Krippendorff's alpha 0.7460 is below --min-agreement 0.75\n");
    const kappa = await runCli(['agree', 'a.csv', 'b.csv', '--min-agreement', '0.62', '--metric', 'kappa'], fixtures);
    expect(kappa.code).toBe(1);
    expect(kappa.stderr).toBe("fokus: overall Cohen's kappa 0.6143 is below --min-agreement 0.62\n");
    const percent = await runCli(['agree', 'a.csv', 'b.csv', '--min-agreement', '.85', '--metric', 'percent'], fixtures);
    expect(percent.code).toBe(0);
    expect(percent.stderr).toBe('fokus: overall percent agreement 0.8519 reaches --min-agreement 0.85\n');
  });

  it('writes Excel CSV: BOM, semicolons, decimal commas', async () => {
    const run = await runCli(['agree', 'a.csv', 'b.csv', '--format', 'csv', '--excel'], fixtures);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      '\ufeffKategorie;Einheiten;kodiert von;Prozent;Cohens Kappa;Fleiss’ Kappa;Alpha;Brennan-Prediger',
      'bedarfe;9;4|4;0,7778;0,5500;;0,5750;0,5556',
    ]);
  });

  it('lists the first 20 disagreements unless --show-disagreements', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-agree-'));
    temps.push(dir);
    const rows = Array.from({ length: 25 }, (_, i) => `t.txt,${i + 1},k`);
    await writeFile(join(dir, 'x.csv'), ['transcript,segment,category', ...rows, 't.txt,26,k'].join('\n') + '\n');
    await writeFile(join(dir, 'y.csv'), 'transcript,segment,category\nt.txt,26,k\n');
    const short = await runCli(['agree', 'x.csv', 'y.csv'], dir);
    expect(short.stdout).toContain('Disagreements: 25 unit × category pairs (first 20)\n');
    expect(short.stdout).toContain('  t.txt#20  k  coded by 1; not by 2\n  … 5 more (--show-disagreements lists all; --format json has them all)\n');
    expect(short.stdout).not.toContain('t.txt#21');
    const all = await runCli(['agree', 'x.csv', 'y.csv', '--show-disagreements'], dir);
    expect(all.stdout).toContain('Disagreements: 25 unit × category pairs\n');
    expect(all.stdout).toContain('  t.txt#25  k  coded by 1; not by 2\n');
    expect(all.stdout).not.toContain('more (--show');
  });

  it('prints no disagreements for perfect agreement', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-agree-'));
    temps.push(dir);
    const text = 'transcript,segment,category\nt.txt,1,a\nt.txt,2,b\nt.txt,3,\n';
    await writeFile(join(dir, 'x.csv'), text);
    await writeFile(join(dir, 'y.csv'), text);
    const run = await runCli(['agree', 'x.csv', 'y.csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(['a              3    1/1   1.0000   1.0000  1.0000  1.0000', 'b              3    1/1   1.0000   1.0000  1.0000  1.0000', '(overall)      6          1.0000   1.0000  1.0000  1.0000'].join('\n'));
    expect(run.stdout.endsWith('\nNo disagreements.\n')).toBe(true);
  });
});

describe('fokus agree (bad usage and input)', () => {
  const usage = async (args: string[], message: string): Promise<void> => {
    const run = await runCli(['agree', ...args], fixtures);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`fokus: ${message}\n`);
  };

  it('needs two or more codings, or a ratings table', async () => {
    await usage(['a.csv'], 'agreement needs at least two codings, one per coder (got only a.csv)');
    await usage([], 'give two or more coding files (transcript,segment,category), or --ratings TABLE');
    await usage(['a.csv', 'b.csv', '--ratings', 'cohen-50.csv'], 'give either coding files or --ratings TABLE, not both');
    await usage(['a.csv', 'b.csv', '--level', 'interval'], '--level and --weights need --ratings TABLE');
    await usage(['a.csv', './a.csv'], './a.csv is given twice; each coder\'s coding once');
    await usage(['--ratings', 'krippendorff-2011.csv', '--weights', 'linear'], "--weights is for Cohen's kappa of exactly two coders (krippendorff-2011.csv has 4)");
  });

  it('rejects a threshold outside -1…1', async () => {
    const run = await runCli(['agree', 'a.csv', 'b.csv', '--min-agreement', '80', '--metric', 'percent'], fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'80' is not a number from -1 to 1 (percent agreement as a share: 0.8 for 80%)");
  });

  it('reports unusable codings with positions and exits 2', async () => {
    const run = await runCli(['agree', 'a.csv', 'missing-column.csv', 'bad-segment.csv', 'x.qdpx', 'nothing.csv'], fixtures);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'missing-column.csv:1:1: error: missing column "category" (found: transcript, segment, code); a coding needs transcript, segment and category as in segments.csv',
        'bad-segment.csv:3:15: error: segment "zwei" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
        'bad-segment.csv:4:13: error: segment "0" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
        'x.qdpx: error: no such file or folder',
        'nothing.csv: error: no such file or folder',
        '',
      ].join('\n'),
    );
  });

  it('warns about categories the codebook does not have and compares them all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-agree-'));
    temps.push(dir);
    await writeFile(join(dir, 'cb.yaml'), 'codebook: K\ncategories:\n  - code: a\n    label: A\n    terms: [a]\n');
    await writeFile(join(dir, 'x.csv'), 'transcript,segment,category\nt.txt,1,a\nt.txt,2,zz\nt.txt,3,zz\n');
    await writeFile(join(dir, 'y.csv'), 'transcript,segment,category\nt.txt,1,a\nt.txt,2,zz\n');
    const run = await runCli(['agree', 'x.csv', 'y.csv', '-c', 'cb.yaml', '-f', 'csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "x.csv:3:1: warning: category 'zz' is not in the codebook; it is compared all the same\n" +
        "y.csv:3:1: warning: category 'zz' is not in the codebook; it is compared all the same\n",
    );
    expect(run.stdout).toBe(
      [
        'category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger',
        'a,3,1|1,1.0000,1.0000,,1.0000,1.0000',
        'zz,3,2|1,0.6667,0.4000,,0.4444,0.3333',
        '(overall),6,,0.8333,0.6667,,0.6857,0.6667',
        '',
      ].join('\n'),
    );
  });
});

describe('fokus agree on codings that cover different things', () => {
  it('warns when two codings have no transcript in common, or no unit, and says what each covers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-agree-'));
    temps.push(dir);
    await writeFile(join(dir, 'x.csv'), 'transcript,segment,category\nt.txt,1,a\nt.txt,2,b\nu.txt,1,a\n');
    await writeFile(join(dir, 'y.csv'), 'transcript,segment,category\nv.txt,1,a\nv.txt,2,b\n');
    await writeFile(join(dir, 'z.csv'), 'transcript,segment,category\nt.txt,3,a\nt.txt,4,b\n');
    const run = await runCli(['agree', 'x.csv', 'y.csv', 'z.csv', '-f', 'csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      [
        'y.csv: warning: y.csv and x.csv have no transcript in common (x.csv codes 3 units of t.txt, u.txt; y.csv codes 2 units of v.txt): the figures compare units that only one of them coded, so they measure no agreement',
        'z.csv: warning: z.csv and x.csv have no unit in common in t.txt (x.csv codes 3 units of t.txt, u.txt; z.csv codes 2 units of t.txt): every unit was coded by one of them only — were they segmented alike?',
        'z.csv: warning: z.csv and y.csv have no transcript in common (y.csv codes 2 units of v.txt; z.csv codes 2 units of t.txt): the figures compare units that only one of them coded, so they measure no agreement',
        '',
      ].join('\n'),
    );
    // Codings that share units say nothing.
    const same = await runCli(['agree', 'x.csv', 'x.csv'.replace('x', './x'), '-f', 'csv'], dir);
    expect(same.stderr).toBe("fokus: ./x.csv is given twice; each coder's coding once\n");
    await writeFile(join(dir, 'w.csv'), 'transcript,segment,category\nt.txt,1,b\n');
    expect((await runCli(['agree', 'x.csv', 'w.csv', '-f', 'csv'], dir)).stderr).toBe('');
  });
});

describe('fokus agree with a REFI-QDA project', () => {
  it('compares a .qdpx that fokus exported with the segments.csv of the same run: perfect agreement', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-agree-'));
    temps.push(dir);
    const { copyFile } = await import('node:fs/promises');
    for (const f of ['cb.yaml', 'gruppe1.txt', 'gruppe2.txt']) await copyFile(join(fixtures, 'eval', f), join(dir, f));
    expect((await runCli(['export', 'gruppe1.txt', 'gruppe2.txt', '-c', 'cb.yaml', '--qdpx', 'p.qdpx'], dir)).code).toBe(0);
    expect((await runCli(['analyze', 'gruppe1.txt', 'gruppe2.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).code).toBe(0);
    const run = await runCli(['agree', 'p.qdpx', 'out/segments.csv', '-c', 'cb.yaml', '--format', 'csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger',
        'bedarfe,7,3|3,1.0000,1.0000,,1.0000,1.0000',
        'bedarfe/personal,7,1|1,1.0000,1.0000,,1.0000,1.0000',
        'vernetzung,7,3|3,1.0000,1.0000,,1.0000,1.0000',
        'finanzen,7,2|2,1.0000,1.0000,,1.0000,1.0000',
        'zeit,7,0|0,1.0000,,,,1.0000',
        'beteiligung,7,0|0,1.0000,,,,1.0000',
        '(overall),42,,1.0000,1.0000,,1.0000,1.0000',
        '',
      ].join('\n'),
    );
    const unmapped = await runCli(['agree', 'p.qdpx', 'out/segments.csv', '--format', 'csv'], dir);
    expect(unmapped.stderr).toContain("p.qdpx: warning: without --codebook the project's codes are compared by their names; give -c CODEBOOK to map them onto its categories\n");
  });
});

describe('fokus agree --ratings', () => {
  it("reproduces Krippendorff (2011): alpha 0.743, 0.815, 0.849, 0.797 by level", async () => {
    const expected = { nominal: '0.743', ordinal: '0.815', interval: '0.849', ratio: '0.797' };
    for (const [level, alpha] of Object.entries(expected)) {
      const run = await runCli(['agree', '--ratings', 'krippendorff-2011.csv', '--level', level, '--format', 'json'], fixtures);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as { level: string; alpha: { value: number; pairable: number } };
      expect(json.level).toBe(level);
      expect(json.alpha.value.toFixed(3)).toBe(alpha);
      expect(json.alpha.pairable).toBe(40);
    }
  });

  it('prints the figures and the units rated differently', async () => {
    const run = await runCli(['agree', '--ratings', 'krippendorff-2011.csv', '--level', 'interval'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Reliability of 4 coders on 12 units (krippendorff-2011.csv), level interval',
        '  coders: A, B, C, D',
        '',
        '  alpha (Krippendorff, interval)  0.8491  40 pairable values in 11 units',
        '  kappa (Fleiss)                  0.6415  8 units rated by every coder',
        '  percent agreement               0.6250  8 units rated by every coder',
        '',
        'Units rated differently: 3',
        '  2  A=2  B=2  C=3  D=2',
        '  6  A=1  B=2  C=3  D=4',
        '  8  A=1  B=1  C=2  D=1',
        '',
      ].join('\n'),
    );
  });

  it("reproduces Fleiss (1971): kappa 0.430 (labels, `;`-separated)", async () => {
    const run = await runCli(['agree', '--ratings', 'fleiss-1971.csv', '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(['figure,level,value,units', 'alpha,nominal,0.4334,30', 'fleiss_kappa,nominal,0.4302,30', 'percent,nominal,0.1667,30', ''].join('\n'));
  });

  it("reproduces the textbook Cohen's kappa 0.4 and fails --min-agreement 0.5 on it", async () => {
    const run = await runCli(['agree', '--ratings', 'cohen-50.csv', '--metric', 'kappa', '--min-agreement', '0.5', '--format', 'csv'], fixtures);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(['figure,level,value,units', 'alpha,nominal,0.4000,50', 'cohen_kappa,nominal,0.4000,50', 'percent,nominal,0.7000,50', ''].join('\n'));
    expect(run.stderr).toBe("fokus: Cohen's kappa 0.4000 is below --min-agreement 0.5\n");
  });

  it("weights Cohen's kappa linearly or quadratically (scikit-learn's example: 0.9412, 0.9541)", async () => {
    const unweighted = await runCli(['agree', '--ratings', 'weighted-100.csv', '--format', 'json'], fixtures);
    expect((JSON.parse(unweighted.stdout) as { cohen: { value: number } }).cohen.value).toBeCloseTo(68 / 73, 12);
    const linear = await runCli(['agree', '--ratings', 'weighted-100.csv', '--weights', 'linear', '--format', 'json'], fixtures);
    const json = JSON.parse(linear.stdout) as { weights: string; cohen: { value: number; units: number }; fleiss: null; reasons: Record<string, string> };
    expect(json.weights).toBe('linear');
    expect(json.cohen.value).toBeCloseTo(16 / 17, 12);
    expect(json.cohen.units).toBe(100);
    expect(json.fleiss).toBeNull();
    expect(json.reasons.fleiss).toBe("Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa");
    const quadratic = await runCli(['agree', '--ratings', 'weighted-100.csv', '--weights', 'quadratic'], fixtures);
    expect(quadratic.stdout).toContain('  kappa (Cohen, quadratic weights)  0.9541  100 units rated by both coders\n');
  });

  it('refuses labels where numbers are needed, naming the first cell and counting the others', async () => {
    const run = await runCli(['agree', '--ratings', 'fleiss-1971.csv', '--level', 'ordinal'], fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fleiss-1971.csv:2:3: error: "Neurose" is not a number (ordinal, interval and ratio data and weighted kappa need numbers; 179 more cells are no number either)\n');
  });
});
