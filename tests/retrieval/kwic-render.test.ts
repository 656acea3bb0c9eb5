import { describe, expect, it } from 'vitest';
import { BRACKETS } from '../../src/report/highlight.js';
import { contextOf, renderKwic, renderKwicCsv, renderKwicJson } from '../../src/retrieval/kwic-render.js';
import { unit } from '../analysis/build.js';

describe('keyword in context', () => {
  const text = 'Also wir brauchen eine gemeinsame Plattform für alle,\nund zwar bald.';
  const start = text.indexOf('Plattform');
  const hits = [
    { unit: unit('t1.txt', 12, 'B1', [], { text, start: 65, line: 30 }), start, end: start + 9 },
    { unit: unit('lang.txt', 3, 'Moderatorin', [], { text: 'Plattform', line: 4 }), start: 0, end: 9 },
  ];

  it('cuts the context to the width and flattens white space', () => {
    expect(contextOf(text, start, start + 9, 10)).toEqual({ left: 'emeinsame ', match: 'Plattform', right: ' für alle,' });
    expect(contextOf(text, start, start + 9, 100)).toEqual({ left: 'Also wir brauchen eine gemeinsame ', match: 'Plattform', right: ' für alle, und zwar bald.' });
  });

  it('aligns the keyword in one column', () => {
    expect(renderKwic(hits, 12, BRACKETS)).toBe(
      [
        't1.txt#12   B1            gemeinsame [[Plattform]] für alle, u',
        'lang.txt#3  Moderatorin              [[Plattform]]',
        '',
      ].join('\n'),
    );
    expect(renderKwic([], 12, BRACKETS)).toBe('');
  });

  it('writes CSV and JSON', () => {
    expect(renderKwicCsv(hits.slice(0, 1), 10, { excel: false })).toBe(
      'transcript,segment,speaker,moderator,start,line,left,match,right\nt1.txt,12,B1,false,00:01:05,30,emeinsame ,Plattform," für alle,"\n',
    );
    expect(JSON.parse(renderKwicJson(hits.slice(1), 5))).toEqual([
      { left: '', line: 4, match: 'Plattform', moderator: false, offset: { end: 9, start: 0 }, right: '', segment: 3, speaker: 'Moderatorin', start: '', transcript: 'lang.txt' },
    ]);
  });
});
