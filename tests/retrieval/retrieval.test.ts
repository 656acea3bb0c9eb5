import { describe, expect, it } from 'vitest';
import { explainUnit } from '../../src/retrieval/explain.js';
import { compileTerm, findConcordance, termProblem } from '../../src/retrieval/kwic.js';
import { suggestTerms } from '../../src/retrieval/suggest.js';
import { compileCodebook } from '../../src/codebook/compile.js';
import { DEFAULT_MATCH } from '../../src/codebook/parse.js';
import { codebookFrom } from '../helpers.js';
import { moderatorUnit, unit } from '../analysis/build.js';

const yaml = `codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*, "*bedarf*", es fehlt]
    rules:
      - near: [fehl*, angebot*]
        within: 3
    exclude: ["kein* bedarf*"]
    categories:
      - code: personal
        label: Personal
        terms: [personal*, mehr personal]
  - code: vernetzung
    label: Vernetzung
    terms: [plattform*, vernetz*]
`;
const book = codebookFrom(yaml);
const matcher = compileCodebook(book);

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

describe('termProblem', () => {
  it('accepts terms of the codebook term language', () => {
    expect(['vernetz*', 'es fehlt', '*leitung', 'bedarf sehe ich * nicht', "geht's"].map(termProblem)).toEqual(new Array(5).fill(undefined));
  });

  it('names what is wrong', () => {
    expect(termProblem('')).toBe('the term is empty');
    expect(termProblem('z.B.')).toBe("a term holds only letters, digits, '-', \"'\", '*' and spaces");
    expect(termProblem('* *')).toBe('a term needs at least one word that is not only *');
  });
});

describe('findConcordance', () => {
  const units = [
    unit('t2', 1, 'B', [], { text: 'Die Kita-Leitung sagt: Grüße an die Schulleitung.' }),
    unit('t1', 1, 'A', [], { text: 'Es fehlt an allem, es fehlt wirklich.' }),
    moderatorUnit('t1', 2, 'I'),
  ];
  units[2] = { ...units[2]!, text: 'Es fehlt was.' };
  const fold = { ...DEFAULT_MATCH, fold: true, stem: false };

  it('finds every occurrence of a phrase in all units, moderator turns marked, in transcript order; moderators: false leaves them out', () => {
    const hits = findConcordance(units, compileTerm('es fehlt', fold, 'de'));
    expect(hits.map((h) => [h.unit.transcript, h.unit.segment, h.unit.moderator, h.start, h.end])).toEqual([
      ['t1', 1, false, 0, 8],
      ['t1', 1, false, 19, 27],
      ['t1', 2, true, 0, 8],
    ]);
    const codable = findConcordance(units, compileTerm('es fehlt', fold, 'de'), { moderators: false });
    expect(codable.map((h) => [h.unit.transcript, h.unit.segment, h.start, h.end])).toEqual([
      ['t1', 1, 0, 8],
      ['t1', 1, 19, 27],
    ]);
  });

  it('matches compounds part by part and globs inside words', () => {
    const hits = findConcordance(units, compileTerm('*leitung', fold, 'de'));
    expect(hits.map((h) => h.unit.text.slice(h.start, h.end))).toEqual(['Kita-Leitung', 'Schulleitung']);
  });

  it('folds umlauts as the options say', () => {
    expect(findConcordance(units, compileTerm('gruesse', fold, 'de'))).toHaveLength(1);
    expect(findConcordance(units, compileTerm('gruesse', { ...DEFAULT_MATCH, fold: false, stem: false }, 'de'))).toHaveLength(0);
  });
});

describe('explainUnit', () => {
  it('gives each coded category with its own matches and the subcategories it rolled up from', () => {
    const u = unit('t', 4, 'A', [], { text: 'Wir brauchen mehr Personal und eine Plattform.' });
    const e = explainUnit(u, matcher, book.categories);
    expect(e.coded).toEqual([
      { path: 'bedarfe', label: 'Bedarfe', hits: 2, own: [{ by: 'brauch*', start: 4, end: 12, text: 'brauchen' }], from: ['bedarfe/personal'] },
      {
        path: 'bedarfe/personal',
        label: 'Personal',
        hits: 1,
        own: [
          { by: 'mehr personal', start: 13, end: 26, text: 'mehr Personal' },
          { by: 'personal*', start: 18, end: 26, text: 'Personal' },
        ],
        from: [],
      },
      { path: 'vernetzung', label: 'Vernetzung', hits: 1, own: [{ by: 'plattform*', start: 36, end: 45, text: 'Plattform' }], from: [] },
    ]);
    expect(e.blocked).toEqual([]);
  });

  it('names the exclude that blocked a category and its subcategories, and the hits it overruled', () => {
    const u = unit('t', 5, 'A', [], { text: 'Keinen Bedarf an Personal, aber es fehlt ein Angebot.' });
    const e = explainUnit(u, matcher, book.categories);
    expect(e.coded).toEqual([]);
    const exclude = [{ by: 'kein* bedarf*', start: 0, end: 13, text: 'Keinen Bedarf' }];
    expect(e.blocked).toEqual([
      {
        path: 'bedarfe',
        label: 'Bedarfe',
        by: 'bedarfe',
        exclude,
        matches: [
          { by: '*bedarf*', start: 7, end: 13, text: 'Bedarf' },
          { by: 'es fehlt', start: 32, end: 40, text: 'es fehlt' },
          { by: 'near/3: fehl*, angebot*', start: 35, end: 40, text: 'fehlt' },
          { by: 'near/3: fehl*, angebot*', start: 45, end: 52, text: 'Angebot' },
        ],
      },
      { path: 'bedarfe/personal', label: 'Personal', by: 'bedarfe', exclude, matches: [{ by: 'personal*', start: 17, end: 25, text: 'Personal' }] },
    ]);
  });

  it('explains a moderator unit as never coded', () => {
    const m = { ...moderatorUnit('t', 1, 'I'), text: 'Was brauchen Sie?' };
    expect(explainUnit(m, matcher, book.categories)).toEqual({ unit: m, coded: [], blocked: [] });
  });
});
