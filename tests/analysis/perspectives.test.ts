import { describe, expect, it } from 'vitest';
import { findPerspectives, satisfies } from '../../src/analysis/perspectives.js';
import { codebook, frame, moderatorUnit, perspective, unit } from './build.js';

// Input deliberately not in transcript order: results must be sorted all the same.
const units = [
  unit('t3.txt', 1, 'A', ['bedarfe', 'bedarfe/personal']),
  unit('t3.txt', 2, 'C', ['vernetzung']),
  moderatorUnit('t3.txt', 3, 'Moderator'),
  moderatorUnit('t1.txt', 1, 'I'),
  unit('t1.txt', 2, 'A', ['bedarfe', 'bedarfe/personal', 'vernetzung']),
  unit('t1.txt', 3, 'B', ['vernetzung']),
  unit('t1.txt', 4, 'A', ['bedarfe', 'vernetzung', 'herausforderungen', 'herausforderungen/finanzierung']),
  unit('t2.txt', 2, 'B', ['vernetzung', 'bedarfe']),
  unit('t2.txt', 1, 'A', ['bedarfe', 'bedarfe/raeume']),
];

const book = codebook(frame(), [
  perspective(
    'kommunikation',
    { all: ['bedarfe', 'vernetzung'], none: ['herausforderungen/finanzierung'] },
    { label: 'Kommunikationskonzept', description: 'Bedarfe mit Vernetzung', minSupport: 2 },
  ),
  perspective('raum', { any: ['herausforderungen', 'bedarfe/raeume'] }),
  perspective('personalnetz', { all: ['bedarfe/personal', 'vernetzung'] }, { scope: 'transcript', minSupport: 2 }),
  perspective('nur-netz', { all: ['vernetzung'], none: ['bedarfe'] }),
  perspective('geld', { all: ['herausforderungen/finanzierung', 'bedarfe'] }, { minSupport: 3 }),
  perspective('ruhig', { none: ['herausforderungen'] }, { scope: 'transcript' }),
]);

describe('findPerspectives', () => {
  const results = findPerspectives(units, book);

  it('returns every declared perspective in codebook order', () => {
    expect(results.map((r) => [r.code, r.kind, r.support, r.minSupport])).toEqual([
      ['kommunikation', 'declared', 2, 2],
      ['raum', 'declared', 2, 1],
      ['personalnetz', 'declared', 2, 2],
      ['nur-netz', 'declared', 2, 1],
      ['geld', 'declared', 1, 3],
      ['ruhig', 'declared', 2, 1],
    ]);
  });

  it('supports a unit-scope perspective by units with all codes and none of the excluded', () => {
    expect(results[0]).toEqual({
      code: 'kommunikation',
      label: 'Kommunikationskonzept',
      kind: 'declared',
      description: 'Bedarfe mit Vernetzung',
      scope: 'unit',
      support: 2,
      minSupport: 2,
      transcripts: ['t1.txt', 't2.txt'],
      speakers: ['t1.txt:A', 't2.txt:B'],
      categories: ['bedarfe', 'vernetzung'],
      evidence: ['t1.txt#2', 't2.txt#2'],
    });
  });

  it('supports an any-perspective by units with at least one code, categories in codebook order', () => {
    expect(results[1]).toMatchObject({
      support: 2,
      transcripts: ['t1.txt', 't2.txt'],
      speakers: ['t1.txt:A', 't2.txt:A'],
      categories: ['bedarfe/raeume', 'herausforderungen'],
      evidence: ['t1.txt#4', 't2.txt#1'],
    });
    expect(results[1]).not.toHaveProperty('description');
  });

  it('supports a transcript-scope perspective by the union of a transcript’s codes', () => {
    expect(results[2]).toMatchObject({
      scope: 'transcript',
      support: 2,
      transcripts: ['t1.txt', 't3.txt'],
      speakers: ['t1.txt:A', 't1.txt:B', 't3.txt:A', 't3.txt:C'],
      categories: ['bedarfe/personal', 'vernetzung'],
      evidence: ['t1.txt#2', 't1.txt#3', 't1.txt#4', 't3.txt#1', 't3.txt#2'],
    });
  });

  it('applies none to a unit’s codes', () => {
    expect(results[3]).toMatchObject({
      support: 2,
      transcripts: ['t1.txt', 't3.txt'],
      speakers: ['t1.txt:B', 't3.txt:C'],
      categories: ['vernetzung'],
      evidence: ['t1.txt#3', 't3.txt#2'],
    });
  });

  it('reports a perspective below its min_support with its figures', () => {
    expect(results[4]).toMatchObject({
      support: 1,
      minSupport: 3,
      categories: ['bedarfe', 'herausforderungen/finanzierung'],
      evidence: ['t1.txt#4'],
    });
  });

  it('counts transcripts supported only through none, with no evidence to quote', () => {
    expect(results[5]).toMatchObject({ support: 2, transcripts: ['t2.txt', 't3.txt'], speakers: [], categories: [], evidence: [] });
  });

  it('never counts moderator units or transcripts with only moderators', () => {
    const r = findPerspectives([moderatorUnit('m.txt', 1, 'I')], codebook(frame(), [perspective('alle', {}), perspective('t', {}, { scope: 'transcript' })]));
    expect(r.map((x) => x.support)).toEqual([0, 0]);
  });
});

describe('satisfies', () => {
  const codes = new Set(['a', 'b']);
  it('checks all, any and none', () => {
    expect([
      satisfies(codes, { all: ['a', 'b'], any: [], none: [] }),
      satisfies(codes, { all: ['a', 'c'], any: [], none: [] }),
      satisfies(codes, { all: [], any: ['c', 'b'], none: [] }),
      satisfies(codes, { all: [], any: ['c'], none: [] }),
      satisfies(codes, { all: ['a'], any: [], none: ['b'] }),
      satisfies(codes, { all: [], any: [], none: [] }),
    ]).toEqual([true, false, true, false, false, true]);
  });
});
