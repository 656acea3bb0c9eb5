import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { binaryReason } from '../../src/transcripts/binary.js';
import { readCoding } from '../../src/reliability/codings.js';
import { decodeBytes } from '../../src/transcripts/decode.js';
import { parseDocx } from '../../src/transcripts/docx.js';
import { parseHtml } from '../../src/transcripts/html.js';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseNoScribe } from '../../src/transcripts/noscribe.js';
import { parseRtf } from '../../src/transcripts/rtf.js';
import { parseSrt } from '../../src/transcripts/srt.js';
import { parseText } from '../../src/transcripts/plain-text.js';
import { parseVtt } from '../../src/transcripts/vtt.js';
import { parseWhisper } from '../../src/transcripts/whisper.js';
import { buildZip, type RawEntry } from './zip-build.js';
import { plain } from '../plain.js';

const tmp = mkdtempSync(join(tmpdir(), 'fokus-read-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Whisper JSON', () => {
  test('a segment whose text is a list or a number: a warning at the text, not dropped without a word', () => {
    const json = '{"segments": [\n{"start": 0, "end": 1, "text": ["Hallo"]},\n{"start": 1, "end": 2, "text": 42},\n{"start": 2, "end": 3, "text": {"a": 1}, "words": [{"word": " Ja"}]},\n{"start": 3, "end": 4, "text": "Gut."}\n]}';
    const r = parseWhisper(json, 'w.json');
    expect(r.blocks.map((b) => b.text)).toEqual(['Ja', 'Gut.']);
    expect(plain(r.problems)).toEqual([
      { file: 'w.json', line: 2, column: 32, severity: 'warning', message: 'the text of a segment is a list, not a string; the segment is ignored', ruleId: 'read/whisper-text' },
      { file: 'w.json', line: 3, column: 32, severity: 'warning', message: 'the text of a segment is a number, not a string; the segment is ignored', ruleId: 'read/whisper-text' },
      { file: 'w.json', line: 4, column: 32, severity: 'warning', message: 'the text of a segment is an object, not a string; its words are read instead', ruleId: 'read/whisper-text' },
    ]);
  });

  test('JSON nested 5000 deep among good files: an error for that file, the others are read', async () => {
    const deep = '{"segments": [' + '['.repeat(5000) + ']'.repeat(5000) + ']}';
    writeFileSync(join(tmp, 'deep.json'), deep);
    writeFileSync(join(tmp, 'good.json'), '{"segments": [{"start": 0, "end": 1, "text": "B1: Wir brauchen Personal."}]}');
    const [bad, good] = await Promise.all(['deep.json', 'good.json'].map((f) => readTranscript({ path: f, id: f }, { cwd: tmp })));
    expect(bad!.transcript).toBeNull();
    expect(plain(bad!.problems)).toEqual([
      { file: 'deep.json', line: 1, column: 1013, severity: 'error', message: 'JSON nested more than 1000 deep (FOKUS_MAX_DEPTH); the file is not read', ruleId: 'read/too-deep' },
    ]);
    expect(good!.transcript?.blocks.map((b) => b.text)).toEqual(['B1: Wir brauchen Personal.']);
  });
});

describe('RTF', () => {
  test('\\bin with a count beyond the end of the file does not swallow the rest: a warning, and the text is read', () => {
    const rtf = '{\\rtf1\\ansi\n{\\pard I: Hallo\\par}\n{\\*\\blipuid \\bin999999999 }\n\\pard B1: Wir brauchen Personal.\\par\n}';
    const r = parseRtf(new TextEncoder().encode(rtf), 'x.rtf');
    expect(r.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Hallo'],
      ['B1', 'Wir brauchen Personal.'],
    ]);
    expect(plain(r.problems)).toEqual([
      {
        file: 'x.rtf',
        line: 3,
        column: 13,
        severity: 'warning',
        message: '\\bin999999999 announces 999999999 bytes of binary data, but only 40 follow; the count is ignored and the rest is read as RTF',
        ruleId: 'read/rtf-bin',
      },
    ]);
  });

  test('a true \\bin still skips its bytes', () => {
    const r = parseRtf(new TextEncoder().encode('{\\rtf1 {\\pict\\bin4 }{}x} I: Hallo\\par}'), 'x.rtf');
    expect(r.blocks.map((b) => b.text)).toEqual(['Hallo']);
    expect(r.problems).toEqual([]);
  });
});

