import { describe, expect, it } from 'vitest';
import { breakDown, dimensionValue } from '../../src/analysis/breakdown.js';
import { cat, moderatorUnit, tree, unit } from './build.js';

const categories = tree(cat('bedarfe', 'Bedarfe', cat('personal', 'Personal')), cat('vernetzung', 'Vernetzung'));
const eltern = { attributes: { group: 'Eltern' } };
const units = [
  moderatorUnit('t2.txt', 1, 'Moderator'),
  unit('t2.txt', 2, 'A', ['bedarfe', 'bedarfe/personal'], eltern),
  unit('t2.txt', 3, 'C', []),
  moderatorUnit('t1.txt', 1, 'I'),
  unit('t1.txt', 2, 'A', ['bedarfe'], eltern),
  unit('t1.txt', 3, 'B', ['vernetzung'], { attributes: { group: 'Lehrkräfte' } }),
  unit('t1.txt', 4, 'A', ['bedarfe', 'vernetzung'], eltern),
];

describe('breakDown', () => {
  it('breaks down by speaker as transcript:speaker, values sorted, moderators left out', () => {
    expect(breakDown(units, categories, 'speaker')).toEqual({
      dimension: 'speaker',
      rows: [
        { value: 't1.txt:A', category: 'bedarfe', segments: 2, share: 1 },
        { value: 't1.txt:A', category: 'bedarfe/personal', segments: 0, share: 0 },
        { value: 't1.txt:A', category: 'vernetzung', segments: 1, share: 0.5 },
        { value: 't1.txt:B', category: 'bedarfe', segments: 0, share: 0 },
        { value: 't1.txt:B', category: 'bedarfe/personal', segments: 0, share: 0 },
        { value: 't1.txt:B', category: 'vernetzung', segments: 1, share: 1 },
        { value: 't2.txt:A', category: 'bedarfe', segments: 1, share: 1 },
        { value: 't2.txt:A', category: 'bedarfe/personal', segments: 1, share: 1 },
        { value: 't2.txt:A', category: 'vernetzung', segments: 0, share: 0 },
        { value: 't2.txt:C', category: 'bedarfe', segments: 0, share: 0 },
        { value: 't2.txt:C', category: 'bedarfe/personal', segments: 0, share: 0 },
        { value: 't2.txt:C', category: 'vernetzung', segments: 0, share: 0 },
      ],
    });
  });

  it('breaks down by transcript with shares over the transcript’s codable units', () => {
    expect(breakDown(units, categories, 'transcript').rows).toEqual([
      { value: 't1.txt', category: 'bedarfe', segments: 2, share: 2 / 3 },
      { value: 't1.txt', category: 'bedarfe/personal', segments: 0, share: 0 },
      { value: 't1.txt', category: 'vernetzung', segments: 2, share: 2 / 3 },
      { value: 't2.txt', category: 'bedarfe', segments: 1, share: 0.5 },
      { value: 't2.txt', category: 'bedarfe/personal', segments: 1, share: 0.5 },
      { value: 't2.txt', category: 'vernetzung', segments: 0, share: 0 },
    ]);
  });

  it('breaks down by an attribute, with (none) for units that lack it', () => {
    const b = breakDown(units, categories, 'group');
    expect(b.dimension).toBe('group');
    expect(b.rows.filter((r) => r.category === 'bedarfe')).toEqual([
      { value: '(none)', category: 'bedarfe', segments: 0, share: 0 },
      { value: 'Eltern', category: 'bedarfe', segments: 3, share: 1 },
      { value: 'Lehrkräfte', category: 'bedarfe', segments: 0, share: 0 },
    ]);
    expect(b.rows.find((r) => r.value === 'Eltern' && r.category === 'vernetzung')).toEqual({
      value: 'Eltern',
      category: 'vernetzung',
      segments: 1,
      share: 1 / 3,
    });
  });

  it('has no rows for values with only moderator units', () => {
    const b = breakDown([moderatorUnit('t', 1, 'I'), unit('t', 2, 'A', [], { attributes: { role: 'Kita' } })], categories, 'role');
    expect([...new Set(b.rows.map((r) => r.value))]).toEqual(['Kita']);
  });

  it('reads the value of a unit in each dimension', () => {
    const u = unit('a/b.txt', 1, 'S1', [], { attributes: { group: 'G' } });
    expect([dimensionValue(u, 'transcript'), dimensionValue(u, 'speaker'), dimensionValue(u, 'group'), dimensionValue(u, 'role')]).toEqual([
      'a/b.txt',
      'a/b.txt:S1',
      'G',
      '(none)',
    ]);
  });
});
