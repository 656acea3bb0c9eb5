import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCodebookYaml, slugify } from '../../../src/codebook/import/build.js';
import { newCategory } from '../../../src/codebook/import/dictionary.js';
import { importDictionary, MAX_IMPORT_DEPTH, type ImportOptions } from '../../../src/codebook/import/index.js';
import { parseLiwc } from '../../../src/codebook/import/liwc.js';
import { convertEntry as convert } from '../../../src/codebook/import/term.js';
import { english } from '../../../src/lang/catalogue.js';
import { parseCodebook } from '../../../src/codebook/parse.js';
import { formatProblem } from '../../../src/problems.js';

/** `convertEntry` with its note or reason in English (the importer gives catalogue keys). */
function convertEntry(entry: string): { term: string | null; note?: string; reason?: string } {
  const c = convert(entry);
  if (c.term === null) return { term: null, reason: english(c.reason) };
  return c.note ? { term: c.term, note: english(c.note) } : { term: c.term };
}

const dir = resolve(import.meta.dirname, '../../fixtures/dictionaries');
const run = (name: string, options: ImportOptions = {}) => {
  const r = importDictionary(readFileSync(resolve(dir, name), 'utf8'), name, { schema: 'codebook.schema.json', ...options });
  return { ...r, messages: r.problems.map(formatProblem) };
};
const HEADER = (file: string, format: string): string => `# yaml-language-server: $schema=codebook.schema.json
#
# Imported by fokus from ${file} (${format}).
# Add a definition, anchor examples and counterexamples to each category,
# then test them with: fokus codebook check <this file>

`;

/** The imported YAML must load as a codebook without any problem. */
function expectLoads(yaml: string | null): void {
  expect(yaml).not.toBeNull();
  const parsed = parseCodebook(yaml!, 'imported.yaml');
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  expect(parsed.codebook).not.toBeNull();
}

describe('importDictionary: LIWC .dic', () => {
  it('keeps nested LIWC2015 categories, puts each word in its deepest category, and reports what it cannot express', () => {
    const r = run('bildung.dic');
    expect(r.format).toBe('liwc');
    expect([r.categories, r.terms]).toEqual([9, 19]);
    expect(r.messages).toEqual([
      "bildung.dic:10:1: warning: category 'zeit' has no usable entries; it is kept empty (add terms or remove it)",
      `bildung.dic:28:1: warning: entry ':)' of 'emotion/posemo' cannot be a term: it holds ':', ')', which a term cannot have (letters, digits, '-', "'", '*' and spaces only); left out`,
      "bildung.dic:29:1: warning: entry 'mag' has conditional category codes '(12 20)11/12', which a term cannot express: only its plain category numbers are kept",
      "bildung.dic:30:1: warning: entry 'nett' names category number 99, which the header does not define: ignored for this entry",
    ]);
    expect(r.yaml).toBe(`${HEADER('bildung.dic', 'LIWC dictionary')}codebook: bildung
language: de
categories:
  - code: bildung
    label: Bildungsorte
    terms:
      - bildung*
    categories:
      - code: schule
        label: Schule
        terms:
          - schul*
          - grundschule
          - lehrer*
      - code: kita
        label: Frühe Bildung
        terms:
          - kita*
          - kindergarten*
          - erzieher*
  - code: emotion
    label: Emotionen
    categories:
      - code: posemo
        label: Positive Emotionen
        terms:
          - freu*
          - toll
          - gut so
          - mag
      - code: negemo
        label: Negative Emotionen
        terms:
          - ärger*
        categories:
          - code: angst
            label: Angst und Sorge
            terms:
              - sorge*
              - angst*
              - befürcht*
  - code: sozial
    label: Soziale Bezüge
    terms:
      - lehrer*
      - erzieher*
      - eltern
      - familie*
  - code: zeit
    label: zeit
`);
    expectLoads(r.yaml);
  });

  it('reads parent numbers in the header, entries separated by spaces, and multi-word entries', () => {
    const d = parseLiwc('%\n1 funct (Function words)\n2 pronoun 1\n3 ppron 2\n4 i 3\n5 odd 9\n%\nich 1 2 3 4\nkind of 1\n<of>ten 1\n', 'x.dic');
    expect(d.problems.map(formatProblem)).toEqual([
      'x.dic:6:1: warning: parent category number 9 is not defined: category 5 stays at the top level',
      "x.dic:10:1: warning: entry '<of>ten' holds a LIWC tag such as <of>, which a term cannot express: left out",
    ]);
    const shape = (c: ReturnType<typeof newCategory>): unknown => [c.name, c.label, c.entries.map((e) => e.text), c.children.map(shape)];
    expect(d.categories.map(shape)).toEqual([
      ['funct', 'Function words', ['kind of'], [['pronoun', 'pronoun', [], [['ppron', 'ppron', [], [['i', 'i', ['ich'], []]]]]]]],
      ['odd', 'odd', [], []],
    ]);
  });

  it('refuses a file without the % header, or with a header never closed', () => {
    expect(importDictionary('a 1\n', 'x.dic').problems.map(formatProblem)).toEqual(["x.dic:1:1: error: not a LIWC dictionary: the first line must be '%'"]);
    const open = importDictionary('\n%\n1 a\nword 1\n', 'x.dic');
    expect([open.yaml, open.problems.map(formatProblem)]).toEqual([
      null,
      ["x.dic:2:1: error: the header that starts with '%' is never closed by a second '%' line", "x.dic:4:1: warning: header line 'word 1' is not 'NUMBER NAME': left out"],
    ]);
  });
});