describe('WebVTT and SubRip timings', () => {
  const absurd = '2' + '7'.repeat(304);
  test('a cue that ends before it starts and an absurd time are ignored with a warning at their line', () => {
    const vtt = `WEBVTT\n\n00:00:09.000 --> 00:00:05.000\nB1: rückwärts\n\n${absurd}:58:56.000 --> ${absurd}:59:00.000\nB1: riesig\n\n00:00:10.000 --> 00:00:11.000\nB1: gut\n`;
    const r = parseVtt(vtt, 'x.vtt');
    expect(r.blocks.map((b) => [b.text, b.start, b.end])).toEqual([['gut', 10, 11]]);
    expect(plain(r.problems)).toEqual([
      { file: 'x.vtt', line: 3, column: 18, severity: 'warning', message: 'cue ends before it starts ("00:00:09.000 --> 00:00:05.000"); cue ignored', ruleId: 'read/vtt-timing' },
      { file: 'x.vtt', line: 6, column: 1, severity: 'warning', message: `invalid cue timing "${absurd}:58:56.000 --> ${absurd}:59:00.000"; cue ignored`, ruleId: 'read/vtt-timing' },
    ]);
  });

  test('the same in SubRip; 999 hours are still a time', () => {
    const srt = `1\n00:00:09,000 --> 00:00:05,000\nB1: rückwärts\n\n2\n1001:00:00,000 --> 1001:00:01,000\nB1: zu spät\n\n3\n999:00:00,000 --> 999:00:01,000\nB1: gut\n`;
    const r = parseSrt(srt, 'x.srt');
    expect(r.blocks.map((b) => [b.text, b.start])).toEqual([['gut', 999 * 3600]]);
    expect(r.problems.map((p) => [p.line, p.column, p.ruleId])).toEqual([
      [2, 18, 'read/srt-timing'],
      [6, 1, 'read/srt-timing'],
    ]);
  });
});

describe('UTF-32 with a byte order mark', () => {
  const text = 'I: Grüß Gott 😀\nB1: Ja.';
  const encode = (littleEndian: boolean, extra: number[] = []): Uint8Array => {
    const points = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!), ...extra];
    const view = new DataView(new ArrayBuffer(points.length * 4));
    points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
    return new Uint8Array(view.buffer);
  };
  test.each([
    ['little-endian', true, 'utf-32le'],
    ['big-endian', false, 'utf-32be'],
  ] as const)('%s is decoded, not taken for UTF-16 or binary', (_name, le, encoding) => {
    const bytes = encode(le);
    expect(binaryReason(bytes)).toBeNull();
    expect(decodeBytes(bytes, 'x.txt')).toEqual({ text, encoding, problems: [] });
  });

  test('a value that is no character is replaced, with a warning at its place', () => {
    const decoded = decodeBytes(encode(true, [0x110000]), 'x.txt');
    expect(decoded.text).toBe(text + '\uFFFD');
    expect(plain(decoded.problems)).toEqual([
      { file: 'x.txt', line: 2, column: 8, severity: 'warning', message: '1 UTF-32 unit is no Unicode character and was replaced by U+FFFD', ruleId: 'read/encoding' },
    ]);
  });

  test('through readTranscript', async () => {
    writeFileSync(join(tmp, 'u32.txt'), encode(false));
    const r = await readTranscript({ path: 'u32.txt', id: 'u32.txt' }, { cwd: tmp });
    expect(r.transcript?.encoding).toBe('utf-32be');
    expect(r.transcript?.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Grüß Gott 😀'],
      ['B1', 'Ja.'],
    ]);
  });
});

