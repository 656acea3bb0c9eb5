import { describe, expect, it } from 'vitest';
import { BRACKETS } from '../../src/report/highlight.js';
import { renderShow, renderShowJson, unitHeading } from '../../src/retrieval/show.js';
import { unit } from '../analysis/build.js';

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
