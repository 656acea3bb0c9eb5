import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { project, removeProjects, tree, TRANSCRIPT } from './project.js';

afterAll(removeProjects);

/**
 * Run `fokus analyze t.txt -c cb.yaml -o out` on a project whose codebook is `codebook` (text or
 * bytes): what the CLI said, and whether `out` exists afterwards.
 */
async function withCodebook(codebook: string | Uint8Array, name = 'cb.yaml'): Promise<{ code: number; stdout: string; stderr: string; out: string[] | null }> {
  const dir = await project({ [name]: codebook, 't.txt': TRANSCRIPT });
  const run = await runCli(['analyze', 't.txt', '-c', name, '-o', 'out', '-q'], dir);
  return { ...run, out: await tree(path.join(dir, 'out')) };
}

/** What a codebook error run must give: exit 2, nothing on stdout, exactly these lines, no output folder. */
function stopped(...lines: string[]): { code: number; stdout: string; stderr: string; out: null } {
  return { code: 2, stdout: '', stderr: lines.map((l) => `${l}\n`).join(''), out: null };
}

describe('codebook errors stop the run before anything is read or written', () => {
  test('a YAML syntax error, with its line and column', async () => {
    expect(await withCodebook('codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: [foo\n')).toEqual(
      stopped('cb.yaml:6:1: error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'),
    );
  });

  test('unknown keys, each at its position, with "did you mean" for near misses (swapped letters too)', async () => {
    expect(await withCodebook('codebok: Test\ncategories:\n  - code: a\n    lable: A\n    termz: [foo]\n    colour: red\n')).toEqual(
      stopped(
        "cb.yaml:1:1: error: codebook is missing 'codebook'",
        "cb.yaml:1:1: error: unknown key 'codebok' in codebook (did you mean 'codebook'?)",
        "cb.yaml:3:5: error: codebook.categories[1] is missing 'label'",
        "cb.yaml:4:5: error: unknown key 'lable' in codebook.categories[1] (did you mean 'label'?)",
        "cb.yaml:5:5: error: unknown key 'termz' in codebook.categories[1] (did you mean 'terms'?)",
        "cb.yaml:6:5: error: unknown key 'colour' in codebook.categories[1]",
      ),
    );
  });

  test('wrong types and values, all of them at once', async () => {
    const yaml = 'codebook: Test\nversion: 1.0\nunit: word\ncategories:\n  - code: a\n    label: A\n    terms: foo\n    match: {fold: ja}\n  - code: B\n    label: [x]\n';
    expect(await withCodebook(yaml)).toEqual(
      stopped(
        'cb.yaml:2:10: error: codebook.version must be a string, not the number 1 (put it in quotes)',
        "cb.yaml:3:7: error: codebook.unit must be one of turn, sentence, not 'word'",
        'cb.yaml:7:12: error: codebook.categories[1].terms must be a list, not a string',
        'cb.yaml:8:19: error: codebook.categories[1].match.fold must be true or false, not a string',
        "cb.yaml:9:11: error: codebook.categories[2].code 'B' may hold only lowercase letters, digits, '-' and '_'",
        'cb.yaml:10:12: error: codebook.categories[2].label must be a string, not a list',
      ),
    );
  });

  test('duplicate category codes name the first one', async () => {
    expect(await withCodebook('codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: [foo]\n  - code: a\n    label: A2\n    terms: [bar]\n')).toEqual(
      stopped("cb.yaml:6:11: error: duplicate category code 'a' (first at line 3)"),
    );
  });

  test('duplicate word sets', async () => {
    expect(
      await withCodebook('codebook: Test\nsets:\n  - name: s\n    words: [a]\n  - name: s\n    words: [b]\ncategories:\n  - code: a\n    label: A\n    terms: [$s]\n'),
    ).toEqual(stopped("cb.yaml:5:11: error: duplicate word set 's'"));
  });

  test('empty terms and terms with characters a term cannot hold', async () => {
    expect(await withCodebook('codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: ["", "  ", "foo!", "*", "-foo"]\n')).toEqual(
      stopped(
        'cb.yaml:5:13: error: codebook.categories[1].terms[1] must not be empty',
        'cb.yaml:5:17: error: codebook.categories[1].terms[2] must not be empty',
        `cb.yaml:5:23: error: codebook.categories[1].terms[3] 'foo!' may hold only letters, digits, '-', "'", '*' and spaces`,
        "cb.yaml:5:31: error: term '*' has no letters: a term needs at least one word that is not only '*'",
        `cb.yaml:5:36: error: term '-foo' has a '-' or "'" at the edge of a word`,
      ),
    );
  });

  test('an invalid regex, catastrophic regexes (nested and overlapping repetition), and bad near rules', async () => {
    const yaml =
      "codebook: Test\ncategories:\n  - code: a\n    label: A\n    rules:\n      - regex: '(a'\n      - regex: '(\\w+\\s?)*$'\n" +
      "      - regex: '(a|aa)*b'\n      - regex: '((a|a)x?)*$'\n      - regex: '(.*a){12}'\n      - near: [a, b]\n        within: 0\n      - near: [a]\n";
    expect(await withCodebook(yaml)).toEqual(
      stopped(
        "cb.yaml:6:16: error: invalid regex '(a': /(a/iu: Unterminated group",
        "cb.yaml:7:16: error: regex '(\\w+\\s?)*$' can backtrack catastrophically (nested quantifiers: '(\\w+\\s?)' is repeated and contains a repetition itself); rewrite it without nested repetition",
        "cb.yaml:8:16: error: regex '(a|aa)*b' can backtrack catastrophically (a repeated alternation whose branches overlap: '(a|aa)'); rewrite it without nested repetition",
        "cb.yaml:9:16: error: regex '((a|a)x?)*$' can backtrack catastrophically (a repeated group holding an alternation whose branches overlap: '((a|a)x?)'); rewrite it without nested repetition",
        "cb.yaml:10:16: error: regex '(.*a){12}' can backtrack catastrophically (nested quantifiers: '(.*a)' is repeated and contains a repetition itself); rewrite it without nested repetition",
        'cb.yaml:12:17: error: codebook.categories[1].rules[6].within must be at least 1, not 0',
        "cb.yaml:13:9: error: a 'near' rule needs 'within', the largest distance in tokens",
        "cb.yaml:13:15: error: a 'near' rule needs at least two terms",
      ),
    );
  });

  test('rules that would be dropped or stretched unseen: regex null, all/any empty, an absurd within', async () => {
    const rules = ['      - regex: null', '      - all: []', '      - any: []', '      - near: [a, b]\n        within: 1000000000', '      - near: [a, b]\n        within: -3', '      - near: [a, b]\n        within: 2.5'];
    const yaml = `codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: [foo]\n    rules:\n${rules.join('\n')}\n`;
    expect(await withCodebook(yaml)).toEqual(
      stopped(
        'cb.yaml:7:9: error: codebook.categories[1].rules[1].regex must not be empty',
        "cb.yaml:8:14: error: an 'all' rule needs at least one term",
        "cb.yaml:9:14: error: an 'any' rule needs at least one term",
        'cb.yaml:11:17: error: codebook.categories[1].rules[4].within must be at most 10000, not 1000000000',
        'cb.yaml:13:17: error: codebook.categories[1].rules[5].within must be at least 1, not -3',
        'cb.yaml:15:17: error: codebook.categories[1].rules[6].within must be a whole number, not the number 2.5',
      ),
    );
  });

  test('a perspective that requires and forbids the same code (or forbids the parent of a required code) can never be found', async () => {
    const yaml =
      'codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: [foo]\n    categories:\n      - code: b\n        label: B\n        terms: [bar]\n  - code: c\n    label: C\n    terms: [baz]\n' +
      'perspectives:\n  - code: p\n    label: P\n    when: {all: [c], any: [a, c], none: [c]}\n  - code: q\n    label: Q\n    when: {all: [a/b], any: [c], none: [x, a]}\n  - code: ok\n    label: OK\n    when: {all: [a], none: [a/b]}\n';
    expect(await withCodebook(yaml)).toEqual(
      stopped(
        "cb.yaml:16:42: error: perspective 'p' lists 'c' in 'any' and forbids 'c' in 'none': 'c' can never count for it",
        "cb.yaml:16:42: error: perspective 'p' requires 'c' in 'all' and forbids 'c' in 'none': it can never be found",
        "cb.yaml:19:41: error: perspective 'q' names category 'x', which the codebook does not define",
        "cb.yaml:19:44: error: perspective 'q' requires 'a/b' (a subcategory of 'a') in 'all' and forbids 'a' in 'none': it can never be found",
      ),
    );
  });

  test('a codebook without categories (categories: []) is an error, not an internal error later on', async () => {
    expect(await withCodebook('codebook: Test\ncategories: []\n')).toEqual(
      stopped('cb.yaml:2:13: error: the codebook has no categories: codebook.categories must list at least one category'),
    );
    const dir = await project({ 'cb.yaml': 'codebook: Test\ncategories: []\n' });
    const check = await runCli(['codebook', 'check', 'cb.yaml'], dir);
    expect([check.code, check.stderr]).toEqual([2, 'cb.yaml:2:13: error: the codebook has no categories: codebook.categories must list at least one category\n']);
  });

  test('a perspective naming codes the codebook does not define', async () => {
    const yaml = 'codebook: Test\ncategories:\n  - code: a\n    label: A\n    terms: [foo]\nperspectives:\n  - code: p\n    label: P\n    when:\n      all: [a, b]\n      none: [a/c]\n';
    expect(await withCodebook(yaml)).toEqual(
      stopped(
        "cb.yaml:10:16: error: perspective 'p' names category 'b', which the codebook does not define",
        "cb.yaml:11:14: error: perspective 'p' names category 'a/c', which the codebook does not define",
      ),
    );
  });

  test('a codebook that is not a mapping: a list, or a lone string', async () => {
    const message = 'error: a codebook must be a YAML mapping with the keys codebook and categories';
    expect(await withCodebook('- a\n- b\n')).toEqual(stopped(`cb.yaml:1:1: ${message}`));
    expect(await withCodebook('just a sentence\n')).toEqual(stopped(`cb.yaml:1:1: ${message}`));
  });

  test('an empty codebook file: zero bytes, or only comments and blank lines', async () => {
    const message = 'cb.yaml:1:1: error: the codebook file is empty: it needs at least the keys codebook and categories';
    expect(await withCodebook('')).toEqual(stopped(message));
    expect(await withCodebook('# nur ein Kommentar\n\n')).toEqual(stopped(message));
  });

  test('a missing codebook file, and a folder given as the codebook', async () => {
    const dir = await project({ 't.txt': TRANSCRIPT, 'codebooks/.keep': '' });
    expect(await runCli(['analyze', 't.txt', '-c', 'missing.yaml', '-o', 'out'], dir)).toEqual({ code: 2, stdout: '', stderr: 'missing.yaml: error: no such file or folder\n' });
    expect(await runCli(['analyze', 't.txt', '-c', 'codebooks', '-o', 'out'], dir)).toEqual({ code: 2, stdout: '', stderr: 'codebooks: error: is a folder, not a codebook file\n' });
    expect(await tree(path.join(dir, 'out'))).toBeNull();
  });

  test('a binary file given as the codebook (a PNG renamed .yaml)', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await withCodebook(png)).toEqual(stopped('cb.yaml: error: is a PNG image, not text; a codebook is a YAML text file'));
  });

  test('a codebook saved as Windows-1252 is read with a warning at the first byte that is not UTF-8, and works', async () => {
    const cp1252 = Buffer.from('codebook: Test\ncategories:\n  - code: a\n    label: Größe\n    terms: [personal*]\n', 'latin1');
    const dir = await project({ 'cb.yaml': cp1252, 't.txt': TRANSCRIPT });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: 'category,label,level,segments,share,matches,transcripts,speakers\na,Größe,1,1,0.3333,1,1,1\n',
      stderr: 'cb.yaml:4:14: warning: not valid UTF-8, read as Windows-1252\n',
    });
  });
});
