import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { codeGuid, perspectiveGuid, renderQdc } from '../../../src/exchange/refi-qda/codebook.js';
import { codingGuid, layoutSource, renderQdpx, renderQdpxProject, selectionGuid, sourceGuid, userGuid } from '../../../src/exchange/refi-qda/write.js';
import type { CodedUnit } from '../../../src/types.js';
import { codebookFrom } from '../../helpers.js';
import { xsdErrors as refiXsdErrors } from '../../refi-qda.js';

/** xmllint's messages for XML against the REFI-QDA project schema, '' when valid (libxml2 as WebAssembly). */
const xsdErrors = (xml: string, name: string): Promise<string> => refiXsdErrors(xml, name, 'Project');

const CODEBOOK = codebookFrom(`codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe
    definition: Was fehlt.
    terms: [brauch*]
    categories:
      - code: personal
        label: Personal
        terms: [personal*]
  - code: netz
    label: Vernetzung & Austausch
    terms: [netz*]
perspectives:
  - code: p
    label: Personalbedarf
    when: {all: [bedarfe/personal], any: [], none: []}
`);

const base = { transcript: 't.txt', moderator: false, line: 1, attributes: {} as Record<string, string>, codings: [] as CodedUnit['codings'] };
/** Three units: an uncoded moderator turn with two astral characters, a coded turn with a time, a coded unit without speaker. */
const UNITS: CodedUnit[] = [
  { ...base, segment: 1, turn: 1, speaker: 'I', moderator: true, text: 'Hallo 👋🏽 zusammen!', attributes: { group: 'Moderation', role: 'ISoG' } },
  {
    ...base,
    segment: 2,
    turn: 2,
    speaker: 'B1',
    start: 65.4,
    line: 3,
    text: 'Wir brauchen 😀 mehr Personal.\n\n\nUnd Zeit.',
    attributes: { group: 'Praxis' },
    codings: [
      // Given out of codebook order: the renderer sorts them.
      { transcript: 't.txt', segment: 2, category: 'bedarfe/personal', matches: [{ by: 'personal*', start: 21, end: 29 }], hits: 1 },
      { transcript: 't.txt', segment: 2, category: 'bedarfe', matches: [{ by: 'brauch*', start: 4, end: 12 }, { by: 'personal*', start: 21, end: 29 }], hits: 2 },
    ],
  },
  {
    ...base,
    segment: 3,
    turn: 3,
    speaker: '',
    line: 7,
    text: 'Vernetzung & <Netzwerk> "ja"',
    codings: [{ transcript: 't.txt', segment: 3, category: 'netz', matches: [{ by: 'netz*', start: 14, end: 22 }], hits: 1 }],
  },
];

const OPTIONS = { origin: 'fokus 9.9.9', name: 'Test & "Projekt"', unit: 'turn' as const };

describe('layoutSource', () => {
  it('puts one unit per paragraph with time and speaker, spans in code points', () => {
    const { text, spans } = layoutSource(UNITS);
    expect(text).toBe('I: Hallo 👋🏽 zusammen!\n\n[00:01:05] B1: Wir brauchen 😀 mehr Personal.\nUnd Zeit.\n\nVernetzung & <Netzwerk> "ja"');
    // 👋 and 🏽 lie outside the BMP: one code point each, two UTF-16 units each.
    expect(spans).toEqual([
      { segment: 1, start: 3, end: 21 },
      { segment: 2, start: 38, end: 77 },
      { segment: 3, start: 79, end: 107 },
    ]);
    const points = Array.from(text);
    expect(points.slice(38, 77).join('')).toBe('Wir brauchen 😀 mehr Personal.\nUnd Zeit.');
    expect(points.slice(79, 107).join('')).toBe('Vernetzung & <Netzwerk> "ja"');
    expect(text.indexOf('Wir')).toBe(40); // the UTF-16 offset differs: the reason for counting code points
  });

  it('keeps an empty unit as an empty paragraph, so paragraph k stays segment k', () => {
    const units = [UNITS[2]!, { ...UNITS[2]!, segment: 4, text: '' }, { ...UNITS[2]!, segment: 5, text: '\nx\n' }];
    expect(layoutSource(units)).toEqual({
      text: 'Vernetzung & <Netzwerk> "ja"\n\n\n\nx',
      spans: [
        { segment: 3, start: 0, end: 28 },
        { segment: 4, start: 30, end: 30 },
        { segment: 5, start: 32, end: 33 },
      ],
    });
  });
});

