import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/types.js';
import { runCli, type CliRun } from './run.js';

/** The fixtures of the readers: `formats/` holds one transcript of every format (and encoding). */
const cwd = fileURLToPath(new URL('../fixtures/read/', import.meta.url));

describe('fokus analyze over a folder that mixes every transcript format', () => {
  let out = '';
  let run: CliRun;
  let report: Report;
  const file = (name: string): Promise<string> => readFile(path.join(out, name), 'utf8');

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'fokus-formats-'));
    run = await runCli(['analyze', 'formats', '-p', 'formats-participants.csv', '--by', 'role', '--out', out, '-q', '-f', 'csv'], cwd);
    report = JSON.parse(await file('report.json')) as Report;
  }, 120_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  test('every file is read, in sorted path order, with its format and encoding', () => {
    expect(run.code).toBe(0);
    expect(report.inputs.map((i) => [i.id, i.format, i.encoding])).toEqual([
      ['01-plain.txt', 'text', 'utf-8'],
      ['02-teams.vtt', 'vtt', 'utf-8'],
      ['03-zoom.vtt', 'vtt', 'utf-8'],
      ['04-untertitel.srt', 'srt', 'utf-8'],
      ['05-whisper.json', 'whisper', 'utf-8'],
      ['06-whisperx.json', 'whisper', 'utf-8'],
      ['07-noscribe.html', 'noscribe', 'utf-8'],
      ['08-interview.docx', 'docx', 'binary'],
      ['09-f4.rtf', 'rtf', 'windows-1252'],
      ['10-alt.txt', 'text', 'windows-1252'],
      ['11-utf16.md', 'markdown', 'utf-16le'],
    ]);
    // 08-interview.docx's legend "(M = Moderation; B = Befragte)" is its preamble, no unit.
    expect(report.totals).toEqual({ transcripts: 11, units: 47, codableUnits: 39, speakers: 27, skipped: 0 });
  });

  test('units per transcript in input order, with speakers', () => {
    const bySpeaker = new Map<string, string[]>();
    for (const u of report.units) bySpeaker.set(u.transcript, [...(bySpeaker.get(u.transcript) ?? []), u.speaker]);
    expect(Object.fromEntries(bySpeaker)).toEqual({
      '01-plain.txt': ['I', 'B1', 'B2'],
      '02-teams.vtt': ['Müller, Anna', 'Schmidt, Jonas', 'Müller, Anna', 'Özdemir, Elif'],
      '03-zoom.vtt': ['Anna Müller', 'Jonas Schmidt', 'Anna Müller', 'Jonas Schmidt', ''],
      '04-untertitel.srt': ['Moderatorin', 'B1', '', 'B2', 'Moderatorin'],
      '05-whisper.json': ['', '', ''],
      '06-whisperx.json': ['SPEAKER_00', 'SPEAKER_01', 'SPEAKER_02', ''],
      '07-noscribe.html': ['S00', 'S01', 'S00', 'S01', 'S02', 'S01', 'S02', 'S00'],
      '08-interview.docx': ['Moderatorin', 'B1', 'B2', 'Moderatorin', 'Müller, Anna', 'B1', 'B2'],
      '09-f4.rtf': ['I', 'B1', 'B2', 'I'],
      '10-alt.txt': ['I', 'B3'],
      '11-utf16.md': ['TN1', 'TN2'],
    });
    expect([...bySpeaker.keys()]).toEqual(report.inputs.map((i) => i.id));
  });

  test('every unit carries its times where the source has them', () => {
    const times = (id: string): (number | undefined)[][] => report.units.filter((u) => u.transcript === id).map((u) => [u.start, u.end]);
    expect(times('05-whisper.json')).toEqual([[0, 4.52], [4.52, 9.1], [3725.25, 3728]]);
    // The first f4 turn has only an end mark: no start, so no end either.
    expect(times('09-f4.rtf')).toEqual([[undefined, undefined], [5.3, 14.8], [14.8, 25], [25, 27.9]]);
    expect(times('07-noscribe.html')[7]).toEqual([41, 47]);
  });

  test('segments.csv shows times as hh:mm:ss and the line of each unit', async () => {
    const rows = (await file('segments.csv')).split('\n');
    expect(rows[0]).toBe('transcript,segment,speaker,start,end,line,category,matched,source,text');
    expect(rows).toContain('01-plain.txt,2,B1,00:00:04,00:00:09,3,bedarfe/personal,mehr personal,rule,"Mehr Personal, ganz klar."');
    expect(rows).toContain(
      '02-teams.vtt,4,"Özdemir, Elif",00:01:19,00:01:24,30,vernetzungspotentiale,any/sentence: treffen|any/sentence: *runde|any/sentence: runde|runde* tisch*,rule,"Die läuft gut, wirklich gut. Wir treffen uns jeden Monat \'am runden Tisch\'."',
    );
    expect(rows).toContain(
      '07-noscribe.html,7,S02,00:00:35,00:00:41,16,vernetzungspotentiale,any/sentence: *runde|any/sentence: runde|runde* tisch*,rule,"Bei uns schon, seit wir einen runden Tisch haben."',
    );
    expect(rows).toContain('08-interview.docx,3,B2,,,7,akteure/jugendhilfe,any/sentence: *jugendamt|any/sentence: *jugendamt*|any/sentence: jugendamt,rule,Bei uns ist es die Zusammenarbeit mit dem Jugendamt.');
    expect(rows).toContain('08-interview.docx,5,"Müller, Anna",00:05:10,00:05:42,10,bedarfe/beratung,"near/6/sentence: feste* ansprechp*, $bh-lack",rule,Wir wünschen uns feste Ansprechpartner.');
    expect(rows).toContain('09-f4.rtf,2,B1,00:00:05,00:00:14,3,herausforderungen,papierkram,rule,Ich wünsche mir mehr “Zeit” für die Kinder—und weniger Papierkram.');
  });

  test('speakers the participants file does not know are warned about once per transcript; the encoding fallback too', () => {
    expect(run.stderr.split('\n')).toEqual([
      'formats/02-teams.vtt:30:31: warning: speaker "Özdemir, Elif" is not in the participants file',
      'formats/05-whisper.json: warning: no speaker labels found; all text is one speaker ""',
      'formats/06-whisperx.json:8:24: warning: speaker "SPEAKER_02" is not in the participants file',
      'formats/10-alt.txt:3:5: warning: speaker "B3" is not in the participants file',
      // The first byte that is not UTF-8 is the euro sign of "Rund 5000 €".
      'formats/10-alt.txt:3:15: warning: not valid UTF-8, read as Windows-1252',
      'formats/11-utf16.md:3:10: warning: speaker "TN1" is not in the participants file',
      'formats/11-utf16.md:5:10: warning: speaker "TN2" is not in the participants file',
      '',
    ]);
  });

  test('--by role breaks frequencies down by the participants column', async () => {
    const rows = (await file('frequencies_by_role.csv')).split('\n');
    expect(rows[0]).toBe('role,category,segments,share');
    expect([...new Set(rows.slice(1).filter((r) => r !== '').map((r) => r.split(',')[0]))]).toEqual(['(none)', 'Jugendamt', 'Lehrkraft', 'Moderation', 'Sozialarbeit']);
    expect(rows).toContain('Lehrkraft,bedarfe/personal,2,0.2500');
    expect(rows).toContain('Jugendamt,vernetzungspotentiale,1,0.5000');
    expect(report.breakdowns.map((b) => b.dimension)).toEqual(['role']);
  });
});

