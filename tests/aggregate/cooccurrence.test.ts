import { describe, expect, it } from 'vitest';
import { countCooccurrence } from '../../src/aggregate/cooccurrence.js';
import { cat, frame, moderatorUnit, tree, unit } from './build.js';

describe('countCooccurrence', () => {
  it('counts pairs in codebook order with jaccard, leaving out ancestor pairs', () => {
    const units = [
      unit('t', 1, 'A', ['bedarfe', 'bedarfe/personal', 'vernetzung']),
      unit('t', 2, 'B', ['bedarfe', 'bedarfe/raeume']),
      // Codings listed out of codebook order on purpose.
      unit('t', 3, 'A', ['vernetzung', 'herausforderungen', 'herausforderungen/finanzierung', 'bedarfe', 'bedarfe/personal']),
      unit('t', 4, 'C', ['vernetzung']),
      { ...moderatorUnit('t', 5, 'I'), codings: unit('t', 5, 'I', ['bedarfe', 'vernetzung']).codings },
    ];
    expect(countCooccurrence(units, frame())).toEqual([
      { a: 'bedarfe', b: 'vernetzung', segments: 2, jaccard: 0.5 },
      { a: 'bedarfe', b: 'herausforderungen', segments: 1, jaccard: 1 / 3 },
      { a: 'bedarfe', b: 'herausforderungen/finanzierung', segments: 1, jaccard: 1 / 3 },
      { a: 'bedarfe/personal', b: 'vernetzung', segments: 2, jaccard: 2 / 3 },
      { a: 'bedarfe/personal', b: 'herausforderungen', segments: 1, jaccard: 0.5 },
      { a: 'bedarfe/personal', b: 'herausforderungen/finanzierung', segments: 1, jaccard: 0.5 },
      { a: 'vernetzung', b: 'herausforderungen', segments: 1, jaccard: 1 / 3 },
      { a: 'vernetzung', b: 'herausforderungen/finanzierung', segments: 1, jaccard: 1 / 3 },
    ]);
  });

  it('keeps categories whose codes only share a prefix apart from ancestors', () => {
    const categories = tree(cat('netz', 'Netz'), cat('netzwerk', 'Netzwerk'));
    expect(countCooccurrence([unit('t', 1, 'A', ['netz', 'netzwerk'])], categories)).toEqual([
      { a: 'netz', b: 'netzwerk', segments: 1, jaccard: 1 },
    ]);
  });

  it('gives no rows when nothing co-occurs', () => {
    expect(countCooccurrence([unit('t', 1, 'A', ['bedarfe', 'bedarfe/personal']), unit('t', 2, 'A', ['vernetzung'])], frame())).toEqual([]);
  });
});
