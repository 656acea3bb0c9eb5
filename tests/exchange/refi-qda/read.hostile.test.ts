import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQdpxCoding, readQdpxProject } from '../../../src/exchange/refi-qda/read.js';
import { paragraphSpans, paragraphsHit } from '../../../src/exchange/refi-qda/spans.js';
import { codebookFrom } from '../../helpers.js';
import { buildZip } from '../../transcripts/zip-build.js';
import { plain } from '../../plain.js';

const CODE = 'AAAAAAAA-0000-0000-0000-000000000001';

/** A project XML with one text source whose selections are `[start, end)` coded with CODE (or the given codes). */
function qde(selections: readonly (readonly [number, number])[], codes = `<Code guid="${CODE}" name="Bedarfe" isCodable="true"/>`, refs = [CODE]): string {
  const sel = selections
    .map(([s, e], i) => `<PlainTextSelection guid="S${i}" startPosition="${s}" endPosition="${e}"><Coding guid="C${i}">${refs.map((r) => `<CodeRef targetGUID="${r}"/>`).join('')}</Coding></PlainTextSelection>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project name="P" origin="MAXQDA 24">
  <CodeBook><Codes>${codes}</Codes></CodeBook>
  <Sources>
    <TextSource guid="T1" name="t.txt" plainTextPath="internal://T1.txt">
${sel}
    </TextSource>
  </Sources>
</Project>
`;
}

function project(xml: string, text: string): Uint8Array {
  return zipSync({ 'project.qde': [strToU8(xml), { level: 1 }], 'sources/T1.txt': strToU8(text) });
}

describe('a malformed or cut-off project XML is an error with its position', () => {
  const good = qde([[0, 3]]);
  it.each([
    ['cut off', good.slice(0, good.indexOf('</TextSource>') + 5), 'qdpx/malformed', /the file ends inside an end tag; it is cut off/u],
    ['cut off between elements', good.slice(0, good.indexOf('</Sources>')), 'qdpx/malformed', /the file ends inside <Sources> \(opened at line 4, column 3\); it is cut off/u],
    ['tags crossed', good.replace('</Sources>\n</Project>', '</Project>\n</Sources>'), 'qdpx/malformed', /<\/Project> where <\/Sources> \(opened at line 4, column 3\) is due/u],
    ['a bare ampersand', good.replace('name="P"', 'name="P & Q"'), 'qdpx/malformed', /a '&' that starts no valid reference/u],
    ['a second root', good + '<Project/>', 'qdpx/malformed', /a second root element/u],
  ])('%s', (_what, xml, ruleId, message) => {
    const read = readQdpxCoding(project(xml, 'abc'), 'p.qdpx');
    expect(read.rows).toEqual([]);
    const error = read.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ file: 'p.qdpx:project.qde', ruleId });
    expect(error!.message).toMatch(message);
    expect(error!.line).toBeGreaterThanOrEqual(1);
    expect(error!.column).toBeGreaterThanOrEqual(1);
  });

  it('the position is the line and column in the project XML', () => {
    const xml = good.replace('name="P"', 'name="P"\n  x="1" x="2"');
    expect(plain(readQdpxProject(project(xml, 'abc'), 'p.qdpx').problems)).toEqual([
      { file: 'p.qdpx:project.qde', line: 3, column: 9, severity: 'error', message: 'project.qde is not well-formed XML: attribute x is given twice', ruleId: 'qdpx/malformed' },
    ]);
  });
});

