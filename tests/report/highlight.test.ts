import { describe, expect, it } from 'vitest';
import { BRACKETS, highlight, mergeSpans } from '../../src/report/highlight.js';

describe('highlight', () => {
  it('merges overlapping and touching spans and clips them to the text', () => {
    expect(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 7, end: 12 }, { start: 20, end: 30 }], 15)).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 12 },
    ]);
  });

  it('marks the spans and leaves the rest as it is', () => {
    expect(highlight('Wir brauchen mehr Personal.', [{ start: 13, end: 26 }, { start: 18, end: 26 }, { start: 4, end: 12 }], BRACKETS)).toBe(
      'Wir [[brauchen]] [[mehr Personal]].',
    );
    expect(highlight('abc', [], BRACKETS)).toBe('abc');
  });
});