describe('renderQdpxProject', () => {
  const project = renderQdpxProject(UNITS, CODEBOOK, OPTIONS);
  const src = sourceGuid('turn', 't.txt');
  const user = userGuid('Test');
  const code = (p: string): string => codeGuid('Test', p);

  it('keeps GUIDs stable from release to release', () => {
    // Checked against Python: uuid.uuid5(UUID(FOKUS_GUID_NAMESPACE), '["user","fokus","Test"]') and so on.
    expect(user).toBe('72a425f8-f377-5429-9086-058664d4cad7');
    expect(src).toBe('b7d6140a-3796-5587-8adc-b2ef078c477b');
    expect(selectionGuid('turn', 't.txt', 2)).toBe('361bfe69-1624-56a1-abcb-b578a2bd82f5');
    expect(selectionGuid('sentence', 't.txt', 2)).not.toBe(selectionGuid('turn', 't.txt', 2));
    expect(codingGuid('Test', 'turn', 't.txt', 2, 'bedarfe')).not.toBe(codingGuid('Test', 'turn', 't.txt', 2, 'bedarfe/personal'));
  });

  it('writes users, codes, variables, cases, sources with selections, sets and a description, in schema order', () => {
    const sel2 = selectionGuid('turn', 't.txt', 2);
    const sel3 = selectionGuid('turn', 't.txt', 3);
    const coding = (segment: number, category: string): string => codingGuid('Test', 'turn', 't.txt', segment, category);
    const group = '15d3e43c-dd89-5169-9f81-422900769c00';
    const role = 'e208c0f8-12cf-5d0e-b793-31f68b70c661';
    expect(project.qde).toBe(`<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Test &amp; &quot;Projekt&quot;" origin="fokus 9.9.9" creatingUserGUID="${user}">
  <Users>
    <User guid="${user}" name="fokus"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${code('bedarfe')}" name="Bedarfe" isCodable="true">
        <Description>Was fehlt.</Description>
        <Code guid="${code('bedarfe/personal')}" name="Personal" isCodable="true"/>
      </Code>
      <Code guid="${code('netz')}" name="Vernetzung &amp; Austausch" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${group}" name="group" typeOfVariable="Text"/>
    <Variable guid="${role}" name="role" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="369cc142-2991-56ec-bec3-a7aaf5a1d380" name="I (t.txt)">
      <VariableValue>
        <VariableRef targetGUID="${group}"/>
        <TextValue>Moderation</TextValue>
      </VariableValue>
      <VariableValue>
        <VariableRef targetGUID="${role}"/>
        <TextValue>ISoG</TextValue>
      </VariableValue>
      <SourceRef targetGUID="${src}"/>
    </Case>
    <Case guid="bff7cb93-67a6-5300-906e-e312adb92049" name="B1 (t.txt)">
      <VariableValue>
        <VariableRef targetGUID="${group}"/>
        <TextValue>Praxis</TextValue>
      </VariableValue>
      <SourceRef targetGUID="${src}"/>
      <SelectionRef targetGUID="${sel2}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${src}" name="t.txt" plainTextPath="internal://${src}.txt" creatingUser="${user}">
      <PlainTextSelection guid="${sel2}" name="t.txt#2" startPosition="38" endPosition="77" creatingUser="${user}">
        <Description>bedarfe: brauch* (brauchen), personal* (Personal)
bedarfe/personal: personal* (Personal)</Description>
        <Coding guid="${coding(2, 'bedarfe')}" creatingUser="${user}">
          <CodeRef targetGUID="${code('bedarfe')}"/>
        </Coding>
        <Coding guid="${coding(2, 'bedarfe/personal')}" creatingUser="${user}">
          <CodeRef targetGUID="${code('bedarfe/personal')}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${sel3}" name="t.txt#3" startPosition="79" endPosition="107" creatingUser="${user}">
        <Description>netz: netz* (Netzwerk)</Description>
        <Coding guid="${coding(3, 'netz')}" creatingUser="${user}">
          <CodeRef targetGUID="${code('netz')}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Sets>
    <Set guid="${perspectiveGuid('Test', 'p')}" name="Personalbedarf">
      <MemberCode targetGUID="${code('bedarfe/personal')}"/>
    </Set>
  </Sets>
  <Description>Coded by fokus 9.9.9 with the codebook "Test" (sha256 ${CODEBOOK.source.sha256}); coding unit: turn.</Description>
</Project>
`);
    expect(project.sources).toEqual([{ transcript: 't.txt', guid: src, text: layoutSource(UNITS).text, spans: layoutSource(UNITS).spans }]);
  });

  it('gives codes the same GUIDs as the .qdc', () => {
    const guids = (xml: string): string[] => [...xml.matchAll(/<Code guid="([^"]+)"/gu)].map((m) => m[1]!);
    expect(guids(project.qde)).toEqual(guids(renderQdc(CODEBOOK, { origin: 'x' })));
    expect(guids(project.qde)).toHaveLength(3);
  });

  it('validates against the REFI-QDA project schema', async () => {
    expect(await xsdErrors(project.qde, 'ok.qde')).toBe('');
  });

  it('validates with a codebook without categories, participants or codings (nothing optional left empty)', async () => {
    const empty = { ...CODEBOOK, categories: [], perspectives: [] };
    const plain = UNITS.map((u) => ({ ...u, attributes: {}, codings: [] }));
    const qde = renderQdpxProject(plain, empty, OPTIONS).qde;
    expect(qde).not.toContain('<CodeBook>');
    expect(qde).not.toContain('<Variables>');
    expect(qde).not.toContain('<PlainTextSelection');
    expect(await xsdErrors(qde, 'empty.qde')).toBe('');
  });

  it('control: the schema check does fail on a broken project', async () => {
    const broken = project.qde.replace('startPosition="38" ', '');
    expect(await xsdErrors(broken, 'broken.qde')).toContain("The attribute 'startPosition' is required but missing");
    // Variables before CodeBook: the order under Project matters.
    const swapped = project.qde.replace(/( {2}<CodeBook>[^]*?<\/CodeBook>\n)( {2}<Variables>[^]*?<\/Variables>\n)/u, '$2$1');
    expect(swapped).not.toBe(project.qde);
    expect(await xsdErrors(swapped, 'swapped.qde')).toContain("Element '{urn:QDA-XML:project:1.0}CodeBook': This element is not expected.");
  });
});

