import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { addToCodebook, explicitNegationPaths, type Addition } from '../../src/learn/edit.js';

const C = 'learned: +3 tp/+0 fp, F1 +0.125 (held-out)';
const add = (category: string, kind: Addition['kind'], terms: string[], within?: number): Addition => ({ category, kind, terms, comment: C, ...(within !== undefined ? { within } : {}) });

const BOOK = `# Kopf: bleibt
codebook: Test
match: {fold: true}
categories:
  # Kommentar über der Kategorie
  - code: a
    label: A
    definition: >
      Ein langer gefalteter Text,
      der so bleiben muss.
    terms:
      - eins   # eigener Kommentar
      - "*zwei"
    # Unterkategorien
    categories:
      - code: b
        label: B
        terms: [x, y]  # flow mit Kommentar
  - code: c
    label: C
    match:
      fold: false
    exclude: [k]
`;

describe('addToCodebook: learned items written into the YAML text, the rest unchanged', () => {
  it('appends to a block list, each item with its comment; quotes what YAML needs quoted', () => {
    const out = addToCodebook(BOOK, [add('a', 'term', ['drei']), add('a', 'compound', ['*vertrag'])]);
    expect(out).toBe(BOOK.replace('      - "*zwei"\n', `      - "*zwei"\n      - drei  # ${C}\n      - "*vertrag"  # ${C}\n`));
  });

  it('rewrites a flow list as a block list, its comment kept on the key line', () => {
    const out = addToCodebook(BOOK, [add('a/b', 'phrase', ['runder tisch'])]);
    expect(out).toBe(BOOK.replace('        terms: [x, y]  # flow mit Kommentar\n', `        terms:  # flow mit Kommentar\n          - x\n          - y\n          - runder tisch  # ${C}\n`));
  });

  it('adds missing keys in key order: match before terms, rules and exclude before the subcategories (above their comment)', () => {
    const out = addToCodebook(BOOK, [add('a', 'exclude', ['anfahrt']), add('a', 'near', ['schule', 'kita'], 5), add('a', 'negation', [])]);
    expect(out).toBe(
      BOOK.replace('    terms:\n      - eins', `    match: {negation: true}  # ${C}\n    terms:\n      - eins`).replace(
        '    # Unterkategorien\n',
        [
          '    rules:',
          `      - near: [schule, kita]  # ${C}`,
          '        within: 5',
          '        scope: sentence',
          '    exclude:',
          `      - anfahrt  # ${C}`,
          '    # Unterkategorien',
          '',
        ].join('\n'),
      ),
    );
  });

  it('adds negation to an existing match mapping (block) and items to a flow exclude list at the end of the file', () => {
    const out = addToCodebook(BOOK, [add('c', 'negation', []), add('c', 'exclude', ['kein problem'])]);
    expect(out).toBe(BOOK.replace('      fold: false\n    exclude: [k]\n', `      fold: false\n      negation: true  # ${C}\n    exclude:\n      - k\n      - kein problem  # ${C}\n`));
  });

  it('makes `negation: false` true, and adds to a flow match mapping', () => {
    const book = 'codebook: T\ncategories:\n  - code: a\n    label: A\n    match: {negation: false}\n    terms: [x]\n  - code: b\n    label: B\n    match: {fold: true}\n    terms: [y]\n';
    const out = addToCodebook(book, [add('a', 'negation', []), add('b', 'negation', [])]);
    expect(out).toBe(
      'codebook: T\ncategories:\n  - code: a\n    label: A\n' +
        `    match: {negation: true}  # ${C}\n    terms: [x]\n  - code: b\n    label: B\n` +
        `    match: {fold: true, negation: true}  # ${C}\n    terms: [y]\n`,
    );
  });

  it('gives YAML that loads, with the added terms, rules and excludes in place', () => {
    const out = addToCodebook(BOOK, [add('a', 'term', ['drei']), add('a/b', 'near', ['p', 'q'], 4), add('c', 'exclude', ['z']), add('c', 'negation', [])]);
    const { codebook, problems } = parseCodebook(out, 'x.yaml');
    expect(problems).toEqual([]);
    const [a, c] = codebook!.categories;
    expect(a!.terms.map((t) => t.text)).toEqual(['eins', '*zwei', 'drei']);
    expect(a!.categories[0]!.rules).toMatchObject([{ kind: 'near', within: 4, scope: 'sentence', terms: [{ text: 'p' }, { text: 'q' }] }]);
    expect(c!.exclude.map((t) => t.text)).toEqual(['k', 'z']);
    expect(c!.match.negation).toBe(true);
    expect(c!.match.fold).toBe(false);
  });

  it('keeps CRLF line ends', () => {
    const book = BOOK.replace(/\n/g, '\r\n');
    expect(addToCodebook(book, [add('a', 'term', ['drei'])])).toBe(addToCodebook(BOOK, [add('a', 'term', ['drei'])]).replace(/\n/g, '\r\n'));
  });

  it('knows which categories set negation themselves', () => {
    const book = 'codebook: T\ncategories:\n  - code: a\n    label: A\n    match: {negation: false}\n    categories:\n      - code: b\n        label: B\n        match: {negation: true}\n      - code: c\n        label: C\n';
    expect([...explicitNegationPaths(book)]).toEqual(['a', 'a/b']);
  });
});
