import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

// The fixture of tests/learn/index.test.ts: the gold coding codes `kooperation` where a
// Kooperationsvertrag or kooperieren is mentioned (the codebook lacks both), and the codebook codes
// `probleme` where the Anfahrt is schwierig and in negated mentions, which the gold coding does not.
const fixtures = path.resolve(import.meta.dirname, '../fixtures/learn');
const FILES = ['a.txt', 'b.txt', 'c.txt', 'cb.yaml', 'gold.csv', 'review.csv'];
const base = ['learn', 'a.txt', 'b.txt', 'c.txt', '-c', 'cb.yaml', '--gold', 'gold.csv'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fokus-learn-'));
  for (const f of FILES) await copyFile(path.join(fixtures, f), path.join(dir, f));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CSV = [
  'category,kind,proposal,tp,fp,precision,recall,delta_f1_heldout,delta_f1_whole,folds_gained,folds_changed,folds,status,reason,verified',
  'kooperation,term,kooperationsvertrag,6,0,1.0000,0.3750,0.4910,0.4910,3,3,3,kept,,true',
  'kooperation,term,kooperieren,6,0,1.0000,0.3750,0.2879,0.2879,3,3,3,kept,,true',
  "kooperation,compound,*vertrag,0,0,1.0000,0.3750,0.0000,0.0000,0,0,3,dropped,overlaps kept 'kooperationsvertrag',false",
  "kooperation,phrase,kooperationsvertrag mit,0,0,1.0000,0.2500,0.0000,0.0000,0,0,3,dropped,overlaps kept 'kooperationsvertrag',false",
  'kooperation,term,partnerschaft,3,0,1.0000,0.1875,0.0000,0.1034,0,0,3,dropped,no held-out gain (ΔF1 +0.0000: no fold is helped by what the other folds learn),false',
  'kooperation,phrase,die partnerschaft,3,0,1.0000,0.1875,0.0000,0.1034,0,0,3,dropped,no held-out gain (ΔF1 +0.0000: no fold is helped by what the other folds learn),false',
  'kooperation,phrase,partnerschaft mit,3,0,1.0000,0.1875,0.0000,0.1034,0,0,3,dropped,no held-out gain (ΔF1 +0.0000: no fold is helped by what the other folds learn),false',
  'probleme,exclude,exclude: anfahrt,0,-6,1.0000,0.5000,0.1667,0.1667,3,3,3,kept,,true',
  "probleme,exclude,exclude: die anfahrt,0,0,,0.0000,0.0000,0.0000,0,0,3,dropped,overlaps kept 'exclude: anfahrt',false",
  'probleme,negation,negation: true,0,-5,1.0000,0.8333,0.3571,0.3571,3,3,3,kept,,true',
  'probleme,exclude,exclude: schwierig,-1,0,0.0000,0.0000,0.0000,-0.1905,0,0,3,dropped,removes true codings: -1 tp/-0 fp lowers F1 on the whole coding,false',
  '',
].join('\n');

describe('fokus learn', () => {
  it('writes the new codebook: the learned items under their categories, marked, comments of the input kept; it passes codebook check', async () => {
    const run = await runCli([...base, '-o', 'neu.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('fokus: 4 of 11 proposals kept for 2 categories; macro F1 0.2255 → 0.8768 (whole coding), held-out 0.2255 → 0.8768; written to neu.yaml\n');
    const old = await readFile(path.join(dir, 'cb.yaml'), 'utf8');
    const neu = await readFile(path.join(dir, 'neu.yaml'), 'utf8');
    expect(neu).toContain('# Testcodebuch für fokus learn: dieser Kommentar muss erhalten bleiben.\n');
    expect(neu).toContain('      - zusammenarbeit   # vorhanden\n');
    expect(neu).toBe(
      old
        .replace('      - zusammenarbeiten\n', '      - zusammenarbeiten\n      - kooperationsvertrag  # learned: +6 tp/+0 fp, F1 +0.491 (held-out)\n      - kooperieren  # learned: +6 tp/+0 fp, F1 +0.288 (held-out)\n')
        .replace('    terms: [problem, schwierig]\n', '    match: {negation: true}  # learned: -0 tp/-5 fp, F1 +0.357 (held-out)\n    terms: [problem, schwierig]\n    exclude:\n      - anfahrt  # learned: -0 tp/-6 fp, F1 +0.167 (held-out)\n'),
    );
    expect(await readFile(path.join(dir, 'cb.yaml'), 'utf8')).toBe(old);
    const check = await runCli(['codebook', 'check', 'neu.yaml'], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('all 2 examples and 1 counterexample passed');
    // The new codebook does what learn said.
    const evaluated = await runCli(['evaluate', 'a.txt', 'b.txt', 'c.txt', '-c', 'neu.yaml', '--gold', 'gold.csv', '-f', 'csv'], dir);
    expect(evaluated.stdout.split('\n').slice(1, 3)).toEqual(['kooperation,Kooperation,13,0,3,1.0000,0.8125,0.8966,0.8075', 'probleme,Probleme,3,1,0,0.7500,1.0000,0.8571,0.8394']);
  });

  it('prints the proposals as CSV: every judged one, kept or dropped with the reason', async () => {
    const run = await runCli([...base, '--dry-run', '-f', 'csv', '-q'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(CSV);
  });

  it('reads a review file (fokus review) as the gold coding: rejected codings code nothing', async () => {
    const run = await runCli(['learn', 'a.txt', 'b.txt', 'c.txt', '-c', 'cb.yaml', '--gold', 'review.csv', '--dry-run', '-f', 'csv', '-q'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(CSV);
  });

  it('prints the table: proposals, then F1 per category before and after', async () => {
    const run = await runCli([...base, '--dry-run'], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("Rules learned for codebook 'Lernbeispiel' from gold.csv: 3 transcripts, 31 units, cross-validation by transcript, 3 folds");
    expect(lines[3]).toBe('category     kind      proposal                 +tp  +fp  precision  recall  ΔF1 held-out  folds  status');
    expect(lines[4]).toBe('kooperation  term      kooperationsvertrag       +6    0     1.0000  0.3750       +0.4910    3/3  kept');
    expect(lines).toContain('kooperation  term      partnerschaft             +3    0     1.0000  0.1875       +0.0000    0/3  dropped: no held-out gain (ΔF1 +0.0000: no fold is helped by what the other folds learn)');
    expect(lines).toContain('probleme     exclude   exclude: anfahrt           0   -6     1.0000  0.5000       +0.1667    3/3  kept');
    expect(lines).toContain('kooperation     2       7     0.1176    0.8966           0.1176          0.8966');
    expect(lines).toContain('Dry run: 4 proposals would be kept; nothing written.');
    expect(await readdir(dir)).toEqual(FILES);
  });

  it('prints the table in German: words, headings, reasons and decimal commas; proposals, kinds and codes as written', async () => {
    const run = await runCli([...base, '--dry-run'], dir, { LANG: 'de_DE.UTF-8' });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      "Regeln für den Kodierleitfaden 'Lernbeispiel' gelernt aus gold.csv: 3 Transkripte, 31 Einheiten, Kreuzvalidierung nach Transkript, 3 Folds",
      '  verglichene Ebene: 1',
      '',
      'Kategorie    Art       Vorschlag                +tp  +fp  precision  recall  ΔF1 zurückgehalten  Folds  Status',
      'kooperation  term      kooperationsvertrag       +6    0     1,0000  0,3750             +0,4910    3/3  behalten',
    ]);
    expect(lines).toContain('probleme     exclude   exclude: die anfahrt       0    0          —  0,0000             +0,0000    0/3  verworfen: überschneidet sich mit dem behaltenen \'exclude: anfahrt\'');
    expect(lines).toContain('Kategorie    behalten  bewertet  F1 vorher  F1 nachher  zurückgehalten vorher  zurückgehalten nachher');
    expect(lines).toContain('(macro)                             0,2255      0,8768                 0,2255                  0,8768');
    expect(lines.at(-2)).toBe('Probelauf: 4 Vorschläge würden behalten; nichts geschrieben.');
    expect(run.stderr).toBe('fokus: 4 von 11 Vorschlägen für 2 Kategorien behalten; Makro-F1 0,2255 → 0,8768 (ganze Kodierung), zurückgehalten 0,2255 → 0,8768; Probelauf, nichts geschrieben\n');
  });

  it('gives JSON with the proposals, the categories before and after, the folds and the check', async () => {
    const run = await runCli([...base, '--dry-run', '-f', 'json', '-q'], dir);
    const json = JSON.parse(run.stdout) as Record<string, unknown> & { proposals: Record<string, unknown>[]; categories: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['categories', 'check', 'codebook', 'depths', 'folds', 'gold', 'macro', 'out', 'proposals', 'transcripts', 'units']);
    expect(Object.keys(json.proposals[0]!)).toEqual([
      'category',
      'deltaF1',
      'deltaF1Whole',
      'folds',
      'foldsChanged',
      'foldsGained',
      'kind',
      'label',
      'precision',
      'reason',
      'recall',
      'status',
      'terms',
      'text',
      'tp',
      'fp',
      'verified',
    ].sort());
    expect(json.proposals[0]).toMatchObject({ category: 'kooperation', kind: 'term', text: 'kooperationsvertrag', terms: ['kooperationsvertrag'], tp: 6, fp: 0, status: 'kept', verified: true });
    expect(json.proposals.find((p) => p.kind === 'near' || p.text === 'negation: true')).toMatchObject({ kind: 'negation', terms: [] });
    expect(Object.keys(json.categories[0]!)).toEqual(['after', 'before', 'category', 'heldOutAfter', 'heldOutBefore', 'judged', 'kept', 'label', 'notJudged']);
    expect(json.folds).toEqual({ by: 'transcript', count: 3 });
    expect(json.out).toBeNull();
  });

  it('gives byte-identical codebooks on two runs', async () => {
    expect((await runCli([...base, '-o', 'eins.yaml', '-q'], dir)).code).toBe(0);
    expect((await runCli([...base, '-o', 'zwei.yaml', '-q'], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'eins.yaml'))).toEqual(await readFile(path.join(dir, 'zwei.yaml')));
  });

  it('refuses to write over the codebook, the gold coding or a transcript (exit 2, nothing written)', async () => {
    for (const target of ['cb.yaml', './gold.csv', 'a.txt', path.join(dir, 'cb.yaml')]) {
      const before = await readFile(path.join(dir, path.basename(target)));
      const run = await runCli([...base, '-o', target, '-q'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`${target}: error: refusing to write over an input file (the new codebook must go to a new file)\n`);
      expect(run.stdout).toBe('');
      expect(await readFile(path.join(dir, path.basename(target)))).toEqual(before);
    }
    expect(await readdir(dir)).toEqual(FILES);
  });

  it('needs -o or --dry-run, not both; an unknown category is a usage error', async () => {
    const none = await runCli(base, dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('fokus: learn needs -o NEW.yaml to write the new codebook to (or --dry-run to only print the proposals)\n');
    const both = await runCli([...base, '-o', 'x.yaml', '--dry-run'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('fokus: --dry-run writes nothing: leave out -o, or leave out --dry-run\n');
    const unknown = await runCli([...base, '--dry-run', '--category', 'zeit'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("fokus: no category 'zeit' in codebook 'Lernbeispiel'\n");
  });
});
