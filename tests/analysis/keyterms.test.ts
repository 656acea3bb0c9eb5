import { describe, expect, it } from 'vitest';
import { distinctiveTerms, findKeyTerms, indexWords, speakerWords, textWords } from '../../src/analysis/keyterms.js';
import { STOPWORDS_DE } from '../../src/text/stopwords-de.js';
import { cat, moderatorUnit, tree, unit } from './build.js';

const de = { language: 'de' as const, stem: false };

describe('textWords', () => {
  it('keeps content words with their written forms, leaving out stop words, fillers, truncated parts and numbers', () => {
    const words = textWords('Ähm, die Kita-Leitung hat halt Bildungs- und Jugendarbeit gemacht, 2024 ja, jugendarbeit', de);
    expect([...words.entries()].map(([k, v]) => [k, Object.fromEntries(v)])).toEqual([
      ['kita-leitung', { 'Kita-Leitung': 1 }],
      ['jugendarbeit', { Jugendarbeit: 1, jugendarbeit: 1 }],
    ]);
  });

  it('reduces words to stems when the codebook stems', () => {
    expect([...textWords('Plattformen Plattform Kooperationen', { language: 'de', stem: true }).keys()]).toEqual(['plattform', 'kooperation']);
  });

  it('uses English stop words for English codebooks and skips ignored words', () => {
    expect([...textWords('The platform helps the network', { language: 'en', stem: false, ignore: new Set(['helps']) }).keys()]).toEqual([
      'platform',
      'network',
    ]);
  });
});

describe('STOPWORDS_DE', () => {
  it('holds the fillers of spoken German', () => {
    for (const w of ['ähm', 'äh', 'halt', 'sozusagen', 'quasi', 'genau', 'irgendwie', 'eigentlich', 'lacht']) expect(STOPWORDS_DE.has(w)).toBe(true);
    for (const w of ['kita', 'plattform', 'austausch']) expect(STOPWORDS_DE.has(w)).toBe(false);
  });
});

describe('speakerWords', () => {
  it('gives the lower-cased words of speaker labels', () => {
    expect([...speakerWords([{ speaker: 'Frau Müller' }, { speaker: 'B1' }, { speaker: 'Frau Weiß' }])]).toEqual(['frau', 'müller', 'b1', 'weiß']);
  });
});

describe('findKeyTerms', () => {
  const categories = tree(cat('a', 'A'), cat('b', 'B'));
  const units = [
    unit('t', 1, 'Sabine', ['a'], { text: 'Plattform, Austausch, Netzwerk, Sabine.' }),
    unit('t', 2, 'Sabine', ['a'], { text: 'Plattform und Austausch, sagt Sabine.' }),
    unit('t', 3, 'Jonas', ['a'], { text: 'Die Plattform der Kita.' }),
    unit('t', 4, 'Jonas', [], { text: 'Kita und Schule.' }),
    unit('t', 5, 'Jonas', ['b'], { text: 'Schule, Schule, Geld.' }),
    unit('t', 6, 'Jonas', [], { text: 'Kita, Geld.' }),
    unit('t', 7, 'Jonas', [], { text: 'Schule, Geld.' }),
    unit('t', 8, 'Jonas', [], { text: 'Geld.' }),
    { ...moderatorUnit('t', 9, 'I'), codings: unit('t', 9, 'I', ['a']).codings, text: 'Austausch Austausch Plattform' },
  ];

  it('ranks the words of a category’s units against all other codable units by G²', () => {
    // a: 3 units, others 5. plattform 3/0, austausch 2/0; netzwerk and kita occur in one a-unit only;
    // "Sabine" is a speaker's name. b has a single unit, so no word reaches two units.
    expect(findKeyTerms(units, categories, de)).toEqual([
      { category: 'a', term: 'plattform', units: 3, otherUnits: 0, g2: expect.closeTo(6 * Math.log(8 / 3) + 10 * Math.log(1.6), 12) },
      {
        category: 'a',
        term: 'austausch',
        units: 2,
        otherUnits: 0,
        g2: expect.closeTo(4 * Math.log(8 / 3) + 2 * Math.log(4 / 9) + 10 * Math.log(4 / 3), 12),
      },
    ]);
  });

  it('keeps at most `top` terms per category', () => {
    expect(findKeyTerms(units, categories, { ...de, top: 1 }).map((r) => r.term)).toEqual(['plattform']);
  });
});

describe('distinctiveTerms', () => {
  const words = ['Austausch Plattform Schule', 'Austausch plattform Schule', 'plattform Austausch', 'Schule', 'Schule', 'Schule'].map((t) =>
    textWords(t, de),
  );

  it('gives the most frequent written form and drops words relatively rarer in the selection', () => {
    const found = distinctiveTerms(indexWords(words), [true, true, true, false, false, false]);
    // Equal G² and units: ordered by term. schule is in 2 of 3 selected but 3 of 3 other units.
    expect(found.map((t) => [t.term, t.display, t.units, t.otherUnits])).toEqual([
      ['austausch', 'Austausch', 3, 0],
      ['plattform', 'plattform', 3, 0],
    ]);
    expect(found[0]!.g2).toBeCloseTo(12 * Math.log(2), 12);
    expect(found[1]!.g2).toBeCloseTo(12 * Math.log(2), 12);
  });

  it('indexes how many units hold each term and its usual written form', () => {
    const table = indexWords(words);
    expect(Object.fromEntries(table.frequency)).toEqual({ austausch: 3, plattform: 3, schule: 5 });
    expect(Object.fromEntries(table.display)).toEqual({ austausch: 'Austausch', plattform: 'plattform', schule: 'Schule' });
  });

  it('drops terms below the critical G² of 3.841', () => {
    // austausch 2 of 3 against 0 of 3: G² = 2·ln 2 + 6·ln 1.5 = 3.819.
    const few = ['Austausch', 'Austausch', 'Plattform', 'Schule', 'Schule', 'Schule'].map((t) => textWords(t, de));
    expect(distinctiveTerms(indexWords(few), [true, true, true, false, false, false])).toEqual([]);
  });
});
