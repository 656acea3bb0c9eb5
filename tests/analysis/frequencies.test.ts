import { describe, expect, it } from 'vitest';
import { countFrequencies } from '../../src/analysis/frequencies.js';
import { frame, moderatorUnit, unit } from './build.js';

const units = [
  moderatorUnit('t1.txt', 1, 'I'),
  unit('t1.txt', 2, 'A', { bedarfe: ['brauch*', 'personal*'], 'bedarfe/personal': ['personal*'] }),
  unit('t1.txt', 3, 'B', { vernetzung: ['vernetz*'] }),
  // Two overlapping hits of vernetzung count once (hits 1 of 2 matches).
  unit('t1.txt', 4, 'A', { bedarfe: ['brauch*'], vernetzung: ['netzwerk*', 'vernetz*'] }, { hits: { vernetzung: 1 } }),
  moderatorUnit('t2.txt', 1, 'Moderator'),
  unit('t2.txt', 2, 'A', { bedarfe: ['fehlt'], 'bedarfe/personal': ['fachkräft*'] }),
  unit('t2.txt', 3, 'C'),
];

describe('countFrequencies', () => {
  it('gives one row per category in codebook order, zero rows included', () => {
    expect(countFrequencies(units, frame())).toEqual([
      { category: 'bedarfe', label: 'Bedarfe', level: 1, segments: 3, share: 0.6, matches: 4, transcripts: 2, speakers: 2 },
      { category: 'bedarfe/personal', label: 'Personal', level: 2, segments: 2, share: 0.4, matches: 2, transcripts: 2, speakers: 2 },
      { category: 'bedarfe/raeume', label: 'Räume', level: 2, segments: 0, share: 0, matches: 0, transcripts: 0, speakers: 0 },
      { category: 'vernetzung', label: 'Vernetzung', level: 1, segments: 2, share: 0.4, matches: 2, transcripts: 1, speakers: 2 },
      { category: 'herausforderungen', label: 'Herausforderungen', level: 1, segments: 0, share: 0, matches: 0, transcripts: 0, speakers: 0 },
      { category: 'herausforderungen/finanzierung', label: 'Finanzierung', level: 2, segments: 0, share: 0, matches: 0, transcripts: 0, speakers: 0 },
    ]);
  });

  it('counts one speaker label in two transcripts as two speakers', () => {
    const rows = countFrequencies([unit('a', 1, 'X', ['vernetzung']), unit('b', 1, 'X', ['vernetzung'])], frame());
    expect(rows.find((r) => r.category === 'vernetzung')).toMatchObject({ segments: 2, speakers: 2, transcripts: 2, share: 1 });
  });

  it('ignores moderator units even when they carry codings, and codes outside the codebook', () => {
    const stray = { ...unit('t', 1, 'I', ['vernetzung']), moderator: true };
    const rows = countFrequencies([stray, unit('t', 2, 'A', ['vernetzung', 'unbekannt'])], frame());
    expect(rows.find((r) => r.category === 'vernetzung')).toMatchObject({ segments: 1, share: 1, matches: 1 });
    expect(rows.map((r) => r.category)).not.toContain('unbekannt');
  });

  it('gives share 0 when there are no codable units', () => {
    const rows = countFrequencies([moderatorUnit('t', 1, 'I')], frame());
    expect(rows.map((r) => r.share)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(countFrequencies([], [])).toEqual([]);
  });
});
