import { describe, expect, it } from 'vitest';
import { book, matcher } from './book.js';
import { explainUnit } from '../../src/retrieval/explain.js';
import { moderatorUnit, unit } from '../analysis/build.js';

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
