import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCodebook, lintCodebook } from '../../src/coding/check.js';
import { unmatchableReason } from '../../src/codebook/terms.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { formatProblem } from '../../src/problems.js';
import { renderCheckJson, renderCheckTable } from '../../src/report/check.js';
import { codebookFrom } from '../helpers.js';

const YAML = `codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe
    examples:
      - Wir brauchen mehr Zeit.
      - Es mangelt an allem.
      - Wir brauchen keinen Bedarf zu melden.
      - Mehr Personal wäre gut.
    counterexamples:
      - Kein Bedarf, wir brauchen nichts.
      - Personal haben wir genug.
    terms: [brauch*]
    exclude: ["kein* bedarf*"]
    categories:
      - code: personal
        label: Personal
        examples: [Das Personal fehlt.]
        terms: [personal*]
  - code: akteure
    label: Akteure
    examples: [Die Schule hilft.]
    terms: [schule, Brauch*]
  - code: leer
    label: Leer
`;

const check = () => checkCodebook(parseCodebook(YAML, 'test.yaml'), 'test.yaml');

describe('checkCodebook', () => {
  it('runs examples and counterexamples through the matcher, roll-up included', () => {
    const c = check();
    expect(c.valid).toBe(true);
    expect(c.name).toBe('Test');
    expect(c.totals).toEqual({ examples: 6, counterexamples: 2, passed: 5, failed: 3, warnings: 2 });
    expect(c.categories.map((x) => [x.path, x.level, x.examples.map((e) => e.passed), x.counterexamples.map((e) => e.passed), x.passed])).toEqual([
      ['bedarfe', 1, [true, false, false, true], [true, false], false],
      ['bedarfe/personal', 2, [true], [], true],
      ['akteure', 1, [true], [], true],
      ['leer', 1, [], [], true],
    ]);
  });

  it('records what matched, what an exclude blocked, and what else the text was coded with', () => {
    const [bedarfe] = check().categories;
    const [ok, nothing, blocked, rolledUp] = bedarfe!.examples;
    expect(ok).toEqual({
      kind: 'example',
      number: 1,
      text: 'Wir brauchen mehr Zeit.',
      passed: true,
      matches: [{ by: 'brauch*', start: 4, end: 12, text: 'brauchen' }],
      blocked: [],
      codedWith: ['bedarfe', 'akteure'],
      stopped: [],
    });
    expect(nothing!.matches).toEqual([]);
    expect(nothing!.blocked).toEqual([]);
    expect(nothing!.codedWith).toEqual([]);
    expect(blocked!.blocked).toEqual([
      {
        path: 'bedarfe',
        by: 'bedarfe',
        exclude: [{ by: 'kein* bedarf*', start: 13, end: 26, text: 'keinen Bedarf' }],
        matches: [{ by: 'brauch*', start: 4, end: 12, text: 'brauchen' }],
      },
    ]);
    expect(blocked!.codedWith).toEqual(['akteure']);
    expect(rolledUp!.matches).toEqual([{ by: 'personal*', start: 5, end: 13, text: 'Personal' }]);
    const [excluded, coded] = bedarfe!.counterexamples;
    expect(excluded!.passed).toBe(true);
    expect(coded!).toMatchObject({ kind: 'counterexample', number: 2, passed: false, matches: [{ by: 'personal*', start: 0, end: 8, text: 'Personal' }] });
  });

  it('says that a regex rule was stopped by its time budget, instead of "not coded", and judges nothing it could code', async () => {
    // Adjacent repetition passes the static guard; 60 a's and a '!' take hours, so any budget runs out.
    const slow = 'a*a*a*a*a*a*a*a*c';
    const hang = `${'a'.repeat(60)}!`;
    const yaml = `codebook: Test\ncategories:\n  - code: r\n    label: R\n    examples: ['${hang}', ac]\n    counterexamples: ['${hang}']\n    rules:\n      - regex: '${slow}'\n`;
    const result = checkCodebook(parseCodebook(yaml, 'cb.yaml'), 'cb.yaml', { baseMs: 1000, perThousandMs: 0 });
    const [r] = result.categories;
    expect(r!.examples.map((e) => [e.passed, e.stopped])).toEqual([[false, [`regex: ${slow}`]], [true, []]]);
    // The counterexample is not coded only because the rule was stopped: it is not judged either.
    expect(r!.counterexamples.map((e) => [e.passed, e.stopped])).toEqual([[false, [`regex: ${slow}`]]]);
    expect(result.problems.map(formatProblem)).toEqual([
      `cb.yaml:8:9: error: regex '${slow}' of category 'r' ran longer than 1000 ms on the example "${'a'.repeat(39)}…" and was stopped; ` +
        'the examples and counterexamples it codes with this text were not judged (rewrite the regex without nested or overlapping repetition)',
    ]);
    expect(result.problems[0]!.ruleId).toBe('code/regex-timeout');
    expect(result.totals).toMatchObject({ passed: 1, failed: 2 });
    const table = renderCheckTable(result);
    expect(table).toContain(`r, example 1: not judged\n  "${hang}"\n  stopped by its time budget: regex: ${slow}\n`);
    expect(table).not.toContain('not coded');
  });

  it('warns about shared sibling terms and categories that can never be coded', () => {
    expect(check().problems.map(formatProblem)).toEqual([
      "test.yaml:23:21: warning: term 'Brauch*' of 'akteure' is also a term of its sibling 'bedarfe' (line 13): every unit with it is coded with both",
      "test.yaml:24:5: warning: category 'leer' has no terms, no rules and no subcategories: it can never be coded",
    ]);
  });

  it('renders a pass/fail table, the failures quoted with their evidence, and a summary', () => {
    expect(renderCheckTable(check())).toBe(`codebook: Test (test.yaml)

category            examples  counterexamples  result
bedarfe                  2/4              1/2  FAIL
  bedarfe/personal       1/1                –  ok
akteure                  1/1                –  ok
leer                       –                –  –

failed:

bedarfe, example 2: not coded
  "Es mangelt an allem."
  nothing matched

bedarfe, example 3: not coded
  "Wir brauchen keinen Bedarf zu melden."
  matched brauch* "brauchen" (4–12)
  but the exclude of bedarfe matched: kein* bedarf* "keinen Bedarf" (13–26)
  coded with: akteure

bedarfe, counterexample 2: coded, but must not be
  "Personal haben wir genug."
  matched: personal* "Personal" (0–8)

3 of 6 examples and 2 counterexamples failed; 2 warnings
`);
  });

  it('renders JSON with every field', () => {
    const json = JSON.parse(renderCheckJson(check())) as ReturnType<typeof check>;
    expect(Object.keys(json)).toEqual(['file', 'name', 'valid', 'problems', 'categories', 'totals']);
    expect(json.problems[1]).toEqual({ file: 'test.yaml', line: 24, column: 5, severity: 'warning', message: "category 'leer' has no terms, no rules and no subcategories: it can never be coded", ruleId: 'codebook/category-never-coded' });
    expect(json.categories[0]!.examples[2]!.blocked[0]!.exclude[0]!.text).toBe('keinen Bedarf');
  });

  it('reports an invalid codebook with every loader problem and runs nothing', () => {
    const c = checkCodebook(parseCodebook('codebook: X\ncategories:\n  - code: A\n    lable: a\n', 'bad.yaml'), 'bad.yaml');
    expect(c.valid).toBe(false);
    expect(c.categories).toEqual([]);
    expect(c.problems.map(formatProblem)).toEqual([
      "bad.yaml:3:5: error: codebook.categories[1] is missing 'label'",
      "bad.yaml:3:11: error: codebook.categories[1].code 'A' may hold only lowercase letters, digits, '-' and '_'",
      "bad.yaml:4:5: error: unknown key 'lable' in codebook.categories[1] (did you mean 'label'?)",
    ]);
    expect(renderCheckTable(c)).toBe('bad.yaml: the codebook is invalid, no examples were run\n');
  });

  it('passes the shipped default codebook without failures or warnings', async () => {
    const file = resolve(import.meta.dirname, '../../codebooks/isog-fokusgruppe.yaml');
    const c = checkCodebook(parseCodebook(await readFile(file, 'utf8'), 'isog.yaml'), 'isog.yaml');
    expect(c.problems.map(formatProblem)).toEqual([]);
    expect(c.categories.filter((x) => !x.passed).map((x) => x.path)).toEqual([]);
    expect(c.totals.failed).toBe(0);
    expect(c.totals.examples).toBeGreaterThan(40);
    expect(c.categories.filter((x) => x.level === 1).every((x) => x.examples.length >= 2 && x.counterexamples.length >= 2)).toBe(true);
  });
});