describe('line breaks: MAXQDA and ATLAS.ti count a CRLF as one character', () => {
  const TEXT = 'I: Hallo\r\n\r\nB1: Wir brauchen Personal.\r\n\r\nB2: Und Netzwerke.\r\n\r\nB3: Ja.';
  // Paragraphs with a CRLF as one character: [0,8) [10,36) [38,56) [58,65); as two: [0,8) [12,38) [42,60) [64,71).
  it('selections that fit the paragraphs only with one-character CRLFs are read so, with a warning', () => {
    const read = readQdpxCoding(project(qde([[14, 36], [42, 56], [62, 65]]), TEXT), 'p.qdpx');
    expect(read.rows.map((r) => r.segment)).toEqual([2, 3, 4]);
    expect(plain(read.problems)).toEqual([
      {
        file: 'p.qdpx',
        severity: 'warning',
        message: 'positions count a CRLF line break as one character (as MAXQDA and ATLAS.ti write them) in 1 of 1 text source with CRLF line breaks ("t.txt"); read that way',
        ruleId: 'qdpx/line-breaks',
      },
    ]);
  });

  it('selections written with two-character CRLFs stay as they are, without a warning', () => {
    const read = readQdpxCoding(project(qde([[16, 38], [46, 60], [68, 71]]), TEXT), 'p.qdpx');
    expect(read.rows.map((r) => r.segment)).toEqual([2, 3, 4]);
    expect(read.problems).toEqual([]);
  });

  it('when the selections fit both ways, the program that wrote the project decides', () => {
    // [20, 30) lies inside paragraph 2 either way: no boundary tells.
    const maxqda = readQdpxCoding(project(qde([[20, 30]]), TEXT), 'p.qdpx');
    expect(maxqda.problems.map((p) => p.ruleId)).toEqual(['qdpx/line-breaks']);
    const other = readQdpxCoding(project(qde([[20, 30]]).replace('origin="MAXQDA 24"', 'origin="QualCoder 3.5"'), TEXT), 'p.qdpx');
    expect(other.problems).toEqual([]);
    expect(other.rows).toEqual(maxqda.rows);
  });

  it('a text whose paragraphs are separated by single line breaks still meets its units', () => {
    const text = 'I: Hallo\nB1: Wir brauchen Personal.\nB2: Und Netzwerke.';
    expect(readQdpxCoding(project(qde([[13, 35], [36, 53]]), text), 'p.qdpx').rows.map((r) => r.segment)).toEqual([2, 3]);
    const crlf = text.replace(/\n/gu, '\r\n');
    const read = readQdpxCoding(project(qde([[13, 35], [36, 53]]), crlf), 'p.qdpx');
    expect(read.rows.map((r) => r.segment)).toEqual([2, 3]);
    expect(read.problems.map((p) => p.ruleId)).toEqual(['qdpx/line-breaks']);
  });
});

describe('the selection-to-paragraph mapping', () => {
  it('gives the paragraphs a naive scan gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\n\n', '\r\n\r\n', '😀'), { maxLength: 40 }), fc.nat(50), fc.nat(50), (parts, x, y) => {
        const spans = paragraphSpans(parts.join(''));
        const [s, e] = x <= y ? [x, y] : [y, x];
        const naive = spans.flatMap((p, i) => ((e > s ? s < p.end && e > p.start : s >= p.start && s <= p.end) ? [i + 1] : []));
        expect(paragraphsHit(spans, s, e)).toEqual(naive);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('looks at O(log n + hits) paragraphs per selection, not all of them', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => ({ start: 3 * i, end: 3 * i + 1 }));
    let reads = 0;
    const counted = new Proxy(spans, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/u.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(paragraphsHit(counted, 150_000, 150_007)).toEqual([50_001, 50_002, 50_003]);
    expect(reads).toBeLessThan(40);
  });

  it('60 000 selections over 60 000 paragraphs all land on their paragraphs', () => {
    const n = 60_000;
    const text = Array.from({ length: n }, (_, i) => `B${i}: x`).join('\n\n');
    const spans = paragraphSpans(text);
    const read = readQdpxCoding(project(qde(spans.map((s) => [s.start, s.end])), text), 'p.qdpx');
    expect(read.rows.length).toBe(n);
    expect(read.rows[n - 1]!.segment).toBe(n);
  });
});

