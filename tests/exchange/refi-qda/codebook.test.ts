import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse.js';
import { codeGuid, perspectiveGuid, renderQdc, uuidV5 } from '../../../src/exchange/refi-qda/codebook.js';
import { codebookFrom } from '../../helpers.js';
import { xsdErrors as refiXsdErrors } from '../../refi-qda.js';

/** xmllint's messages for XML against the REFI-QDA codebook schema, '' when valid (libxml2 as WebAssembly). */
const xsdErrors = (xml: string, name: string): Promise<string> => refiXsdErrors(xml, name, 'Codebook');

const YAML = `codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe & "Wünsche"
    definition: >
      Äußerungen über <fehlende> Angebote.
    examples:
      - Wir bräuchten mehr Personal.
    counterexamples: [Kein Bedarf.]
    terms: [brauch*]
    categories:
      - code: personal
        label: Personal
        terms: [personal*]
  - code: netz
    label: Vernetzung
    terms: [netz*]
perspectives:
  - code: p
    label: Vernetzungsbedarf
    description: Bedarfe, die Vernetzung lösen kann.
    when: {all: [bedarfe], any: [netz, bedarfe/personal], none: []}
`;

describe('uuidV5 and the GUIDs derived from codes', () => {
  it('follows RFC 9562 (the DNS namespace test vector)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('derives a category GUID from the codebook name and the full code', () => {
    expect(codeGuid('Test', 'bedarfe')).toBe('546a724c-4876-599d-aaca-3d6402eed3ae');
    expect(codeGuid('Test', 'bedarfe/personal')).not.toBe(codeGuid('Test', 'bedarfe'));
    expect(codeGuid('Other', 'bedarfe')).not.toBe(codeGuid('Test', 'bedarfe'));
    expect(perspectiveGuid('Test', 'bedarfe')).not.toBe(codeGuid('Test', 'bedarfe'));
  });
});

describe('renderQdc', () => {
  it('writes codes with hierarchy, descriptions, escaped names and perspectives as sets', () => {
    const g = (p: string): string => codeGuid('Test', p);
    expect(renderQdc(codebookFrom(YAML), { origin: 'fokus 9.9.9' })).toBe(`<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="fokus 9.9.9">
  <Codes>
    <Code guid="${g('bedarfe')}" name="Bedarfe &amp; &quot;Wünsche&quot;" isCodable="true">
      <Description>Äußerungen über &lt;fehlende&gt; Angebote.

Ankerbeispiele:
- Wir bräuchten mehr Personal.

Gegenbeispiele:
- Kein Bedarf.</Description>
      <Code guid="${g('bedarfe/personal')}" name="Personal" isCodable="true"/>
    </Code>
    <Code guid="${g('netz')}" name="Vernetzung" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="${perspectiveGuid('Test', 'p')}" name="Vernetzungsbedarf">
      <Description>Bedarfe, die Vernetzung lösen kann.</Description>
      <MemberCode guid="${g('bedarfe')}"/>
      <MemberCode guid="${g('netz')}"/>
      <MemberCode guid="${g('bedarfe/personal')}"/>
    </Set>
  </Sets>
</CodeBook>
`);
  });

  it('uses English headings for an English codebook and leaves out empty sets', () => {
    const xml = renderQdc(codebookFrom('codebook: E\nlanguage: en\ncategories:\n  - code: a\n    label: A\n    examples: [x]\n'), { origin: 'fokus' });
    expect(xml).toContain('<Description>Anchor examples:\n- x</Description>');
    expect(xml).not.toContain('<Sets>');
  });

  it('validates against the REFI-QDA Codebook.xsd', async () => {
    expect(await xsdErrors(renderQdc(codebookFrom(YAML), { origin: 'fokus 9.9.9' }), 'test.qdc')).toBe('');
  });

  it('round-trips the shipped default codebook: valid, hierarchy kept, and byte-identical on re-export', async () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../../codebooks/isog-fokusgruppe.yaml'), 'utf8');
    const first = renderQdc(parseCodebook(text, 'a.yaml').codebook!, { origin: 'fokus 9.9.9' });
    const second = renderQdc(parseCodebook(text, 'b.yaml').codebook!, { origin: 'fokus 9.9.9' });
    expect(second).toBe(first);
    expect(await xsdErrors(first, 'isog.qdc')).toBe('');
    const cb = parseCodebook(text, 'a.yaml').codebook!;
    const personal = cb.categories[0]!.categories[0]!;
    const at = first.indexOf(`guid="${codeGuid(cb.name, personal.path)}"`);
    const parentAt = first.indexOf(`guid="${codeGuid(cb.name, cb.categories[0]!.path)}"`);
    expect(parentAt).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(parentAt);
    expect(first.slice(first.lastIndexOf('\n', at), at)).toBe('\n      <Code ');
    expect(first.match(/<Code /g)!.length).toBe(text.match(/^\s*- code: /gm)!.length - cb.perspectives.length);
  });

  it('is checked by a validator that can fail', async () => {
    const broken = renderQdc(codebookFrom(YAML), { origin: 'x' }).replace(' isCodable="true"', '');
    expect(await xsdErrors(broken, 'broken.qdc')).toContain("The attribute 'isCodable' is required but missing.");
  });

  it('drops characters XML cannot hold and refuses a codebook without categories', () => {
    const cb = codebookFrom('codebook: T\ncategories:\n  - code: a\n    label: "A\\u0007B\\nC"\n');
    expect(renderQdc(cb, { origin: 'x' })).toContain('name="AB&#10;C"');
    expect(() => renderQdc(codebookFrom('codebook: T\ncategories: []\n'), { origin: 'x' })).toThrow('at least one category');
  });
});
