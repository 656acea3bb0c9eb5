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
        "  depths compared: 1, 2 (the levels of the gold coding's codes; --depth to choose)",
        '',
        'category          label        tp  fp  fn  precision  recall      f1   kappa',
        'bedarfe           Bedarfe       1   1   1     0.5000  0.5000  0.5000  0.1667',
        'bedarfe/personal  Personal      1   0   0     1.0000  1.0000  1.0000  1.0000',
        'vernetzung        Vernetzung    2   0   0     1.0000  1.0000  1.0000  1.0000',
        'finanzen          Finanzen      1   0   0     1.0000  1.0000  1.0000  1.0000',
        'zeit              Zeit          0   0   1          —  0.0000  0.0000  0.0000',
        'beteiligung       Beteiligung   0   0   0          —       —       —       —',
        '(micro)                         5   1   2     0.8333  0.7143  0.7692',
        '(macro)                                       0.8750  0.7000  0.7000  0.6333',
        '',
        'tp: units both the rules and the gold coding code; fp: only the rules; fn: only the gold coding.',
        '(micro): over the summed counts; (macro): mean over the categories where the figure is defined;',
        "kappa: Cohen's kappa of the rules and the gold coding, present/absent per compared unit.",
        '—: undefined (precision: the rules never coded the category; recall: the gold coding never has it;',
        'kappa: both code it in every compared unit or in none).',
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
    expect(run.stdout.endsWith('kappa: both code it in every compared unit or in none).\n')).toBe(true);
  });

  it('writes the figures as CSV, undefined ones empty', async () => {
    const run = await runCli([...base, '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,label,tp,fp,fn,precision,recall,f1,kappa',
        'bedarfe,Bedarfe,1,1,1,0.5000,0.5000,0.5000,0.1667',
        'bedarfe/personal,Personal,1,0,0,1.0000,1.0000,1.0000,1.0000',
        'vernetzung,Vernetzung,2,0,0,1.0000,1.0000,1.0000,1.0000',
        'finanzen,Finanzen,1,0,0,1.0000,1.0000,1.0000,1.0000',
        'zeit,Zeit,0,0,1,,0.0000,0.0000,0.0000',
        'beteiligung,Beteiligung,0,0,0,,,,',
        '(micro),,5,1,2,0.8333,0.7143,0.7692,',
        '(macro),,,,,0.8750,0.7000,0.7000,0.6333',
        '',
      ].join('\n'),
    );
  });

  it('writes every false positive and negative as CSV with --errors', async () => {
    const run = await runCli([...base, '--format', 'csv', '--errors', '--excel'], fixtures);
    expect(run.stdout).toBe(
      [
        '\ufeffArt;Kategorie;Transkript;Segment;Sprecher:in;Zeile;gefunden durch;Text',
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
      depths: number[];
      depthsFrom: string;
      categories: {
        category: string;
        precision: number | null;
        recall: number | null;
        f1: number | null;
        kappa: number | null;
        falsePositives: { unit: string; matched: string[] }[];
      }[];
      micro: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
      macro: { precision: number; recall: number; f1: number; kappa: number; categories: Record<string, number> };
      problems: { ruleId: string }[];
    };
    expect(json.units).toBe(5);
    expect(json.transcripts).toEqual(['gruppe1.txt']);
    expect(json.unjudged).toEqual(['gruppe2.txt']);
    expect(json.micro.precision).toBeCloseTo(5 / 6, 12);
    expect(json.micro.recall).toBeCloseTo(5 / 7, 12);
    expect(json.micro.f1).toBeCloseTo(10 / 13, 12);
    expect(json.depths).toEqual([1, 2]);
    expect(json.depthsFrom).toBe('gold');
    // bedarfe over the 5 units: tp 1, fp 1, fn 1, tn 2: p_o = 3/5, p_e = 2/5·2/5 + 3/5·3/5 = 13/25, κ = (2/25)/(12/25) = 1/6.
    expect(json.categories[0]!.kappa).toBeCloseTo(1 / 6, 12);
    // macro kappa: (1/6 + 1 + 1 + 1 + 0) / 5 (zeit: p_o = 4/5 = p_e, κ = 0; beteiligung undefined).
    expect(json.macro.kappa).toBeCloseTo(19 / 30, 12);
    expect(json.macro).toMatchObject({ precision: 0.875, recall: 0.7, f1: 0.7, categories: { precision: 4, recall: 5, f1: 5, kappa: 5 } });
    expect(json.categories.find((c) => c.category === 'beteiligung')).toMatchObject({ precision: null, recall: null, f1: null, kappa: null });
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
        'bedarfe,Bedarfe,3,0,0,1.0000,1.0000,1.0000,1.0000',
        'bedarfe/personal,Personal,1,0,0,1.0000,1.0000,1.0000,1.0000',
        'vernetzung,Vernetzung,3,0,0,1.0000,1.0000,1.0000,1.0000',
        'finanzen,Finanzen,2,0,0,1.0000,1.0000,1.0000,1.0000',
      ]);
      expect(run.stdout.split('\n')[7]).toBe('(micro),,9,0,0,1.0000,1.0000,1.0000,');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when no unit of the inputs is in the gold coding', async () => {
    const run = await runCli(['evaluate', 'gruppe2.txt', '-c', 'cb.yaml', '--gold', 'gold.csv', '--format', 'csv'], fixtures);
    expect(run.code).toBe(0);
    // No gold code in a compared unit: every level of the codebook is compared, as before --depth.
    expect(run.stdout.split('\n')[7]).toBe('(micro),,0,0,0,,,,');
    expect(run.stderr.split('\n').at(-2)).toBe('fokus: no unit of the inputs is in gold.csv: are the transcript names the same as in its transcript column?');
  });
});