describe('unmatchableReason', () => {
  it('accepts words the tokenizer reads as one token, digits and globs included', () => {
    for (const t of ['brauch*', '*netz*', 'koop*ation', 'kita-leitung', "geht's", 'geht’s', '2024', 'g8', 'bedarf sehe ich * nicht', '*-leitung', "*'s"]) {
      expect([t, unmatchableReason(t)]).toEqual([t, undefined]);
    }
  });
  it('names the word that can never be one token, and why', () => {
    expect(unmatchableReason('kita--leitung')).toBe(`'kita--leitung' has two of '-' and "'" in a row, which never occurs inside one token`);
    expect(unmatchableReason("rock-'n-roll")).toBe(`'rock-'n-roll' has two of '-' and "'" in a row, which never occurs inside one token`);
    expect(unmatchableReason('es geht’')).toBe(`'geht’' has a '-' or an apostrophe at its edge, which tokens never have`);
    expect(unmatchableReason('’n abend')).toBe(`'’n' has a '-' or an apostrophe at its edge, which tokens never have`);
  });
});

describe('lintCodebook', () => {
  it('finds never-matching terms wherever they are used, with their positions', () => {
    const cb = codebookFrom(`codebook: T
categories:
  - code: a
    label: A
    terms: ["geht’"]
    rules:
      - any: [ok, "a--b"]
        not: ["x’"]
    exclude: ["kein’"]
`);
    expect(lintCodebook(cb).map(formatProblem)).toEqual([
      `test.yaml:5:13: warning: term 'geht’' (terms of 'a') can never match: 'geht’' has a '-' or an apostrophe at its edge, which tokens never have`,
      `test.yaml:7:19: warning: term 'a--b' (rule 1 of 'a') can never match: 'a--b' has two of '-' and "'" in a row, which never occurs inside one token`,
      `test.yaml:8:15: warning: term 'x’' (not of rule 1 of 'a') can never match: 'x’' has a '-' or an apostrophe at its edge, which tokens never have`,
      `test.yaml:9:15: warning: term 'kein’' (exclude of 'a') can never match: 'kein’' has a '-' or an apostrophe at its edge, which tokens never have`,
    ]);
  });

  it('compares shared terms with folding when either category folds, and only among siblings', () => {
    const cb = codebookFrom(`codebook: T
categories:
  - code: a
    label: A
    terms: [grüße]
    categories:
      - code: x
        label: X
        terms: [gruesse]
  - code: b
    label: B
    terms: [GRUESSE, grüße]
  - code: c
    label: C
    match: {fold: false}
    terms: [gruesse]
  - code: d
    label: D
    match: {fold: false}
    categories:
      - code: e
        label: E
        terms: [grüße]
      - code: f
        label: F
        terms: [gruesse, grüße]
`);
    expect(lintCodebook(cb).map(formatProblem)).toEqual([
      "test.yaml:12:13: warning: term 'GRUESSE' of 'b' is also a term of its sibling 'a' (line 5): every unit with it is coded with both",
      "test.yaml:12:22: warning: term 'grüße' of 'b' is also a term of its sibling 'a' (line 5): every unit with it is coded with both",
      "test.yaml:16:13: warning: term 'gruesse' of 'c' is also a term of its sibling 'a' (line 5): every unit with it is coded with both",
      "test.yaml:26:26: warning: term 'grüße' of 'd/f' is also a term of its sibling 'd/e' (line 23): every unit with it is coded with both",
    ]);
  });

  it('says nothing about terms shared on purpose with a sibling named in shared_with (either side)', () => {
    const cb = codebookFrom(`codebook: Test
categories:
  - code: bedarfe
    label: B
    shared_with: [herausforderungen]
    terms: [fehlt, zu wenig]
  - code: herausforderungen
    label: H
    terms: [fehlt, zu wenig, problem]
  - code: chancen
    label: C
    terms: [problem]
`);
    expect(lintCodebook(cb).map(formatProblem)).toEqual([
      "test.yaml:12:13: warning: term 'problem' of 'chancen' is also a term of its sibling 'herausforderungen' (line 9): every unit with it is coded with both",
    ]);
  });

  it('refuses a shared_with that names no sibling', () => {
    const { problems } = parseCodebook('codebook: T\ncategories:\n  - code: a\n    label: A\n    shared_with: [b, x]\n  - code: b\n    label: B\n', 'cb.yaml');
    expect(problems.map(formatProblem)).toEqual(["cb.yaml:5:22: error: 'shared_with' names 'x', which is no sibling of this category"]);
  });
});
