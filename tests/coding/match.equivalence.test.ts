import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook, type Matcher } from '../../src/codebook/compile.js';
import { codeUnits, countUnits } from '../../src/coding/code-units.js';
import { codingsOf, countCodes, lookupElement, matchText } from '../../src/coding/match.js';
import type { RegexMatches } from '../../src/coding/regex-budget.js';
import type { Unit } from '../../src/types.js';
import { codebookFrom } from '../helpers.js';
import { matchText as referenceMatchText } from './reference-match.js';

/**
 * The matcher works on typed arrays, sorts each text's hits once and counts without evidence when
 * asked to; the matcher it replaced (`reference-match.ts`) built and sorted match objects per
 * category. Both must find exactly the same: random codebooks on random texts.
 */

const WORDS = ['Netz', 'netzwerk', 'Bildung', 'bildungs-', 'Kita', 'die', 'gute', 'Arbeit', 'Jugendarbeit', 'kein', 'keine', 'Schule', 'und', 'fehlt', 'Räume', 'raeume'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ' - ', '\n'];
const TERMS = [
  'netz*', '*arbeit', 'bild*ung', 'kita', 'die', 'gute', 'gute kita', 'die * arbeit', 'kein* netz*', 'schule', 'räume', 'jugendarbeit',
  'netzwerk', 'bildungsarbeit', 'die kita', 'kita die', 'gute * *arbeit', 'keine', 'fehlt', 'und schule',
];

const term = fc.constantFrom(...TERMS);
const terms = fc.uniqueArray(term, { maxLength: 4 });
const rule = fc.oneof(
  fc.record({ kind: fc.constantFrom('any', 'all'), terms: fc.uniqueArray(term, { minLength: 1, maxLength: 3 }), not: fc.uniqueArray(term, { maxLength: 1 }) }),
  fc.record({
    kind: fc.constant('near'),
    // Frequent words, so that near rules find something.
    terms: fc.uniqueArray(fc.constantFrom('kita', 'die', 'netz*', 'gute', '*arbeit', 'die kita', 'und'), { minLength: 2, maxLength: 3 }),
    within: fc.integer({ min: 1, max: 4 }),
    not: fc.uniqueArray(term, { maxLength: 1 }),
  }),
  fc.record({ kind: fc.constant('regex'), pattern: fc.constantFrom('\\bkita\\b', 'netz\\w*', 'die (gute )?arbeit') }),
);
interface GenCategory {
  terms: string[];
  rules: { kind: string; terms?: string[]; not?: string[]; within?: number; pattern?: string }[];
  exclude: string[];
  children: GenCategory[];
}
const leaf: fc.Arbitrary<GenCategory> = fc.record({
  terms,
  rules: fc.array(rule, { maxLength: 2 }),
  exclude: fc.uniqueArray(term, { maxLength: 1 }).chain((e) => fc.constantFrom(e, [], [])),
  children: fc.constant([]),
});
const category: fc.Arbitrary<GenCategory> = fc.record({
  terms,
  rules: fc.array(rule, { maxLength: 2 }),
  exclude: fc.constantFrom<string[]>([], [], ['keine'], ['kein* netz*']),
  children: fc.array(fc.record({ terms, rules: fc.array(rule, { maxLength: 1 }), exclude: fc.constantFrom<string[]>([], [], ['die']), children: fc.array(leaf, { maxLength: 2 }) }), { maxLength: 3 }),
});
const codebookYaml = fc
  .record({ categories: fc.array(category, { minLength: 1, maxLength: 3 }), fold: fc.boolean(), stem: fc.boolean() })
  .map(({ categories, fold, stem }) => {
    const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
    const list = (xs: string[]): string => `[${xs.map(q).join(', ')}]`;
    let n = 0;
    const lines: string[] = ['codebook: random', `match: {fold: ${fold}, stem: ${stem}}`, 'categories:'];
    const write = (c: GenCategory, pad: string): void => {
      lines.push(`${pad}- code: c${n++}`, `${pad}  label: C`);
      // A category needs a term or a rule to be valid.
      lines.push(`${pad}  terms: ${list(c.terms.length > 0 || c.rules.length > 0 ? c.terms : ['kita'])}`);
      if (c.rules.length > 0) {
        lines.push(`${pad}  rules:`);
        for (const r of c.rules) {
          if (r.kind === 'regex') lines.push(`${pad}    - regex: ${q(r.pattern!)}`);
          else {
            lines.push(`${pad}    - ${r.kind}: ${list(r.terms!)}`);
            if (r.within !== undefined) lines.push(`${pad}      within: ${r.within}`);
            if (r.not!.length > 0) lines.push(`${pad}      not: ${list(r.not!)}`);
          }
        }
      }
      if (c.exclude.length > 0) lines.push(`${pad}  exclude: ${list(c.exclude)}`);
      if (c.children.length > 0) {
        lines.push(`${pad}  categories:`);
        for (const k of c.children) write(k, pad + '    ');
      }
    };
    for (const c of categories) write(c, '  ');
    return lines.join('\n') + '\n';
  });
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** The codings of `codeUnits` with their evidence left out. */
const withoutEvidence = (x: ReturnType<typeof codingsOf>): unknown => x.map((c) => ({ ...c, matches: [] }));

function unitOf(t: string, segment: number, moderator = false): Unit {
  return { transcript: 't', segment, turn: segment, speaker: moderator ? 'I' : 'B', moderator, line: segment, text: t, attributes: {} };
}