describe('limits of a project', () => {
  it('200 000 codes nested in each other: an error at the place the nesting passes the limit, no stack overflow', () => {
    const depth = 200_000;
    const codes = '<Code guid="G" name="n">'.repeat(depth) + '</Code>'.repeat(depth);
    const read = readQdpxCoding(project(qde([], codes), 'abc'), 'p.qdpx');
    expect(plain(read.problems)).toEqual([
      { file: 'p.qdpx:project.qde', line: 3, column: 19 + 997 * 24 + 1, severity: 'error', message: 'project.qde is not well-formed XML: elements nested more than 1000 deep (FOKUS_MAX_DEPTH)', ruleId: 'qdpx/too-deep' },
    ]);
  });

  it('200 000 codes that match no category: read, with a bounded number of warnings', () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => `<Code guid="G${i}" name="c${i}"/>`).join('');
    const read = readQdpxCoding(project(qde([[0, 3]], codes, ['G7']), 'abc'), 'p.qdpx', { codebook: codebookFrom('codebook: T\ncategories:\n  - code: a\n    label: A\n    terms: [a]\n') });
    expect(read.rows).toEqual([{ transcript: 't.txt', segment: 1, category: 'c7' }]);
    expect(read.problems.length).toBe(21);
    expect(read.problems[20]!.message).toBe('199980 more codes match no category of the codebook "T"; kept under their own names');
    expect(() => [].push(...(read.problems as never[]))).not.toThrow();
  });

  it('one selection coded with 300 codes over 100 000 paragraphs: an error at the limit of unit × category pairs, not a heap overflow', () => {
    const codes = Array.from({ length: 300 }, (_, i) => `<Code guid="G${i}" name="c${i}"/>`).join('');
    const text = 'x\n\n'.repeat(100_000);
    const bytes = project(qde([[0, 300_000]], codes, Array.from({ length: 300 }, (_, i) => `G${i}`)), text);
    const read = readQdpxCoding(bytes, 'p.qdpx', { limits: { codings: 50_000 } });
    expect(read.rows).toEqual([]);
    expect(plain(read.problems)).toEqual([
      { file: 'p.qdpx', severity: 'error', message: 'the project codes more than 50000 unit × category pairs (FOKUS_MAX_CODINGS); it is not read', ruleId: 'qdpx/too-many-codings' },
    ]);
    expect(readQdpxCoding(bytes, 'p.qdpx').problems.map((p) => p.ruleId)).toEqual(['qdpx/too-many-codings']);
  });

  it('only the project XML and the texts its sources name are inflated', () => {
    const xml = qde([[0, 3]]);
    // A damaged entry that nobody names, and a large one: neither is inflated, so neither matters.
    const bytes = buildZip([
      { name: 'project.qde', data: xml },
      { name: 'sources/T1.txt', data: 'abc' },
      { name: 'sources/unused.txt', data: new Uint8Array(2_000_000) },
      { name: 'sources/liar.txt', data: 'x'.repeat(100), claimSize: 5 },
    ]);
    const read = readQdpxCoding(bytes, 'p.qdpx', { limits: { zipBytes: 100_000 } });
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([{ transcript: 't.txt', segment: 1, category: 'Bedarfe' }]);
  });

  it('a referenced text that lies about its size, overlapping entries, and a budget spent: errors', () => {
    const xml = qde([[0, 3]]);
    const liar = readQdpxProject(buildZip([{ name: 'p.qde', data: xml }, { name: 'sources/T1.txt', data: 'abcdef', claimSize: 3 }]), 'p.qdpx');
    expect(liar.problems.map((p) => [p.severity, p.ruleId])).toEqual([['error', 'zip/size-mismatch']]);
    const overlap = readQdpxProject(buildZip([{ name: 'p.qde', data: xml }, { name: 'sources/T1.txt', data: '', shareWith: 0 }]), 'p.qdpx');
    expect(overlap).toMatchObject({ project: null, problems: [{ severity: 'error', ruleId: 'zip/overlap' }] });
    const spent = readQdpxProject(project(xml, 'x'.repeat(5000)), 'p.qdpx', { zipBytes: xml.length + 100 });
    expect(spent).toMatchObject({ project: null, problems: [{ severity: 'error', ruleId: 'zip/too-large' }] });
  });
});
