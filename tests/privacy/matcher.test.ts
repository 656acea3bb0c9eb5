import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePseudonyms, type PseudonymEntry } from '../../src/privacy/map.js';
import { compileMatcher, scanOriginals, type ScanStats } from '../../src/privacy/matcher.js';
import { countMentions, findOriginals, pseudonymiseText } from '../../src/privacy/pseudonymise.js';
import { positionAt } from '../../src/problems.js';

const entry = (original: string, pseudonym: string, i = 0): PseudonymEntry => ({ original, pseudonym, line: i + 1, column: 1 });

/** The behaviour to keep, as one regular expression over all originals (longest first) states it. */
function reference(text: string, entries: readonly PseudonymEntry[], ignoreCase: boolean, inflections: boolean) {
  const key = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const byKey = new Map<string, PseudonymEntry>();
  for (const e of entries) if (!byKey.has(key(e.original))) byKey.set(key(e.original), e);
  const originals = [...byKey.values()].map((e) => e.original).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
  const W = String.raw`[\p{L}\p{N}\p{M}]`;
  const re = (endings: boolean): RegExp =>
    new RegExp(`(?<!${W})(${originals.map(escape).join('|')})(${endings ? String.raw`(?:['’]?s)?` : ''})(?!${W})`, ignoreCase ? 'giu' : 'gu');
  const counts: Record<string, number> = Object.fromEntries(entries.map((e) => [e.original, 0]));
  const replaced = text.replace(re(inflections), (all: string, name: string, ending: string) => {
    const e = byKey.get(key(name));
    if (!e) return all;
    counts[e.original]!++;
    return e.pseudonym + ending;
  });
  const found = [...text.matchAll(re(true))].flatMap((m) => {
    const e = byKey.get(key(m[1]!));
    return e ? [{ original: e.original, found: m[0], position: positionAt(text, m.index) }] : [];
  });
  return { text: replaced, counts, found };
}

// Few, short words: originals that share words and prefixes, and texts full of them.
const word = fc.constantFrom('a', 'ab', 'Ab', 'AB', 'ä', 'Äß', 'b');
const original = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), word.map((w) => `${w}.`));
const separator = fc.constantFrom(' ', ' ', "'s ", '’s', 's', 'S', '-', '.', '\n', '😀', 'x');

/** Originals, and a text made of them, their words and separators, so that originals overlap in it. */
const mapAndText = fc
  .array(original, { minLength: 1, maxLength: 6 })
  .chain((names) => fc.tuple(fc.constant(names), fc.array(fc.oneof(fc.constantFrom(...names), word, separator, separator), { maxLength: 30 })));

describe('the pseudonym matcher', () => {
  it('finds and replaces exactly what one regular expression over all originals finds (any case, endings or not)', () => {
    fc.assert(
      fc.property(mapAndText, fc.boolean(), fc.boolean(), ([names, pieces], ignoreCase, inflections) => {
        const entries = names.map((n, i) => entry(n, `P${i}`, i));
        const text = pieces.join('');
        const want = reference(text, entries, ignoreCase, inflections);
        const got = pseudonymiseText(text, entries, { ignoreCase, inflections });
        expect({ ...got, counts: { ...got.counts } }).toEqual({ text: want.text, counts: want.counts });
        expect(findOriginals(text, entries, { ignoreCase })).toEqual(want.found);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('counts each original as a search for it alone would, all in one pass', () => {
    fc.assert(
      fc.property(fc.array(mapAndText, { minLength: 1, maxLength: 3 }), (cases) => {
        const names = [...new Set(cases.flatMap(([n]) => n))];
        const entries = names.map((n, i) => entry(n, '', i));
        const joined = cases.map(([, pieces]) => pieces.join(''));
        const alone = new Map(names.map((n) => [n, joined.reduce((sum, t) => sum + findOriginals(t, [entry(n, '')]).length, 0)]));
        expect(countMentions(joined, entries)).toEqual(alone);
      }),
      { numRuns: 200, seed: 14 },
    );
    // An original that could match again inside its own match ("a a" in "a a a") counts once, as alone.
    expect(countMentions(['a a a', 'a a, a a'], [entry('a a', ''), entry('a', '')])).toEqual(new Map([['a a', 3], ['a', 7]]));
  });

  it('does work that grows with the text, not with the number of names (100 000 names cost little more than 50 000)', () => {
    const names = (count: number): PseudonymEntry[] =>
      Array.from({ length: count }, (_, i) => entry(`Name${i.toString(36)}`, `P${i}`, i)).concat([entry('Anna Weber', 'TN1'), entry('Berlin', 'Stadt A')]);
    const text = Array.from({ length: 2000 }, (_, i) => ['Anna Weber', 'traf', 'Name1a', 'Namen', 'in', 'Berlin,', 'Nam', 'Name'][i % 8]).join(' ');
    const work = (count: number, t = text): number => {
      const stats: ScanStats = { steps: 0 };
      scanOriginals(t, compileMatcher(names(count)), 'longest', () => undefined, stats);
      return stats.steps;
    };
    const [half, full, twice] = [work(50_000), work(100_000), work(100_000, `${text} ${text}`)];
    // A binary search per character: doubling the names adds about one comparison per step.
    expect(full / half).toBeLessThan(1.25);
    expect(twice / full).toBeGreaterThan(1.9);
    expect(twice / full).toBeLessThan(2.1);
    const out = pseudonymiseText(text, names(100_000));
    expect([out.counts['Anna Weber'], out.counts.Berlin, out.counts.Name1a]).toEqual([250, 250, 250]);
  });

  it('reads a map of 100 000 rows with a repeated original at the end, naming the first row', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Name${i},P${i}`);
    const parsed = parsePseudonyms(['original,pseudonym', ...rows, 'Name7,P7', 'Name8,Q'].join('\n'), 'map.csv', 'csv');
    expect(parsed.entries).toHaveLength(100_000);
    expect(parsed.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [100_002, 'warning', '"Name7" is listed again (first at line 9)'],
      [100_003, 'error', '"Name8" is mapped to "Q" here but to "P8" at line 10'],
    ]);
  });
});