describe('the matcher agrees with the one it replaced', () => {
  it('finds the same codings, evidence, hits and blocked categories', () => {
    fc.assert(
      fc.property(codebookYaml, fc.array(text, { minLength: 1, maxLength: 4 }), (yaml, texts) => {
        const matcher = compileCodebook(codebookFrom(yaml));
        for (const t of texts) {
          const expected = referenceMatchText(t, matcher);
          expect(matchText(t, matcher)).toEqual(expected);
          const codings = codingsOf(t, matcher, undefined, 'x', 1, true);
          expect(codings.map((c) => [c.category, c.matches, c.hits])).toEqual(expected.coded.map((c) => [c.path, c.matches, c.hits]));
          expect(withoutEvidence(codingsOf(t, matcher, undefined, 'x', 1, false))).toEqual(withoutEvidence(codings));
          const counts = countCodes(t, matcher, undefined);
          expect(Array.from(counts.index.subarray(0, counts.count))).toEqual(expected.coded.map((c) => c.index));
          expect(Array.from(counts.hits.subarray(0, counts.count))).toEqual(expected.coded.map((c) => c.hits));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('codes and counts units alike, moderators with nothing', () => {
    fc.assert(
      fc.property(codebookYaml, fc.array(fc.tuple(text, fc.boolean()), { maxLength: 5 }), (yaml, list) => {
        const matcher = compileCodebook(codebookFrom(yaml));
        const units = list.map(([t, m], i) => unitOf(t, i + 1, m));
        const coded = codeUnits(units, matcher);
        expect(coded.map((u) => u.codings.map((c) => [c.category, c.matches, c.hits]))).toEqual(
          units.map((u) => (u.moderator ? [] : referenceMatchText(u.text, matcher).coded.map((c) => [c.path, c.matches, c.hits]))),
        );
        const lean = codeUnits(units, matcher, { evidence: false });
        expect(lean.map((u) => withoutEvidence(u.codings))).toEqual(coded.map((u) => withoutEvidence(u.codings)));
        const counted: unknown[] = [];
        countUnits(units, matcher, (unit, counts) => {
          counted.push(counts === null ? null : Array.from(counts.index.subarray(0, counts.count), (i, k) => [matcher.categories[i]!.path, counts.hits[k]]));
        });
        expect(counted).toEqual(coded.map((u) => (u.moderator ? null : u.codings.map((c) => [c.category, c.hits]))));
      }),
      { numRuns: 150 },
    );
  });
});

describe('hits sorted once per text', () => {
  const yaml = `codebook: t
categories:
  - code: a
    label: A
    terms: [netz*, '*werk', 'gute netz*']
    rules:
      - any: [kita]
      - near: [kita, netz*]
        within: 2
    categories:
      - code: b
        label: B
        terms: [kita, netzwerk]
`;
  it('keeps order and counts on a long unit whose rule hits come after all term hits', () => {
    // Rule hits are gathered after the terms': far out of order, so the merge sort takes over.
    const matcher = compileCodebook(codebookFrom(yaml));
    const t = Array.from({ length: 400 }, (_, i) => ['Kita', 'gute Netzwerk', 'und', 'Netz'][i % 4]).join(' ');
    const expected = referenceMatchText(t, matcher);
    expect(expected.coded.map((c) => c.hits)).toEqual([300, 200]);
    expect(matchText(t, matcher)).toEqual(expected);
    const counts = countCodes(t, matcher, undefined);
    expect(Array.from(counts.hits.subarray(0, counts.count))).toEqual([300, 200]);
  });

  it('counts an empty span as a hit of its own, once per label, also without evidence', () => {
    const matcher = compileCodebook(codebookFrom("codebook: t\ncategories:\n  - code: a\n    label: A\n    rules:\n      - regex: 'x'\n      - regex: 'y'\n"));
    const [x, y] = matcher.categories[0]!.rules;
    // Regex rules never give empty spans; given ones still count as the evidence lists them.
    const given: RegexMatches = new Map([
      [x!, [{ by: x!.label, start: 2, end: 2 }, { by: x!.label, start: 2, end: 2 }, { by: x!.label, start: 0, end: 4 }]],
      [y!, [{ by: y!.label, start: 2, end: 2 }]],
    ]);
    const full = codingsOf('abcd', matcher, given, 't', 1, true);
    expect(full.map((c) => [c.matches, c.hits])).toEqual([
      [
        [
          { by: x!.label, start: 0, end: 4 },
          { by: x!.label, start: 2, end: 2 },
          { by: y!.label, start: 2, end: 2 },
        ],
        1,
      ],
    ]);
    const bare = codingsOf('ab  ', matcher, new Map([[x!, [{ by: x!.label, start: 2, end: 2 }, { by: x!.label, start: 2, end: 2 }]], [y!, [{ by: y!.label, start: 2, end: 2 }]]]), 't', 1, false);
    expect(bare.map((c) => c.hits)).toEqual([2]);
  });
});

describe('phrases are looked up by their longest word', () => {
  it('picks the element with the most literal characters, the first of equals, never a wildcard', () => {
    expect(lookupElement('die * kooperation', [0, -1, 1])).toBe(2);
    expect(lookupElement('gute kita', [0, 1])).toBe(0);
    expect(lookupElement('* kein*', [-1, 3])).toBe(1);
    expect(lookupElement('zu netzwerk*', [4, 5])).toBe(1);
  });
  it('finds phrases in text order whichever word they are looked up by', () => {
    const matcher: Matcher = compileCodebook(codebookFrom("codebook: t\ncategories:\n  - code: a\n    label: A\n    terms: ['die * kooperation', 'die kooperation']\n"));
    const t = 'die gute Kooperation, die Kooperation und die neue Kooperation';
    expect(matchText(t, matcher)).toEqual(referenceMatchText(t, matcher));
    expect(matchText(t, matcher).coded[0]!.matches.map((m) => t.slice(m.start, m.end))).toEqual(['die gute Kooperation', 'die Kooperation', 'die neue Kooperation']);
  });
});
