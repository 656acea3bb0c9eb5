import { describe, expect, it } from 'vitest';
import { findEmergentPerspectives } from '../../src/analysis/emergent.js';
import type { CodedUnit } from '../../src/types.js';
import { cat, codebook, moderatorUnit, perspective, tree, unit } from './build.js';

const categories = tree(cat('bedarfe', 'Bedarfe', cat('personal', 'Personal')), cat('vernetzung', 'Vernetzung'), cat('chancen', 'Chancen'));
const talk = 'Austausch über eine Plattform und Vernetzung.';

/** Units 1–3 coded with `first` and vernetzung, 4 with bedarfe, 5 with vernetzung, 6–8 with chancen, 9–20 with nothing. */
function units(first: string[]): CodedUnit[] {
  const out = [
    unit('t', 1, 'A', [...first, 'vernetzung'], { text: talk, attributes: { group: 'Praxis' } }),
    unit('t', 2, 'A', [...first, 'vernetzung'], { text: talk, attributes: { group: 'Praxis' } }),
    unit('t', 3, 'B', [...first, 'vernetzung'], { text: talk, attributes: { group: 'Wissenschaft' } }),
    unit('t', 4, 'B', ['bedarfe'], { text: 'Wir brauchen Geld.' }),
    unit('t', 5, 'C', ['vernetzung'], { text: 'Das Netzwerk trägt.' }),
  ];
  for (let s = 6; s <= 8; s++) out.push(unit('t', s, 'C', ['chancen']));
  for (let s = 9; s <= 20; s++) out.push(unit('t', s, 'C', []));
  // Moderator units never count, whatever they carry.
  out.push({ ...moderatorUnit('t', 21, 'I'), codings: unit('t', 21, 'I', ['bedarfe', 'vernetzung']).codings });
  return out;
}

describe('findEmergentPerspectives: pairs', () => {
  it('reports a pair that co-occurs clearly more often than chance, with evidence, speakers, groups and a label', () => {
    // N = 20, n_bedarfe = 4, n_vernetzung = 4, both 3: lift = 20·3/16; P(X ≥ 3) = 65/4845, the only test.
    expect(findEmergentPerspectives(units(['bedarfe']), codebook(categories))).toEqual([
      {
        code: 'bedarfe+vernetzung',
        label: 'Bedarfe × Vernetzung: Austausch, Plattform',
        kind: 'emergent',
        scope: 'unit',
        support: 3,
        minSupport: 3,
        transcripts: ['t'],
        speakers: ['t:A', 't:B'],
        categories: ['bedarfe', 'vernetzung'],
        evidence: ['t#1', 't#2', 't#3'],
        groups: ['Praxis', 'Wissenschaft'],
        lift: 3.75,
        p: expect.closeTo(65 / 4845, 12),
        keyterms: ['Austausch', 'Plattform'],
      },
    ]);
  });

  it('applies the minimum support and lift', () => {
    expect(findEmergentPerspectives(units(['bedarfe']), codebook(categories), { minSupport: 4 })).toEqual([]);
    expect(findEmergentPerspectives(units(['bedarfe']), codebook(categories), { minLift: 3.8 })).toEqual([]);
    expect(findEmergentPerspectives(units(['bedarfe']), codebook(categories), { minLift: 3.75 })).toHaveLength(1);
  });

  it('keeps the more specific pair when a subcategory has the same supporting units', () => {
    // Two tests: personal+vernetzung p = 17/4845, bedarfe+vernetzung p = 65/4845; Benjamini–Hochberg
    // raises the smaller to 2·17/4845. bedarfe+vernetzung has the same three units and is dropped.
    const found = findEmergentPerspectives(units(['bedarfe', 'bedarfe/personal']), codebook(categories));
    expect(found.map((r) => [r.code, r.label, r.support, r.lift])).toEqual([
      ['bedarfe/personal+vernetzung', 'Personal × Vernetzung: Austausch, Plattform', 3, 5],
    ]);
    expect(found[0]!.p).toBeCloseTo(34 / 4845, 12);
  });

  it('never pairs a category with its ancestor', () => {
    const only = [...units([]).slice(4)];
    for (let s = 30; s < 34; s++) only.push(unit('t', s, 'D', ['bedarfe', 'bedarfe/personal']));
    expect(findEmergentPerspectives(only, codebook(categories))).toEqual([]);
  });

  it('leaves out a combination a declared perspective already names', () => {
    const book = codebook(categories, [perspective('kommunikation', { all: ['vernetzung', 'bedarfe'] })]);
    expect(findEmergentPerspectives(units(['bedarfe']), book)).toEqual([]);
    const narrower = codebook(categories, [perspective('k', { all: ['vernetzung', 'bedarfe'], none: ['chancen'] })]);
    expect(findEmergentPerspectives(units(['bedarfe']), narrower)).toHaveLength(1);
  });
});

describe('findEmergentPerspectives: triples', () => {
  const pqr = tree(cat('p', 'P'), cat('q', 'Q'), cat('r', 'R'));
  /** 30 units: the given code sets first, then units with nothing. */
  const make = (sets: string[][]): CodedUnit[] => {
    const out = sets.map((codes, i) => unit('t', i + 1, 'A', codes));
    for (let s = sets.length + 1; s <= 30; s++) out.push(unit('t', s, 'B', []));
    return out;
  };

  it('reports a triple that its pairs do not explain, after its pairs', () => {
    // 4 units with all three, one with each pair, one with each single: n = 7 each, pairs 5, triple 4.
    // P(p | q∧r) = 4/5 > P(p | q) = 5/7, and so for q and r.
    const sets = [['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q'], ['p', 'r'], ['q', 'r'], ['p'], ['q'], ['r']];
    const found = findEmergentPerspectives(make(sets), codebook(pqr));
    expect(found.map((r) => [r.code, r.support, r.lift, r.evidence.length])).toEqual([
      ['p+q', 5, 150 / 49, 5],
      ['p+r', 5, 150 / 49, 5],
      ['q+r', 5, 150 / 49, 5],
      ['p+q+r', 4, 3600 / 343, 4],
    ]);
    // Four tests; the pairs' P(X ≥ 5) = 5475/2035800 is raised to 4/3 of it, the triple's
    // P(X ≥ 4) = 11800/2035800 (p among the 5 units with q and r) stays.
    expect(found[0]!.p).toBeCloseTo(7300 / 2035800, 12);
    expect(found[3]!.p).toBeCloseTo(11800 / 2035800, 12);
    expect(found[3]!.label).toBe('P × Q × R');
  });

  it('drops a triple its pairs explain', () => {
    // Two units per pair: P(p | q∧r) = 4/6 is below P(p | q) = 6/8.
    const sets = [['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q'], ['p', 'q'], ['p', 'r'], ['p', 'r'], ['q', 'r'], ['q', 'r']];
    expect(findEmergentPerspectives(make(sets), codebook(pqr)).map((r) => r.code)).toEqual(['p+q', 'p+r', 'q+r']);
  });

  it('drops pairs whose units are exactly those of a triple', () => {
    const sets = [['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p', 'q', 'r'], ['p'], ['q'], ['r']];
    expect(findEmergentPerspectives(make(sets), codebook(pqr)).map((r) => r.code)).toEqual(['p+q+r']);
  });
});
