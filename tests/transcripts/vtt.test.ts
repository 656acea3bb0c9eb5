import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseVtt } from '../../src/transcripts/vtt.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import type { Transcript } from '../../src/types.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));

/** Speaker, start, end, line and text of each turn. */
function turns(t: Transcript): [string, number | undefined, number | undefined, number, string][] {
  return segmentUnits(t, { unit: 'turn', moderators: [] }).map((u) => [u.speaker, u.start, u.end, u.line, u.text]);
}

describe('WebVTT from Microsoft Teams', () => {
  test('voice tags with commas and closing </v>, cue ids, entities, multi-line cues, NOTE and STYLE skipped', async () => {
    const r = await readTranscript({ path: '02-teams.vtt', id: '02-teams.vtt' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.format).toBe('vtt');
    expect(r.transcript?.blocks).toStrictEqual([
      {
        speaker: 'Müller, Anna',
        continuation: false,
        start: 3.12,
        end: 7.48,
        text: 'Herzlich willkommen zur Fokusgruppe & danke,\ndass Sie sich Zeit nehmen.',
        line: 11,
        column: 17,
      },
      { speaker: 'Müller, Anna', continuation: false, start: 7.48, end: 10.9, text: 'Was brauchen Sie an Ihrer Schule am dringendsten?', line: 16, column: 17 },
      {
        speaker: 'Schmidt, Jonas',
        continuation: false,
        start: 11.25,
        end: 16.03,
        text: 'Ganz klar mehr Personal – wir haben <drei> Stellen unbesetzt.',
        line: 20,
        column: 19,
      },
      { speaker: 'Müller, Anna', continuation: false, start: 16.5, end: 19, text: 'Und die Kooperation mit dem Jugendamt?', line: 26, column: 17 },
      {
        speaker: 'Özdemir, Elif',
        continuation: false,
        start: 79.2,
        end: 84.75,
        text: "Die läuft gut, wirklich gut.\nWir treffen uns jeden Monat 'am runden Tisch'.",
        line: 30,
        column: 31,
      },
    ]);
  });

  test('consecutive cues of one speaker form one turn with the first start and the last end', async () => {
    const r = await readTranscript({ path: '02-teams.vtt', id: '02-teams.vtt' }, { cwd: dir });
    expect(turns(r.transcript!)).toEqual([
      ['Müller, Anna', 3.12, 10.9, 11, 'Herzlich willkommen zur Fokusgruppe & danke, dass Sie sich Zeit nehmen.\nWas brauchen Sie an Ihrer Schule am dringendsten?'],
      ['Schmidt, Jonas', 11.25, 16.03, 20, 'Ganz klar mehr Personal – wir haben <drei> Stellen unbesetzt.'],
      ['Müller, Anna', 16.5, 19, 26, 'Und die Kooperation mit dem Jugendamt?'],
      ['Özdemir, Elif', 79.2, 84.75, 30, "Die läuft gut, wirklich gut. Wir treffen uns jeden Monat 'am runden Tisch'."],
    ]);
  });
});

describe('WebVTT from Zoom', () => {
  test('`Name:` prefixes give speakers; a cue without one stands alone', async () => {
    const r = await readTranscript({ path: '03-zoom.vtt', id: '03-zoom.vtt' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(turns(r.transcript!)).toEqual([
      ['Anna Müller', 0, 4.2, 5, 'Guten Morgen zusammen, können alle mich hören?'],
      ['Jonas Schmidt', 4.9, 6.1, 9, 'Ja, alles gut.'],
      ['Anna Müller', 6.3, 11.8, 13, 'Schön. Dann starten wir mit der ersten Frage: Wo sehen Sie Herausforderungen?'],
      ['Jonas Schmidt', 12, 22, 18, 'Vor allem bei der Digitalisierung.\nDie Geräte sind da, aber niemand wartet sie.'],
      ['', 23, 25, 26, '[Gelächter]'],
    ]);
    expect(r.transcript?.blocks.map((b) => [b.line, b.column])).toEqual([[5, 14], [9, 16], [13, 14], [18, 16], [22, 16], [26, 1]]);
  });
});

describe('parseVtt', () => {
  test('a header with title and metadata, cues without ids, times without hours, CRLF', () => {
    const text = 'WEBVTT - Fokusgruppe 3\r\nKind: captions\r\nLanguage: de\r\n\r\n01:02.500 --> 01:04.000\r\n<v B1>Ja.\r\n\r\n1:01:02.000 --> 1:01:03.250\r\n<v B2>Nein.\r\n';
    expect(parseVtt(text, 'a.vtt')).toStrictEqual({
      blocks: [
        { speaker: 'B1', continuation: false, start: 62.5, end: 64, text: 'Ja.', line: 6, column: 7 },
        { speaker: 'B2', continuation: false, start: 3662, end: 3663.25, text: 'Nein.', line: 9, column: 7 },
      ],
      meta: {},
      problems: [],
    });
  });

  test('cues without any speaker are one unit each', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nErster Satz.\n\n00:00:02.000 --> 00:00:03.000\nZweiter Satz.\n';
    const r = parseVtt(text, 'a.vtt');
    expect(r.blocks.map((b) => [b.speaker, b.continuation, b.text])).toEqual([
      [null, false, 'Erster Satz.'],
      [null, false, 'Zweiter Satz.'],
    ]);
    const t: Transcript = { id: 'a', path: 'a.vtt', format: 'vtt', sha256: '', encoding: 'utf-8', meta: {}, blocks: r.blocks };
    expect(turns(t)).toEqual([
      ['', 1, 2, 4, 'Erster Satz.'],
      ['', 2, 3, 7, 'Zweiter Satz.'],
    ]);
  });

  test('a name that starts only one cue, and sentence openings such as "Zum Beispiel:", are text', () => {
    const text = [
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:02.000', 'Anna: Das habe ich gesagt.', '',
      '00:00:02.000 --> 00:00:03.000', 'Zum Beispiel: die Mensa.', '',
      '00:00:03.000 --> 00:00:04.000', 'Moderatorin: Danke.', '',
    ].join('\n');
    expect(parseVtt(text, 'a.vtt').blocks.map((b) => [b.speaker, b.text])).toEqual([
      [null, 'Anna: Das habe ich gesagt.'],
      [null, 'Zum Beispiel: die Mensa.'],
      ['Moderatorin', 'Danke.'],
    ]);
  });

  test('Zoom-style names written surname first ("Müller, Anna:") when they start two cues', () => {
    const text = [
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:02.000', 'Müller, Anna: Hallo.', '',
      '00:00:02.000 --> 00:00:03.000', 'Schulz, Eva: Hallo Anna.', '',
      '00:00:03.000 --> 00:00:04.000', 'Müller, Anna: Los geht es.', '',
    ].join('\n');
    expect(parseVtt(text, 'a.vtt').blocks.map((b) => [b.speaker, b.text, b.column])).toEqual([
      ['Müller, Anna', 'Hallo.', 15],
      [null, 'Schulz, Eva: Hallo Anna.', 1],
      ['Müller, Anna', 'Los geht es.', 15],
    ]);
  });

  test('several voices in one cue become one block each; a class is no name, an empty voice no speaker', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v.frage Moderation>Wer fängt an?</v> <v B1>Ich.</v>\n<v >Niemand</v>\n';
    expect(parseVtt(text, 'a.vtt').blocks).toStrictEqual([
      { speaker: 'Moderation', continuation: false, start: 1, end: 3, text: 'Wer fängt an?', line: 4, column: 21 },
      { speaker: 'B1', continuation: false, start: 1, end: 3, text: 'Ich.', line: 4, column: 45 },
      { speaker: null, continuation: false, start: 1, end: 3, text: 'Niemand', line: 5, column: 5 },
    ]);
  });

  test('noScribe WebVTT: overlap marks and the repeated label after the voice tag are dropped', () => {
    const text = [
      'WEBVTT Fokusgruppe', '',
      'NOTE', 'Transkribiert mit noScribe', '',
      '1', '00:00:04.200 --> 00:00:09.800', '<v S00>Herzlich willkommen.', '',
      '2', '00:00:15.600 --> 00:00:16.400', '<v //S01> //S01: Gute Frage.', '',
      '3', '00:00:16.500 --> 00:00:19.000', '<v S00>// Lassen Sie sich Zeit.//', '',
      '4', '00:00:19.000 --> 00:00:20.000', '<v >(..)', '',
    ].join('\n');
    expect(parseVtt(text, 'a.vtt').blocks.map((b) => [b.speaker, b.text, b.column])).toEqual([
      ['S00', 'Herzlich willkommen.', 8],
      ['S01', 'Gute Frage.', 18],
      ['S00', 'Lassen Sie sich Zeit.', 11],
      [null, '(..)', 5],
    ]);
  });

  test('entities: named, numeric, hexadecimal; a lone & and a < that opens no tag stay', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v B1>&quot;A&quot; &#228;&#x00FC; &copy; &amp;lt; Q&A 3 < 4\n';
    expect(parseVtt(text, 'a.vtt').blocks[0]?.text).toBe('"A" äü © &lt; Q&A 3 < 4');
  });

  test('no WEBVTT header, invalid timings and stray text are warnings with lines', () => {
    const text = '00:00:01.000 --> 00:00:02.000\n<v I>Hallo.\n\n00:00:61.000 --> 00:00:62.000\nFalsch.\n\nnur Text\n';
    expect(plain(parseVtt(text, 'x.vtt'))).toStrictEqual({
      blocks: [{ speaker: 'I', continuation: false, start: 1, end: 2, text: 'Hallo.', line: 2, column: 6 }],
      meta: {},
      problems: [
        { file: 'x.vtt', line: 1, column: 1, severity: 'warning', message: 'no WEBVTT header on the first line; read as WebVTT anyway', ruleId: 'read/vtt-header' },
        { file: 'x.vtt', line: 4, column: 1, severity: 'warning', message: 'invalid cue timing "00:00:61.000 --> 00:00:62.000"; cue ignored', ruleId: 'read/vtt-timing' },
        { file: 'x.vtt', line: 7, column: 1, severity: 'warning', message: 'text without a cue timing line is ignored', ruleId: 'read/vtt-cue' },
      ],
    });
  });

  test('a file with no cues gives a warning and no blocks', () => {
    expect(plain(parseVtt('WEBVTT\n\nNOTE nichts\n', 'leer.vtt'))).toStrictEqual({
      blocks: [],
      meta: {},
      problems: [{ file: 'leer.vtt', severity: 'warning', message: 'no spoken text found', ruleId: 'read/empty' }],
    });
  });
});
