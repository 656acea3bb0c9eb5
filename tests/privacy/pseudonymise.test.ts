import { describe, expect, it } from 'vitest';
import { parsePseudonyms, type PseudonymEntry } from '../../src/privacy/map.js';
import { parseTranscript } from '../../src/transcripts/read.js';
import { plain } from '../plain.js';
import {
  findOriginals,
  timeMark,
  pseudonymiseText,
  pseudonymiseTranscript,
  unmappedNameLabels,
} from '../../src/privacy/pseudonymise.js';

/** Entries from `original → pseudonym` pairs, in the order given. */
function map(pairs: Record<string, string>): PseudonymEntry[] {
  return Object.entries(pairs).map(([original, pseudonym], i) => ({ original, pseudonym, line: i + 1, column: 1 }));
}

describe('pseudonymiseText', () => {
  it('replaces whole words only, never inside other words; a hyphen is a word boundary', () => {
    const r = pseudonymiseText('Weber und die Webereien, die Weber-Schule, Schneeweber.', map({ Weber: 'Lehrkraft A' }));
    expect(r).toEqual({ text: 'Lehrkraft A und die Webereien, die Lehrkraft A-Schule, Schneeweber.', counts: { Weber: 2 } });
  });

  it('treats Jürgen and Juergen as different originals unless both are listed', () => {
    expect(pseudonymiseText('Jürgen und Juergen', map({ Jürgen: 'TN3' }))).toEqual({ text: 'TN3 und Juergen', counts: { Jürgen: 1 } });
    expect(pseudonymiseText('Jürgen und Juergen', map({ Jürgen: 'TN3', Juergen: 'TN3' }))).toEqual({
      text: 'TN3 und TN3',
      counts: { Jürgen: 1, Juergen: 1 },
    });
  });

  it('matches umlauts written decomposed (NFD) like composed ones', () => {
    expect(pseudonymiseText('Ju\u0308rgen kommt', map({ Jürgen: 'TN3' })).text).toBe('TN3 kommt');
  });

  it('replaces the longest original first, whatever the map order', () => {
    const r = pseudonymiseText('Anna Müller und Anna, nicht Annabell.', map({ Anna: 'TN5', 'Anna Müller': 'TN4' }));
    expect(r).toEqual({ text: 'TN4 und TN5, nicht Annabell.', counts: { Anna: 1, 'Anna Müller': 1 } });
  });

  it('is case-sensitive unless ignoreCase is set', () => {
    const m = map({ Weber: 'X' });
    expect(pseudonymiseText('weber WEBER Weber', m).text).toBe('weber WEBER X');
    expect(pseudonymiseText('weber WEBER Weber', m, { ignoreCase: true })).toEqual({ text: 'X X X', counts: { Weber: 3 } });
  });

  it('takes the genitive only with inflections, keeping the ending', () => {
    const m = map({ Weber: 'Lehrkraft A', Kirchheim: '[Ort]' });
    const text = 'Webers Idee, Weber’s Buch, Kirchheims Schulen, Weberin.';
    expect(pseudonymiseText(text, m).text).toBe('Webers Idee, Lehrkraft A’s Buch, Kirchheims Schulen, Weberin.');
    expect(pseudonymiseText(text, m, { inflections: true })).toEqual({
      text: 'Lehrkraft As Idee, Lehrkraft A’s Buch, [Ort]s Schulen, Weberin.',
      counts: { Weber: 2, Kirchheim: 1 },
    });
  });

  it('treats regular-expression characters in originals literally', () => {
    expect(pseudonymiseText('Dr. Weber und Dr Weber', map({ 'Dr. Weber': 'X' })).text).toBe('X und Dr Weber');
  });
});

describe('pseudonymiseTranscript', () => {
  const source = [
    '---',
    'gruppe: Kirchheim',
    '---',
    'Frau Weber: [00:00:05] Willkommen, Murat.',
    '',
    'Murat: [00:01:23.4] In Kirchheim',
    'fehlt Personal. [00:01:30]',
    '',
    'Noch ein Absatz von Murat.',
    '',
  ].join('\n');
  const read = parseTranscript(source, { path: 'g.txt', id: 'g.txt' }, 'text');
  const entries = map({ 'Frau Weber': 'Lehrkraft A', Murat: 'TN2', Kirchheim: '[Ort]' });

  it('replaces in labels, text and metadata and writes LABEL: text paragraphs with times', () => {
    const r = pseudonymiseTranscript(read.transcript!, entries);
    expect(r.text).toBe(
      [
        '---',
        '"gruppe": "[Ort]"',
        '---',
        '',
        'Lehrkraft A: [00:00:05] Willkommen, TN2.',
        '',
        'TN2: [00:01:23.4] In [Ort] fehlt Personal. [00:01:30]',
        '',
        '[00:01:30] Noch ein Absatz von TN2.',
        '',
      ].join('\n'),
    );
    expect(r.counts).toEqual({ 'Frau Weber': 1, Murat: 3, Kirchheim: 2 });
  });

  it('reads back into the same blocks, speakers replaced', () => {
    const back = parseTranscript(pseudonymiseTranscript(read.transcript!, entries).text, { path: 'p.txt', id: 'p.txt' }, 'text').transcript!;
    expect(back.meta).toEqual({ gruppe: '[Ort]' });
    expect(back.blocks.map((b) => [b.speaker, b.continuation, b.start, b.end, b.text])).toEqual([
      ['Lehrkraft A', false, 5, undefined, 'Willkommen, TN2.'],
      ['TN2', false, 83.4, 90, 'In [Ort] fehlt Personal.'],
      [null, true, 90, undefined, 'Noch ein Absatz von TN2.'],
    ]);
  });

  it('is deterministic', () => {
    expect(pseudonymiseTranscript(read.transcript!, entries)).toEqual(pseudonymiseTranscript(read.transcript!, entries));
  });
});

