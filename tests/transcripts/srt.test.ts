import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseSrt } from '../../src/transcripts/srt.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));

describe('SubRip', () => {
  test('CRLF, numbered cues, `Name:` prefixes, tags and {\\an8} codes removed', async () => {
    const r = await readTranscript({ path: '04-untertitel.srt', id: '04-untertitel.srt' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.format).toBe('srt');
    expect(r.transcript?.blocks).toStrictEqual([
      { speaker: 'Moderatorin', continuation: false, start: 1, end: 4, text: 'Willkommen zur zweiten Runde.', line: 3, column: 14 },
      { speaker: 'B1', continuation: false, start: 4.5, end: 8.25, text: 'Ich fange an. Uns fehlt vor allem Zeit.', line: 7, column: 5 },
      { speaker: null, continuation: false, start: 8.25, end: 11, text: 'Und ehrlich gesagt auch Geld.', line: 11, column: 1 },
      { speaker: 'B2', continuation: false, start: 11.5, end: 14, text: 'Das sehe ich genauso.\nBei uns ist es ähnlich.', line: 15, column: 5 },
      { speaker: 'Moderatorin', continuation: false, start: 74, end: 76, text: 'Vielen Dank!', line: 20, column: 49 },
    ]);
  });

  test('a cue without speaker is a unit of its own; times go to the units', async () => {
    const r = await readTranscript({ path: '04-untertitel.srt', id: '04-untertitel.srt' }, { cwd: dir });
    const units = segmentUnits(r.transcript!, { unit: 'turn', moderators: ['Moderatorin'] });
    expect(units.map((u) => [u.segment, u.speaker, u.moderator, u.start, u.end, u.line])).toEqual([
      [1, 'Moderatorin', true, 1, 4, 3],
      [2, 'B1', false, 4.5, 8.25, 7],
      [3, '', false, 8.25, 11, 11],
      [4, 'B2', false, 11.5, 14, 15],
      [5, 'Moderatorin', true, 74, 76, 20],
    ]);
  });

  test('a cue number is optional; text outside cues and bad timings are warnings', () => {
    const text = '00:00:01,000 --> 00:00:02,500\nI: Hallo.\n\nLose Zeile\n\n7\n00:61:03,000 --> 00:61:04,000\nB1: Kaputt.\n';
    expect(plain(parseSrt(text, 'u.srt'))).toStrictEqual({
      blocks: [{ speaker: 'I', continuation: false, start: 1, end: 2.5, text: 'Hallo.', line: 2, column: 4 }],
      meta: {},
      problems: [
        { file: 'u.srt', line: 4, column: 1, severity: 'warning', message: 'text outside a numbered cue is ignored', ruleId: 'read/srt-cue' },
        { file: 'u.srt', line: 7, column: 1, severity: 'warning', message: 'invalid cue timing "00:61:03,000 --> 00:61:04,000"; cue ignored', ruleId: 'read/srt-timing' },
      ],
    });
  });

  test('HTML-like entities are SubRip text, not markup', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nB1: Tom &amp; Jerry\n';
    expect(parseSrt(text, 'u.srt').blocks[0]?.text).toBe('Tom &amp; Jerry');
  });
});
