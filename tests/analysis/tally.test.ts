import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countUnit, finishTally, newTallyCounter, planTally, tallyTranscript } from '../../src/analysis/tally.js';
import type { CodedUnit } from '../../src/types.js';
import { cat, tree, unit } from './build.js';
import { referenceTallyTranscript } from './reference-tally.js';

/**
 * `tallyTranscript` counts unit by unit (`countUnit`), as the coding loop does without codings; it
 * must give exactly what the whole-list tally it replaced gave (`reference-tally.ts`).
 */
const categories = tree(cat('a', 'A', cat('b', 'B', cat('c', 'C')), cat('d', 'D')), cat('e', 'E'));
const plan = planTally(categories);
const CODES = ['a', 'a/b', 'a/b/c', 'a/d', 'e', 'unknown'];

const codedUnit = fc
  .record({
    codes: fc.array(fc.constantFrom(...CODES), { maxLength: 5 }),
    hits: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 }),
    speaker: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    moderator: fc.boolean(),
  })
  .map(({ codes, hits, speaker, moderator }) => ({ codes, hits, speaker, moderator }));

function build(list: { codes: string[]; hits: number[]; speaker: string; moderator: boolean }[]): CodedUnit[] {
  return list.map((u, i) => {
    const coded = unit('t', i + 1, u.speaker, [], { moderator: u.moderator });
    // Codings as given, repeats of one category included (they add hits, and count the unit once).
    coded.codings = u.codes.map((category, k) => ({ transcript: 't', segment: i + 1, category, matches: [], hits: u.hits[k]! }));
    return coded;
  });
}

describe('tallyTranscript', () => {
  it('agrees with the tally it replaced', () => {
    fc.assert(
      fc.property(fc.array(codedUnit, { maxLength: 30 }), (list) => {
        const units = build(list);
        expect(tallyTranscript(units, plan)).toEqual(referenceTallyTranscript(units, plan));
      }),
      { numRuns: 500 },
    );
  });

  it('counts the same from category numbers as from codings', () => {
    fc.assert(
      fc.property(fc.array(codedUnit, { maxLength: 30 }), (list) => {
        const units = build(list);
        const counter = newTallyCounter(plan);
        for (const u of units) {
          const known = u.codings.filter((c) => plan.index.has(c.category));
          countUnit(counter, u, known.map((c) => plan.index.get(c.category)!), known.map((c) => c.hits), known.length);
        }
        expect(finishTally(counter)).toEqual(referenceTallyTranscript(units, plan));
      }),
      { numRuns: 300 },
    );
  });

  it('counts distinct speakers per category with very many speakers and categories', () => {
    // 1000 categories × 5000 speakers is past what the counter marks in its array: the rest go to a set.
    const many = planTally(Array.from({ length: 1000 }, (_, i) => ({ ...cat(`k${i}`, `K${i}`) })));
    const units: CodedUnit[] = [];
    for (let s = 0; s < 5000; s++) {
      units.push(unit('t', 2 * s + 1, `S${s}`, [`k${s % 1000}`, `k${(s * 7) % 1000}`]));
      units.push(unit('t', 2 * s + 2, `S${s}`, [`k${s % 1000}`]));
    }
    const got = tallyTranscript(units, many);
    expect(got).toEqual(referenceTallyTranscript(units, many));
    expect(got.speakers).toBe(5000);
    expect(got.frequencies[0]!.speakers).toBe(5);
    expect(got.frequencies[0]!.segments).toBe(10);
    expect(got.frequencies[999]!.speakers).toBe(10);
  });
});
