import { readFile, readdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codebookJsonSchema, renderCodebookJsonSchema } from '../../src/codebook/schema.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { CODE_PATTERN, CODEBOOK_TERM_PATTERN } from '../../src/codebook/shape.js';
import { validateJson } from './json-schema-subset.js';

const repo = resolve(import.meta.dirname, '../..');
const shipped = resolve(repo, 'schema/codebook.schema.json');
const schema = codebookJsonSchema();
const errorsOf = (yaml: string): string[] => validateJson(parse(yaml), schema);

describe('codebookJsonSchema', () => {
  it('declares draft 2020-12 and describes the top level from the shape', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('fokus codebook');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['codebook', 'categories']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual(['codebook', 'version', 'language', 'unit', 'match', 'moderators', 'sets', 'categories', 'perspectives']);
    const props = schema.properties as Record<string, unknown>;
    expect(props.language).toEqual({ description: 'Tokenizer, stop words and stemmer (default de).', type: 'string', enum: ['de', 'en'] });
    expect(props.categories).toEqual({ description: 'The top-level categories.', type: 'array', items: { $ref: '#/$defs/category' } });
    const match = props.match as { description: string; properties: Record<string, { type: string; enum?: string[] }> };
    expect(match.description).toBe('Matching options: defaults for every category, and how compounds are split.');
    expect(Object.keys(match.properties)).toEqual(['fold', 'stem', 'lemma', 'negation', 'questions', 'compounds']);
    expect(match.properties.fold).toEqual({ description: 'ä=ae, ö=oe, ü=ue, ß=ss when matching (default true).', type: 'boolean' });
    expect(match.properties.compounds!.enum).toEqual(['parts', 'head']);
  });

  it('has recursive $defs for category and rule, with oneOf for the rule kinds', () => {
    const defs = schema.$defs as Record<string, Record<string, unknown>>;
    expect(Object.keys(defs)).toEqual(['category', 'rule']);
    const category = defs.category!;
    expect(category.required).toEqual(['code', 'label']);
    expect(category.additionalProperties).toBe(false);
    const cprops = category.properties as Record<string, Record<string, unknown>>;
    expect(cprops.code).toEqual({ description: "Id: lowercase letters, digits, '-', '_'; unique among siblings.", type: 'string', pattern: CODE_PATTERN });
    expect(cprops.categories).toEqual({ description: 'Subcategories, same shape.', type: 'array', items: { $ref: '#/$defs/category' } });
    expect(cprops.rules).toEqual({ description: 'Each rule matching codes the unit.', type: 'array', items: { $ref: '#/$defs/rule' } });
    expect((cprops.terms!.items as Record<string, unknown>).pattern).toBe(CODEBOOK_TERM_PATTERN);
    const rule = defs.rule!;
    expect(rule.oneOf).toEqual([{ required: ['all'] }, { required: ['any'] }, { required: ['near'] }, { required: ['regex'] }]);
    expect((rule.properties as Record<string, unknown>).within).toEqual({
      description: 'Largest distance in tokens for `near` (adjacent words are 1 apart), at most 10000.',
      type: 'integer',
      minimum: 1,
      maximum: 10000,
    });
  });

  it('is shipped as schema/codebook.schema.json, byte for byte (UPDATE_SCHEMA=1 rewrites it)', async () => {
    const generated = renderCodebookJsonSchema();
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(shipped, generated);
    expect(await readFile(shipped, 'utf8')).toBe(generated);
  });

  it('is named in the first line of every shipped codebook', async () => {
    const dir = resolve(repo, 'codebooks');
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const first = (await readFile(resolve(dir, f), 'utf8')).split('\n')[0];
      expect([f, first]).toEqual([f, '# yaml-language-server: $schema=../schema/codebook.schema.json']);
    }
  });

  it('accepts the shipped default codebook and a full example, as the loader does', async () => {
    const text = await readFile(resolve(repo, 'codebooks/isog-fokusgruppe.yaml'), 'utf8');
    expect(parseCodebook(text, 'x').problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(errorsOf(text)).toEqual([]);
    expect(
      errorsOf(`codebook: T
version: "1"
language: en
unit: sentence
match: {fold: false, stem: true}
moderators: [I]
categories:
  - code: a-1
    label: A
    definition: x
    examples: [y]
    counterexamples: [z]
    terms: [brauch*, "es fehlt", "*netz*", "geht's"]
    rules:
      - all: [mehr, personal*]
      - near: [a, b]
        within: 3
      - regex: 'x'
        not: [y]
    exclude: [kein*]
    match: {stem: false}
    categories:
      - code: b
        label: B
perspectives:
  - code: p
    label: P
    description: d
    when: {all: [a-1], any: [], none: [a-1/b]}
    scope: transcript
    min_support: 2
`),
    ).toEqual([]);
  });

  it('rejects what the loader rejects: unknown keys, bad codes and terms, wrong enums, two rule kinds', () => {
    expect(
      errorsOf(`codebook: T
langauge: de
unit: paragraph
categories:
  - code: Bedarfe
    label: B
    lable: typo
    terms: ["a.b", ""]
    rules:
      - {all: [a], any: [b]}
      - {within: 0}
`),
    ).toEqual([
      '$: unknown key langauge',
      '$.unit: not one of turn, sentence',
      '$.categories[0].code: does not match ^[a-z0-9][a-z0-9_-]*$',
      '$.categories[0]: unknown key lable',
      `$.categories[0].terms[0]: does not match ${CODEBOOK_TERM_PATTERN}`,
      '$.categories[0].terms[1]: too short',
      `$.categories[0].terms[1]: does not match ${CODEBOOK_TERM_PATTERN}`,
      '$.categories[0].rules[0]: matches 2 of oneOf',
      '$.categories[0].rules[1].within: below 1',
      '$.categories[0].rules[1]: matches 0 of oneOf',
    ]);
    expect(errorsOf('codebook: T\n')).toEqual(['$: missing categories']);
    expect(errorsOf('codebook: T\ncategories: [{code: a}]\n')).toEqual(['$.categories[0]: missing label']);
  });
});
