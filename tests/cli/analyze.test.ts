import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { project, removeProjects } from '../errors/project.js';
import type { Report } from '../../src/types.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/cli');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

const codebook = `codebook: Mini
moderators: [I]
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*]
    categories:
      - code: personal
        label: Personal
        terms: [personal*]
  - code: vernetzung
    label: Vernetzung
    terms: [vernetz*, netzwerk*, kooperation*]
perspectives:
  - code: netz-bedarf
    label: Vernetzungsbedarf
    when: {all: [bedarfe, vernetzung]}
`;

async function withCodebook(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-cli-'));
  temps.push(dir);
  const { writeFile, copyFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'cb.yaml'), codebook);
  await copyFile(join(fixtures, 'mini.txt'), join(dir, 'mini.txt'));
  return dir;
}

describe('fokus analyze', () => {
  it('prints every codebook problem with position and exits 2 without a stack trace', async () => {
    const run = await runCli(['analyze', 'mini.txt', '-c', 'broken.yaml'], fixtures);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        "broken.yaml:3:5: error: codebook.categories[1] is missing 'label'",
        "broken.yaml:4:5: error: unknown key 'lable' in codebook.categories[1] (did you mean 'label'?)",
        "broken.yaml:5:22: error: codebook.categories[1].terms[2] 'z.B.' may hold only letters, digits, '-', \"'\", '*' and spaces",
        "broken.yaml:6:11: error: duplicate category code 'bedarfe' (first at line 3)",
        'broken.yaml:10:17: error: codebook.categories[2].rules[1].within must be at least 1, not -1',
        '',
      ].join('\n'),
    );
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('writes frequencies as CSV to stdout', async () => {
    const dir = await withCodebook();
    const run = await runCli(['analyze', 'mini.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,label,level,segments,share,matches,transcripts,speakers',
        'bedarfe,Bedarfe,1,1,0.5000,2,1,1',
        'bedarfe/personal,Personal,2,1,0.5000,1,1,1',
        'vernetzung,Vernetzung,1,2,1.0000,3,1,2',
        '',
      ].join('\n'),
    );
  });

  it('writes the report files into --out and a summary to stderr', async () => {
    const dir = await withCodebook();
    const run = await runCli(['analyze', 'mini.txt', '-c', 'cb.yaml', '-o', 'out', '--by', 'speaker'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('fokus: 1 transcript, 4 units (2 codable, 2 moderator); report written to out\n');
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      '.fokus-output',
      'comparison_by_speaker.csv',
      'cooccurrence.csv',
      'frequencies.csv',
      'frequencies_by_speaker.csv',
      'keyterms.csv',
      'perspectives.csv',
      'report.html',
      'report.json',
      'segments.csv',
    ]);
    expect(await readFile(join(dir, 'out/segments.csv'), 'utf8')).toBe(
      [
        'transcript,segment,speaker,start,end,line,category,matched,source,text',
        'mini.txt,2,B1,,,3,bedarfe,brauch*|personal*,rule,Wir brauchen mehr Personal und eine bessere Vernetzung.',
        'mini.txt,2,B1,,,3,bedarfe/personal,personal*,rule,Wir brauchen mehr Personal und eine bessere Vernetzung.',
        'mini.txt,2,B1,,,3,vernetzung,vernetz*,rule,Wir brauchen mehr Personal und eine bessere Vernetzung.',
        'mini.txt,3,B2,,,5,vernetzung,netzwerk*|kooperation*,rule,Das Netzwerk funktioniert schon gut. Und die Kooperation mit der Schule auch.',
        '',
      ].join('\n'),
    );
    const perspectives = await readFile(join(dir, 'out/perspectives.csv'), 'utf8');
    expect(perspectives.split('\n').slice(0, 2)).toEqual([
      'perspective,label,kind,support,transcripts,speakers,categories,evidence,lift,p,groups',
      'netz-bedarf,Vernetzungsbedarf,declared,1,1,1,bedarfe|vernetzung,mini.txt#2,,,',
    ]);
    expect(await readFile(join(dir, 'out/frequencies_by_speaker.csv'), 'utf8')).toBe(
      [
        'transcript,speaker,category,segments,share',
        'mini.txt,B1,bedarfe,1,1.0000',
        'mini.txt,B1,bedarfe/personal,1,1.0000',
        'mini.txt,B1,vernetzung,1,1.0000',
        'mini.txt,B2,bedarfe,0,0.0000',
        'mini.txt,B2,bedarfe/personal,0,0.0000',
        'mini.txt,B2,vernetzung,1,1.0000',
        '',
      ].join('\n'),
    );
  });

  it('uses the shipped codebook when -c is not given and prints the six categories', async () => {
    const run = await runCli(['analyze', join(fixtures, 'mini.txt'), '-q'], fixtures);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(/\s+/)[0]);
    // 80 columns when stdout is no terminal: the labels stand for the categories, their codes make room.
    expect(rows).toEqual(expect.arrayContaining(['Bedarfe', 'Akteure', 'Vernetzungspotentiale', 'Kooperationssynergien', 'Chancen', 'Herausforderungen']));
  });

  it('refuses an unknown format and an unknown unit as usage errors', async () => {
    const bad = await runCli(['analyze', 'mini.txt', '-f', 'xml'], fixtures);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json.");
  });
});

