import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const here = resolve(import.meta.dirname, '../fixtures/cli/retrieval');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('fokus show', () => {
  it('lists the units of a category with transcript, speaker, time and line, matches in [[…]]', async () => {
    const run = await runCli(['show', '.', '-c', 'cb.yaml', '--category', 'personal'], here);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'a.txt#2 · B1 · 00:00:05–00:00:20 · line 3',
        '  Wir brauchen mehr [[Personal]] und eine Plattform für den Austausch.',
        '',
        'b.txt#1 · B3 · line 1',
        '  Wir brauchen [[Fachkräfte]].',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('fokus: 2 units coded with bedarfe/personal\n');
  });

  it('colours the matches on a terminal when colour is forced', async () => {
    const run = await runCli(['show', 'b.txt', '-c', 'cb.yaml', '--category', 'bedarfe/personal'], here, { FORCE_COLOR: '1' });
    expect(run.stdout).toBe('\u001b[2mb.txt#1 · B3 · line 1\u001b[22m\n  Wir brauchen \u001b[1m\u001b[33mFachkräfte\u001b[39m\u001b[22m.\n');
  });

  it('writes the segments.csv rows of the category, or JSON', async () => {
    const csv = await runCli(['show', '.', '-c', 'cb.yaml', '--category', 'vernetzung', '-f', 'csv'], here);
    expect(csv.stdout).toBe(
      [
        'transcript,segment,speaker,start,end,line,category,matched,source,text',
        'a.txt,2,B1,00:00:05,00:00:20,3,vernetzung,plattform*,rule,Wir brauchen mehr Personal und eine Plattform für den Austausch.',
        'a.txt,3,B2,00:00:20,00:00:40,5,vernetzung,netzwerk*,rule,Da haben wir keinen Bedarf an Personal. Austausch gibt es im Netzwerk.',
        'b.txt,2,B4,,,3,vernetzung,netzwerk*,rule,Das Netzwerk trägt den Austausch.',
        '',
      ].join('\n'),
    );
    const json = await runCli(['show', 'b.txt', '-c', 'cb.yaml', '--category', 'vernetzung', '-f', 'json'], here);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        category: 'vernetzung',
        end: '',
        line: 3,
        matches: [{ by: 'netzwerk*', end: 12, start: 4, text: 'Netzwerk' }],
        segment: 2,
        speaker: 'B4',
        start: '',
        text: 'Das Netzwerk trägt den Austausch.',
        transcript: 'b.txt',
      },
    ]);
  });

  it('refuses an unknown category with exit code 2', async () => {
    const run = await runCli(['show', '.', '-c', 'cb.yaml', '--category', 'netz'], here);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("fokus: no category 'netz' in codebook 'Retrieval' (did you mean vernetzung?)\n");
    const near = await runCli(['show', '.', '-c', 'cb.yaml', '--category', 'bedarf'], here);
    expect(near.stderr).toBe("fokus: no category 'bedarf' in codebook 'Retrieval' (did you mean bedarfe, bedarfe/personal?)\n");
    const far = await runCli(['show', '.', '-c', 'cb.yaml', '--category', 'chancen'], here);
    expect([far.code, far.stderr]).toEqual([2, "fokus: no category 'chancen' in codebook 'Retrieval'\n"]);
  });
});

