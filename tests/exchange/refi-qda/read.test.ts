import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { codeInputs } from '../../../src/analyze.js';
import { paragraphSpans, readQdpxCoding, readQdpxProject } from '../../../src/exchange/refi-qda/read.js';
import { codeGuid } from '../../../src/exchange/refi-qda/codebook.js';
import { layoutSource, renderQdpx } from '../../../src/exchange/refi-qda/write.js';
import type { CodedUnit, UnitKind } from '../../../src/types.js';
import { codebookFrom } from '../../helpers.js';
import { plain } from '../../plain.js';

const SAMPLES = resolve(import.meta.dirname, '../../fixtures/refi-qda/samples');
const tmp = mkdtempSync(join(tmpdir(), 'fokus-read-qdpx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CODEBOOK = codebookFrom(`codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*]
    categories:
      - code: personal
        label: Personal
        terms: [personal*]
  - code: netz
    label: Vernetzung & Austausch
    terms: [netz*]
`);

/** A transcript with astral characters before coded words, a turn of two paragraphs and a moderator. */
const TRANSCRIPT = `I: Willkommen 👋🏽, wer braucht was?

B1: 😀 Wir brauchen Personal.

Und ein Netzwerk. 🙂 Wirklich.

B2: Ja.

B3: 𝔄 Netz, Netz, Netz!
`;

/** The transcript read, segmented and coded with the test codebook. */
async function coded(unit: UnitKind): Promise<CodedUnit[]> {
  writeFileSync(join(tmp, 'gruppe.txt'), TRANSCRIPT);
  const result = await codeInputs(['gruppe.txt'], { cwd: tmp, codebook: CODEBOOK, unit, moderators: ['I'] });
  if (!result.coded) throw new Error(JSON.stringify(result.problems));
  return result.coded.units;
}

/** The codings of units as rows, in the reader's order (transcript, segment, codebook order). */
function rowsOf(units: readonly CodedUnit[]): { transcript: string; segment: number; category: string }[] {
  const order = ['bedarfe', 'bedarfe/personal', 'netz'];
  return units
    .flatMap((u) => u.codings.map((c) => ({ transcript: c.transcript, segment: c.segment, category: c.category })))
    .sort((a, b) => a.segment - b.segment || order.indexOf(a.category) - order.indexOf(b.category));
}

/** A zip archive from file names and texts. */
function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
}

describe('paragraphSpans', () => {
  it('splits at blank lines (also CRLF and blank lines with spaces), offsets in code points', () => {
    expect(paragraphSpans('a😀b\n\nc\r\n \r\nd\n\n\n\ne\nf')).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 6 },
      { start: 11, end: 12 },
      { start: 14, end: 14 },
      { start: 16, end: 19 },
    ]);
    expect(paragraphSpans('')).toEqual([{ start: 0, end: 0 }]);
  });
});

describe('readQdpxCoding on projects fokus exported', () => {
  it.each(['turn', 'sentence'] as const)('gives back exactly the codings that were exported (%s units)', async (unit) => {
    const units = await coded(unit);
    const expected = rowsOf(units);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const bytes = renderQdpx(units, CODEBOOK, { origin: 'fokus test', name: 'p', unit });
    const read = readQdpxCoding(bytes, 'p.qdpx', { codebook: CODEBOOK, codeGuid });
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual(expected);
    expect(read.categories).toEqual(['bedarfe', 'bedarfe/personal', 'netz']);
  });

  it('knows which units the turn export coded (a check on the fixture itself)', async () => {
    const units = await coded('turn');
    expect(rowsOf(units)).toEqual([
      { transcript: 'gruppe.txt', segment: 2, category: 'bedarfe' },
      { transcript: 'gruppe.txt', segment: 2, category: 'bedarfe/personal' },
      { transcript: 'gruppe.txt', segment: 2, category: 'netz' },
      { transcript: 'gruppe.txt', segment: 4, category: 'netz' },
    ]);
  });

  it('maps a selection a human made in the exported text onto its unit, counting code points', async () => {
    const units = await coded('turn');
    const { text, spans } = layoutSource(units);
    const files = unzipSync(renderQdpx(units, CODEBOOK, { origin: 'fokus test', name: 'p', unit: 'turn' }));
    const qde = new TextDecoder().decode(files['project.qde']!);
    // Codes "Ja." (unit 3) with Personal: the word lies after 👋🏽 and 😀 and 🙂, 4 UTF-16 units later than its code point.
    const points = Array.from(text);
    const start = points.indexOf('J');
    expect(start).toBe(spans[2]!.start); // unit 3's text begins with it
    expect(text.indexOf('Ja.')).toBe(start + 4);
    const human = `<PlainTextSelection guid="00000000-0000-0000-0000-000000000001" startPosition="${start}" endPosition="${start + 2}"><Coding guid="00000000-0000-0000-0000-000000000002"><CodeRef targetGUID="${codeGuid('Test', 'bedarfe/personal')}"/></Coding></PlainTextSelection>`;
    files['project.qde'] = strToU8(qde.replace('    </TextSource>', `${human}\n    </TextSource>`));
    const read = readQdpxCoding(zipSync(files), 'p.qdpx', { codebook: CODEBOOK, codeGuid });
    expect(read.rows.filter((r) => r.segment === 3)).toEqual([{ transcript: 'gruppe.txt', segment: 3, category: 'bedarfe/personal' }]);
    expect(read.problems).toEqual([]);
  });

  it('recognises a renamed code by its GUID, and by name only when no GUIDs are given', async () => {
    const units = await coded('turn');
    const files = unzipSync(renderQdpx(units, CODEBOOK, { origin: 'fokus test', name: 'p', unit: 'turn' }));
    const qde = new TextDecoder().decode(files['project.qde']!);
    files['project.qde'] = strToU8(qde.replace('name="Personal"', 'name="Personalmangel"'));
    const renamed = zipSync(files);
    expect(readQdpxCoding(renamed, 'p.qdpx', { codebook: CODEBOOK, codeGuid }).rows).toEqual(rowsOf(units));
    const byName = readQdpxCoding(renamed, 'p.qdpx', { codebook: CODEBOOK });
    expect(byName.rows.map((r) => r.category)).toEqual(['bedarfe', 'netz', 'Bedarfe/Personalmangel', 'netz']);
    expect(byName.categories).toEqual(['bedarfe', 'netz', 'Bedarfe/Personalmangel']);
    expect(plain(byName.problems)).toEqual([
      { file: 'p.qdpx', severity: 'warning', message: 'code "Bedarfe/Personalmangel" matches no category of the codebook "Test"; kept under its own name', ruleId: 'qdpx/unmapped-code' },
    ]);
  });

  it('without a codebook names categories by the codes and their parents', async () => {
    const units = await coded('turn');
    const read = readQdpxCoding(renderQdpx(units, CODEBOOK, { origin: 'fokus test', name: 'p', unit: 'turn' }), 'p.qdpx');
    expect(read.categories).toEqual(['Bedarfe', 'Bedarfe/Personal', 'Vernetzung & Austausch']);
    expect(read.rows.map((r) => `${r.segment} ${r.category}`)).toEqual(['2 Bedarfe', '2 Bedarfe/Personal', '2 Vernetzung & Austausch', '4 Vernetzung & Austausch']);
  });
});

describe('readQdpxCoding on foreign projects', () => {
  const g = (n: number): string => `AAAAAAAA-0000-0000-0000-00000000000${n}`;
  const s = (n: number): string => `BBBBBBBB-0000-0000-0000-00000000000${n}`;
  // Paragraphs in code points: [0, 8) "I: Hallo", [12, 47) B1's, [51, 70) B2's.
  const TEXT = 'I: Hallo\r\n\r\nB1: Wir 👋 brauchen Personal.\r\nMehr.\r\n\r\nB2: 😀 Netz und so.';
  const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Study" origin="MAXQDA 24">
  <CodeBook>
    <Codes>
      <Code guid="{${g(1)}}" name="Bedarfe" isCodable="true">
        <Code guid="{${g(2)}}" name="personal" isCodable="true"/>
      </Code>
      <Code guid="${g(3)}" name="Eigener Code" isCodable="true"/>
      <Code guid="${g(4)}" name="Vernetzung &amp; Austausch" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="${s(1)}" name="gruppe.txt" plainTextPath="internal://${s(1)}.txt">
      <PlainTextSelection guid="${s(5)}" startPosition="5" endPosition="20">
        <Coding guid="${s(6)}"><CodeRef targetGUID="{${g(2).toLowerCase()}}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s(7)}" startPosition="57" endPosition="61">
        <Description>Netz</Description>
        <Coding guid="${s(8)}"><CodeRef targetGUID="${g(3)}"/></Coding>
        <Coding guid="${s(9)}"><CodeRef targetGUID="${g(1)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s(7)}" startPosition="50" endPosition="52">
        <Coding guid="${s(8)}"><CodeRef targetGUID="${g(4)}"/></Coding>
      </PlainTextSelection>
      <Coding guid="${s(9)}"><CodeRef targetGUID="${g(1)}"/></Coding>
    </TextSource>
    <TextSource guid="${s(2)}" name="inline.txt">
      <PlainTextContent>A &amp; B

C</PlainTextContent>
      <PlainTextSelection guid="${s(5)}" startPosition="0" endPosition="1">
        <Coding guid="${s(6)}"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000000"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s(5)}" startPosition="7" endPosition="8">
        <Coding guid="${s(6)}"><CodeRef targetGUID="${g(4)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s(5)}" startPosition="9" endPosition="12">
        <Coding guid="${s(6)}"><CodeRef targetGUID="${g(4)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${s(3)}" path="relative://x.pdf">
      <PDFSelection guid="${s(5)}" page="1" firstX="0" firstY="0" secondX="9" secondY="9">
        <Coding guid="${s(6)}"><CodeRef targetGUID="${g(1)}"/></Coding>
      </PDFSelection>
    </PDFSource>
    <TextSource guid="${s(4)}" name="missing.txt" plainTextPath="internal://nope.txt">
      <PlainTextSelection guid="${s(5)}" startPosition="0" endPosition="1">
        <Coding guid="${s(6)}"><CodeRef targetGUID="${g(1)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
`;
  const BYTES = zip({ 'Study.qde': QDE, [`Sources/${s(1)}.txt`]: '\uFEFF' + TEXT });

  it('reads codes, sources, texts and selections (positions as written, GUIDs normalised)', () => {
    const { project, problems } = readQdpxProject(BYTES, 'study.qdpx');
    expect(plain(problems)).toEqual([
      { file: 'study.qdpx', severity: 'warning', message: '2 codings of pictures, PDF, audio or video sources or of whole documents ignored (only text selections are read)', ruleId: 'qdpx/not-text' },
      { file: 'study.qdpx', severity: 'warning', message: 'text source "missing.txt": its plain text internal://nope.txt is not in the archive; its codings are ignored', ruleId: 'qdpx/missing-source' },
    ]);
    expect(project?.name).toBe('Study');
    expect(project?.origin).toBe('MAXQDA 24');
    expect(project?.codes).toEqual([
      { guid: g(1).toLowerCase(), name: 'Bedarfe', parent: null },
      { guid: g(2).toLowerCase(), name: 'personal', parent: g(1).toLowerCase() },
      { guid: g(3).toLowerCase(), name: 'Eigener Code', parent: null },
      { guid: g(4).toLowerCase(), name: 'Vernetzung & Austausch', parent: null },
    ]);
    expect(project?.sources.map((x) => [x.name, x.text, x.selections.length])).toEqual([
      ['gruppe.txt', TEXT, 3],
      ['inline.txt', 'A & B\n\nC', 3],
      ['missing.txt', null, 1],
    ]);
    expect(project?.sources[0]!.selections[1]).toEqual({ guid: s(7).toLowerCase(), start: 57, end: 61, codes: [g(3).toLowerCase(), g(1).toLowerCase()] });
  });

  it('maps selections onto paragraphs and codes onto the codebook by name', () => {
    const read = readQdpxCoding(BYTES, 'study.qdpx', { codebook: CODEBOOK, codeGuid });
    expect(read.rows).toEqual([
      { transcript: 'gruppe.txt', segment: 1, category: 'bedarfe/personal' },
      { transcript: 'gruppe.txt', segment: 2, category: 'bedarfe/personal' },
      { transcript: 'gruppe.txt', segment: 3, category: 'bedarfe' },
      // [50, 52) touches paragraph 3 only when positions count code points (in UTF-16 units it would lie between paragraphs).
      { transcript: 'gruppe.txt', segment: 3, category: 'netz' },
      { transcript: 'gruppe.txt', segment: 3, category: 'Eigener Code' },
      { transcript: 'inline.txt', segment: 2, category: 'netz' },
    ]);
    expect(read.categories).toEqual(['bedarfe', 'bedarfe/personal', 'netz', 'Eigener Code']);
    expect(read.problems.map((p) => p.message)).toEqual([
      '2 codings of pictures, PDF, audio or video sources or of whole documents ignored (only text selections are read)',
      'text source "missing.txt": its plain text internal://nope.txt is not in the archive; its codings are ignored',
      'code "Eigener Code" matches no category of the codebook "Test"; kept under its own name',
      // The selections fit either way; the project comes from MAXQDA, which counts a CRLF as one character.
      'positions count a CRLF line break as one character (as MAXQDA and ATLAS.ti write them) in 1 of 1 text source with CRLF line breaks ("gruppe.txt"); read that way',
      '1 coding refers to a code that is not in the project\'s codebook; ignored',
      '1 selection lies outside its source\'s text; ignored',
    ]);
    expect(read.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('reads the ATLAS.ti samples: their codes, no codings, no problems', () => {
    const target = readFileSync(join(SAMPLES, 'ponte_target-atlas-project.qdpx'));
    const { project, problems } = readQdpxProject(target, 'target.qdpx');
    expect(problems).toEqual([]);
    expect(project).toEqual({
      name: 'target-atlas-project',
      origin: 'ATLAS.ti for Windows 23.2.3.27778',
      codes: [
        { guid: 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6', name: 'Commits', parent: null },
        { guid: '2d2466f0-d77f-4f8c-bdf9-628966b6b74d', name: '2022-05-10T02:05:59Z 19e4dce', parent: 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6' },
        { guid: '086ac733-7b1c-4749-a138-d7182f63a5c9', name: '2022-02-11T10:39:25Z cdbfd92', parent: 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6' },
      ],
      sources: [],
    });
    expect(readQdpxCoding(target, 'target.qdpx')).toEqual({
      rows: [],
      categories: ['Commits', 'Commits/2022-05-10T02:05:59Z 19e4dce', 'Commits/2022-02-11T10:39:25Z cdbfd92'],
      problems: [],
    });
    const blank = readQdpxCoding(readFileSync(join(SAMPLES, 'ponte_blank-atlas-project.qdpx')), 'blank.qdpx');
    expect(blank).toEqual({ rows: [], categories: [], problems: [] });
  });

  it('reports an archive that is no zip, or holds no project, as an error', () => {
    expect(plain(readQdpxCoding(strToU8('hello'), 'x.qdpx'))).toEqual({
      rows: [],
      categories: [],
      problems: [{ file: 'x.qdpx', severity: 'error', message: 'not a REFI-QDA project archive (.qdpx is a zip file): not a zip archive (no end of central directory)', ruleId: 'qdpx/not-zip' }],
    });
    expect(plain(readQdpxProject(zip({ 'sources/a.txt': 'x' }), 'y.qdpx').problems)).toEqual([
      { file: 'y.qdpx', severity: 'error', message: 'no project XML (*.qde) in the archive', ruleId: 'qdpx/no-project' },
    ]);
    expect(plain(readQdpxProject(zip({ 'p.qde': '<CodeBook/>' }), 'z.qdpx').problems)).toEqual([
      { file: 'z.qdpx', severity: 'error', message: 'p.qde holds no REFI-QDA Project element', ruleId: 'qdpx/no-project' },
    ]);
  });
});