// tests/fixtures/evaluate: a.txt, b.txt, c.txt coded with cb.yaml (bedarfe > personal, raeume; vernetzung > schule)
// give 10 compared units (a.txt#1 is the moderator's). The rules code (roll-up included):
//   a#2 bedarfe, personal   a#3 vernetzung, schule   a#4 bedarfe, raeume   a#5 —
//   b#1 bedarfe, personal   b#2 vernetzung           b#3 bedarfe, vernetzung, schule   b#4 —
//   c#1 —                   c#2 bedarfe, personal
// gold-top.csv codes only top-level categories: bedarfe a#2 a#5 b#1 c#1 c#2; vernetzung a#3 b#3 b#4.
// gold.csv codes both levels: personal a#2 b#1; schule a#3; raeume a#4 c#1; bedarfe a#5 c#2; vernetzung b#3 b#4.
//
// Cohen's kappa per category from its 2×2 table over N = 10 units, with p1 = (tp+fp)/N the rules' share,
// p2 = (tp+fn)/N the gold share: p_o = (tp+tn)/N, p_e = p1·p2 + (1−p1)(1−p2), κ = (p_o − p_e)/(1 − p_e).
//   gold-top bedarfe:     tp 3 fp 2 fn 2 tn 3: p_o = 0.6, p_e = 0.5·0.5 + 0.5·0.5 = 0.5,  κ = 0.1/0.5 = 0.2
//   gold-top vernetzung:  tp 2 fp 1 fn 1 tn 6: p_o = 0.8, p_e = 0.3·0.3 + 0.7·0.7 = 0.58, κ = 0.22/0.42 = 11/21
//   gold bedarfe (rolled up: a#2 a#4 a#5 b#1 c#1 c#2): tp 4 fp 1 fn 2 tn 3: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
//   gold personal:        tp 2 fp 1 fn 0 tn 7: p_o = 0.9, p_e = 0.3·0.2 + 0.7·0.8 = 0.62, κ = 0.28/0.38 = 14/19
//   gold raeume:          tp 1 fp 0 fn 1 tn 8: p_o = 0.9, p_e = 0.1·0.2 + 0.9·0.8 = 0.74, κ = 0.16/0.26 = 8/13
//   gold schule:          tp 1 fp 1 fn 0 tn 8: p_o = 0.9, p_e = 0.2·0.1 + 0.8·0.9 = 0.74, κ = 8/13
//   gold-top with --depth 2, e.g. personal: tp 0 fp 3 fn 0 tn 7: p_o = 0.7, p_e = 0.3·0 + 0.7·1 = 0.7, κ = 0
const depthFixtures = resolve(import.meta.dirname, '../fixtures/evaluate');
const corpus = ['evaluate', 'a.txt', 'b.txt', 'c.txt', '-c', 'cb.yaml'];

