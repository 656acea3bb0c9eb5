import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

// The command line in German (LANG=de_*, or --lang de): problems with the severity word localised,
// usage errors and summaries; file names and quoted input as given. English stays as it was.

let dir: string;
const GERMAN = { LANG: 'de_DE.UTF-8' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fokus-german-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.txt'), 'B1: Wir brauchen mehr Personal.\n');
  writeFileSync(join(dir, 'in', 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
  writeFileSync(join(dir, 'in', 'c.txt'), Buffer.from('B1: Gr\xfc\xdfe\n', 'latin1'));
  writeFileSync(join(dir, 'p.csv'), 'speaker,group\nB1,Schule\nB1,Kita\n,x\n');
  copyFileSync(join(import.meta.dirname, '../fixtures/cli/broken.yaml'), join(dir, 'broken.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANALYZE = ['analyze', 'in', 'fehlt.txt', '-p', 'p.csv', '--by', 'rolle', '-f', 'csv'];

describe('fokus in German', () => {
  it('analyze: every problem and the summary in German, file names and labels as given', async () => {
    const r = await runCli(ANALYZE, dir, GERMAN);
    expect([r.code, r.stderr.split('\n')]).toEqual([
      2,
      [
        'fehlt.txt: Fehler: keine solche Datei und kein solcher Ordner',
        'in/b.txt: Fehler: ist ein PNG-Bild, kein Text',
        'in/c.txt:1:7: Warnung: kein gültiges UTF-8, als Windows-1252 gelesen',
        'p.csv: Warnung: --by rolle: die Teilnehmendenliste hat keine Spalte "rolle" (Spalten: group)',
        'p.csv:3:1: Warnung: Sprecher:in "B1" ist erneut aufgeführt (zuerst in Zeile 2); diese Zeile wird ignoriert',
        'p.csv:4:1: Warnung: die Zeile hat keine Sprecher:in und wird ignoriert',
        'fokus: 2 Transkripte, 2 Einheiten (2 kodierbar, 0 der Moderation); 1 Datei übersprungen (in/b.txt)',
        '',
      ],
    ]);
  });

  it('the same run in English with LANG=C, with --lang en under a German locale, and with LC_ALL over LANG', async () => {
    const english = [
      'fehlt.txt: error: no such file or folder',
      'in/b.txt: error: is a PNG image, not text',
      'in/c.txt:1:7: warning: not valid UTF-8, read as Windows-1252',
      'p.csv: warning: --by rolle: the participants file has no column "rolle" (columns: group)',
      'p.csv:3:1: warning: speaker "B1" is listed again (first at line 2); this row is ignored',
      'p.csv:4:1: warning: row has no speaker and is ignored',
      'fokus: 2 transcripts, 2 units (2 codable, 0 moderator); 1 file skipped (in/b.txt)',
      '',
    ];
    const runs = await Promise.all([
      runCli(ANALYZE, dir, { LANG: 'C' }),
      runCli(['--lang', 'en', ...ANALYZE], dir, GERMAN),
      runCli(ANALYZE, dir, { LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' }),
    ]);
    for (const r of runs) expect(r.stderr.split('\n')).toEqual(english);
    // --lang de speaks German whatever the locale.
    expect((await runCli(['--lang', 'de', ...ANALYZE], dir, { LANG: 'C' })).stderr).toBe((await runCli(ANALYZE, dir, GERMAN)).stderr);
  });

  it('codebook check: the codebook problems in German; codebook keys and paths stay as written', async () => {
    const r = await runCli(['codebook', 'check', 'broken.yaml'], dir, GERMAN);
    expect([r.code, r.stdout, r.stderr.split('\n')]).toEqual([
      2,
      '',
      [
        "broken.yaml:3:5: Fehler: in codebook.categories[1] fehlt 'label'",
        "broken.yaml:4:5: Fehler: unbekannter Schlüssel 'lable' in codebook.categories[1] (gemeint ist wohl 'label')",
        `broken.yaml:5:22: Fehler: codebook.categories[1].terms[2] 'z.B.' darf nur Buchstaben, Ziffern, '-', "'", '*' und Leerzeichen enthalten`,
        "broken.yaml:6:11: Fehler: doppelter Kategoriecode 'bedarfe' (zuerst in Zeile 3)",
        'broken.yaml:10:17: Fehler: codebook.categories[2].rules[1].within muss mindestens 1 sein, ist aber -1',
        '',
      ],
    ]);
  });

  it('usage errors in German', async () => {
    const runs = await Promise.all([
      runCli(['agree', 'x.csv'], dir, GERMAN),
      runCli(['analyze', 'in', '--encoding', 'klingon'], dir, GERMAN),
      runCli(['kwic', 'z.B.', 'in'], dir, GERMAN),
    ]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [2, 'fokus: Übereinstimmung braucht mindestens zwei Kodierungen, eine je Kodierer:in (nur x.csv angegeben)\n'],
      [2, '--encoding: Fehler: unbekannte Zeichenkodierung "klingon" (zum Beispiel utf-8, windows-1252, latin1, utf-16le)\n'],
      [2, `fokus: 'z.B.' ist kein Begriff: ein Begriff enthält nur Buchstaben, Ziffern, '-', "'", '*' und Leerzeichen\n`],
    ]);
  });

  it('report.json keeps its problems in English, without catalogue keys, whatever the language', async () => {
    const r = await runCli(['analyze', 'in', '-p', 'p.csv', '-o', 'out', '-q'], dir, GERMAN);
    expect(r.stderr).toContain('p.csv:4:1: Warnung: die Zeile hat keine Sprecher:in und wird ignoriert');
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { problems: Record<string, unknown>[] };
    expect(report.problems.find((p) => p.ruleId === 'participants/no-speaker')).toEqual({
      file: 'p.csv',
      line: 4,
      column: 1,
      severity: 'warning',
      message: 'row has no speaker and is ignored',
      ruleId: 'participants/no-speaker',
    });
  });
});

describe('the figures of the text tables in German', () => {
  const agreeFixtures = resolve(import.meta.dirname, '../fixtures/agree');

  it('agree: a decimal comma in the table; the CSV keeps its point', async () => {
    const r = await runCli(['agree', 'a.csv', 'b.csv'], agreeFixtures, GERMAN);
    expect(r.stdout.split('\n').slice(4, 9)).toEqual([
      'Kategorie         Einheiten  kodiert  Prozent  cohen κ   alpha    BP κ',
      'bedarfe                   9      4/4   0,7778   0,5500  0,5750  0,5556',
      'bedarfe/personal          9      1/0   0,8889   0,0000  0,0000  0,7778',
      'vernetzung                9      2/3   0,8889   0,7273  0,7385  0,7778',
      '(overall)                27            0,8519   0,6143  0,6214  0,7037',
    ]);
    const csv = await runCli(['agree', 'a.csv', 'b.csv', '--format', 'csv'], agreeFixtures, GERMAN);
    expect(csv.stdout.split('\n')[1]).toBe('bedarfe,9,4|4,0.7778,0.5500,,0.5750,0.5556');
  });

  it('evaluate: a decimal comma in the table', async () => {
    const r = await runCli(['evaluate', '.', '-c', 'cb.yaml', '--gold', 'gold.csv', '--limit', '0'], resolve(import.meta.dirname, '../fixtures/evaluate'), GERMAN);
    expect(r.stdout.split('\n').slice(3, 12)).toEqual([
      'Kategorie          Bezeichnung  tp  fp  fn  precision  recall      f1   kappa',
      'bedarfe            Bedarfe       4   1   2     0,8000  0,6667  0,7273  0,4000',
      'bedarfe/personal   Personal      2   1   0     0,6667  1,0000  0,8000  0,7368',
      'bedarfe/raeume     Räume         1   0   1     1,0000  0,5000  0,6667  0,6154',
      'vernetzung         Vernetzung    2   1   1     0,6667  0,6667  0,6667  0,5238',
      'vernetzung/schule  Schule        1   1   0     0,5000  1,0000  0,6667  0,6154',
      '(micro)                         10   4   4     0,7143  0,7143  0,7143',
      '(macro)                                        0,7267  0,7667  0,7055  0,5783',
      '',
    ]);
  });
});
