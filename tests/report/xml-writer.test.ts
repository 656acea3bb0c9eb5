/**
 * The XML writer (src/report/xml-writer.ts) and a characterisation of the REFI-QDA files written
 * through it: the project XML and the codebook of the samples and of a transcript full of characters
 * XML must escape or cannot hold are pinned byte for byte in tests/fixtures/render/refi-qda/.
 * Run with UPDATE_GOLDEN=1 to rewrite those files after a deliberate change.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeInputs } from '../../src/analyze.js';
import { renderQdc } from '../../src/exchange/refi-qda/codebook.js';
import { renderQdpxProject } from '../../src/exchange/refi-qda/write.js';
import { escapeXmlAttribute, escapeXmlText, optionalElement, serializeXmlDocument, xmlElement } from '../../src/report/xml-writer.js';
import type { Codebook, CodedUnit } from '../../src/types.js';
import { codebookFrom } from '../helpers.js';
import { xsdErrors } from '../refi-qda.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures/render/refi-qda');
const update = process.env.UPDATE_GOLDEN === '1';

/** Compare a rendered file with its pinned bytes (or rewrite them with UPDATE_GOLDEN=1). */
async function expectPinned(name: string, actual: string): Promise<void> {
  const path = resolve(fixtures, name);
  if (update) await writeFile(path, actual, 'utf8');
  const pinned = await readFile(path);
  expect(actual).toBe(pinned.toString('utf8'));
  expect(Buffer.compare(Buffer.from(actual, 'utf8'), pinned)).toBe(0);
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

describe('escapeXmlText', () => {
  it('writes &, <, > and \\r as references and keeps quotes, tabs, line breaks and non-BMP characters', () => {
    expect(escapeXmlText('a & b < c > d "e" \'f\'\tg\nh\r\ni 😀 𝔘')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'\tg\nh&#13;\ni 😀 𝔘');
  });

  it('escapes an ampersand that already looks like a reference', () => {
    expect(escapeXmlText('&amp; &#13;')).toBe('&amp;amp; &amp;#13;');
  });

  it('drops what XML 1.0 cannot hold: control characters, U+FFFE, U+FFFF and lone surrogates', () => {
    expect(escapeXmlText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh\uFFFEi\uFFFFj')).toBe('abcdefghij');
    expect(escapeXmlText('x\uD800y\uDC00z\uDBFF')).toBe('xyz');
    expect(escapeXmlText('\uD83D\uDE00\uD800\uD83D\uDE00')).toBe('😀😀');
    expect(escapeXmlText('\u0001\u0002')).toBe('');
  });
});

describe('escapeXmlAttribute', () => {
  it('writes the quote, \\n, \\t and \\r as references on top of the text references', () => {
    expect(escapeXmlAttribute('a & b < c > d "e" \'f\'\tg\nh\r\ni 😀')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; \'f\'&#9;g&#10;h&#13;&#10;i 😀');
  });

  it('drops what XML 1.0 cannot hold', () => {
    expect(escapeXmlAttribute('a\u0001b\uFFFEc\uDC00d')).toBe('abcd');
  });
});

describe('serializeXmlDocument', () => {
  it('writes the declaration, a self-closing root and a final line break', () => {
    expect(serializeXmlDocument(xmlElement('A'))).toBe(`${DECLARATION}<A/>\n`);
  });

  it('writes attributes in the order given, numbers in decimal, values escaped', () => {
    const root = xmlElement('A', { z: 'last? no: first', a: 2, m: '<"&">\n' });
    expect(serializeXmlDocument(root)).toBe(`${DECLARATION}<A z="last? no: first" a="2" m="&lt;&quot;&amp;&quot;&gt;&#10;"/>\n`);
  });

  it('indents element children by two spaces per level', () => {
    const root = xmlElement('A', { x: '1' }, [xmlElement('B', {}, [xmlElement('C', { y: 'z' }), xmlElement('D')]), xmlElement('E')]);
    expect(serializeXmlDocument(root)).toBe(`${DECLARATION}<A x="1">\n  <B>\n    <C y="z"/>\n    <D/>\n  </B>\n  <E/>\n</A>\n`);
  });

  it('writes an element with text on one line and adds no whitespace to the text', () => {
    const root = xmlElement('A', {}, [xmlElement('B', {}, [xmlElement('T', { n: '1' }, ['eins\n  zwei & <drei>\r\n'])])]);
    expect(serializeXmlDocument(root)).toBe(`${DECLARATION}<A>\n  <B>\n    <T n="1">eins\n  zwei &amp; &lt;drei&gt;&#13;\n</T>\n  </B>\n</A>\n`);
  });

  it('writes empty text as an open and a close tag, not as a self-closing element', () => {
    expect(serializeXmlDocument(xmlElement('A', {}, [xmlElement('T', {}, ['']), xmlElement('U', {}, ['\u0001'])]))).toBe(`${DECLARATION}<A>\n  <T></T>\n  <U></U>\n</A>\n`);
  });

  it('writes mixed content on one line as it is', () => {
    const root = xmlElement('A', {}, [xmlElement('P', {}, ['a ', xmlElement('B', {}, ['b']), xmlElement('C'), ' & c'])]);
    expect(serializeXmlDocument(root)).toBe(`${DECLARATION}<A>\n  <P>a <B>b</B><C/> &amp; c</P>\n</A>\n`);
  });
});

describe('optionalElement', () => {
  it('gives the element when it has children and nothing when it has none', () => {
    expect(optionalElement('S', [])).toEqual([]);
    expect(optionalElement('S', ['x'])).toEqual([xmlElement('S', {}, ['x'])]);
  });
});

/** Options with a fixed origin: the pinned bytes must not change with every release. */
const ORIGIN = 'fokus 0.0.0-pinned';

/** Coding the three sample transcripts takes a while on a busy machine. */
const SLOW = 120_000;

/**
 * A codebook and a transcript full of what XML must escape or cannot hold: markup characters and
 * quotes, `\r`, tabs and line breaks in attributes, control characters, U+FFFE, a lone surrogate
 * and characters outside the Basic Multilingual Plane.
 */
function specialCodebook(): Codebook {
  const codebook = structuredClone(
    codebookFrom(`codebook: Sonder & <Zeichen>
version: "1.0"
categories:
  - code: a
    label: A
    definition: D
    examples: [x]
    counterexamples: [y]
    terms: [brauch*]
    categories:
      - code: b
        label: B
        terms: [netz*]
      - code: leer
        label: Leer
        terms: [leer*]
  - code: c
    label: C
    definition: D
    terms: [zeit*]
perspectives:
  - code: p
    label: P
    description: Q
    when: {all: [a/b], any: [c], none: []}
  - code: q
    label: Q
    when: {all: [c], any: [], none: []}
`),
  );
  const [a, c] = codebook.categories;
  a!.label = 'Bedarfe & "Wünsche" <neu> \'ok\'\tTab\r\nZeile\u0001\u000B\u001F\uFFFE\uD800 😀';
  a!.definition = 'Was fehlt: A & B < C > D "E" \'F\'\r\nzweite Zeile\r\n  eingerückt\u0000\u0008 𝔘𝔫𝔦\uDC00';
  a!.examples = ['Wir\r\nbrauchen <mehr> & "mehr"  ', '👋🏽 Hallo'];
  a!.counterexamples = ['Nie\u0007mals'];
  a!.categories[0]!.label = 'Netz\r';
  c!.definition = '\u0001\u0002';
  codebook.perspectives[0]!.label = 'Perspektive "P" & <Q>\n\tneu';
  codebook.perspectives[0]!.description = 'Beschreibung\r\nmit & und <>\u0003';
  return codebook;
}

const base = { moderator: false, line: 1, codings: [] as CodedUnit['codings'] };
const TRANSCRIPT = 'Gruppe & "Eins" <1>\r\t😀.txt';
const SPECIAL_UNITS: CodedUnit[] = [
  { ...base, transcript: TRANSCRIPT, segment: 1, turn: 1, speaker: 'I', moderator: true, text: 'Hallo\r\n👋🏽 <alle> & "ihr"\u0001', attributes: { rolle: 'Moderation & "Leitung"\r\n\u0002' } },
  {
    ...base,
    transcript: TRANSCRIPT,
    segment: 2,
    turn: 2,
    speaker: 'B1 <"x">\r',
    start: 3725.5,
    text: 'Wir brauchen\r\n\r\n mehr <Netz> & "Zeit" 𝔘\u000B',
    attributes: { gruppe: 'Praxis\t<A&B>', rolle: '' },
    codings: [
      { transcript: TRANSCRIPT, segment: 2, category: 'c', matches: [{ by: 'zeit*', start: 35, end: 39 }], hits: 1 },
      { transcript: TRANSCRIPT, segment: 2, category: 'a/b', matches: [{ by: 'netz*', start: 24, end: 28 }], hits: 1 },
      { transcript: TRANSCRIPT, segment: 2, category: 'a', matches: [{ by: 'brauch*', start: 4, end: 12 }, { by: 'netz*', start: 24, end: 28 }], hits: 2 },
    ],
  },
  {
    ...base,
    transcript: TRANSCRIPT,
    segment: 3,
    turn: 3,
    speaker: '',
    text: '\u0001',
    attributes: {},
    codings: [{ transcript: TRANSCRIPT, segment: 3, category: 'a/leer', matches: [], hits: 0, source: 'review' }],
  },
  { ...base, transcript: 'zwei.txt', segment: 1, turn: 1, speaker: 'B1 <"x">\r', text: 'Zeit', attributes: { gruppe: 'Z' }, codings: [{ transcript: 'zwei.txt', segment: 1, category: 'c', matches: [{ by: 'zeit*', start: 0, end: 4 }], hits: 1 }] },
];

describe('REFI-QDA files pinned byte for byte', () => {
  it('the samples: project.qde with participants (speaker turns) and the shipped codebook as .qdc', async () => {
    const { coded, problems } = await codeInputs(['samples'], { cwd: root, participants: 'samples/participants.csv' });
    expect(problems).toEqual([]);
    const project = renderQdpxProject(coded!.units, coded!.codebook, { origin: ORIGIN, name: 'samples', unit: coded!.unit });
    await expectPinned('samples.qde', project.qde);
    await expectPinned('samples.qdc', renderQdc(coded!.codebook, { origin: ORIGIN }));
  }, SLOW);

  it('the samples cut into sentences: project.qde without participants', async () => {
    const { coded } = await codeInputs(['samples'], { cwd: root, unit: 'sentence' });
    const project = renderQdpxProject(coded!.units, coded!.codebook, { origin: ORIGIN, name: 'Sätze & "Samples"', unit: 'sentence' });
    await expectPinned('samples-sentence.qde', project.qde);
  }, SLOW);

  it('a transcript and codebook with &, <, >, quotes, \\r, tabs, control characters and non-BMP characters', async () => {
    const codebook = specialCodebook();
    const project = renderQdpxProject(SPECIAL_UNITS, codebook, { origin: 'fokus & "<test>"\r', name: 'Projekt\t& "<A>"\r\n😀\u0001', unit: 'turn' });
    const qdc = renderQdc(codebook, { origin: 'fokus & "<test>"\r' });
    await expectPinned('special.qde', project.qde);
    await expectPinned('special.qdc', qdc);
    expect(await xsdErrors(project.qde, 'special.qde', 'Project')).toBe('');
    expect(await xsdErrors(qdc, 'special.qdc', 'Codebook')).toBe('');
  });
});
