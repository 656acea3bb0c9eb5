import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseText } from '../../src/transcripts/plain-text.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import { groupTurns, isModerator, segmentTurns } from '../../src/transcripts/turns.js';
import { segmentSentences } from '../../src/transcripts/sentence-units.js';
import type { Block, Transcript } from '../../src/types.js';

function transcript(blocks: Block[], id = 'fg1.txt'): Transcript {
  return { id, path: `samples/${id}`, format: 'text', sha256: '', encoding: 'utf-8', meta: {}, blocks };
}

const mixed = transcript([
  { speaker: null, continuation: true, text: 'Vorwort ohne Sprecher.', line: 1, column: 1 },
  { speaker: 'I', continuation: false, text: 'Willkommen.\nErste Frage?', line: 3, column: 4, start: 0 },
  { speaker: 'B1', continuation: false, text: 'Ich finde z. B. Kitas\nwichtig. Und Schulen.', line: 6, column: 5, start: 10, end: 20 },
  { speaker: null, continuation: true, text: 'Noch ein Absatz.', line: 9, column: 1 },
  { speaker: 'B 1', continuation: false, text: 'Und noch was.', line: 11, column: 6, end: 30 },
  { speaker: 'I', continuation: false, text: 'Danke.', line: 13, column: 4, start: 40 },
]);

const attributes = (t: string, speaker: string): Record<string, string> => (speaker === 'B1' ? { group: 'Schule', transcript: t } : {});