describe('fokus evaluate --depth, kappa and --min-macro-f1', () => {
  it('compares only the levels the gold coding codes by default: subcategories of the rules are no false positives', async () => {
    const run = await runCli([...corpus, '--gold', 'gold-top.csv', '--limit', '0'], depthFixtures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        "Rules of codebook 'Tiefenbeispiel' against gold-top.csv: 3 transcripts, 10 units",
        "  depth compared: 1 (the levels of the gold coding's codes; --depth to choose)",
        '',
        'category    label       tp  fp  fn  precision  recall      f1   kappa',
        'bedarfe     Bedarfe      3   2   2     0.6000  0.6000  0.6000  0.2000',
        'vernetzung  Vernetzung   2   1   1     0.6667  0.6667  0.6667  0.5238',
        '(micro)                  5   3   3     0.6250  0.6250  0.6250',
        '(macro)                                0.6333  0.6333  0.6333  0.3619',
        '',
        'tp: units both the rules and the gold coding code; fp: only the rules; fn: only the gold coding.',
        '(micro): over the summed counts; (macro): mean over the categories where the figure is defined;',
        "kappa: Cohen's kappa of the rules and the gold coding, present/absent per compared unit.",
        '—: undefined (precision: the rules never coded the category; recall: the gold coding never has it;',
        'kappa: both code it in every compared unit or in none).',
        '',
      ].join('\n'),
    );
  });

  it('compares both levels when the gold coding codes both, and gives kappa as the last CSV column', async () => {
    const run = await runCli([...corpus, '--gold', 'gold.csv', '--format', 'csv'], depthFixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,label,tp,fp,fn,precision,recall,f1,kappa',
        'bedarfe,Bedarfe,4,1,2,0.8000,0.6667,0.7273,0.4000',
        'bedarfe/personal,Personal,2,1,0,0.6667,1.0000,0.8000,0.7368',
        'bedarfe/raeume,Räume,1,0,1,1.0000,0.5000,0.6667,0.6154',
        'vernetzung,Vernetzung,2,1,1,0.6667,0.6667,0.6667,0.5238',
        'vernetzung/schule,Schule,1,1,0,0.5000,1.0000,0.6667,0.6154',
        '(micro),,10,4,4,0.7143,0.7143,0.7143,',
        '(macro),,,,,0.7267,0.7667,0.7055,0.5783',
        '',
      ].join('\n'),
    );
    // --depth 1,2 and --depth 1 --depth 2 (in any order) compare the same categories as the default.
    const commaSeparated = await runCli([...corpus, '--gold', 'gold.csv', '--format', 'csv', '--depth', '1,2'], depthFixtures);
    const repeated = await runCli([...corpus, '--gold', 'gold.csv', '--format', 'csv', '--depth', '2', '--depth', '1'], depthFixtures);
    expect(commaSeparated.stdout).toBe(run.stdout);
    expect(repeated.stdout).toBe(run.stdout);
  });

  it('compares only the subcategories with --depth 2 (the gold codes still roll up to level 1, which is left out)', async () => {
    const run = await runCli([...corpus, '--gold', 'gold.csv', '--depth', '2', '--format', 'csv'], depthFixtures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'category,label,tp,fp,fn,precision,recall,f1,kappa',
        'bedarfe/personal,Personal,2,1,0,0.6667,1.0000,0.8000,0.7368',
        'bedarfe/raeume,Räume,1,0,1,1.0000,0.5000,0.6667,0.6154',
        'vernetzung/schule,Schule,1,1,0,0.5000,1.0000,0.6667,0.6154',
        '(micro),,4,2,1,0.6667,0.8000,0.7273,',
        '(macro),,,,,0.7222,0.8333,0.7111,0.6559',
        '',
      ].join('\n'),
    );
    const table = await runCli([...corpus, '--gold', 'gold.csv', '--depth', '2', '--limit', '0'], depthFixtures);
    expect(table.stdout.split('\n')[1]).toBe('  depth compared: 2 (--depth)');
  });

  it('gives kappa and the compared depths in JSON, unrounded', async () => {
    const run = await runCli([...corpus, '--gold', 'gold.csv', '--depth', '2', '--format', 'json'], depthFixtures);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      depths: number[];
      depthsFrom: string;
      categories: { category: string; kappa: number | null }[];
      micro: Record<string, unknown>;
      macro: { kappa: number; categories: Record<string, number> };
    };
    expect(json.depths).toEqual([2]);
    expect(json.depthsFrom).toBe('option');
    expect(json.categories.map((c) => c.category)).toEqual(['bedarfe/personal', 'bedarfe/raeume', 'vernetzung/schule']);
    const kappas = json.categories.map((c) => c.kappa!);
    [14 / 19, 8 / 13, 8 / 13].forEach((k, i) => expect(kappas[i]).toBeCloseTo(k, 12));
    expect(json.macro.kappa).toBeCloseTo((14 / 19 + 8 / 13 + 8 / 13) / 3, 12);
    expect(json.macro.categories).toEqual({ precision: 3, recall: 3, f1: 3, kappa: 3 });
    expect('kappa' in json.micro).toBe(false);
    const top = JSON.parse((await runCli([...corpus, '--gold', 'gold-top.csv', '--format', 'json'], depthFixtures)).stdout) as typeof json;
    expect([top.depths, top.depthsFrom]).toEqual([[1], 'gold']);
    expect(top.categories[0]!.kappa).toBeCloseTo(0.2, 12);
    expect(top.categories[1]!.kappa).toBeCloseTo(11 / 21, 12);
    expect(top.macro.kappa).toBeCloseTo((0.2 + 11 / 21) / 2, 12);
  });

  it('leaves undefined kappa empty in CSV and null in JSON', async () => {
    // Only c.txt: its units c#1 (rules: nothing) and c#2 (rules: bedarfe, personal); gold-top codes bedarfe in both, vernetzung in neither.
    // bedarfe: tp 1 fn 1: p1 = 0.5, p2 = 1, p_e = 0.5, p_o = 0.5, κ = 0; vernetzung: nobody codes it, p_e = 1, κ undefined.
    const csv = await runCli(['evaluate', 'c.txt', '-c', 'cb.yaml', '--gold', 'gold-top.csv', '--format', 'csv'], depthFixtures);
    expect(csv.stdout.split('\n').slice(1, 5)).toEqual([
      'bedarfe,Bedarfe,1,0,1,1.0000,0.5000,0.6667,0.0000',
      'vernetzung,Vernetzung,0,0,0,,,,',
      '(micro),,1,0,1,1.0000,0.5000,0.6667,',
      '(macro),,,,,1.0000,0.5000,0.6667,0.0000',
    ]);
    const json = JSON.parse((await runCli(['evaluate', 'c.txt', '-c', 'cb.yaml', '--gold', 'gold-top.csv', '--format', 'json'], depthFixtures)).stdout) as {
      categories: { kappa: number | null }[];
    };
    expect(json.categories.map((c) => c.kappa)).toEqual([0, null]);
  });

  it('warns when the gold coding has no category at a depth --depth asks for', async () => {
    const run = await runCli([...corpus, '--gold', 'gold-top.csv', '--depth', '2', '--format', 'csv'], depthFixtures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'gold-top.csv: warning: the gold coding has no category at depth 2 in the compared units; every unit the rules code at that depth counts as a false positive\n',
    );
    expect(run.stdout.split('\n').slice(1, 6)).toEqual([
      'bedarfe/personal,Personal,0,3,0,0.0000,,0.0000,0.0000',
      'bedarfe/raeume,Räume,0,1,0,0.0000,,0.0000,0.0000',
      'vernetzung/schule,Schule,0,2,0,0.0000,,0.0000,0.0000',
      '(micro),,0,6,0,0.0000,,0.0000,',
      '(macro),,,,,0.0000,,0.0000,0.0000',
    ]);
  });

  it('refuses a --depth that is no level of the codebook', async () => {
    const deep = await runCli([...corpus, '--gold', 'gold.csv', '--depth', '1,3'], depthFixtures);
    expect(deep.code).toBe(2);
    expect(deep.stdout).toBe('');
    expect(deep.stderr).toBe('fokus: --depth 3: the codebook has no category at that level (its levels: 1, 2)\n');
    const zero = await runCli([...corpus, '--gold', 'gold.csv', '--depth', '0'], depthFixtures);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("'0' is not a level ≥ 1 or a comma-separated list of them");
  });

  it('exits 1 when the macro F1 is below --min-macro-f1, reporting every threshold missed', async () => {
    // gold-top.csv: micro F1 = 10/16 = 0.625, macro F1 = (0.6 + 2/3)/2 = 0.6333.
    const pass = await runCli([...corpus, '--gold', 'gold-top.csv', '--format', 'csv', '--min-macro-f1', '0.63', '--min-f1', '0.62'], depthFixtures);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('');
    const macro = await runCli([...corpus, '--gold', 'gold-top.csv', '--format', 'csv', '--min-macro-f1', '0.64', '--min-f1', '0.62'], depthFixtures);
    expect(macro.code).toBe(1);
    expect(macro.stderr).toBe('fokus: macro F1 0.6333 is below --min-macro-f1 0.64\n');
    const both = await runCli([...corpus, '--gold', 'gold-top.csv', '--format', 'csv', '--min-macro-f1', '0.64', '--min-f1', '0.63'], depthFixtures);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('fokus: micro F1 0.6250 is below --min-f1 0.63\nfokus: macro F1 0.6333 is below --min-macro-f1 0.64\n');
    const bad = await runCli([...corpus, '--gold', 'gold-top.csv', '--min-macro-f1', '1.5'], depthFixtures);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'1.5' is not a number from 0 to 1");
  });
});
