import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/retrieval/explain.js';
import { describeBy, renderExplanation, renderExplanationJson } from '../../src/retrieval/explain-render.js';
import { BRACKETS } from '../../src/report/highlight.js';
import { moderatorUnit, unit } from '../analysis/build.js';

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