describe('importDictionary: quanteda YAML', () => {
  it('keeps nested keys (own entries under __), globs and multi-word entries', () => {
    const r = run('vernetzung.yml');
    expect(r.format).toBe('quanteda');
    expect(r.messages).toEqual([
      "vernetzung.yml:16:5: warning: entry 'fehlt?' of 'herausforderung': '?' (one character) is widened to '*' (any run of letters)",
      `vernetzung.yml:18:5: warning: entry 'e-mail@verteiler' of 'herausforderung' cannot be a term: it holds '@', which a term cannot have (letters, digits, '-', "'", '*' and spaces only); left out`,
      `vernetzung.yml:19:5: warning: entry 'k.o.' of 'herausforderung' cannot be a term: it holds '.', which a term cannot have (letters, digits, '-', "'", '*' and spaces only); left out`,
      "vernetzung.yml:21:1: warning: category 'ohne_eintraege' has no usable entries; it is kept empty (add terms or remove it)",
    ]);
    expect(r.yaml).toBe(`${HEADER('vernetzung.yml', 'quanteda YAML dictionary')}codebook: vernetzung
language: de
categories:
  - code: vernetzung
    label: vernetzung
    terms:
      - austausch*
    categories:
      - code: kooperation
        label: kooperation
        terms:
          - kooperation*
          - zusammenarbeit*
          - gemeinsam* projekt*
      - code: netzwerk
        label: netzwerk
        terms:
          - netzwerk*
          - vernetz*
          - runder tisch
  - code: herausforderung
    label: herausforderung
    terms:
      - problem*
      - schwierig*
      - fehlt*
  - code: finanzierung
    label: finanzierung
    terms:
      - förder*
  - code: ohne_eintraege
    label: ohne_eintraege
`);
    expectLoads(r.yaml);
  });

  it('reports YAML syntax errors and a document that is not a mapping', () => {
    expect(importDictionary('a: [b\n', 'x.yml').problems.map((p) => [p.severity, p.ruleId])).toEqual([['error', 'import/yaml']]);
    expect(importDictionary('- a\n- b\n', 'x.yml').problems.map(formatProblem)).toEqual([
      'x.yml:1:1: error: not a quanteda dictionary: the YAML must be a mapping of keys to entries',
    ]);
  });
});