describe('fokus kwic', () => {
  it('gives keyword-in-context lines with the keyword in one column', async () => {
    const run = await runCli(['kwic', 'austausch', '.', '-c', 'cb.yaml', '-w', '15'], here);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'a.txt#2  B1  ttform für den [[Austausch]].',
        'a.txt#3  B2  f an Personal. [[Austausch]] gibt es im Net',
        'a.txt#4  B1             Der [[Austausch]] ist wichtig.',
        'b.txt#2  B4  werk trägt den [[Austausch]].',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('fokus: 4 hits in 4 units\n');
  });

  it('searches moderator turns too and marks them; --no-moderators leaves them out', async () => {
    const run = await runCli(['kwic', 'brauch*', 'a.txt', '-c', 'cb.yaml', '-w', '8'], here);
    expect(run.stdout).toBe(['a.txt#1  I (Mod.)      Was [[brauchen]] Sie?', 'a.txt#2  B1            Wir [[brauchen]] mehr Pe', ''].join('\n'));
    const csv = await runCli(['kwic', 'brauch*', 'a.txt', '-c', 'cb.yaml', '-w', '4', '-f', 'csv'], here);
    expect(csv.stdout).toBe('transcript,segment,speaker,moderator,start,line,left,match,right\na.txt,1,I,true,,1,Was ,brauchen, Sie\na.txt,2,B1,false,00:00:05,3,Wir ,brauchen, meh\n');
    const without = await runCli(['kwic', 'brauch*', 'a.txt', '-c', 'cb.yaml', '-w', '8', '--no-moderators'], here);
    expect(without.stdout).toBe('a.txt#2  B1      Wir [[brauchen]] mehr Pe\n');
  });

  it('takes phrases, globs and folding of the term language, and CSV', async () => {
    const run = await runCli(['kwic', 'brauch* fachkraefte', 'b.txt', '-c', 'cb.yaml', '-w', '5', '-f', 'csv'], here);
    expect(run.stdout).toBe('transcript,segment,speaker,moderator,start,line,left,match,right\nb.txt,1,B3,false,,1,Wir ,brauchen Fachkräfte,.\n');
    const gap = await runCli(['kwic', 'wir * fachkraefte', 'b.txt', '-c', 'cb.yaml', '-w', '5'], here);
    expect(gap.stdout).toBe('b.txt#1  B3       [[Wir brauchen Fachkräfte]].\n');
    const noFold = await runCli(['kwic', 'brauch* fachkraefte', 'b.txt', '-c', 'cb.yaml', '--no-fold'], here);
    expect(noFold.stdout).toBe('');
    expect(noFold.stderr).toBe('fokus: 0 hits in 0 units\n');
  });

  it("--stem and --no-stem override the codebook's stemming either way", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-kwic-stem-'));
    temps.push(dir);
    const { writeFile } = await import('node:fs/promises');
    const stemming = 'codebook: S\nmatch: {stem: true}\ncategories:\n  - code: k\n    label: K\n    terms: [kooperation]\n';
    await writeFile(join(dir, 'stem.yaml'), stemming);
    await writeFile(join(dir, 'plain.yaml'), stemming.replace('match: {stem: true}\n', ''));
    await writeFile(join(dir, 't.txt'), 'B1: Wir suchen Kooperationen.\n\nB2: Eine Kooperation gibt es.\n');
    const kwic = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => runCli(['kwic', 'kooperation', 't.txt', '-w', '4', ...args], dir);
    const both = ['t.txt#1  B1  hen [[Kooperationen]].', 't.txt#2  B2  ine [[Kooperation]] gib', ''].join('\n');
    const asWritten = 't.txt#2  B2  ine [[Kooperation]] gib\n';
    expect(await kwic('-c', 'stem.yaml')).toEqual({ code: 0, stdout: both, stderr: 'fokus: 2 hits in 2 units\n' });
    expect(await kwic('-c', 'stem.yaml', '--no-stem')).toEqual({ code: 0, stdout: asWritten, stderr: 'fokus: 1 hit in 1 unit\n' });
    expect(await kwic('-c', 'plain.yaml')).toEqual({ code: 0, stdout: asWritten, stderr: 'fokus: 1 hit in 1 unit\n' });
    expect(await kwic('-c', 'plain.yaml', '--stem')).toEqual({ code: 0, stdout: both, stderr: 'fokus: 2 hits in 2 units\n' });
  });

  it('refuses a term outside the term language', async () => {
    const run = await runCli(['kwic', 'z.B.', '.', '-c', 'cb.yaml'], here);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("fokus: 'z.B.' is not a term: a term holds only letters, digits, '-', \"'\", '*' and spaces\n");
  });
});