describe('renderQdpx', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('zips project.qde and one UTF-8 text per source', () => {
    const bytes = renderQdpx(UNITS, CODEBOOK, OPTIONS);
    const files = unzipSync(bytes);
    const src = sourceGuid('turn', 't.txt');
    expect(Object.keys(files)).toEqual(['project.qde', `sources/${src}.txt`]);
    const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
    expect(decode(files['project.qde']!)).toBe(renderQdpxProject(UNITS, CODEBOOK, OPTIONS).qde);
    expect(decode(files[`sources/${src}.txt`]!)).toBe(layoutSource(UNITS).text);
    expect(files[`sources/${src}.txt`]![0]).toBe(0x49); // 'I': no byte order mark
  });

  it('gives the same bytes on every run and in every time zone', () => {
    process.env.TZ = 'UTC';
    const a = renderQdpx(UNITS, CODEBOOK, OPTIONS);
    process.env.TZ = 'America/Los_Angeles';
    const b = renderQdpx(UNITS, CODEBOOK, OPTIONS);
    process.env.TZ = 'Asia/Kolkata';
    const c = renderQdpx(UNITS, CODEBOOK, OPTIONS);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
    // The local file header's DOS time and date: 12:00:00 on 1980-01-01.
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(12 << 11);
    expect(view.getUint16(12, true)).toBe((1 << 5) | 1);
  });
});
