import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/analysis/compare.js';
import { cat, moderatorUnit, tree, unit } from './build.js';

describe('compareGroups', () => {
  const categories = tree(cat('a', 'A'), cat('b', 'B'));
  const p = { attributes: { group: 'Praxis' } };
  const z = { attributes: { group: 'Ziel' } };
  const units = [
    unit('t', 1, 'P1', ['a'], p),
    unit('t', 2, 'P1', ['a', 'b'], p),
    unit('t', 3, 'P2', ['a'], p),
    unit('t', 4, 'P2', [], p),
    unit('t', 5, 'Z1', ['b'], z),
    unit('t', 6, 'Z1', ['b'], z),
    unit('t', 7, 'Z1', [], z),
    unit('t', 8, 'Z2', [], z),
    unit('t', 9, 'Z2', [], z),
    unit('t', 10, 'Z2', [], z),
    // A moderator's codings never count.
    { ...moderatorUnit('t', 11, 'I'), codings: unit('t', 11, 'I', ['a']).codings },
  ];
  const { dimension, rows } = compareGroups(units, categories, 'group');

  it('compares each value with all other codable units, category by category', () => {
    expect(dimension).toBe('group');
    expect(rows.map((r) => [r.value, r.category, r.segments, r.units, r.share, r.restSegments, r.restUnits, r.restShare, r.flag])).toEqual([
      ['Praxis', 'a', 3, 4, 0.75, 0, 6, 0, 'more'],
      ['Praxis', 'b', 1, 4, 0.25, 2, 6, 2 / 6, ''],
      ['Ziel', 'a', 0, 6, 0, 3, 4, 0.75, 'less'],
      ['Ziel', 'b', 2, 6, 2 / 6, 1, 4, 0.25, ''],
    ]);
  });

  it('gives Fisher’s exact two-sided p and G² of the 2×2 table', () => {
    // [[3,1],[0,6]]: hypergeometric C(4,x)·C(6,3−x)/120 = 20, 60, 36, 4 for x = 0…3; only x = 3 is as unlikely.
    expect(rows[0]!.p).toBeCloseTo(4 / 120, 12);
    expect(rows[2]!.p).toBeCloseTo(4 / 120, 12);
    const g2 = 2 * (3 * Math.log(3 / 1.2) + 1 * Math.log(1 / 2.8) + 6 * Math.log(6 / 4.2));
    expect(rows[0]!.g2).toBeCloseTo(g2, 12);
    expect(rows[2]!.g2).toBeCloseTo(g2, 12);
    // [[1,3],[2,4]] is the most likely table of its margins.
    expect(rows[1]!.p).toBeCloseTo(1, 12);
  });

  it('compares speakers too, and gives one value no rest', () => {
    expect(compareGroups(units, categories, 'speaker').rows.filter((r) => r.category === 'a').map((r) => [r.value, r.segments, r.units, r.restSegments, r.restUnits])).toEqual([
      ['t:P1', 2, 2, 1, 8],
      ['t:P2', 1, 2, 2, 8],
      ['t:Z1', 0, 3, 3, 7],
      ['t:Z2', 0, 3, 3, 7],
    ]);
    const single = compareGroups(units, categories, 'transcript').rows;
    expect(single.map((r) => [r.value, r.restUnits, r.restShare, r.p, r.g2, r.flag])).toEqual([
      ['t', 0, 0, 1, 0, ''],
      ['t', 0, 0, 1, 0, ''],
    ]);
  });
});
