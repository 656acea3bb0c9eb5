import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { attributesFor, knowsSpeaker, loadParticipants, parseParticipants, unknownSpeakers } from '../../src/transcripts/participants.js';
import type { Participant } from '../../src/types.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');

describe('parseParticipants: CSV', () => {
  test('speaker, transcript, group and more columns; empty cells left out; bad rows reported with their line', () => {
    expect(plain(parseParticipants(fixture('participants.csv'), 'p.csv', 'csv'))).toStrictEqual({
      participants: [
        { speaker: 'I', attributes: { group: 'Moderation', rolle: 'Moderatorin' } },
        { speaker: 'B1', attributes: { group: 'Schule', rolle: 'Lehrerin' } },
        { speaker: 'B 2', attributes: { group: 'Jugendhilfe' } },
        { speaker: 'B2', transcript: 'fg2.txt', attributes: { group: 'Verwaltung', rolle: 'Amtsleitung' } },
        { speaker: 'TN\n3', attributes: { group: 'Wissenschaft', rolle: 'Forscherin' } },
      ],
      problems: [
        { file: 'p.csv', line: 8, column: 1, severity: 'warning', message: 'row has no speaker and is ignored', ruleId: 'participants/no-speaker' },
        {
          file: 'p.csv',
          line: 9,
          column: 1,
          severity: 'warning',
          message: 'speaker "b1" is listed again (first at line 3); this row is ignored',
          ruleId: 'participants/duplicate',
        },
      ],
    });
  });

  test('a missing speaker column is an error with file and line', () => {
    expect(plain(parseParticipants(fixture('no-speaker.csv'), 'n.csv', 'csv'))).toStrictEqual({
      participants: [],
      problems: [
        {
          file: 'n.csv',
          line: 2,
          column: 1,
          severity: 'error',
          message: 'missing required column "speaker" (columns: name, group)',
          ruleId: 'participants/no-speaker-column',
        },
      ],
    });
  });

  test('German Excel: semicolons and Windows-1252 (through loadParticipants)', async () => {
    expect(plain(await loadParticipants(`${dir}participants-excel.csv`))).toStrictEqual({
      participants: [{ speaker: 'B1', attributes: { gruppe: 'Schüler', ort: 'München' } }],
      problems: [
        { file: `${dir}participants-excel.csv`, line: 2, column: 7, severity: 'warning', message: 'not valid UTF-8, read as Windows-1252', ruleId: 'read/encoding' },
      ],
      // The sha256 of the file's bytes (`sha256sum`), recorded in the report's provenance.
      sha256: '18e1e17937d95bf2b46a13b3990e1a5ba8356022be6e0064aeab31ebde98bebb',
    });
  });
});

describe('parseParticipants: YAML', () => {
  test('a list under `participants:`; a missing speaker is an error at the item', () => {
    expect(plain(parseParticipants(fixture('participants.yaml'), 'p.yaml', 'yaml'))).toStrictEqual({
      participants: [
        { speaker: 'B1', attributes: { alter: '45', group: 'Schule' } },
        { speaker: 'B1', transcript: 'fokus/fg1.md', attributes: { group: 'Kita' } },
      ],
      problems: [
        { file: 'p.yaml', line: 8, column: 5, severity: 'error', message: 'missing required key "speaker"', ruleId: 'participants/no-speaker-column' },
        {
          file: 'p.yaml',
          line: 9,
          column: 5,
          severity: 'error',
          message: 'a participant must be a mapping with a "speaker" key',
          ruleId: 'participants/yaml-shape',
        },
      ],
    });
  });

  test('a mapping by speaker', () => {
    expect(parseParticipants(fixture('participants-map.yaml'), 'm.yaml', 'yaml')).toStrictEqual({
      participants: [
        { speaker: 'B1', attributes: { group: 'Schule', themen: 'Ganztag, Inklusion' } },
        { speaker: 'TN 3', attributes: { group: 'Wissenschaft' } },
        { speaker: 'I', attributes: {} },
      ],
      problems: [],
    });
  });

  test('invalid YAML is an error with line and column', () => {
    const r = parseParticipants('- speaker: [B1\n', 'x.yaml', 'yaml');
    expect(r.participants).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatchObject({ file: 'x.yaml', severity: 'error', ruleId: 'participants/yaml' });
    expect(r.problems[0]?.line).toBeTypeOf('number');
  });
});

describe('loadParticipants', () => {
  test('a missing file and an unknown extension are errors', async () => {
    expect(plain(await loadParticipants(`${dir}fehlt.csv`))).toStrictEqual({
      participants: [],
      problems: [{ file: `${dir}fehlt.csv`, severity: 'error', message: 'no such file or folder', ruleId: 'participants/file' }],
    });
    expect((await loadParticipants(`${dir}crlf.txt`)).problems.map((p) => p.message)).toEqual([
      'a participants file must be .csv, .tsv, .yaml or .yml',
    ]);
  });
});