describe('fokus analyze --max-emergent', () => {
  const repo = resolve(import.meta.dirname, '../..');
  const emergent = (json: string): string[] =>
    (JSON.parse(json) as { perspectives: { code: string; kind: string }[] }).perspectives.filter((p) => p.kind === 'emergent').map((p) => p.code);

  it('reports only the first N emergent perspectives, says so on stderr, and records N in the options', async () => {
    const all = await runCli(['analyze', 'samples', '-f', 'json'], repo);
    const capped = await runCli(['analyze', 'samples', '-f', 'json', '--max-emergent', '2'], repo);
    expect([all.code, capped.code]).toEqual([0, 0]);
    expect(emergent(all.stdout)).toHaveLength(26);
    expect(emergent(capped.stdout)).toEqual(emergent(all.stdout).slice(0, 2));
    expect((JSON.parse(capped.stdout) as { options: { maxEmergent: number } }).options.maxEmergent).toBe(2);
    expect((JSON.parse(all.stdout) as { options: { maxEmergent: number } }).options.maxEmergent).toBe(50);
    expect(capped.stderr).toContain(
      'warning: 26 emergent perspectives pass min-support 3 and min-lift 1.5; the first 2 (pairs, then triples, by lift) are reported: ' +
        'raise --min-support or --min-lift, or --max-emergent (0 = all)',
    );
    expect(all.stderr).not.toContain('emergent perspectives pass');
  });

  it('0 reports them all; a negative or fractional number is refused', async () => {
    const none = await runCli(['analyze', 'samples', '-f', 'json', '--max-emergent', '0'], repo);
    expect(emergent(none.stdout)).toHaveLength(26);
    const bad = await runCli(['analyze', 'samples', '--max-emergent', '1.5'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'1.5' is not a whole number ≥ 0");
  });
});

describe('fokus analyze: emergent perspectives past the bound of tests', () => {
  it('says when the support needed was raised because too many combinations reach --min-support', async () => {
    // 50 unrelated categories that all code the same three units: C(50,2) + C(50,3) = 20 825 combinations
    // reach support 3, more than the 20 000 tested; none reaches 4, so none is tested at all.
    const words = Array.from({ length: 50 }, (_, i) => `wort${i + 1}`);
    const codebook = `codebook: Viele\ncategories:\n${words.map((w) => `  - code: k${w}\n    label: K ${w}\n    terms: [${w}]\n`).join('')}`;
    const text = ['A', 'B', 'C', 'D'].map((s, i) => `${s}: ${i < 3 ? words.join(' ') : 'nichts davon'}\n`).join('\n');
    const dir = await project({ 'cb.yaml': codebook, 't.txt': text });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-f', 'json'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.problems.filter((p) => p.ruleId === 'analyze/emergent-pruned').map((p) => p.message)).toEqual([
      'more than 20000 category combinations reach min-support 3; only those with support ≥ 4 were tested for emergent perspectives: raise --min-support to choose the bound yourself',
    ]);
    expect(report.perspectives.filter((p) => p.kind === 'emergent')).toEqual([]);
  });
});
afterAll(removeProjects);

