import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/retrieval/explain.js';
import type { Suggestion } from '../../src/retrieval/suggest.js';
import { describeBy, renderExplanation, renderExplanationJson } from '../../src/retrieval/explain-render.js';
import { BRACKETS, highlight, mergeSpans } from '../../src/report/highlight.js';
import { contextOf, renderKwic, renderKwicCsv, renderKwicJson } from '../../src/retrieval/kwic-render.js';
import { renderShow, renderShowJson, unitHeading } from '../../src/retrieval/show.js';
import { renderSuggestions, renderSuggestionsCsv } from '../../src/retrieval/suggest-render.js';
import { moderatorUnit, unit } from '../analysis/build.js';

describe('highlight', () => {
  it('merges overlapping and touching spans and clips them to the text', () => {
    expect(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 7, end: 12 }, { start: 20, end: 30 }], 15)).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 12 },
    ]);
  });

  it('marks the spans and leaves the rest as it is', () => {
    expect(highlight('Wir brauchen mehr Personal.', [{ start: 13, end: 26 }, { start: 18, end: 26 }, { start: 4, end: 12 }], BRACKETS)).toBe(
      'Wir [[brauchen]] [[mehr Personal]].',
    );
    expect(highlight('abc', [], BRACKETS)).toBe('abc');
  });
});

const coded = unit('t1.txt', 3, 'B2', { 'bedarfe/personal': ['mehr personal'], bedarfe: ['brauch*'] }, { start: 91.6, end: 139, line: 7, text: 'Wir brauchen mehr Personal.\nUnd Zeit.' });
coded.codings[0]!.matches = [{ by: 'mehr personal', start: 13, end: 26 }];
coded.codings[1]!.matches = [{ by: 'brauch*', start: 4, end: 12 }, { by: 'mehr personal', start: 13, end: 26 }];

describe('renderShow', () => {
  const other = unit('t1.txt', 1, '', ['bedarfe'], { line: 2, text: 'Bedarf gibt es.' });
  other.codings[0]!.matches = [{ by: '*bedarf*', start: 0, end: 6 }];

  it('gives a heading with transcript, segment, speaker, time and line, and the text with the matches marked', () => {
    expect(unitHeading(coded)).toBe('t1.txt#3 · B2 · 00:01:31–00:02:19 · line 7');
    expect(unitHeading(other)).toBe('t1.txt#1 · line 2');
    expect(renderShow([coded, other, unit('t1.txt', 2, 'A', ['vernetzung'])], 'bedarfe', BRACKETS)).toBe(
      't1.txt#1 · line 2\n  [[Bedarf]] gibt es.\n\nt1.txt#3 · B2 · 00:01:31–00:02:19 · line 7\n  Wir [[brauchen]] [[mehr Personal]].\n  Und Zeit.\n',
    );
    expect(renderShow([coded], 'bedarfe/personal', (s) => `<${s}>`, (s) => `{${s}}`)).toBe(
      '{t1.txt#3 · B2 · 00:01:31–00:02:19 · line 7}\n  Wir brauchen <mehr Personal>.\n  Und Zeit.\n',
    );
    expect(renderShow([coded], 'vernetzung', BRACKETS)).toBe('');
  });

  it('gives JSON with the matched words', () => {
    expect(JSON.parse(renderShowJson([coded], 'bedarfe/personal'))).toEqual([
      {
        category: 'bedarfe/personal',
        end: '00:02:19',
        line: 7,
        matches: [{ by: 'mehr personal', end: 26, start: 13, text: 'mehr Personal' }],
        segment: 3,
        speaker: 'B2',
        start: '00:01:31',
        text: 'Wir brauchen mehr Personal.\nUnd Zeit.',
        transcript: 't1.txt',
      },
    ]);
  });
});

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

describe('renderExplanation', () => {
  const u = unit('t.txt', 5, 'A', [], { text: 'Keinen Bedarf an Personal, aber Vernetzung.', line: 9 });
  const e: Explanation = {
    unit: u,
    coded: [{ path: 'vernetzung', label: 'Vernetzung', hits: 1, own: [{ by: 'vernetz*', start: 32, end: 42, text: 'Vernetzung' }], from: [] }],
    blocked: [
      {
        path: 'bedarfe/personal',
        label: 'Personal',
        by: 'bedarfe',
        exclude: [{ by: 'kein* bedarf*', start: 0, end: 13, text: 'Keinen Bedarf' }],
        matches: [{ by: 'personal*', start: 17, end: 25, text: 'Personal' }],
      },
    ],
  };

  it('tells terms from rules', () => {
    expect([describeBy('vernetz*'), describeBy('near/4: fehl*, angebot*'), describeBy('regex: \\bes fehlt\\b')]).toEqual([
      'term vernetz*',
      'rule near/4: fehl*, angebot*',
      'rule regex: \\bes fehlt\\b',
    ]);
  });

  it('lists coded and blocked categories with what matched where', () => {
    expect(renderExplanation(e, BRACKETS)).toBe(
      [
        't.txt#5 · A · line 9',
        '  Keinen Bedarf an Personal, aber [[Vernetzung]].',
        '',
        'Coded:',
        '  vernetzung (Vernetzung): 1 hit',
        '    "Vernetzung" by term vernetz* at 32–42',
        '',
        'Blocked by an exclude:',
        '  bedarfe/personal (Personal): the exclude of bedarfe',
        '    excluded by "Keinen Bedarf" by term kein* bedarf* at 0–13',
        '    overruled "Personal" by term personal* at 17–25',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing is coded and when the unit is a moderator’s', () => {
    expect(renderExplanation({ unit: u, coded: [], blocked: [] }, BRACKETS).split('\n').slice(3)).toEqual(['Coded: nothing.', '']);
    const m = { ...moderatorUnit('t.txt', 1, 'I'), text: 'Frage?' };
    expect(renderExplanation({ unit: m, coded: [], blocked: [] }, BRACKETS)).toBe('t.txt#1 · I · line 1\n  Frage?\n\nModerator unit: never coded.\n');
  });

  it('gives JSON without the unit’s codings', () => {
    const json = JSON.parse(renderExplanationJson(e));
    expect(Object.keys(json)).toEqual(['blocked', 'coded', 'unit']);
    expect(json.unit).not.toHaveProperty('codings');
    expect(json.unit.text).toBe(u.text);
  });
});

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