describe('importDictionary: blank keys and deep nesting are problems, not crashes', () => {
  const text = (yaml: string, file: string) => {
    const r = importDictionary(yaml, file);
    return { yaml: r.yaml, messages: r.problems.map(formatProblem) };
  };

  it('refuses a blank quanteda key (empty, spaces only, or null), at top level and inside a key', () => {
    expect(text('"": [a, b]\nok: [c]\n', 'q.yml')).toEqual({ yaml: null, messages: ['q.yml:1:1: error: a key is blank: every key of a quanteda dictionary names a category'] });
    expect(text('? \n: [a]\n', 'q.yml').messages).toEqual(['q.yml:1:3: error: a key is blank: every key of a quanteda dictionary names a category']);
    expect(text('x:\n  "  ": [y]\n', 'q.yml').messages).toEqual(["q.yml:2:3: error: a key is blank (inside 'x'): every key of a quanteda dictionary names a category"]);
  });

  it('refuses a WordStat file nested 500 deep at the first category below the limit, and imports one 32 deep', () => {
    const nested = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'\t'.repeat(i)}K${i}\n`).join('') + `${'\t'.repeat(depth)}WORT (1)\n`;
    expect(text(nested(500), 'deep.cat')).toEqual({
      yaml: null,
      messages: [`deep.cat:33:33: error: category 'K32' is nested 33 levels deep; an imported dictionary may nest at most ${MAX_IMPORT_DEPTH}`],
    });
    const ok = importDictionary(nested(MAX_IMPORT_DEPTH), 'ok.cat');
    expect([ok.problems, ok.categories, ok.terms]).toEqual([[], 32, 1]);
    expectLoads(ok.yaml);
  });

  it('refuses a quanteda file nested 500 deep, in block or flow style', () => {
    const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + `${' '.repeat(500)}- wort\n`;
    expect(text(block, 'deep.yml').messages).toEqual([`deep.yml:33:33: error: category 'k32' is nested 33 levels deep; an imported dictionary may nest at most ${MAX_IMPORT_DEPTH}`]);
    const flow = `a: ${'{b: '.repeat(500)}[x]${'}'.repeat(500)}\n`;
    expect(text(flow, 'flow.yml').messages).toEqual([`flow.yml:1:129: error: category 'b' is nested 33 levels deep; an imported dictionary may nest at most ${MAX_IMPORT_DEPTH}`]);
  });
});

describe('importDictionary: WordStat .cat', () => {
  it('nests by indentation, turns _ into spaces and reports weights other than 1', () => {
    const r = run('ganztag.cat', { name: 'Ganztag (WordStat)', language: 'de' });
    expect(r.format).toBe('wordstat');
    expect(r.messages).toEqual([
      "ganztag.cat:10:3: warning: entry 'SPORT*' has weight 2; a codebook has no weights, it counts once",
      "ganztag.cat:15:2: warning: entry 'AUSHILFE?' of 'personal': '?' (one character) is widened to '*' (any run of letters)",
    ]);
    expect(r.yaml).toBe(`${HEADER('ganztag.cat', 'WordStat dictionary')}codebook: Ganztag (WordStat)
language: de
categories:
  - code: ganztag
    label: GANZTAG
    categories:
      - code: betreuung
        label: BETREUUNG
        terms:
          - betreuung*
          - hausaufgaben*
          - mittagessen
      - code: angebote
        label: ANGEBOTE
        terms:
          - ag
          - arbeitsgemeinschaft*
          - offenes angebot
          - sport*
  - code: personal
    label: PERSONAL
    terms:
      - fachkräfte*
      - erzieher*
      - personal*
      - aushilfe*
`);
    expectLoads(r.yaml);
  });

  it('indents with spaces as well and leaves out entries before any category', () => {
    const r = importDictionary('LOST (1)\nA\n  B\n    WORT (1)\n  C (1)\n', 'x.cat');
    expect(r.problems.map(formatProblem)).toEqual(["x.cat:1:1: warning: entry 'LOST' stands before any category: left out"]);
    expect(r.yaml!.split('\n\n')[1]).toBe('codebook: x\nlanguage: de\ncategories:\n  - code: a\n    label: A\n    terms:\n      - c\n    categories:\n      - code: b\n        label: B\n        terms:\n          - wort\n');
  });
});

describe('importDictionary: Lexicoder .lc3', () => {
  it('reads +category lines, drops the colour suffix and keeps phrases', () => {
    const r = run('stimmung.lc3', { language: 'en', schema: undefined });
    expect(r.format).toBe('lexicoder');
    expect(r.messages).toEqual([
      "stimmung.lc3:11:1: warning: entry ''ne katastrophe' of 'negativ' cannot be a term: ''ne' has a '-' or an apostrophe at its edge, which tokens never have; left out",
    ]);
    expect(r.yaml).toBe(`# Imported by fokus from stimmung.lc3 (Lexicoder dictionary).
# Add a definition, anchor examples and counterexamples to each category,
# then test them with: fokus codebook check <this file>

codebook: stimmung
language: en
categories:
  - code: positiv
    label: positiv
    terms:
      - gut*
      - hilfreich*
      - gelungen*
      - wertschätz*
  - code: negativ
    label: negativ
    terms:
      - schlecht*
      - schwierig*
      - zu wenig
      - überlast*
  - code: neg_positiv
    label: neg_positiv
    terms:
      - nicht gut*
      - kein* erfolg*
`);
    expectLoads(r.yaml);
  });

  it('leaves out entries before the first category and under a nameless one', () => {
    const r = importDictionary('frei\n+\nweg\n+ok #123\nja\n', 'x.lc3');
    expect(r.problems.map(formatProblem)).toEqual([
      "x.lc3:1:1: warning: entry 'frei' stands before any '+category' line: left out",
      "x.lc3:2:1: warning: a '+' line without a category name: its entries are left out",
    ]);
    expect(r.yaml!.split('\n\n')[1]).toBe('codebook: x\nlanguage: de\ncategories:\n  - code: ok\n    label: ok\n    terms:\n      - ja\n');
  });
});

describe('importDictionary: formats', () => {
  it('needs a known extension or --from', () => {
    expect(importDictionary('x', 'a.txt').problems.map(formatProblem)).toEqual([
      "a.txt: error: cannot tell the dictionary format from '.txt' (known: .dic, .yml, .yaml, .cat, .lc3); name it with --from",
    ]);
    expect(importDictionary('+a\nb\n', 'a.txt', { format: 'lexicoder' }).format).toBe('lexicoder');
    expect(importDictionary('', 'a.lc3').problems.map(formatProblem)).toEqual(['a.lc3: error: the dictionary has no categories']);
  });
});

describe('slugify and convertEntry', () => {
  it('makes codes in the code syntax', () => {
    expect(['Positive Emotionen', 'Äußerung', '+STATE+', 'Café', '__x', '!!!', 'a.b_c', 'ECONOMY'].map(slugify)).toEqual([
      'positive-emotionen',
      'aeusserung',
      'state',
      'cafe',
      'x',
      'category',
      'a-b_c',
      'economy',
    ]);
  });

  it('keeps codes unique among siblings', () => {
    const cats = ['A b', 'a-b', 'A:B'].map((n, i) => newCategory(n, i + 1, 1));
    for (const c of cats) c.entries.push({ text: 'x', line: c.line, column: 1 });
    const built = buildCodebookYaml(cats, 'f', { name: 'N', language: 'de', format: 'quanteda', source: 'f' });
    expect(built.yaml.match(/code: \S+/g)).toEqual(['code: a-b', 'code: a-b-2', 'code: a-b-3']);
    expectLoads(built.yaml);
  });

  it('converts entries to terms or says why it cannot', () => {
    expect(convertEntry('  Kita-Leitung ')).toEqual({ term: 'kita-leitung' });
    expect(convertEntry('abandon**')).toEqual({ term: 'abandon*' });
    expect(convertEntry("no man's  land")).toEqual({ term: "no man's land" });
    expect(convertEntry('geht’s')).toEqual({ term: "geht's" });
    expect(convertEntry('2024')).toEqual({ term: '2024' });
    expect(convertEntry('wom?n')).toEqual({ term: 'wom*n', note: "'?' (one character) is widened to '*' (any run of letters)" });
    expect(convertEntry('* *')).toEqual({ term: null, reason: 'it has no letters' });
    expect(convertEntry('co--op')).toEqual({ term: null, reason: `'co--op' has two of '-' and "'" in a row, which never occurs inside one token` });
    expect(convertEntry('self-')).toEqual({ term: null, reason: "'self-' has a '-' or an apostrophe at its edge, which tokens never have" });
    expect(convertEntry('   ')).toEqual({ term: null, reason: 'it is empty' });
  });
});
