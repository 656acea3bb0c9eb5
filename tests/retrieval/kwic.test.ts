import { describe, expect, it } from 'vitest';
import { compileTerm, findConcordance, termProblem } from '../../src/retrieval/kwic.js';
import { DEFAULT_MATCH } from '../../src/codebook/parse.js';
import { moderatorUnit, unit } from '../analysis/build.js';

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
