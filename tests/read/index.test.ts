import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseTranscript, readTranscript } from '../../src/read/index.js';

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
    expect(r.problems).toStrictEqual([
      { file: 'cp1252.txt', severity: 'warning', message: 'not valid UTF-8, read as Windows-1252', ruleId: 'read/encoding' },
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

  test('a format without a reader yet, an unknown one, and a missing file are errors naming the file', async () => {
    expect(await readTranscript({ path: 'cue.vtt', id: 'cue.vtt' }, { cwd: dir })).toStrictEqual({
      transcript: null,
      problems: [{ file: 'cue.vtt', severity: 'error', message: 'cannot read .vtt (WebVTT) transcripts yet', ruleId: 'read/format' }],
    });
    expect(await readTranscript({ path: 'notes.xyz', id: 'notes.xyz' }, { cwd: dir })).toStrictEqual({
      transcript: null,
      problems: [
        { file: 'notes.xyz', severity: 'error', message: 'not a transcript format fokus reads: ".xyz" (known: .markdown, .md, .txt)', ruleId: 'read/format' },
      ],
    });
    expect(await readTranscript({ path: 'fehlt.txt', id: 'fehlt.txt' }, { cwd: dir })).toStrictEqual({
      transcript: null,
      problems: [{ file: 'fehlt.txt', severity: 'error', message: 'no such file or folder', ruleId: 'read/file' }],
    });
    expect((await readTranscript({ path: 'crlf.txt', id: 'c' }, { cwd: dir, format: 'pdf' })).problems[0]?.message).toBe(
      'unknown transcript format "pdf" (known: markdown, text)',
    );
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