describe('findOriginals', () => {
  it('lists every occurrence with line and column, genitives included', () => {
    const entries = map({ 'Frau Weber': 'X', Weber: 'X' });
    expect(findOriginals('A: Frau Webers Idee\n\nB: Weber, Webereien', entries)).toEqual([
      { original: 'Frau Weber', found: 'Frau Webers', position: { line: 1, column: 4, offset: 3 } },
      { original: 'Weber', found: 'Weber', position: { line: 3, column: 4, offset: 24 } },
    ]);
  });

  it('finds nothing without entries', () => {
    expect(findOriginals('Weber', [])).toEqual([]);
  });
});

describe('unmappedNameLabels', () => {
  it('names labels that look like names and are neither original nor pseudonym', () => {
    const entries = map({ Murat: 'TN2' });
    expect(unmappedNameLabels(['Jonas', 'TN2', 'Murat', 'B1', 'Moderatorin', 'Frau Koch', 'Jonas'], entries)).toEqual(['Frau Koch', 'Jonas']);
  });
});

describe('timeMark', () => {
  it('writes [hh:mm:ss] with a fraction only when there is one', () => {
    expect([timeMark(0), timeMark(83.4), timeMark(3723.25), timeMark(59.9996)]).toEqual([
      '[00:00:00]',
      '[00:01:23.4]',
      '[01:02:03.25]',
      '[00:01:00]',
    ]);
  });
});

describe('parsePseudonyms', () => {
  it('reads CSV rows with an optional header, kind and ; separator', () => {
    expect(parsePseudonyms('original;pseudonym;kind\nFrau Weber;Lehrkraft A;person\n\nKirchheim;[Ort]\n', 'm.csv', 'csv')).toEqual({
      entries: [
        { original: 'Frau Weber', pseudonym: 'Lehrkraft A', kind: 'person', line: 2, column: 1 },
        { original: 'Kirchheim', pseudonym: '[Ort]', line: 4, column: 1 },
      ],
      problems: [],
    });
  });

  it('reports missing columns and conflicting originals with their lines', () => {
    const r = parsePseudonyms('Frau Weber,Lehrkraft A\nMurat\nFrau Weber,Lehrkraft B\nFrau Weber,Lehrkraft A\nAnna,\n', 'm.csv', 'csv');
    expect(r.entries.map((e) => e.original)).toEqual(['Frau Weber']);
    expect(plain(r.problems)).toEqual([
      { file: 'm.csv', line: 2, column: 1, severity: 'error', message: 'missing column: a row needs "original,pseudonym[,kind]" but has 1 cell', ruleId: 'pseudonyms/missing-column' },
      { file: 'm.csv', line: 3, column: 1, severity: 'error', message: '"Frau Weber" is mapped to "Lehrkraft B" here but to "Lehrkraft A" at line 1', ruleId: 'pseudonyms/conflict' },
      { file: 'm.csv', line: 4, column: 1, severity: 'warning', message: '"Frau Weber" is listed again (first at line 1)', ruleId: 'pseudonyms/duplicate' },
      { file: 'm.csv', line: 5, column: 1, severity: 'error', message: 'missing pseudonym for "Anna"', ruleId: 'pseudonyms/missing-column' },
    ]);
  });

  it('reads a YAML mapping, plain or with pseudonym and kind, and positions conflicts', () => {
    const r = parsePseudonyms('Frau Weber: Lehrkraft A\nMurat:\n  pseudonym: TN2\n  kind: person\nFrau Weber: Lehrkraft B\n', 'm.yaml', 'yaml');
    expect(r.entries).toEqual([
      { original: 'Frau Weber', pseudonym: 'Lehrkraft A', line: 1, column: 1 },
      { original: 'Murat', pseudonym: 'TN2', kind: 'person', line: 2, column: 1 },
    ]);
    expect(plain(r.problems)).toEqual([
      { file: 'm.yaml', line: 5, column: 1, severity: 'error', message: '"Frau Weber" is mapped to "Lehrkraft B" here but to "Lehrkraft A" at line 1', ruleId: 'pseudonyms/conflict' },
    ]);
  });

  it('rejects a YAML list', () => {
    expect(plain(parsePseudonyms('- a\n- b\n', 'm.yaml', 'yaml').problems)).toEqual([
      { file: 'm.yaml', line: 1, column: 1, severity: 'error', message: 'a pseudonym map must be a YAML mapping of original: pseudonym', ruleId: 'pseudonyms/yaml-shape' },
    ]);
  });
});
