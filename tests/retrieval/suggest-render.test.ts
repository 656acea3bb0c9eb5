import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/retrieval/suggest.js';
import { BRACKETS } from '../../src/report/highlight.js';
import { renderSuggestions, renderSuggestionsCsv } from '../../src/retrieval/suggest-render.js';
import { unit } from '../analysis/build.js';

describe('renderSuggestions', () => {
  const u = unit('t.txt', 2, 'A', [], { text: 'Wir brauchen mehr Austausch zwischen allen.' });
  const list: Suggestion[] = [
    { word: 'austausch', count: 12, units: 9, example: { unit: u, start: 18, end: 27 } },
    { word: 'zeit', count: 3, units: 3, example: { unit: u, start: 0, end: 3 } },
  ];

  it('gives word, counts and an example in context', () => {
    expect(renderSuggestions(list, 8, BRACKETS)).toBe(
      [
        'word       count  units  example',
        'austausch     12      9  en mehr [[Austausch]] zwische (t.txt#2)',
        'zeit           3      3  [[Wir]] brauche (t.txt#2)',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with a bracketed example', () => {
    expect(renderSuggestionsCsv(list.slice(0, 1), 8, { excel: false })).toBe(
      'word,count,units,transcript,segment,example\naustausch,12,9,t.txt,2,en mehr [[Austausch]] zwische\n',
    );
  });
});