describe('fokus analyze --input-format', () => {
  test('reads every transcript as the format named, overriding extension and content', async () => {
    const run = await runCli(['analyze', 'formats/04-untertitel.srt', '--input-format', 'text', '-q', '-f', 'json'], cwd);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.inputs.map((i) => i.format)).toEqual(['text']);
    // The cue number and timing before the first label are the preamble.
    expect(report.units.map((u) => u.speaker)).toEqual(['Moderatorin', 'B1', 'B2']);
  });

  test('every command that codes transcripts takes it and reads the same units as analyze', async () => {
    const asText = await runCli(['show', 'formats/04-untertitel.srt', '--category', 'bedarfe', '--input-format', 'text', '-f', 'csv'], cwd);
    expect(asText.code).toBe(0);
    expect(asText.stdout).toBe(
      'transcript,segment,speaker,start,end,line,category,matched,source,text\n' +
        '04-untertitel.srt,2,B1,,,7,bedarfe,fehlen,rule,"Ich fange an. <i>Uns fehlt</i> vor allem Zeit.\n3 00:00:08,250 --> 00:00:11,000 Und ehrlich gesagt auch Geld.\n4 00:00:11,500 --> 00:00:14,000"\n',
    );
    const asSrt = await runCli(['show', 'formats/04-untertitel.srt', '--category', 'bedarfe', '-f', 'csv'], cwd);
    expect(asSrt.stdout.split('\n')[1]).toBe('04-untertitel.srt,2,B1,00:00:04,00:00:08,7,bedarfe,fehlen,rule,Ich fange an. Uns fehlt vor allem Zeit.');
  });

  test('an unknown format is an error naming the file; the run has nothing to read', async () => {
    const run = await runCli(['analyze', 'formats/01-plain.txt', '--input-format', 'pdf', '-q'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'formats/01-plain.txt: error: unknown transcript format "pdf" (known: docx, html, markdown, noscribe, rtf, srt, text, vtt, whisper)\n' +
        'fokus: no transcript could be read; nothing was written\n',
    );
  });
});