describe('front matter and nested HTML', () => {
  test('front matter with 100 000 keys is read in linear time (duplicate keys still refused)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: v${i}`).join('\n');
    const r = parseText(`---\n${keys}\n---\nI: Hallo\n\nB1: Ja.\n`, 'x.md', 'markdown');
    expect(Object.keys(r.meta).length).toBe(100_000);
    expect(r.meta.k99999).toBe('v99999');
    const dup = parseText('---\na: 1\nb: 2\na: 3\n---\nI: Hallo\n', 'y.md', 'markdown');
    expect(dup.meta).toEqual({});
    expect(plain(dup.problems)).toEqual([
      { file: 'y.md', line: 4, column: 1, severity: 'warning', message: 'front matter is not valid YAML and is ignored: Map keys must be unique at line 4, column 1', ruleId: 'read/front-matter' },
    ]);
  });

  test('front matter nested 100 000 deep is ignored with a warning, not a stack overflow', () => {
    const r = parseText(`---\na: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\nI: Hallo\n`, 'x.md', 'markdown');
    expect(r.meta).toEqual({});
    expect(r.problems[0]).toMatchObject({ line: 2, column: 1004, severity: 'warning', ruleId: 'read/front-matter' });
  });

  test.each([
    ['HTML', parseHtml],
    ['noScribe', parseNoScribe],
  ])('400 000 nested divs (%s): an error at the element past the depth limit', (_name, parse) => {
    const html = '<html><body>' + '<div>'.repeat(400_000) + 'B1: hallo' + '</div>'.repeat(400_000) + '</body></html>';
    const r = parse(html, 'x.html');
    expect(r.blocks).toEqual([]);
    expect(plain(r.problems)).toEqual([
      { file: 'x.html', line: 1, column: 12 + 998 * 5 + 1, severity: 'error', message: 'elements nested more than 1000 deep (FOKUS_MAX_DEPTH); the document is not read', ruleId: 'read/too-deep' },
    ]);
  });

  test('a thousand <br> and <hr> are no nesting', () => {
    const r = parseHtml('<p>B1: ' + 'ja<br>'.repeat(2000) + '</p>', 'x.html');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('DOCX archives', () => {
  const document = (body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const docx = (body: string, extra: Partial<RawEntry> = {}, more: RawEntry[] = []): Uint8Array =>
    buildZip([{ name: '_rels/.rels', data: rels }, { name: 'word/document.xml', data: document(body), ...extra }, ...more]);

  test('a minimal document built by the test is read', async () => {
    const r = await parseDocx(docx(para('I: Hallo') + para('B1: Ja.')), 'x.docx');
    expect(r.problems).toEqual([]);
    expect(r.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Hallo'],
      ['B1', 'Ja.'],
    ]);
  });

  test('a part that inflates to more than its header says is an error, not cut off and not inflated on', async () => {
    const r = await parseDocx(docx(para('I: Hallo') + para('x'.repeat(100_000)), { claimSize: 1000 }), 'x.docx');
    expect(plain(r.problems)).toEqual([
      { file: 'x.docx', severity: 'error', message: 'not read as a Word document: entry word/document.xml inflates to more than the 1000 bytes its header says; it is not read', ruleId: 'zip/size-mismatch' },
    ]);
  });

  test('a zip bomb: the bytes inflated from the archive are limited in total; unread parts are never inflated', async () => {
    const big = para('B1: ' + 'ja '.repeat(2_000_000));
    const r = await parseDocx(docx(big), 'x.docx', { zipBytes: 1_000_000 });
    expect(plain(r.problems)).toEqual([
      { file: 'x.docx', severity: 'error', message: 'not read as a Word document: entry word/document.xml would take the bytes inflated from this archive beyond 976.6 kB (FOKUS_ZIP_BYTES)', ruleId: 'zip/too-large' },
    ]);
    const unread = await parseDocx(docx(para('I: Hallo'), {}, [{ name: 'word/media/bomb.bin', data: new Uint8Array(3_000_000) }]), 'x.docx', { zipBytes: 1_000_000 });
    expect(unread.problems).toEqual([]);
  });

  test('XML that is not well-formed is refused before mammoth reads it, with its place', async () => {
    const broken = await parseDocx(docx(para('I: Hallo') + '<?xml ve'.repeat(100_000)), 'x.docx');
    expect(broken.problems).toMatchObject([{ severity: 'error', ruleId: 'read/docx' }]);
    expect(broken.problems[0]!.message).toMatch(/^not read as a Word document: word\/document\.xml is not well-formed XML at line 1, column \d+: /u);
  });

  test('a part with more elements than allowed is refused before mammoth builds them (about 1.3 kB each)', async () => {
    const r = await parseDocx(docx('<w:p/>'.repeat(2000)), 'x.docx', { elements: 1000 });
    expect(r.problems).toMatchObject([{ severity: 'error', ruleId: 'read/too-many-elements' }]);
    expect(r.problems[0]!.message).toMatch(/word\/document\.xml at line 1, column \d+: more than 1000 elements \(FOKUS_MAX_ELEMENTS\)$/u);
  });

  test('overlapping entries, and XML nested too deep for the XML reader', async () => {
    const overlap = await parseDocx(docx(para('I: Hallo'), {}, [{ name: 'word/styles.xml', data: '', shareWith: 1 }]), 'x.docx');
    expect(overlap.problems).toMatchObject([{ severity: 'error', ruleId: 'zip/overlap' }]);
    const deep = await parseDocx(docx('<w:p>'.repeat(5000) + '</w:p>'.repeat(5000)), 'x.docx');
    expect(plain(deep.problems)).toEqual([
      {
        file: 'x.docx',
        severity: 'error',
        message: `not read as a Word document: word/document.xml at line 1, column ${document('').indexOf('</w:body>') + 998 * 5 + 1}: elements nested more than 1000 deep (FOKUS_MAX_DEPTH)`,
        ruleId: 'read/too-deep',
      },
    ]);
  });
});

describe('a .qdpx that is a link to /dev/zero', () => {
  test('is refused before reading, not read forever', async () => {
    symlinkSync('/dev/zero', join(tmp, 'zero.qdpx'));
    const r = await readCoding(join(tmp, 'zero.qdpx'), 'zero.qdpx');
    expect(plain(r)).toEqual({ coding: null, problems: [{ file: 'zero.qdpx', severity: 'error', message: 'is a device, not a regular file; fokus reads only regular files', ruleId: 'read/not-a-file' }] });
  });
});

describe('DOCX: what the Word converter says', () => {
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const styled = (style: string, text: string): string => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const docx = (body: string): Uint8Array =>
    buildZip([
      { name: '_rels/.rels', data: rels },
      { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
    ]);

  test('becomes warnings, each message once, the text read; messages about styles are left out (issue 11)', async () => {
    const ignored = '<w:p><w:r><w:t>B2: Nein.</w:t><w:fancyThing/><w:fancyThing/></w:r></w:p>';
    const r = await parseDocx(docx(styled('Sprecher', 'I: Hallo') + styled('Sprecher', 'B1: Ja.') + ignored), 'x.docx');
    expect(r.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Hallo'],
      ['B1', 'Ja.'],
      ['B2', 'Nein.'],
    ]);
    expect(r.problems.map((p) => [p.severity, p.ruleId, p.message])).toEqual([['warning', 'read/docx-message', 'Word converter: An unrecognised element was ignored: w:fancyThing']]);
  });
});