describe('segmentTurns', () => {
  test('turns: one speaker\'s blocks join, continuations join, a leading continuation stands alone', () => {
    expect(segmentTurns(mixed, { unit: 'turn', moderators: ['i'], attributes })).toStrictEqual([
      // No start, so no end: the next turn's start says nothing about a turn whose start is unknown.
      { transcript: 'fg1.txt', segment: 1, turn: 1, speaker: '', moderator: false, line: 1, text: 'Vorwort ohne Sprecher.', attributes: {} },
      { transcript: 'fg1.txt', segment: 2, turn: 2, speaker: 'I', moderator: true, start: 0, end: 10, line: 3, text: 'Willkommen. Erste Frage?', attributes: {} },
      {
        transcript: 'fg1.txt',
        segment: 3,
        turn: 3,
        speaker: 'B1',
        moderator: false,
        start: 10,
        end: 30,
        line: 6,
        text: 'Ich finde z. B. Kitas wichtig. Und Schulen.\nNoch ein Absatz.\nUnd noch was.',
        attributes: { group: 'Schule', transcript: 'fg1.txt' },
      },
      { transcript: 'fg1.txt', segment: 4, turn: 4, speaker: 'I', moderator: true, start: 40, line: 13, text: 'Danke.', attributes: {} },
    ]);
  });

  test('unit keys come in a fixed order', () => {
    const [, second] = segmentTurns(mixed, { unit: 'turn', moderators: [] });
    expect(Object.keys(second ?? {})).toEqual(['transcript', 'segment', 'turn', 'speaker', 'moderator', 'start', 'end', 'line', 'text', 'attributes']);
  });

  test('moderators match like participants: trimmed, no inner spaces, any case; the empty speaker never', () => {
    const t = transcript([
      { speaker: 'Mod 1', continuation: false, text: 'a', line: 1, column: 7 },
      { speaker: 'b1', continuation: false, text: 'b', line: 2, column: 5 },
      { speaker: null, continuation: false, text: 'c', line: 3, column: 1 },
    ]);
    expect(segmentTurns(t, { unit: 'turn', moderators: [' MOD1 ', 'B 1', ''] }).map((u) => u.moderator)).toEqual([true, true, false]);
  });

  test('blocks without speaker and without continuation are one unit each', () => {
    const r = parseText('Erster Absatz.\n\nZweiter Absatz.\nmit zweiter Zeile.', 'n.txt', 'text');
    expect(segmentUnits(transcript(r.blocks, 'n.txt'), { unit: 'turn', moderators: [] })).toStrictEqual([
      { transcript: 'n.txt', segment: 1, turn: 1, speaker: '', moderator: false, line: 1, text: 'Erster Absatz.', attributes: {} },
      { transcript: 'n.txt', segment: 2, turn: 2, speaker: '', moderator: false, line: 3, text: 'Zweiter Absatz. mit zweiter Zeile.', attributes: {} },
    ]);
  });

  test('an f4 transcript end to end: times, continuation, lines', () => {
    const text = readFileSync(new URL('../fixtures/read/f4-interview.txt', import.meta.url), 'utf8');
    const t = transcript(parseText(text, 'f4.txt', 'text').blocks, 'f4-interview.txt');
    expect(segmentUnits(t, { unit: 'turn', moderators: ['I'] }).map((u) => [u.segment, u.speaker, u.moderator, u.start, u.end, u.line, u.text])).toEqual([
      [1, 'I', true, undefined, undefined, 1, 'Herzlich willkommen zu unserer Fokusgruppe. Stellen Sie sich bitte kurz vor.'],
      [2, 'B1', false, 12.4, 20.1, 3, 'Ich bin Lehrerin an einer Grundschule in der Stadt.'],
      [
        3,
        'B2',
        false,
        20.1,
        35.5,
        5,
        'Ich arbeite beim Jugendamt. Seit drei Jahren bin ich in der Schulsozialarbeit.\nDas ist übrigens mein zweites Projekt.',
      ],
      [4, 'I', true, 35.5, 40, 10, 'Danke. Was brauchen Sie vor Ort?'],
    ]);
  });

  test('a turn whose blocks have no times gets none; a next start before its own start is not its end', () => {
    const t = transcript([
      { speaker: 'A1', continuation: false, text: 'a', line: 1, column: 5, start: 50 },
      { speaker: 'B1', continuation: false, text: 'b', line: 2, column: 5, start: 20 },
      { speaker: 'C1', continuation: false, text: 'c', line: 3, column: 5 },
    ]);
    expect(groupTurns(t).map((turn) => [turn.speaker, turn.start, turn.end])).toEqual([
      ['A1', 50, undefined],
      ['B1', 20, undefined],
      ['C1', undefined, undefined],
    ]);
  });

  test('blocks with empty text are skipped', () => {
    const t = transcript([
      { speaker: 'I', continuation: false, text: ' ', line: 1, column: 4 },
      { speaker: 'B1', continuation: false, text: 'Ja.', line: 2, column: 5 },
    ]);
    expect(segmentTurns(t, { unit: 'turn', moderators: [] }).map((u) => [u.speaker, u.text])).toEqual([['B1', 'Ja.']]);
  });
});

describe('segmentSentences', () => {
  test('sentence units: numbered across the transcript, with turn number, line of the sentence start, block or turn times', () => {
    expect(
      segmentSentences(mixed, { unit: 'sentence', moderators: ['I'], attributes }).map((u) => [u.segment, u.turn, u.speaker, u.moderator, u.start, u.end, u.line, u.text]),
    ).toEqual([
      [1, 1, '', false, undefined, undefined, 1, 'Vorwort ohne Sprecher.'],
      [2, 2, 'I', true, 0, 10, 3, 'Willkommen.'],
      [3, 2, 'I', true, 0, 10, 4, 'Erste Frage?'],
      [4, 3, 'B1', false, 10, 20, 6, 'Ich finde z. B. Kitas wichtig.'],
      [5, 3, 'B1', false, 10, 20, 7, 'Und Schulen.'],
      [6, 3, 'B1', false, 10, 30, 9, 'Noch ein Absatz.'],
      [7, 3, 'B1', false, 10, 30, 11, 'Und noch was.'],
      [8, 4, 'I', true, 40, undefined, 13, 'Danke.'],
    ]);
  });

  test('sentence units carry the speaker\'s attributes and are chosen by segmentUnits', () => {
    const units = segmentUnits(mixed, { unit: 'sentence', moderators: [], attributes });
    expect(units).toHaveLength(8);
    expect(units[4]).toStrictEqual({
      transcript: 'fg1.txt',
      segment: 5,
      turn: 3,
      speaker: 'B1',
      moderator: false,
      start: 10,
      end: 20,
      line: 7,
      text: 'Und Schulen.',
      attributes: { group: 'Schule', transcript: 'fg1.txt' },
    });
  });

  test('a paragraph break ends a sentence; empty sentences are dropped', () => {
    const t = transcript([
      { speaker: 'B1', continuation: false, text: 'Ein Satz ohne', line: 1, column: 5 },
      { speaker: null, continuation: true, text: 'Ende.   ', line: 3, column: 1 },
    ]);
    expect(segmentSentences(t, { unit: 'sentence', moderators: [] }).map((u) => [u.segment, u.line, u.text])).toEqual([
      [1, 1, 'Ein Satz ohne'],
      [2, 3, 'Ende.'],
    ]);
  });
});