describe('fokus explain', () => {
  it('shows what coded a unit and which exclude blocked which category', async () => {
    const run = await runCli(['explain', '.', '-c', 'cb.yaml', '--segment', 'a.txt#3'], here);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'a.txt#3 · B2 · 00:00:20–00:00:40 · line 5',
        '  Da haben wir keinen Bedarf an Personal. Austausch gibt es im [[Netzwerk]].',
        '',
        'Coded:',
        '  vernetzung (Vernetzung): 1 hit',
        '    "Netzwerk" by term netzwerk* at 61–69',
        '',
        'Blocked by an exclude:',
        '  bedarfe (Bedarfe): its own exclude',
        '    excluded by "keinen Bedarf" by term kein* bedarf* at 13–26',
        '    overruled "Bedarf" by term *bedarf* at 20–26',
        '  bedarfe/personal (Personal): the exclude of bedarfe',
        '    excluded by "keinen Bedarf" by term kein* bedarf* at 13–26',
        '    overruled "Personal" by term personal* at 30–38',
        '',
      ].join('\n'),
    );
  });

  it('shows roll-up and gives JSON', async () => {
    const run = await runCli(['explain', 'b.txt', '-c', 'cb.yaml', '--segment', 'b.txt#1', '-f', 'json'], here);
    const json = JSON.parse(run.stdout);
    expect(json.coded).toEqual([
      { from: ['bedarfe/personal'], hits: 2, label: 'Bedarfe', own: [{ by: 'brauch*', end: 12, start: 4, text: 'brauchen' }], path: 'bedarfe' },
      { from: [], hits: 1, label: 'Personal', own: [{ by: 'fachkräft*', end: 23, start: 13, text: 'Fachkräfte' }], path: 'bedarfe/personal' },
    ]);
    expect(json.unit).toMatchObject({ transcript: 'b.txt', segment: 1, speaker: 'B3', line: 1 });
  });

  it('finds the transcript without its extension (a.txt#3 as a#3)', async () => {
    const full = await runCli(['explain', '.', '-c', 'cb.yaml', '--segment', 'a.txt#3'], here);
    const short = await runCli(['explain', '.', '-c', 'cb.yaml', '--segment', 'a#3'], here);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(full.stdout);
  });

  it('refuses ids it cannot find with exit code 2', async () => {
    const cases: [string, string][] = [
      ['a.txt', "fokus: 'a.txt' is not a unit id: give TRANSCRIPT#N, e.g. interview.txt#12\n"],
      ['c.txt#1', 'fokus: no transcript \'c.txt\' among the inputs (a.txt, b.txt)\n'],
      ['a.txt#9', 'fokus: a.txt has no unit 9 (units 1–4)\n'],
    ];
    for (const [id, message] of cases) {
      const run = await runCli(['explain', '.', '-c', 'cb.yaml', '--segment', id], here);
      expect([run.code, run.stdout, run.stderr]).toEqual([2, '', message]);
    }
  });
});

describe('fokus suggest', () => {
  it('lists frequent words no term covers, with an example', async () => {
    const run = await runCli(['suggest', '.', '-c', 'cb.yaml', '--min-count', '2', '-w', '10'], here);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(['word       count  units  example', 'austausch      4      4  m für den [[Austausch]]. (a.txt#2)', ''].join('\n'));
    const csv = await runCli(['suggest', '.', '-c', 'cb.yaml', '--min-count', '1', '--top', '2', '-w', '5', '-f', 'csv'], here);
    expect(csv.stdout).toBe('word,count,units,transcript,segment,example\naustausch,4,4,a.txt,2, den [[Austausch]].\nträgt,1,1,b.txt,2,werk [[trägt]] den \n');
  });
});