describe('fokus analyze in German and English', () => {
  const repo = resolve(import.meta.dirname, '../..');

  it('prints German throughout with LANG=de_DE.UTF-8 and English with LANG=C; --lang wins over LANG', async () => {
    const de = await runCli(['analyze', 'samples', '-p', 'samples/participants.csv'], repo, { LANG: 'de_DE.UTF-8' });
    const en = await runCli(['analyze', 'samples', '-p', 'samples/participants.csv'], repo, { LANG: 'C' });
    const forced = await runCli(['analyze', 'samples', '--lang', 'en'], repo, { LANG: 'de_DE.UTF-8' });
    expect([de.code, en.code, forced.code]).toEqual([0, 0, 0]);
    expect(de.stdout.split('\n').slice(1, 4)).toEqual([
      '3 Transkripte, 197 Einheiten (155 kodierbar), 18 Sprecher:innen',
      '',
      'Kategorie                 Segmente  Anteil  Treffer  Transkripte  Sprecher:innen',
    ]);
    expect(de.stderr).toBe('fokus: 3 Transkripte, 197 Einheiten (155 kodierbar, 42 der Moderation)\n');
    expect(en.stdout.split('\n').slice(1, 4)).toEqual(['3 transcripts, 197 units (155 codable), 18 speakers', '', 'category                         segments  share  matches  transcripts  speakers']);
    expect(en.stderr).toBe('fokus: 3 transcripts, 197 units (155 codable, 42 moderator)\n');
    expect(forced.stdout).toBe(en.stdout);
    for (const word of ['Perspektiven', 'Emergente Perspektiven', 'Gemeinsames Auftreten der Hauptkategorien']) expect(de.stdout).toContain(word);
    for (const word of ['units', 'speakers', 'transcripts', 'Perspectives', 'Co-occurrence', 'matches']) expect(de.stdout).not.toContain(word);
    expect(Math.max(...de.stdout.split('\n').map((l) => Array.from(l).length))).toBeLessThanOrEqual(80);
    expect(Math.max(...en.stdout.split('\n').map((l) => Array.from(l).length))).toBeLessThanOrEqual(80);
  });

  it('writes the HTML report in the codebook language whatever LANG says, in English with --lang en', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fokus-lang-'));
    temps.push(out);
    const english = await runCli(['--lang', 'en', 'analyze', 'samples', '-o', join(out, 'en'), '-q'], repo, { LANG: 'de_DE.UTF-8' });
    const german = await runCli(['analyze', 'samples', '-o', join(out, 'de'), '-q'], repo, { LANG: 'C' });
    expect([english.code, german.code]).toEqual([0, 0]);
    const en = await readFile(join(out, 'en/report.html'), 'utf8');
    const de = await readFile(join(out, 'de/report.html'), 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2 id="haeufigkeiten-h">Frequencies</h2>');
    expect(de).toContain('<html lang="de">');
    expect(de).toContain('<h2 id="haeufigkeiten-h">Häufigkeiten</h2>');
  });
});

describe('fokus analyze --excel', () => {
  const repo = resolve(import.meta.dirname, '../..');

  it('names the columns in German, and its segments.csv reads back as a coding', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fokus-excel-'));
    try {
      const run = await runCli(['analyze', 'samples', '--excel', '-o', out, '-q'], repo);
      expect(run.code).toBe(0);
      const head = async (name: string): Promise<string> => (await readFile(join(out, name), 'utf8')).split('\n')[0]!;
      expect(await head('frequencies.csv')).toBe('\ufeffKategorie;Bezeichnung;Ebene;Segmente;Anteil;Treffer;Transkripte;Sprecher:innen');
      expect(await head('segments.csv')).toBe('\ufeffTranskript;Segment;Sprecher:in;Beginn;Ende;Zeile;Kategorie;gefunden durch;Quelle;Text');
      await copyFile(join(out, 'segments.csv'), join(out, 'again.csv'));
      const agree = await runCli(['agree', join(out, 'segments.csv'), join(out, 'again.csv'), '-f', 'csv'], repo);
      expect(agree.stderr).toBe('');
      expect(agree.stdout.split('\n')[0]).toBe('category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger');
      expect(agree.stdout).toContain('\nbedarfe,');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
