import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findTimeMarks, timeMarkAt, timeMarksFrom, trailingTimeMark } from '../../src/transcripts/times.js';

describe('timeMarkAt', () => {
  test.each([
    ['#00:01:23-4#', 83.4, 12],
    ['[00:01:23]', 83, 10],
    ['[01:23]', 83, 7],
    ['(1:02:03)', 3723, 9],
    ['[01:23.456]', 83.456, 11],
    ['[00:05,070]', 5.07, 11],
    ['#00:00:05-7# Text', 5.7, 12],
  ])('%j', (text, seconds, end) => {
    expect(timeMarkAt(text, 0)).toStrictEqual({ seconds, start: 0, end });
  });

  test('only a mark that starts exactly at the offset', () => {
    expect(timeMarkAt('Ja [00:00:05]', 3)).toStrictEqual({ seconds: 5, start: 3, end: 13 });
    expect(timeMarkAt('Ja [00:00:05]', 2)).toBeNull();
    expect(timeMarkAt('Ja [00:00:05]', 0)).toBeNull();
    expect(timeMarkAt('[00:00:05]', 10)).toBeNull();
    expect(timeMarkAt('[00:00:05]', 99)).toBeNull();
    expect(timeMarkAt('', 0)).toBeNull();
  });

  test('unpaired brackets and out-of-range parts are no mark', () => {
    expect(timeMarkAt('[00:00:05#', 0)).toBeNull();
    expect(timeMarkAt('(00:00:05]', 0)).toBeNull();
    expect(timeMarkAt('[00:00:60]', 0)).toBeNull();
    expect(timeMarkAt('[01:60:00]', 0)).toBeNull();
    expect(timeMarkAt('[75:30]', 0)).toStrictEqual({ seconds: 4530, start: 0, end: 7 });
  });

  test('a negative offset is read as 0, as the pattern reads it', () => {
    expect(timeMarkAt('[00:00:05] Ja', -1)).toStrictEqual({ seconds: 5, start: -1, end: 9 });
    expect(timeMarkAt('Ja', -1)).toBeNull();
  });
});

describe('findTimeMarks and timeMarksFrom', () => {
  test('all marks in order, unpaired ones skipped', () => {
    expect(findTimeMarks('A [00:01] b (00:02) c #00:00:03-5# d [00:04)')).toStrictEqual([
      { seconds: 1, start: 2, end: 9 },
      { seconds: 2, start: 12, end: 19 },
      { seconds: 3.5, start: 22, end: 34 },
    ]);
  });

  test('a match whose brackets do not pair still uses up its characters, as a global search does', () => {
    // `[00:01#` matches the pattern (and is dropped); the search goes on after it, so `#00:02#` is never seen.
    expect(findTimeMarks('[00:01#00:02#')).toStrictEqual([]);
    expect(findTimeMarks('[00:01] #00:02#')).toStrictEqual([
      { seconds: 1, start: 0, end: 7 },
      { seconds: 2, start: 8, end: 15 },
    ]);
  });

  test('openers that start no mark are passed over one by one', () => {
    expect(findTimeMarks('((#[00:01]')).toStrictEqual([{ seconds: 1, start: 3, end: 10 }]);
    expect(findTimeMarks('# [ ( x')).toStrictEqual([]);
    expect(findTimeMarks('')).toStrictEqual([]);
  });

  test('timeMarksFrom scans from an offset, with offsets into the whole text', () => {
    const text = '[00:01] Ja (00:02) und #00:00:03-0#';
    expect(timeMarksFrom(text, 1)).toStrictEqual([
      { seconds: 2, start: 11, end: 18 },
      { seconds: 3, start: 23, end: 35 },
    ]);
    expect(timeMarksFrom(text, 0)).toStrictEqual(findTimeMarks(text));
    expect(timeMarksFrom(text, text.length)).toStrictEqual([]);
  });

  test('the marks of any slice are those of the marks from its start that end in it', () => {
    const text = 'x [00:01]  [00:02]#00:00:03-0# \t[00:04] [00:05#00:06#';
    const from = 1;
    const all = timeMarksFrom(text, from);
    for (let to = from; to <= text.length; to++) {
      const shifted = findTimeMarks(text.slice(from, to)).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
      expect(shifted).toStrictEqual(all.filter((m) => m.end <= to));
    }
  });

  test('trailingTimeMark', () => {
    expect(trailingTimeMark('Ja. #00:00:05-7#  ')).toStrictEqual({ seconds: 5.7, start: 4, end: 16 });
    expect(trailingTimeMark('[00:01] Ja.')).toBeNull();
  });
});

describe('timeMarksFrom: property', () => {
  const text = fc
    .array(fc.constantFrom('#', '[', '(', ']', ')', ':', '-', '.', ',', '0', '1', '5', '59', '60', '00:01', '12:34:56', ' ', 'a', '#00:00:05-7#', '[01:02]'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  test('from any offset: what findTimeMarks finds in the rest, and in any stretch of it, those ending in the stretch', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const from = n % (t.length + 1);
        const marks = timeMarksFrom(t, from);
        const shift = (ms: ReturnType<typeof findTimeMarks>): ReturnType<typeof findTimeMarks> => ms.map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
        expect(marks).toStrictEqual(shift(findTimeMarks(t.slice(from))));
        for (let to = from; to <= t.length; to++) expect(shift(findTimeMarks(t.slice(from, to)))).toStrictEqual(marks.filter((x) => x.end <= to));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
