import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascendingUnique, compileCodebook } from '../../src/codebook/compile.js';
import { codebookFrom, oneCategory } from '../helpers.js';

/** The regular expression a glob stands for: `*` is a run of letters, digits and marks. */
const viaRegex = (glob: string, form: string): boolean =>
  new RegExp('^' + glob.split('*').map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\p{L}\\p{N}\\p{M}]*') + '$', 'u').test(form);

describe('glob index', () => {
  // One glob of each kind the index keeps apart: by the form's first three characters (first run of
  // three or more), by its last three (last run of three or more), by any three (a longer middle
  // run), and tried on every form (no run of three).
  const globs = ['abc*', 'abc*cab', 'bca*b', '*cab', 'a*bca', '*abca*', 'a*bcab*c', 'ab*c', '*a*', 'abc**', '**bca', 'a-b*c', 'ab*-ca', 'äbc*'];
  const word = fc.array(fc.constantFrom('a', 'b', 'c', 'ä', '-'), { maxLength: 10 }).map((cs) => cs.join(''));

  it('finds exactly the globs whose regular expression matches a form', () => {
    const m = compileCodebook(codebookFrom(oneCategory(`    terms: [${globs.map((g) => `'${g}'`).join(', ')}]\n`, 'match: {fold: false}\n')));
    fc.assert(
      fc.property(word, (form) => {
        const expected = globs.flatMap((g, i) => (viaRegex(g, form) ? [i] : []));
        expect([...m.lookupForm(form, false)].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds prefix, suffix and middle globs in forms of every length', () => {
    const m = compileCodebook(codebookFrom(oneCategory(`    terms: [${globs.map((g) => `'${g}'`).join(', ')}]\n`, 'match: {fold: false}\n')));
    const ids = (form: string): string[] => m.lookupForm(form, false).map((i) => globs[i]!);
    expect(ids('abc')).toEqual(['abc*', 'ab*c', '*a*', 'abc**']);
    expect(ids('abcab')).toEqual(['abc*', '*cab', '*abca*', '*a*', 'abc**']);
    expect(ids('abccab')).toEqual(['abc*', 'abc*cab', '*cab', '*a*', 'abc**']);
    expect(ids('bcab')).toEqual(['bca*b', '*cab', '*a*']);
    expect(ids('xbca')).toEqual(['*a*', '**bca']);
    expect(ids('xbcx')).toEqual([]);
    expect(ids('aabcaa')).toEqual(['*abca*', '*a*']);
    expect(ids('ab')).toEqual(['*a*']);
  });

  it('folds forms before probing when fold is on', () => {
    const m = compileCodebook(codebookFrom(oneCategory("    terms: ['äbc*', '*straße']\n")));
    expect(m.lookupForm('aebcd', false)).toEqual([0]);
    expect(m.lookupForm('hauptstrasse', false)).toEqual([1]);
    expect(m.lookupForm('hauptstraße', false)).toEqual([1]);
  });
});

describe('ascendingUnique', () => {
  it('sorts numerically and lists each number once, short lists and long ones alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 80 }), (list) => {
        const copy = [...list];
        expect(ascendingUnique(list)).toEqual([...new Set(list)].sort((a, b) => a - b));
        expect(list).toEqual(copy);
      }),
      { numRuns: 500 },
    );
    expect(ascendingUnique([10, 9, 100, 9])).toEqual([9, 10, 100]);
  });
});
