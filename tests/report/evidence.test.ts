import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BRIEF_CHARS, briefText, snippet, splitEvidence, spreadEvidence, transcriptOf } from '../../src/report/evidence.js';

describe('spreadEvidence', () => {
  test('takes the first unit of each transcript, then the second of each, …, transcripts in the order they first appear', () => {
    expect(spreadEvidence(['a#1', 'a#2', 'a#3', 'b#4', 'c#1', 'c#9', 'b#7'])).toEqual(['a#1', 'b#4', 'c#1', 'a#2', 'b#7', 'c#9', 'a#3']);
    expect(spreadEvidence([])).toEqual([]);
    expect(spreadEvidence(['x#1', 'x#2'])).toEqual(['x#1', 'x#2']);
  });

  test('a transcript id may hold a #: the segment is after the last one', () => {
    expect(transcriptOf('kapitel#2.txt#14')).toBe('kapitel#2.txt');
    expect(spreadEvidence(['k#1.txt#1', 'k#1.txt#2', 'k#2.txt#1'])).toEqual(['k#1.txt#1', 'k#2.txt#1', 'k#1.txt#2']);
  });

  test('is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(50))), (pairs) => {
        const ids = [...new Set(pairs.map(([t, s]) => `${t}#${s}`))];
        expect([...spreadEvidence(ids)].sort()).toEqual([...ids].sort());
      }),
    );
  });
});

describe('splitEvidence', () => {
  test('quotes the first units in spread order, lists the others in evidence order, the next ones in spread order with their text', () => {
    const ids = ['a#1', 'a#2', 'a#3', 'a#4', 'b#1', 'b#2'];
    expect(splitEvidence(ids, 3, 2)).toEqual({ quoted: ['a#1', 'b#1', 'a#2'], listed: ['a#3', 'a#4', 'b#2'], snippets: new Set(['b#2', 'a#3']) });
    expect(splitEvidence(ids, 3, 0)).toEqual({ quoted: ['a#1', 'b#1', 'a#2'], listed: ['a#3', 'a#4', 'b#2'], snippets: new Set() });
    expect(splitEvidence(['a#1', 'b#1'], 5, 5)).toEqual({ quoted: ['a#1', 'b#1'], listed: [], snippets: new Set() });
    expect(splitEvidence(['a#1', 'b#1'], 0, 1)).toEqual({ quoted: [], listed: ['a#1', 'b#1'], snippets: new Set(['a#1']) });
    expect(splitEvidence(['a#1', 'b#1'], -2, -1)).toEqual({ quoted: [], listed: ['a#1', 'b#1'], snippets: new Set() });
  });
});

describe('snippet', () => {
  test('a short text with its white space collapsed', () => {
    expect(snippet('  Zwei\n\nZeilen   hier ')).toBe('Zwei Zeilen hier');
    expect(snippet('x'.repeat(BRIEF_CHARS))).toBe('x'.repeat(BRIEF_CHARS));
  });

  test('a long text cut after a word, or inside a long word, with …', () => {
    expect(snippet(`${'wort '.repeat(30)}`)).toBe(`${'wort '.repeat(23)}wort…`);
    expect(snippet('x'.repeat(BRIEF_CHARS + 1))).toBe(`${'x'.repeat(BRIEF_CHARS)}…`);
  });

  test('never ends on half a surrogate pair', () => {
    expect(snippet(`${'x'.repeat(BRIEF_CHARS - 1)}😀 mehr`)).toBe(`${'x'.repeat(BRIEF_CHARS - 1)}…`);
  });

  test('depends only on briefText: a unit fetched briefly shows as one fetched whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'ä', '😀'), maxLength: 3 * BRIEF_CHARS }), (text) => {
        expect(snippet(briefText(text))).toBe(snippet(text));
        expect(snippet(text).length).toBeLessThanOrEqual(BRIEF_CHARS + 1);
      }),
    );
  });
});
