import { describe, expect, it } from 'vitest';
import { countCooccurrence, formatCooccurrenceScope, parseCooccurrenceScope } from '../../src/analysis/cooccurrence.js';
import { cat, frame, moderatorUnit, tree, unit } from './build.js';

describe('countCooccurrence in unit scope', () => {
  it('counts pairs in codebook order with jaccard = c, leaving out ancestor pairs', () => {
    const units = [
      unit('t', 1, 'A', ['bedarfe', 'bedarfe/personal', 'vernetzung']),
      unit('t', 2, 'B', ['bedarfe', 'bedarfe/raeume']),
      // Codings listed out of codebook order on purpose.
      unit('t', 3, 'A', ['vernetzung', 'herausforderungen', 'herausforderungen/finanzierung', 'bedarfe', 'bedarfe/personal']),
      unit('t', 4, 'C', ['vernetzung']),
      { ...moderatorUnit('t', 5, 'I'), codings: unit('t', 5, 'I', ['bedarfe', 'vernetzung']).codings },
    ];
    const row = (a: string, b: string, segments: number, j: number, na: number, nb: number) => ({
      a,
      b,
      segments,
      jaccard: j,
      c: j,
      contexts: { a: na, b: nb, both: segments },
    });
    expect(countCooccurrence(units, frame())).toEqual([
      row('bedarfe', 'vernetzung', 2, 0.5, 3, 3),
      row('bedarfe', 'herausforderungen', 1, 1 / 3, 3, 1),
      row('bedarfe', 'herausforderungen/finanzierung', 1, 1 / 3, 3, 1),
      row('bedarfe/personal', 'vernetzung', 2, 2 / 3, 2, 3),
      row('bedarfe/personal', 'herausforderungen', 1, 0.5, 2, 1),
      row('bedarfe/personal', 'herausforderungen/finanzierung', 1, 0.5, 2, 1),
      row('vernetzung', 'herausforderungen', 1, 1 / 3, 3, 1),
      row('vernetzung', 'herausforderungen/finanzierung', 1, 1 / 3, 3, 1),
    ]);
  });

  it('keeps categories whose codes only share a prefix apart from ancestors', () => {
    const categories = tree(cat('netz', 'Netz'), cat('netzwerk', 'Netzwerk'));
    expect(countCooccurrence([unit('t', 1, 'A', ['netz', 'netzwerk'])], categories)).toEqual([
      { a: 'netz', b: 'netzwerk', segments: 1, jaccard: 1, c: 1, contexts: { a: 1, b: 1, both: 1 } },
    ]);
  });

  it('gives no rows when nothing co-occurs', () => {
    expect(countCooccurrence([unit('t', 1, 'A', ['bedarfe', 'bedarfe/personal']), unit('t', 2, 'A', ['vernetzung'])], frame())).toEqual([]);
  });
});

describe('countCooccurrence in window and transcript scope', () => {
  const abc = tree(cat('a', 'A'), cat('b', 'B'), cat('c', 'C'));
  // Codable positions of t1: a | b | – | a,b | c (the moderator unit 2 does not count as distance);
  // t2: b | a | –. Input out of order on purpose.
  const units = [
    unit('t2', 3, 'Y', []),
    unit('t1', 5, 'X', ['a', 'b']),
    unit('t1', 1, 'X', ['a']),
    moderatorUnit('t1', 2, 'I'),
    unit('t1', 3, 'Y', ['b']),
    unit('t1', 4, 'X', []),
    unit('t1', 6, 'Y', ['c']),
    unit('t2', 1, 'X', ['b']),
    unit('t2', 2, 'Y', ['a']),
  ];

  it('in unit scope (and window:1) counts only units with both', () => {
    const expected = [{ a: 'a', b: 'b', segments: 1, jaccard: 0.2, c: 0.2, contexts: { a: 3, b: 3, both: 1 } }];
    expect(countCooccurrence(units, abc)).toEqual(expected);
    expect(countCooccurrence(units, abc, { kind: 'window', size: 1 })).toEqual(expected);
  });

  it('in window:2 counts units with the partner at most one codable unit away, and c over the windows', () => {
    // Windows of t1: {a,b} {b} {a,b} {a,b,c}; of t2: {a,b} {a} → a in 5, b in 5, c in 1.
    expect(countCooccurrence(units, abc, { kind: 'window', size: 2 })).toEqual([
      { a: 'a', b: 'b', segments: 5, jaccard: 1, c: 4 / 6, contexts: { a: 5, b: 5, both: 4 } },
      { a: 'a', b: 'c', segments: 2, jaccard: 0.5, c: 0.2, contexts: { a: 5, b: 1, both: 1 } },
      { a: 'b', b: 'c', segments: 2, jaccard: 0.5, c: 0.2, contexts: { a: 5, b: 1, both: 1 } },
    ]);
  });

  it('in transcript scope counts the units of transcripts that have both, and c over transcripts', () => {
    const rows = countCooccurrence(units, abc, { kind: 'transcript' });
    expect(rows).toEqual([
      { a: 'a', b: 'b', segments: 5, jaccard: 1, c: 1, contexts: { a: 2, b: 2, both: 2 } },
      { a: 'a', b: 'c', segments: 3, jaccard: 0.75, c: 0.5, contexts: { a: 2, b: 1, both: 1 } },
      { a: 'b', b: 'c', segments: 3, jaccard: 0.75, c: 0.5, contexts: { a: 2, b: 1, both: 1 } },
    ]);
    // A window wider than every transcript is the transcript.
    expect(countCooccurrence(units, abc, { kind: 'window', size: 10 })).toEqual(rows);
  });

  it('never pairs a category with its ancestor, also across neighbouring units', () => {
    const units2 = [unit('t', 1, 'A', ['bedarfe', 'bedarfe/personal']), unit('t', 2, 'B', ['bedarfe'])];
    expect(countCooccurrence(units2, frame(), { kind: 'window', size: 2 })).toEqual([]);
  });
});

describe('parseCooccurrenceScope', () => {
  it('reads unit, transcript and window:N', () => {
    expect(['unit', 'transcript', 'window:3', 'window:1'].map(parseCooccurrenceScope)).toEqual([
      { kind: 'unit' },
      { kind: 'transcript' },
      { kind: 'window', size: 3 },
      { kind: 'window', size: 1 },
    ]);
  });

  it('refuses anything else', () => {
    expect(['window:0', 'window:', 'window:x', 'window:-2', 'window:2.5', 'sentence', 'Unit', ''].map(parseCooccurrenceScope)).toEqual(
      new Array(8).fill(undefined),
    );
  });

  it('writes a scope as it is read', () => {
    expect([{ kind: 'unit' } as const, { kind: 'transcript' } as const, { kind: 'window', size: 4 } as const].map(formatCooccurrenceScope)).toEqual([
      'unit',
      'transcript',
      'window:4',
    ]);
  });
});
