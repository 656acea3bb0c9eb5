import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeGuid } from '../../src/exchange/refi-qda/codebook.js';
import { VERSION } from '../../src/version.js';
import { xsdErrors } from '../refi-qda.js';
import { runCli } from './run.js';

const repo = resolve(import.meta.dirname, '../..');
const dictionaries = resolve(repo, 'tests/fixtures/dictionaries');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-codebook-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

const FAILING = `codebook: Mini
categories:
  - code: bedarfe
    label: Bedarfe
    examples: [Wir brauchen mehr Zeit., Es mangelt an allem.]
    counterexamples: [Wir brauchen nichts.]
    terms: [brauch*]
  - code: akteure
    label: Akteure
    terms: [brauch*]
`;
const PASSING = `codebook: Mini
categories:
  - code: bedarfe
    label: Bedarfe
    examples: [Wir brauchen mehr Zeit.]
    counterexamples: [Alles da.]
    terms: [brauch*]
`;

describe('fokus codebook check', () => {
  it('exits 1 when an example fails, with the table on stdout and the warnings on stderr', async () => {
    const dir = await tempDir({ 'cb.yaml': FAILING });
    const r = await runCli(['codebook', 'check', 'cb.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("cb.yaml:10:13: warning: term 'brauch*' of 'akteure' is also a term of its sibling 'bedarfe' (line 7): every unit with it is coded with both\n");
    expect(r.stdout).toBe(`codebook: Mini (cb.yaml)

category  examples  counterexamples  result
bedarfe        1/2              0/1  FAIL
akteure          –                –  –

failed:

bedarfe, example 2: not coded
  "Es mangelt an allem."
  nothing matched

bedarfe, counterexample 1: coded, but must not be
  "Wir brauchen nichts."
  matched: brauch* "brauchen" (4–12)

2 of 2 examples and 1 counterexample failed; 1 warning
`);
  });

  it('exits 0 when all pass, and prints JSON with --format json', async () => {
    const dir = await tempDir({ 'cb.yaml': PASSING });
    const r = await runCli(['codebook', 'check', 'cb.yaml'], dir);
    expect([r.code, r.stderr, r.stdout.split('\n').at(-2)]).toEqual([0, '', 'all 1 example and 1 counterexample passed']);
    const j = await runCli(['codebook', 'check', 'cb.yaml', '--format', 'json'], dir);
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout) as { file: string; valid: boolean; totals: unknown; categories: { path: string; passed: boolean }[] };
    expect([json.file, json.valid, json.totals, json.categories.map((c) => [c.path, c.passed])]).toEqual([
      'cb.yaml',
      true,
      { examples: 1, counterexamples: 1, passed: 2, failed: 0, warnings: 0 },
      [['bedarfe', true]],
    ]);
  });

  it('exits 2 for an invalid codebook, listing every problem with its position', async () => {
    const dir = await tempDir({ 'bad.yaml': 'codebook: X\ncategories:\n  - code: a\n    label: A\n    terms: ["a.b"]\n    rules:\n      - near: [x, y]\n' });
    const r = await runCli(['codebook', 'check', 'bad.yaml'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `bad.yaml:5:13: error: codebook.categories[1].terms[1] 'a.b' may hold only letters, digits, '-', "'", '*' and spaces\nbad.yaml:7:9: error: a 'near' rule needs 'within', the largest distance in tokens\n`,
    });
    expect(await runCli(['codebook', 'check', 'missing.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: 'missing.yaml: error: no such file or folder\n' });
  });

  it('checks the shipped default codebook when no file is given, and it passes', async () => {
    const r = await runCli(['codebook', 'check'], repo);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[0]).toBe('codebook: ISoG Fokusgruppe – Vernetzter Bildungsraum (codebooks/isog-fokusgruppe.yaml)');
    expect(r.stdout).toMatch(/\nall \d+ examples and \d+ counterexamples passed\n$/);
  });
});

describe('fokus codebook schema', () => {
  it('prints the shipped JSON Schema', async () => {
    const r = await runCli(['codebook', 'schema'], repo);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(await readFile(resolve(repo, 'schema/codebook.schema.json'), 'utf8'));
  });
});

describe('fokus codebook import', () => {
  it('writes the codebook to stdout, warnings and a summary to stderr', async () => {
    const dir = await tempDir();
    await copyFile(join(dictionaries, 'stimmung.lc3'), join(dir, 'stimmung.lc3'));
    const r = await runCli(['codebook', 'import', 'stimmung.lc3', '--name', 'Stimmung', '--language', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "stimmung.lc3:11:1: warning: entry ''ne katastrophe' of 'negativ' cannot be a term: ''ne' has a '-' or an apostrophe at its edge, which tokens never have; left out\n" +
        'fokus: 3 categories with 10 terms imported from stimmung.lc3 (1 warning)\n',
    );
    const schema = relative(dir, resolve(repo, 'schema/codebook.schema.json'));
    expect(r.stdout.split('\n').slice(0, 8)).toEqual([
      `# yaml-language-server: $schema=${schema}`,
      '#',
      '# Imported by fokus from stimmung.lc3 (Lexicoder dictionary).',
      '# Add a definition, anchor examples and counterexamples to each category,',
      '# then test them with: fokus codebook check <this file>',
      '',
      'codebook: Stimmung',
      'language: en',
    ]);
  });

  it('writes to -o with the schema path relative to it, and the result passes check', async () => {
    const dir = await tempDir();
    await copyFile(join(dictionaries, 'bildung.dic'), join(dir, 'bildung.dic'));
    const r = await runCli(['codebook', 'import', 'bildung.dic', '-o', 'out/bildung.yaml'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr.split('\n').at(-2)).toBe('fokus: 9 categories with 19 terms imported from bildung.dic (4 warnings); written to out/bildung.yaml');
    const written = await readFile(join(dir, 'out/bildung.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative(join(dir, 'out'), resolve(repo, 'schema/codebook.schema.json'))}`);
    const check = await runCli(['codebook', 'check', 'out/bildung.yaml'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe("out/bildung.yaml:55:5: warning: category 'zeit' has no terms, no rules and no subcategories: it can never be coded\n");
  });

  it('exits 2 for an unknown format, a missing file, or an output over the input', async () => {
    const dir = await tempDir({ 'words.txt': 'a\n', 'x.lc3': '+a\nb\n' });
    expect(await runCli(['codebook', 'import', 'words.txt'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: "words.txt: error: cannot tell the dictionary format from '.txt' (known: .dic, .yml, .yaml, .cat, .lc3); name it with --from\n",
    });
    expect((await runCli(['codebook', 'import', 'words.txt', '--from', 'lexicoder'], dir)).stderr).toBe(
      "words.txt: error: the dictionary has no categories\nwords.txt:1:1: warning: entry 'a' stands before any '+category' line: left out\n",
    );
    expect(await runCli(['codebook', 'import', 'nope.dic'], dir)).toEqual({ code: 2, stdout: '', stderr: 'nope.dic: error: no such file\n' });
    const over = await runCli(['codebook', 'import', 'x.lc3', '-o', 'x.lc3'], dir);
    expect([over.code, over.stderr]).toEqual([2, `${join(dir, 'x.lc3')}: error: refusing to write over an input file\n`]);
    expect(await readFile(join(dir, 'x.lc3'), 'utf8')).toBe('+a\nb\n');
  });
});

describe('fokus codebook export', () => {
  it('writes a .qdc that validates against the REFI-QDA schema, byte-identical on re-export', async () => {
    const dir = await tempDir({ 'cb.yaml': PASSING });
    const r = await runCli(['codebook', 'export', 'cb.yaml', '--qdc', 'cb.qdc'], dir);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'fokus: 1 code written to cb.qdc\n' });
    const first = await readFile(join(dir, 'cb.qdc'), 'utf8');
    expect(first.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="fokus ${VERSION}">`,
      '  <Codes>',
      `    <Code guid="${codeGuid('Mini', 'bedarfe')}" name="Bedarfe" isCodable="true">`,
    ]);
    await runCli(['codebook', 'export', 'cb.yaml', '--qdc', 'cb.qdc'], dir);
    expect(await readFile(join(dir, 'cb.qdc'), 'utf8')).toBe(first);
    expect(await xsdErrors(first, 'cb.qdc', 'Codebook')).toBe('');
  });

  it('exports the shipped codebook by default and needs --qdc', async () => {
    const dir = await tempDir();
    const r = await runCli(['codebook', 'export', '--qdc', join(dir, 'isog.qdc')], repo);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^fokus: \d+ codes written to .*isog\.qdc\n$/);
    const missing = await runCli(['codebook', 'export', 'cb.yaml'], dir);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, "error: required option '--qdc <out>' not specified"]);
  });

  it('exits 2 for an invalid codebook or one without categories, and writes nothing', async () => {
    const dir = await tempDir({ 'bad.yaml': 'codebook: X\n', 'empty.yaml': 'codebook: X\ncategories: []\n' });
    expect(await runCli(['codebook', 'export', 'bad.yaml', '--qdc', 'x.qdc'], dir)).toEqual({ code: 2, stdout: '', stderr: "bad.yaml:1:1: error: codebook is missing 'categories'\n" });
    expect(await runCli(['codebook', 'export', 'empty.yaml', '--qdc', 'x.qdc'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'empty.yaml:2:13: error: the codebook has no categories: codebook.categories must list at least one category\n',
    });
    await expect(readFile(join(dir, 'x.qdc'))).rejects.toThrow('ENOENT');
    await writeFile(join(dir, 'ok.yaml'), PASSING);
    expect(await runCli(['codebook', 'export', 'ok.yaml', '--qdc', '.'], dir)).toEqual({ code: 2, stdout: '', stderr: '.: error: is a folder; name the file to write\n' });
  });
});
