import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { formatProblem } from '../../src/problems.js';
import { codebookFrom } from '../helpers.js';

const messages = (yaml: string): string[] => parseCodebook(yaml, 'cb.yaml').problems.map(formatProblem);

describe('parseCodebook', () => {
  it('reads the full format with defaults and inherited match options', () => {
    const cb = codebookFrom(`codebook: Test
version: "2.1"
match: {stem: true}
moderators: [I, Moderatorin]
categories:
  - code: bedarfe
    label: Bedarfe
    definition: >
      Äußerungen über fehlende Angebote.
    examples: [Wir brauchen mehr.]
    counterexamples: [Kein Bedarf.]
    terms: [brauch*, "es fehlt"]
    rules:
      - near: [fehl*, angebot*]
        within: 5
      - regex: 'mangel'
        not: [kein*]
    exclude: ["kein* bedarf*"]
    categories:
      - code: personal
        label: Personal
        match: {fold: false}
        terms: [personal*]
perspectives:
  - code: p
    label: P
    when: {all: [bedarfe/personal]}
    scope: transcript
    min_support: 2
`);
    expect(cb.name).toBe('Test');
    expect(cb.version).toBe('2.1');
    expect(cb.language).toBe('de');
    expect(cb.unit).toBe('turn');
    expect(cb.match).toEqual({ fold: true, stem: true, lemma: false, negation: false, questions: true });
    expect(cb.compounds).toBe('parts');
    expect(cb.moderators).toEqual(['I', 'Moderatorin']);
    const [b] = cb.categories;
    expect(b!.path).toBe('bedarfe');
    expect(b!.definition).toBe('Äußerungen über fehlende Angebote.');
    expect(b!.terms.map((t) => [t.text, t.position?.line, t.position?.column])).toEqual([
      ['brauch*', 12, 13],
      ['es fehlt', 12, 22],
    ]);
    expect(b!.rules).toEqual([
      { kind: 'near', terms: [expect.objectContaining({ text: 'fehl*' }), expect.objectContaining({ text: 'angebot*' })], within: 5, not: [], scope: 'unit', position: { line: 14, column: 9, offset: expect.any(Number) } },
      { kind: 'regex', pattern: 'mangel', not: [expect.objectContaining({ text: 'kein*' })], scope: 'unit', position: { line: 16, column: 9, offset: expect.any(Number) } },
    ]);
    const p = b!.categories[0]!;
    expect([p.path, p.level, p.match]).toEqual(['bedarfe/personal', 2, { fold: false, stem: true, lemma: false, negation: false, questions: true }]);
    expect(cb.perspectives).toEqual([
      { code: 'p', label: 'P', when: { all: ['bedarfe/personal'], any: [], none: [] }, scope: 'transcript', minSupport: 2, position: { line: 25, column: 5, offset: expect.any(Number) } },
    ]);
    expect(cb.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports every problem at once with file, line and column', () => {
    const yaml = `codebook: Broken
langauge: de
unit: paragraph
categories:
  - code: Bedarfe
    label: Bedarfe
    terms: [brauch*, "", "z.B.", "*"]
    rules:
      - near: [fehl*, angebot*]
        within: 0
      - regex: '(unclosed'
      - regex: '(\\w+\\s?)*$'
      - all: [a]
        any: [b]
  - code: akteure
    terms: [schule]
  - code: akteure
    label: Doppelt
perspectives:
  - code: p
    label: P
    when: {all: [akteure, nirgends]}
`;
    expect(messages(yaml)).toEqual([
      "cb.yaml:2:1: error: unknown key 'langauge' in codebook (did you mean 'language'?)",
      "cb.yaml:3:7: error: codebook.unit must be one of turn, sentence, not 'paragraph'",
      "cb.yaml:5:11: error: codebook.categories[1].code 'Bedarfe' may hold only lowercase letters, digits, '-' and '_'",
      'cb.yaml:7:22: error: codebook.categories[1].terms[2] must not be empty',
      "cb.yaml:7:26: error: codebook.categories[1].terms[3] 'z.B.' may hold only letters, digits, '-', \"'\", '*' and spaces",
      "cb.yaml:7:34: error: term '*' has no letters: a term needs at least one word that is not only '*'",
      'cb.yaml:10:17: error: codebook.categories[1].rules[1].within must be at least 1, not 0',
      "cb.yaml:11:16: error: invalid regex '(unclosed': /(unclosed/iu: Unterminated group",
      "cb.yaml:12:16: error: regex '(\\w+\\s?)*$' can backtrack catastrophically (nested quantifiers: '(\\w+\\s?)' is repeated and contains a repetition itself); rewrite it without nested repetition",
      'cb.yaml:13:9: error: codebook.categories[1].rules[4] has all and any; a rule takes exactly one of all, any, near, regex',
      "cb.yaml:15:5: error: codebook.categories[2] is missing 'label'",
      "cb.yaml:17:11: error: duplicate category code 'akteure' (first at line 15)",
      "cb.yaml:22:27: error: perspective 'p' names category 'nirgends', which the codebook does not define",
    ]);
    expect(parseCodebook(yaml, 'cb.yaml').codebook).toBeNull();
  });

  it('reports YAML syntax errors with their position', () => {
    expect(messages('codebook: x\ncategories:\n  - code: a\n   label: b\n')).toEqual([
      'cb.yaml:4:1: error: YAML syntax: Sequence item without - indicator',
    ]);
  });

  it('refuses a codebook that is not a mapping', () => {
    expect(messages('- a\n- b\n')).toEqual([
      'cb.yaml:1:1: error: a codebook must be a YAML mapping with the keys codebook and categories',
    ]);
  });

  it('requires within for near, and two terms', () => {
    expect(messages('codebook: x\ncategories:\n  - code: a\n    label: A\n    rules:\n      - near: [a]\n')).toEqual([
      "cb.yaml:6:9: error: a 'near' rule needs 'within', the largest distance in tokens",
      "cb.yaml:6:15: error: a 'near' rule needs at least two terms",
    ]);
  });

  it('wants a string where YAML would read a number', () => {
    expect(messages('codebook: x\nversion: 1.0\ncategories: [{code: a, label: A}]\n')).toEqual([
      'cb.yaml:2:10: error: codebook.version must be a string, not the number 1 (put it in quotes)',
    ]);
  });
});
