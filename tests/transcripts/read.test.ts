import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTranscript, readTranscript } from '../../src/transcripts/read.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/', import.meta.url));

describe('readTranscript', () => {
  test('reads a text transcript: id, path, format, sha256, encoding, blocks', async () => {
    const r = await readTranscript({ path: 'crlf.txt', id: 'crlf.txt' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript).toStrictEqual({
      id: 'crlf.txt',
      path: 'crlf.txt',
      format: 'text',
      // sha256 of the file's 80 bytes, as `sha256sum` gives it
      sha256: '394409d0236e7957544303122654c2f4cde98c9f7706dbef4681e9f620776542',
      encoding: 'utf-8',
      meta: {},
      blocks: [
        { speaker: 'I', continuation: false, text: 'Grüß Gott.', line: 1, column: 4 },
        { speaker: 'B1', continuation: false, text: 'Servus, wie geht es?\nMir geht es gut.', line: 2, column: 5 },
        { speaker: 'B1', continuation: false, text: 'Noch etwas.', line: 5, column: 5 },
      ],
    });
  });

  test('Markdown by extension, front matter as metadata', async () => {
    const r = await readTranscript({ path: `${dir}markdown-interview.md`, id: 'markdown-interview.md' });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.format).toBe('markdown');
    expect(r.transcript?.meta.titel).toBe('Fokusgruppe Bildungslandschaft');
    expect(r.transcript?.blocks.map((b) => [b.speaker, b.line])).toEqual([
      ['Moderatorin', 13],
      ['TN1', 16],
      ['TN2', 18],
      ['Moderatorin', 22],
    ]);
  });

  test('a Windows-1252 file is read with a warning naming the file', async () => {
    const r = await readTranscript({ path: 'cp1252.txt', id: 'cp1252.txt' }, { cwd: dir });
    expect(plain(r.problems)).toStrictEqual([
      { file: 'cp1252.txt', line: 2, column: 16, severity: 'warning', message: 'not valid UTF-8, read as Windows-1252', ruleId: 'read/encoding' },
    ]);
    expect(r.transcript?.encoding).toBe('windows-1252');
    expect(r.transcript?.blocks[1]?.text).toBe('Mehr Geld für Personal € und „Zeit“ – sonst nichts…');
  });

  test('UTF-16 LE with BOM and UTF-8 with BOM', async () => {
    const le = await readTranscript({ path: 'utf16le.txt', id: 'utf16le.txt' }, { cwd: dir });
    expect(le.transcript?.encoding).toBe('utf-16le');
    expect(le.transcript?.blocks.map((b) => [b.speaker, b.text, b.column])).toEqual([
      ['I', 'Grüß dich.', 4],
      ['B1', 'Hallo.', 5],
    ]);
    const bom = await readTranscript({ path: 'utf8-bom.md', id: 'utf8-bom.md' }, { cwd: dir });
    expect(bom.transcript?.blocks).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Schön.', line: 1, column: 4 }]);
  });

  test('a forced encoding and a forced format', async () => {
    // UTF-8 "ü" (C3 BC) and "ß" (C3 9F) read as Latin-1 become two characters each.
    const r = await readTranscript({ path: 'crlf.txt', id: 'x' }, { cwd: dir, encoding: 'latin1', format: 'md' });
    expect(r.transcript?.format).toBe('markdown');
    expect(r.transcript?.encoding).toBe('iso-8859-1');
    expect(r.transcript?.blocks[0]?.text).toBe('Gr\u00c3\u00bc\u00c3\u009f Gott.');
  });

  test('an unknown format, a missing file and an unknown forced format are errors naming the file', async () => {
    expect(plain(await readTranscript({ path: 'notes.xyz', id: 'notes.xyz' }, { cwd: dir }))).toStrictEqual({
      transcript: null,
      problems: [
        {
          file: 'notes.xyz',
          severity: 'error',
          message: 'not a transcript format fokus reads: ".xyz" (known: .docx, .htm, .html, .json, .markdown, .md, .rtf, .srt, .txt, .vtt)',
          ruleId: 'read/format',
        },
      ],
    });
    expect(plain(await readTranscript({ path: 'fehlt.txt', id: 'fehlt.txt' }, { cwd: dir }))).toStrictEqual({
      transcript: null,
      problems: [{ file: 'fehlt.txt', severity: 'error', message: 'no such file or folder', ruleId: 'read/file' }],
    });
    expect((await readTranscript({ path: 'crlf.txt', id: 'c' }, { cwd: dir, format: 'pdf' })).problems[0]?.message).toBe(
      'unknown transcript format "pdf" (known: docx, html, markdown, noscribe, rtf, srt, text, vtt, whisper)',
    );
  });

  test('a one-cue WebVTT file by extension', async () => {
    const r = await readTranscript({ path: 'cue.vtt', id: 'cue.vtt' }, { cwd: dir });
    expect(r.transcript?.format).toBe('vtt');
    expect(r.transcript?.blocks).toStrictEqual([{ speaker: 'I', continuation: false, start: 0, end: 1, text: 'Hallo', line: 4, column: 6 }]);
  });
});

