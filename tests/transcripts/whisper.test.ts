import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseWhisper } from '../../src/transcripts/whisper.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));

describe('Whisper JSON', () => {
  test('openai-whisper without speakers: one unit per segment, empty segments skipped, escapes decoded', async () => {
    const r = await readTranscript({ path: '05-whisper.json', id: '05-whisper.json' }, { cwd: dir });
    // No speaker anywhere: a warning, as for any transcript that yields no label at all.
    expect(plain(r.problems)).toEqual([
      { file: '05-whisper.json', severity: 'warning', message: 'no speaker labels found; all text is one speaker ""', ruleId: 'read/no-labels' },
    ]);
    expect(r.transcript?.format).toBe('whisper');
    expect(r.transcript?.meta).toEqual({ language: 'de' });
    expect(r.transcript?.blocks).toStrictEqual([
      { speaker: null, continuation: false, text: 'Also, ich finde die Ganztagsschule eine gute Idee.', line: 9, column: 17, start: 0, end: 4.52 },
      { speaker: null, continuation: false, text: 'Aber die "Betreuung" am Nachmittag muss besser werden.', line: 21, column: 17, start: 4.52, end: 9.1 },
      { speaker: null, continuation: false, text: 'Da sind wir uns einig.', line: 45, column: 17, start: 3725.25, end: 3728 },
    ]);
    const units = segmentUnits(r.transcript!, { unit: 'turn', moderators: [] });
    expect(units.map((u) => [u.segment, u.speaker, u.start, u.end, u.line])).toEqual([
      [1, '', 0, 4.52, 9],
      [2, '', 4.52, 9.1, 21],
      [3, '', 3725.25, 3728, 45],
    ]);
  });

  test('WhisperX: speaker fields, speakers and text taken from words, a segment without speaker alone', async () => {
    const r = await readTranscript({ path: '06-whisperx.json', id: '06-whisperx.json' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.blocks).toStrictEqual([
      { speaker: 'SPEAKER_00', continuation: false, text: 'Herzlich willkommen zu unserer Runde.', line: 2, column: 44, start: 0.031, end: 3.512 },
      { speaker: 'SPEAKER_00', continuation: false, text: 'Was fehlt Ihnen am meisten?', line: 4, column: 41, start: 3.6, end: 6.25 },
      { speaker: 'SPEAKER_01', continuation: false, text: 'Uns fehlt vor allem Personal für die Schulsozialarbeit.', line: 5, column: 40, start: 6.8, end: 10.4 },
      { speaker: 'SPEAKER_02', continuation: false, text: 'Und Geld.', line: 8, column: 24, start: 10.9, end: 12 },
      { speaker: null, continuation: false, text: '[unverständlich]', line: 9, column: 42, start: 12.5, end: 14 },
    ]);
    const units = segmentUnits(r.transcript!, { unit: 'turn', moderators: [] });
    expect(units.map((u) => [u.speaker, u.start, u.end, u.text])).toEqual([
      ['SPEAKER_00', 0.031, 6.25, 'Herzlich willkommen zu unserer Runde.\nWas fehlt Ihnen am meisten?'],
      ['SPEAKER_01', 6.8, 10.4, 'Uns fehlt vor allem Personal für die Schulsozialarbeit.'],
      ['SPEAKER_02', 10.9, 12, 'Und Geld.'],
      ['', 12.5, 14, '[unverständlich]'],
    ]);
  });

  test('a JSON file without a segments array is an error naming the file', async () => {
    expect(plain(parseWhisper('{"text": "Hallo", "chunks": []}', 'notizen.json').problems)).toStrictEqual([
      { file: 'notizen.json', severity: 'error', message: 'not a Whisper transcript (no segments array)', ruleId: 'read/whisper' },
    ]);
    expect(parseWhisper('[{"start": 0, "text": "Hallo"}]', 'liste.json').problems[0]?.message).toBe('not a Whisper transcript (no segments array)');
    expect(parseWhisper('{"segments": {"0": {}}}', 'x.json').problems[0]?.message).toBe('not a Whisper transcript (no segments array)');
  });

  test('invalid JSON is an error with its place', () => {
    expect(plain(parseWhisper('{\n  "segments": [\n    {"text": "a",}\n  ]\n}', 'kaputt.json').problems)).toStrictEqual([
      { file: 'kaputt.json', line: 3, column: 18, severity: 'error', message: 'not valid JSON (PropertyNameExpected)', ruleId: 'read/json' },
    ]);
    expect(parseWhisper('', 'leer.json').problems[0]?.message).toBe('not valid JSON (ValueExpected)');
  });

  test('numeric speakers, line breaks inside text, missing times, non-object segments', () => {
    const text = '{"segments": [\n  {"speaker": 1, "text": "  Erste\\nZeile  "},\n  42,\n  {"speaker": "", "start": "1.0", "text": "\\u00dcbrig"}\n]}';
    expect(plain(parseWhisper(text, 'x.json'))).toStrictEqual({
      blocks: [
        { speaker: '1', continuation: false, text: 'Erste Zeile', line: 2, column: 29 },
        { speaker: null, continuation: false, text: 'Übrig', line: 4, column: 44 },
      ],
      meta: {},
      problems: [{ file: 'x.json', line: 3, column: 3, severity: 'warning', message: 'a segment that is no object is ignored', ruleId: 'read/whisper-segment' }],
    });
  });

  test('a .json transcript that is no Whisper file is skipped with the error', async () => {
    const r = await readTranscript({ path: 'participants-map.yaml', id: 'p' }, { cwd: fileURLToPath(new URL('../fixtures/read/', import.meta.url)), format: 'json' });
    expect(r.transcript).toBeNull();
    expect(r.problems.map((p) => [p.file, p.severity, p.message])).toEqual([['participants-map.yaml', 'error', 'not valid JSON (InvalidSymbol)']]);
  });
});
