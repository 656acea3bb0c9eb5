import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

// gruppe1.txt and gruppe2.txt coded with cb.yaml give (segments.csv): gruppe1.txt#2 bedarfe, bedarfe/personal;
// #3 vernetzung; #4 bedarfe (fehlt); #5 vernetzung; #7 finanzen; gruppe2.txt#2 vernetzung; #3 bedarfe, finanzen.
// gold.csv codes gruppe1.txt only: #2 personal (rolled up to bedarfe), #3 vernetzung, #4 zeit, #5 vernetzung
// and bedarfe, #7 finanzen; plus rows that cannot be compared (a moderator unit, an unknown category, unit
// and transcript).
const fixtures = resolve(import.meta.dirname, '../fixtures/agree/eval');
const base = ['evaluate', 'gruppe1.txt', 'gruppe2.txt', '-c', 'cb.yaml', '--gold', 'gold.csv'];

const WARNINGS = [
  'gold.csv:2:1: warning: unit gruppe1.txt#1 is a moderator unit, which is never coded; the row is left out',
  "gold.csv:11:1: warning: category 'sonstiges' is not in the codebook; its rows are left out",
  'gold.csv:12:1: warning: unit gruppe1.txt#99 does not exist (gruppe1.txt has 7 units; code with the same --unit as the gold coding); the row is left out',
  "gold.csv:13:1: warning: transcript 'gruppe3.txt' is not among the inputs (they are: gruppe1.txt, gruppe2.txt); its rows are left out",
  '',
].join('\n');