describe('format detection by content', () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'fokus-formats-'));
    const files: Record<string, string | Uint8Array> = {
      'zoom.txt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nB1: Hallo aus Zoom.\n',
      'f4.txt': '{\\rtf1\\ansi B1: Gr\\\'fc\\\'dfe.\\par}',
      'export.doc': '{\\rtf1\\ansi I: Word speichert RTF als .doc.\\par}',
      'noscribe.txt': '<html><body><p><a name="ts_0_1500_S00" >S00: Hallo.</a></p></body></html>',
      'word.rtf': await readFile(path.join(dir, 'formats', '08-interview.docx')),
      'alt.doc': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'scan.txt': '%PDF-1.7\n...',
      'liste.zip.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      'srt-as.txt': '1\n00:00:01,000 --> 00:00:02,000\nB1: Hallo.\n',
      'untertitel': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v I>Ohne Endung.\n',
      'seite.html': '<p>I: Eine einfache Seite.</p><p>B1: Genau.</p>',
      'whisper.txt': '{"text": " Hallo.", "segments": [{"start": 0, "end": 1.5, "text": " Hallo."}]}',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(tmp, name), content);
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  /** Format, encoding, speakers and texts of a file in the temp folder, read with `options`. */
  async function probe(name: string, options: { format?: string } = {}): Promise<unknown> {
    const r = await readTranscript({ path: name, id: name }, { cwd: tmp, ...options });
    if (!r.transcript) return r.problems.map((p) => `${p.severity}: ${p.message}`);
    return [r.transcript.format, r.transcript.encoding, r.transcript.blocks.map((b) => `${b.speaker ?? ''}|${b.text}`)];
  }

  test('content proves the format whatever the extension says', async () => {
    expect(await probe('zoom.txt')).toEqual(['vtt', 'utf-8', ['B1|Hallo aus Zoom.']]);
    expect(await probe('f4.txt')).toEqual(['rtf', 'windows-1252', ['B1|Grüße.']]);
    expect(await probe('export.doc')).toEqual(['rtf', 'windows-1252', ['I|Word speichert RTF als .doc.']]);
    expect(await probe('noscribe.txt')).toEqual(['noscribe', 'utf-8', ['S00|Hallo.']]);
    expect(await probe('untertitel')).toEqual(['vtt', 'utf-8', ['I|Ohne Endung.']]);
    expect(await probe('srt-as.txt')).toEqual(['srt', 'utf-8', ['B1|Hallo.']]);
    expect(await probe('whisper.txt')).toEqual(['whisper', 'utf-8', ['|Hallo.']]);
    expect((await probe('word.rtf')) as unknown[]).toHaveLength(3);
    expect(((await probe('word.rtf')) as unknown[])[0]).toBe('docx');
    expect(await probe('seite.html')).toEqual(['html', 'utf-8', ['I|Eine einfache Seite.', 'B1|Genau.']]);
  });

  test('formats fokus does not read are named, not guessed', async () => {
    expect(await probe('alt.doc')).toEqual(['error: cannot read an old binary Word (.doc) file; save it as .docx or .rtf']);
    expect(await probe('scan.txt')).toEqual(['error: cannot read a PDF file; export the transcript as text, DOCX or RTF']);
    expect(await probe('liste.zip.docx')).toEqual(['error: cannot read a ZIP archive, not a Word document']);
  });

  test('--input-format overrides extension and content (names or extensions); HTML with anchors stays noScribe', async () => {
    expect(await probe('srt-as.txt', { format: 'text' })).toEqual(['text', 'utf-8', ['B1|Hallo.']]);
    expect(await probe('zoom.txt', { format: 'srt' })).toEqual(['srt', 'utf-8', ['B1|Hallo aus Zoom.']]);
    expect(await probe('zoom.txt', { format: 'text' })).toEqual(['text', 'utf-8', ['B1|Hallo aus Zoom.']]);
    expect(await probe('noscribe.txt', { format: '.htm' })).toEqual(['noscribe', 'utf-8', ['S00|Hallo.']]);
    expect(await probe('seite.html', { format: 'md' })).toEqual(['markdown', 'utf-8', ['|<p>I: Eine einfache Seite.</p><p>B1: Genau.</p>']]);
  });
});

describe('parseTranscript', () => {
  test('parses text in memory; sha256 is that of the UTF-8 bytes', () => {
    const r = parseTranscript('I: Hallo.', { path: 'mem.txt', id: 'mem' }, 'text');
    expect(r).toStrictEqual({
      transcript: {
        id: 'mem',
        path: 'mem.txt',
        format: 'text',
        sha256: '636c2c979d2ec75358def6195d2f646c3d5affd58866285d0915eddffe09c821',
        encoding: 'utf-8',
        meta: {},
        blocks: [{ speaker: 'I', continuation: false, text: 'Hallo.', line: 1, column: 4 }],
      },
      problems: [],
    });
  });
});