describe('attributesFor', () => {
  const participants: Participant[] = [
    { speaker: 'B 1', attributes: { group: 'Schule' } },
    { speaker: 'b1', transcript: 'fokus/fg2.txt', attributes: { group: 'Kita' } },
    { speaker: 'TN3', transcript: 'FG3', attributes: { group: 'Verwaltung' } },
    { speaker: 'Moderatorin', attributes: { group: 'Moderation' } },
  ];

  test('labels match after trimming, removing inner spaces and case folding', () => {
    expect(attributesFor(participants, 'fg1.txt', 'B1')).toStrictEqual({ group: 'Schule' });
    expect(attributesFor(participants, 'fg1.txt', ' b 1 ')).toStrictEqual({ group: 'Schule' });
    expect(attributesFor(participants, 'fg1.txt', 'MODERATORIN')).toStrictEqual({ group: 'Moderation' });
  });

  test('a transcript-specific row beats a global one; it matches by id, file name or either without extension', () => {
    expect(attributesFor(participants, 'fokus/fg2.txt', 'B1')).toStrictEqual({ group: 'Kita' });
    expect(attributesFor(participants, 'fg3.md', 'TN 3')).toStrictEqual({ group: 'Verwaltung' });
    expect(attributesFor(participants, 'andere/fg3.txt', 'TN3')).toStrictEqual({ group: 'Verwaltung' });
    expect(attributesFor(participants, 'fg4.txt', 'TN3')).toStrictEqual({});
  });

  test('unknown and empty speakers have no attributes; the result is a copy', () => {
    expect(attributesFor(participants, 'fg1.txt', 'B9')).toStrictEqual({});
    expect(attributesFor(participants, 'fg1.txt', '')).toStrictEqual({});
    const a = attributesFor(participants, 'fg1.txt', 'B1');
    a.group = 'geändert';
    expect(participants[0]?.attributes).toStrictEqual({ group: 'Schule' });
  });
});

describe('knowsSpeaker and unknownSpeakers', () => {
  const participants = parseParticipants(
    'speaker,transcript,role\nI,,Moderation\nB 1,,Lehrerin\nB2,fg2.vtt,Schulleitung\n"Müller, Anna",,Jugendamt\n',
    'p.csv',
    'csv',
  ).participants;

  test('labels match after trimming, removing spaces and case folding; transcript rows only in their transcript', () => {
    expect(knowsSpeaker(participants, 'fg1.vtt', ' b1 ')).toBe(true);
    expect(knowsSpeaker(participants, 'fg1.vtt', 'müller, anna')).toBe(true);
    expect(knowsSpeaker(participants, 'fg1.vtt', 'B2')).toBe(false);
    expect(knowsSpeaker(participants, 'runde/FG2.vtt', 'B2')).toBe(true);
    expect(knowsSpeaker(participants, 'fg1.vtt', '')).toBe(true);
  });

  test('one warning per unknown label and transcript, at its first block, in block order', () => {
    const blocks = [
      { speaker: 'I', continuation: false, text: 'Hallo.', line: 1, column: 4 },
      { speaker: 'B3', continuation: false, text: 'Ich.', line: 3, column: 5 },
      { speaker: null, continuation: false, text: '[Lachen]', line: 4, column: 1 },
      { speaker: 'B 3', continuation: false, text: 'Noch mal.', line: 5, column: 6 },
      { speaker: 'B2', continuation: false, text: 'Ich auch.', line: 7, column: 5 },
      { speaker: 'B1', continuation: false, text: 'Und ich.', line: 9, column: 5 },
    ];
    expect(plain(unknownSpeakers(participants, { id: 'fg1.vtt', path: 'daten/fg1.vtt', blocks }))).toStrictEqual([
      { file: 'daten/fg1.vtt', line: 3, column: 5, severity: 'warning', message: 'speaker "B3" is not in the participants file', ruleId: 'participants/unknown-speaker' },
      { file: 'daten/fg1.vtt', line: 7, column: 5, severity: 'warning', message: 'speaker "B2" is not in the participants file', ruleId: 'participants/unknown-speaker' },
    ]);
    expect(unknownSpeakers(participants, { id: 'fg2.vtt', path: 'fg2.vtt', blocks }).map((p) => p.message)).toEqual(['speaker "B3" is not in the participants file']);
  });
});

describe('participants CSV positions (issue 11: one CSV reader)', () => {
  test('a line break inside a quoted cell, CRLF or LF, does not shift the lines of later rows', () => {
    for (const eol of ['\r\n', '\n']) {
      const text = `speaker,group${eol}"B1","Praxis${eol}und Forschung"${eol}B2,Schule${eol}B1,Wieder${eol}`;
      const r = parseParticipants(text, 'p.csv', 'csv');
      expect(r.participants.map((p) => [p.speaker, p.attributes.group])).toEqual([
        ['B1', `Praxis${eol === '\r\n' ? '\r\n' : '\n'}und Forschung`],
        ['B2', 'Schule'],
      ]);
      expect(r.problems.map((p) => [p.line, p.ruleId])).toEqual([[5, 'participants/duplicate']]);
    }
  });
});
