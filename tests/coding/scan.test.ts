import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook, type Matcher } from '../../src/codebook/compile.js';
import { detach, patternsOf, scanTokens } from '../../src/coding/scan.js';
import { tokenize } from '../../src/text/tokenize.js';
import { codebookFrom, oneCategory } from '../helpers.js';

/** Characters that exercise the tokenizer: letters, umlauts, marks, digits, joiners, spaces, punctuation, astral and lone surrogates. */
const CHARS = ['a', 'B', 'ä', 'Ö', 'ß', 'e\u0301', '7', '-', '‐', '‑', "'", '’', ' ', '\u00a0', '\n', ',', ';', '/', '.', '!', '𝔄', '😀', '\ud83d', '\u3000', 'ı', 'İ'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(''));

const matcher = compileCodebook(codebookFrom(oneCategory("    terms: [bildung*, 'kita-leitung', '*arbeit', koop*tion, ä*ö, 'es fehlt']\n")));

describe('scanTokens', () => {
  it('finds exactly the tokens of tokenize, with the patterns the matcher gives each', () => {
    fc.assert(
      fc.property(text, (t) => {
        const scan = scanTokens(t, matcher);
        const got = Array.from({ length: scan.count }, (_, i) => ({ text: t.slice(scan.starts[i]!, scan.ends[i]!), start: scan.starts[i]!, end: scan.ends[i]! }));
        expect(got).toEqual(tokenize(t));
        for (let i = 0; i < scan.count; i++) expect(patternsOf(scan, i)).toEqual(matcher.lookupToken(got[i]!.text));
        expect(Array.from(scan.patterned.subarray(0, scan.patternedCount))).toEqual(got.flatMap((g, i) => (matcher.lookupToken(g.text).length > 0 ? [i] : [])));
        expect(scan.truncated).toBe(got.some((g) => /[-‐‑]$/.test(g.text) && g.text.length > 1));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps thousands of similar written forms apart as its table grows', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `Bildung${i}`).join(' ') + ' Arbeit Koordination';
    const scan = scanTokens(words, matcher);
    expect(scan.count).toBe(5002);
    expect(scan.patternedCount).toBe(5001);
    expect(patternsOf(scanTokens('Bildung', matcher), 0)).toEqual(matcher.lookupToken('Bildung'));
  });

  it('keeps large pattern ids and many ids per form exactly, looked up once and then from its table', () => {
    let calls = 0;
    const ids = [0, 65535, 65536, 70000, 131071, 2 ** 31 - 1];
    const big = { lookupToken: (t: string) => (calls++, t === 'x' ? ids : t === 'y' ? Array.from({ length: 70000 }, (_, i) => i) : []) } as unknown as Matcher;
    for (let round = 0; round < 2; round++) {
      const scan = scanTokens('x y z x', big);
      expect(patternsOf(scan, 0)).toEqual(ids);
      expect(patternsOf(scan, 1)).toEqual(Array.from({ length: 70000 }, (_, i) => i));
      expect(patternsOf(scan, 2)).toEqual([]);
      expect(patternsOf(scan, 3)).toEqual(ids);
      expect(Array.from(scan.patterned.subarray(0, scan.patternedCount))).toEqual([0, 1, 3]);
    }
    expect(calls).toBe(3);
  });

  it('starts its table afresh when it is full, finding the same ids after', () => {
    let calls = 0;
    const numbered = { lookupToken: (t: string) => (calls++, /^w\d+$/.test(t) && Number(t.slice(1)) % 3 === 0 ? [Number(t.slice(1))] : []) } as unknown as Matcher;
    const words = (from: number, to: number): string => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    for (const [from, to] of [[0, 150_000], [150_000, 260_000], [0, 30]]) {
      const scan = scanTokens(words(from!, to!), numbered);
      expect(scan.count).toBe(to! - from!);
      for (const k of [0, 1, 2, 3, scan.count - 1]) expect(patternsOf(scan, k)).toEqual((from! + k) % 3 === 0 ? [from! + k] : []);
      expect(scan.patternedCount).toBe(Array.from({ length: to! - from! }, (_, i) => from! + i).filter((n) => n % 3 === 0).length);
    }
    // Forms 0…29 were seen before the table started afresh at 200 000 forms: looked up again.
    expect(calls).toBe(260_030);
  });

  it('detaches cached pieces from the text they were cut from', () => {
    const long = 'x'.repeat(1000) + 'Kooperationsvereinbarung';
    const piece = detach(long.slice(1000));
    expect(piece).toBe('Kooperationsvereinbarung');
    expect(detach('kurz')).toBe('kurz');
  });
});

describe('glob patterns without regular expressions', () => {
  const globs = ['bild*', '*arbeit', 'koop*tion', 'a*b*c', '*netz*', '**x', 'ä*ö', 'a*-b'];
  const word = fc.array(fc.constantFrom('a', 'b', 'c', 'x', 'ä', 'ö', '-', "'", 'n', 'e', 't', 'z'), { maxLength: 12 }).map((cs) => cs.join(''));
  const viaRegex = (glob: string, form: string): boolean =>
    new RegExp('^' + glob.split('*').map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\p{L}\\p{N}\\p{M}]*') + '$', 'u').test(form);

  it('match a form exactly when the glob as a regular expression does', () => {
    const m = compileCodebook(codebookFrom(oneCategory(`    terms: [${globs.map((g) => `'${g}'`).join(', ')}]\n`, 'match: {fold: false}\n')));
    fc.assert(
      fc.property(word, (form) => {
        const found = m.lookupForm(form, false);
        const expected = globs.flatMap((g, i) => (viaRegex(g, form) ? [i] : []));
        expect([...found].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