describe('fokus analyze with analysis options', () => {
  it('writes co-occurrence in window scope, comparisons by group and key terms', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fokus-analysis-'));
    temps.push(out);
    const run = await runCli(
      ['analyze', 'a.txt', 'b.txt', '-c', 'cb.yaml', '-p', 'participants.csv', '--by', 'group', '--cooccur-scope', 'window:2', '-o', out, '-q'],
      here,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Codable units: a#2 {bedarfe, personal, vernetzung}, a#3 {vernetzung}, a#4 {}, b#1 {bedarfe, personal}, b#2 {vernetzung}.
    expect(await readFile(join(out, 'cooccurrence.csv'), 'utf8')).toBe(
      [
        'category_a,category_b,segments,jaccard,c',
        'bedarfe,vernetzung,4,1.0000,0.6667',
        'bedarfe/personal,vernetzung,4,1.0000,0.6667',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(out, 'comparison_by_group.csv'), 'utf8')).toBe(
      [
        'group,category,segments,units,share,rest_segments,rest_units,rest_share,g2,p,flag',
        'Praxis,bedarfe,1,3,0.3333,1,2,0.5000,0.1384,1.0000,',
        'Praxis,bedarfe/personal,1,3,0.3333,1,2,0.5000,0.1384,1.0000,',
        'Praxis,vernetzung,2,3,0.6667,1,2,0.5000,0.1384,1.0000,',
        'Ziel,bedarfe,1,2,0.5000,1,3,0.3333,0.1384,1.0000,',
        'Ziel,bedarfe/personal,1,2,0.5000,1,3,0.3333,0.1384,1.0000,',
        'Ziel,vernetzung,1,2,0.5000,2,3,0.6667,0.1384,1.0000,',
        '',
      ].join('\n'),
    );
    // "brauchen" is in both bedarfe units and in none of the other three: G² = 4·ln 2.5 + 6·ln(5/3).
    expect(await readFile(join(out, 'keyterms.csv'), 'utf8')).toBe(
      'category,term,units,other_units,g2\nbedarfe,brauchen,2,0,6.7301\nbedarfe/personal,brauchen,2,0,6.7301\n',
    );
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.options).toEqual({
      by: ['group'],
      cooccurScope: 'window:2',
      keyterms: 10,
      maxEmergent: 50,
      minLift: 1.5,
      minSupport: 3,
      moderators: ['I'],
      // The participants file, relative to the working folder, with the sha256 of its bytes.
      participants: { path: 'participants.csv', sha256: 'ff6387f9bb90f88dfc6d10e6953707a9106544d4a6a65b7bd92eb45ebab6e4a4' },
      unit: 'turn',
    });
    // Windows of two codable units: a.txt {bedarfe, personal, vernetzung}, {vernetzung}; b.txt {bedarfe, personal, vernetzung}.
    expect(report.cooccurrence[0]).toEqual({ a: 'bedarfe', b: 'vernetzung', c: 2 / 3, contexts: { a: 2, b: 3, both: 2 }, jaccard: 1, segments: 4 });
    expect(report.comparisons[0].rows[0]).toEqual({
      category: 'bedarfe',
      flag: '',
      g2: expect.closeTo(2 * (2 * Math.log(1 / 1.2) + 2 * Math.log(2 / 1.8) + Math.log(1.25)), 12),
      p: expect.closeTo(1, 12),
      restSegments: 1,
      restShare: 0.5,
      restUnits: 2,
      segments: 1,
      share: 1 / 3,
      units: 3,
      value: 'Praxis',
    });
  });

  it('refuses a bad scope, support or lift as usage errors', async () => {
    for (const [flag, value] of [
      ['--cooccur-scope', 'window:0'],
      ['--min-support', '0'],
      ['--min-lift', '-1'],
      ['--keyterms', 'many'],
    ]) {
      const run = await runCli(['analyze', 'a.txt', '-c', 'cb.yaml', flag!, value!], here);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`'${value}' is not`);
    }
  });
});
