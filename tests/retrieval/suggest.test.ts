import { describe, expect, it } from 'vitest';
import { matcher } from './book.js';
import { suggestTerms } from '../../src/retrieval/suggest.js';
import { moderatorUnit, unit } from '../analysis/build.js';

describe('suggestTerms', () => {
  const units = [
    unit('t', 1, 'A', [], { text: 'Wir brauchen eine Plattform für den Austausch. Austausch ist wichtig.' }),
    moderatorUnit('t', 2, 'I'),
    { ...unit('t', 3, 'B', [], { text: 'Der Austausch fehlt, ähm, halt. Es fehlt Zeit.' }) },
  ];
  units[1] = { ...units[1]!, text: 'Austausch Austausch Austausch Zeit' };

  it('counts the words no term covers, with an example of the first occurrence', () => {
    const found = suggestTerms(units, matcher, { language: 'de', minCount: 1 });
    // "brauchen" and "plattform" are covered by terms, "fehlt" by the phrase "es fehlt"; "ähm", "halt" are fillers.
    expect(found.map((s) => [s.word, s.count, s.units])).toEqual([
      ['austausch', 3, 2],
      ['wichtig', 1, 1],
      ['zeit', 1, 1],
    ]);
    const text = units[0]!.text;
    expect(found[0]!.example).toEqual({ unit: units[0], start: text.indexOf('Austausch'), end: text.indexOf('Austausch') + 9 });
  });

  it('keeps words that reach the minimum count, at most `top`', () => {
    expect(suggestTerms(units, matcher, { language: 'de' }).map((s) => s.word)).toEqual(['austausch']);
    expect(suggestTerms(units, matcher, { language: 'de', minCount: 1, top: 2 }).map((s) => s.word)).toEqual(['austausch', 'wichtig']);
  });
});