describe('fokus evaluate', () => {
  it('prints precision, recall and F1 per category with micro and macro averages and the units to look at', async () => {
    const run = await runCli(base, fixtures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(WARNINGS);
    expect(run.stdout).toBe(
      [
        "Rules of codebook 'Evaluationsbeispiel' against gold.csv: 1 transcript, 5 units",
        '  not in the gold coding, left out: gruppe2.txt',
        '',
        'category          label        tp  fp  fn  precision  recall      f1',
        'bedarfe           Bedarfe       1   1   1     0.5000  0.5000  0.5000',
        'bedarfe/personal  Personal      1   0   0     1.0000  1.0000  1.0000',
        'vernetzung        Vernetzung    2   0   0     1.0000  1.0000  1.0000',
        'finanzen          Finanzen      1   0   0     1.0000  1.0000  1.0000',
        'zeit              Zeit          0   0   1          —  0.0000  0.0000',
        'beteiligung       Beteiligung   0   0   0          —       —       —',
        '(micro)                         5   1   2     0.8333  0.7143  0.7692',
        '(macro)                                       0.8750  0.7000  0.7000',
        '',
        'tp: units both the rules and the gold coding code; fp: only the rules; fn: only the gold coding.',
        '(micro): over the summed counts; (macro): mean over the categories where the figure is defined;',
        '—: undefined (precision: the rules never coded the category; recall: the gold coding never has it).',
        '',
        'bedarfe:',
        '  False positives (1):',
        '    gruppe1.txt#4 (line 7, B3): "Uns fehlt vor allem Zeit für Absprachen."  [matched: fehlt]',
        '  False negatives (1):',
        '    gruppe1.txt#5 (line 9, B1): "Die Kooperation mit dem Jugendamt ist schwierig, wir bräuchten mehr Austausch."',
        'zeit:',
        '  False negatives (1):',
        '    gruppe1.txt#4 (line 7, B3): "Uns fehlt vor allem Zeit für Absprachen."',
        '',
      ].join('\n'),
    );
  });

  it('lists no examples with --limit 0', async () => {
    const run = await runCli([...base, '--limit', '0'], fixtures);
    expect(run.stdout.endsWith('recall: the gold coding never has it).\n')).toBe(true);
  });

  it('writes the figures as CSV, undefined ones empty', async () => {
    const run = await runCli([...base, '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,label,tp,fp,fn,precision,recall,f1',
        'bedarfe,Bedarfe,1,1,1,0.5000,0.5000,0.5000',
        'bedarfe/personal,Personal,1,0,0,1.0000,1.0000,1.0000',
        'vernetzung,Vernetzung,2,0,0,1.0000,1.0000,1.0000',
        'finanzen,Finanzen,1,0,0,1.0000,1.0000,1.0000',
        'zeit,Zeit,0,0,1,,0.0000,0.0000',
        'beteiligung,Beteiligung,0,0,0,,,',
        '(micro),,5,1,2,0.8333,0.7143,0.7692',
        '(macro),,,,,0.8750,0.7000,0.7000',
        '',
      ].join('\n'),
    );
  });

  it('writes every false positive and negative as CSV with --errors', async () => {
    const run = await runCli([...base, '--format', 'csv', '--errors', '--excel'], fixtures);
    expect(run.stdout).toBe(
      [
        '\ufeffkind;category;transcript;segment;speaker;line;matched;text',
        'fp;bedarfe;gruppe1.txt;4;B3;7;fehlt;Uns fehlt vor allem Zeit für Absprachen.',
        'fn;bedarfe;gruppe1.txt;5;B1;9;;Die Kooperation mit dem Jugendamt ist schwierig, wir bräuchten mehr Austausch.',
        'fn;zeit;gruppe1.txt;4;B3;7;;Uns fehlt vor allem Zeit für Absprachen.',
        '',
      ].join('\n'),
    );
  });

  it('gives every figure unrounded in JSON, undefined ones as null, with every example and warning', async () => {
    const run = await runCli(['evaluate', '.', '-c', 'cb.yaml', '--gold', 'gold.csv', '--format', 'json'], fixtures);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      units: number;
      transcripts: string[];
      unjudged: string[];
      categories: { category: string; precision: number | null; recall: number | null; f1: number | null; falsePositives: { unit: string; matched: string[] }[] }[];
      micro: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
      macro: { precision: number; recall: number; f1: number; categories: Record<string, number> };
      problems: { ruleId: string }[];
    };
    expect(json.units).toBe(5);
    expect(json.transcripts).toEqual(['gruppe1.txt']);
    expect(json.unjudged).toEqual(['gruppe2.txt']);
    expect(json.micro.precision).toBeCloseTo(5 / 6, 12);
    expect(json.micro.recall).toBeCloseTo(5 / 7, 12);
    expect(json.micro.f1).toBeCloseTo(10 / 13, 12);
    expect(json.macro).toEqual({ precision: 0.875, recall: 0.7, f1: 0.7, categories: { precision: 4, recall: 5, f1: 5 } });
    expect(json.categories.find((c) => c.category === 'beteiligung')).toMatchObject({ precision: null, recall: null, f1: null });
    expect(json.categories[0]!.falsePositives).toEqual([
      { unit: 'gruppe1.txt#4', transcript: 'gruppe1.txt', segment: 4, speaker: 'B3', line: 7, text: 'Uns fehlt vor allem Zeit für Absprachen.', matched: ['fehlt'] },
    ]);
    expect(json.problems.map((p) => p.ruleId)).toEqual(['evaluate/moderator-unit', 'evaluate/unknown-category', 'evaluate/unknown-unit', 'evaluate/unknown-transcript']);
  });

  it('exits 1 when the micro F1 is below --min-f1', async () => {
    const fail = await runCli([...base, '--format', 'csv', '--min-f1', '0.8'], fixtures);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toBe(WARNINGS + 'fokus: micro F1 0.7692 is below --min-f1 0.8\n');
    const pass = await runCli([...base, '--format', 'csv', '--min-f1', '0.75'], fixtures);
    expect(pass.code).toBe(0);
  });

  it('stops with exit 2 on bad usage or an unusable gold coding', async () => {
    const errors = await runCli([...base, '--errors'], fixtures);
    expect(errors.code).toBe(2);
    expect(errors.stderr).toBe('fokus: --errors goes with --format csv\n');
    const noGold = await runCli(['evaluate', 'gruppe1.txt', '-c', 'cb.yaml'], fixtures);
    expect(noGold.code).toBe(2);
    expect(noGold.stderr).toContain("required option '--gold <coding>' not specified");
    const badGold = await runCli(['evaluate', 'gruppe1.txt', '-c', 'cb.yaml', '--gold', 'cb.yaml'], fixtures);
    expect(badGold.code).toBe(2);
    expect(badGold.stdout).toBe('');
    expect(badGold.stderr).toBe(
      'cb.yaml:1:1: error: missing columns "transcript", "segment", "category" (found: codebook: evaluationsbeispiel); a coding needs transcript, segment and category as in segments.csv\n',
    );
  });

  it('takes a .qdpx project as the gold coding (the rules against their own export: all true positives)', async () => {
    const { copyFile, mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'fokus-evaluate-'));
    try {
      for (const f of ['cb.yaml', 'gruppe1.txt', 'gruppe2.txt']) await copyFile(join(fixtures, f), join(dir, f));
      expect((await runCli(['export', 'gruppe1.txt', 'gruppe2.txt', '-c', 'cb.yaml', '--qdpx', 'p.qdpx'], dir)).code).toBe(0);
      const run = await runCli(['evaluate', 'gruppe1.txt', 'gruppe2.txt', '-c', 'cb.yaml', '--gold', 'p.qdpx', '--format', 'csv'], dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n').slice(1, 5)).toEqual([
        'bedarfe,Bedarfe,3,0,0,1.0000,1.0000,1.0000',
        'bedarfe/personal,Personal,1,0,0,1.0000,1.0000,1.0000',
        'vernetzung,Vernetzung,3,0,0,1.0000,1.0000,1.0000',
        'finanzen,Finanzen,2,0,0,1.0000,1.0000,1.0000',
      ]);
      expect(run.stdout.split('\n')[7]).toBe('(micro),,9,0,0,1.0000,1.0000,1.0000');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when no unit of the inputs is in the gold coding', async () => {
    const run = await runCli(['evaluate', 'gruppe2.txt', '-c', 'cb.yaml', '--gold', 'gold.csv', '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[7]).toBe('(micro),,0,0,0,,,');
    expect(run.stderr.split('\n').at(-2)).toBe('fokus: no unit of the inputs is in gold.csv: are the transcript names the same as in its transcript column?');
  });
});