describe('isModerator', () => {
  test('labels compared like participants; the empty speaker never is one', () => {
    expect(isModerator('B 1', ['b1'])).toBe(true);
    expect(isModerator(' Moderatorin ', ['moderatorin'])).toBe(true);
    expect(isModerator('B2', ['b1', 'I'])).toBe(false);
    expect(isModerator('', ['', ' '])).toBe(false);
    expect(isModerator('I', [])).toBe(false);
  });

  test('a different or changed list of moderators is always taken as it is now', () => {
    const moderators = ['I'];
    expect(isModerator('I', moderators)).toBe(true);
    expect(isModerator('I', ['B1'])).toBe(false);
    expect(isModerator('B1', ['B1'])).toBe(true);
    expect(isModerator('I', moderators)).toBe(true);
    moderators[0] = 'B2';
    expect(isModerator('I', moderators)).toBe(false);
    expect(isModerator('B 2', moderators)).toBe(true);
    moderators.push('I');
    expect(isModerator('I', moderators)).toBe(true);
    moderators.length = 0;
    expect(isModerator('I', moderators)).toBe(false);
  });
});

describe('groupTurns: labels and blank texts', () => {
  test('blocks whose labels differ only in case and white space are one turn, named as its first block has it', () => {
    const t = transcript([
      { speaker: ' B 1 ', continuation: false, text: 'Eins.', line: 1, column: 7, start: 1 },
      { speaker: 'b1', continuation: false, text: 'Zwei.', line: 2, column: 5 },
      { speaker: 'B\u00a01', continuation: false, text: 'Drei.', line: 3, column: 5, end: 9 },
      { speaker: 'B2', continuation: false, text: ' \u3000 ', line: 4, column: 5 },
      { speaker: '\u2003', continuation: false, text: 'Ohne Namen.', line: 5, column: 3 },
      { speaker: 'B 1', continuation: false, text: 'Vier.', line: 6, column: 6, start: 12 },
    ]);
    expect(groupTurns(t).map((turn) => [turn.speaker, turn.blocks.map((b) => b.line), turn.start, turn.end])).toStrictEqual([
      ['B 1', [1, 2, 3], 1, 9],
      ['', [5], undefined, undefined],
      ['B 1', [6], 12, undefined],
    ]);
  });

  test('a turn of several blocks: soft line breaks become spaces, blocks are joined by line feeds', () => {
    const t = transcript([
      { speaker: 'I', continuation: false, text: 'Erste\nZeile.', line: 1, column: 4 },
      { speaker: null, continuation: true, text: 'Zweiter Absatz.', line: 4, column: 1 },
      { speaker: 'I', continuation: false, text: 'Dritter\nAbsatz.', line: 6, column: 4 },
    ]);
    expect(segmentTurns(t, { unit: 'turn', moderators: ['i'] }).map((u) => [u.speaker, u.moderator, u.line, u.text])).toStrictEqual([
      ['I', true, 1, 'Erste Zeile.\nZweiter Absatz.\nDritter Absatz.'],
    ]);
  });
});
