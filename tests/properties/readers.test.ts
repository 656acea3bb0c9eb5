import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { english } from '../../src/lang/catalogue.js';
import { binaryReason } from '../../src/transcripts/binary.js';
import { decodeBytes, firstInvalidUtf8 } from '../../src/transcripts/decode.js';
import { parseDocx } from '../../src/transcripts/docx.js';
import { parseHtml } from '../../src/transcripts/html.js';
import { parseTranscript } from '../../src/transcripts/read.js';
import { parseNoScribe } from '../../src/transcripts/noscribe.js';
import { parseParticipants } from '../../src/transcripts/participants.js';
import { parseRtf } from '../../src/transcripts/rtf.js';
import { parseSrt } from '../../src/transcripts/srt.js';
import { parseText, type ParsedText } from '../../src/transcripts/plain-text.js';
import { parseVtt } from '../../src/transcripts/vtt.js';
import { parseWhisper } from '../../src/transcripts/whisper.js';
import type { Problem } from '../../src/types.js';

/** Fixed seed, bounded runs: the same cases on every machine, and the whole suite stays fast. */
const RUNS = { seed: 42, numRuns: 200 };

/** Text with the characters that trouble readers most: line ends, labels, brackets, markup, surrogates. */
const noisyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom('I:', 'B1:', '**Anna:**', '[Moderatorin]', '#00:01:02-3#', '[00:01]', '(00:00:05)', 'WEBVTT', '-->', '00:00:01.000 --> 00:00:02.000',
        '<v Anna>', '</v>', '<p>', '<a name="ts_0_10">', '---', '\r\n', '\n', '\r', '\n\n', ' ', '\t', 'ä', 'a\u0308', '😀', '\ud800', '\u0000', '{', '}', '"segments"', '[', ']', ',', 'Wir brauchen Personal.'),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

/** What every reader result must look like: blocks with 1-based places, problems naming the file. */
function wellFormed(parsed: ParsedText, file: string): void {
  for (const b of parsed.blocks) {
    expect(typeof b.text).toBe('string');
    expect(b.line >= 1 && b.column >= 1).toBe(true);
  }
  for (const p of parsed.problems) wellFormedProblem(p, file);
}

function wellFormedProblem(p: Problem, file: string): void {
  expect(p.file).toBe(file);
  expect(['error', 'warning']).toContain(p.severity);
  expect(p.message.length).toBeGreaterThan(0);
  if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
}

describe('text readers never throw on arbitrary text: they return blocks and problems', () => {
  const readers: [string, (text: string, file: string) => ParsedText][] = [
    ['plain text', (t, f) => parseText(t, f, 'text')],
    ['Markdown', (t, f) => parseText(t, f, 'markdown')],
    ['WebVTT', parseVtt],
    ['SubRip', parseSrt],
    ['Whisper JSON', parseWhisper],
    ['noScribe HTML', parseNoScribe],
    ['HTML', parseHtml],
  ];
  test.each(readers)('%s', (_name, parse) => {
    fc.assert(
      fc.property(noisyText, (text) => {
        wellFormed(parse(text, 'x'), 'x');
      }),
      RUNS,
    );
  });

  test('parseTranscript for every text format, by name', () => {
    fc.assert(
      fc.property(noisyText, fc.constantFrom('text', 'markdown', 'vtt', 'srt', 'whisper', 'noscribe', 'html'), (text, format) => {
        const r = parseTranscript(text, { path: 'x', id: 'x' }, format);
        for (const p of r.problems) wellFormedProblem(p, 'x');
        expect(r.transcript === null).toBe(r.problems.some((p) => p.severity === 'error'));
      }),
      RUNS,
    );
  });
});

describe('byte readers never throw on arbitrary bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    // Starts that send readers down their format's path before the bytes go wrong.
    fc.tuple(fc.constantFrom('{\\rtf1 ', '{\\rtf1\\ansi\\ansicpg1252 {\\b Anna:} ', 'PK\u0003\u0004', '\uFEFF', '\u00FF\u00FE'), fc.uint8Array({ maxLength: 200 })).map(
      ([head, rest]) => Uint8Array.from([...Buffer.from(head, 'latin1'), ...rest]),
    ),
  );

  test('decodeBytes: a string, and at most warnings, for any bytes (and an error only for an unknown forced encoding)', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(undefined, 'utf-8', 'latin1', 'utf-16le', 'klingon'), (b, forced) => {
        const d = decodeBytes(b, 'x', forced);
        expect(typeof d.text).toBe('string');
        for (const p of d.problems) wellFormedProblem(p, 'x');
        expect(d.problems.some((p) => p.severity === 'error')).toBe(forced === 'klingon');
      }),
      RUNS,
    );
  });

  test('decodeBytes gives back any text written as UTF-8 (a leading BOM removed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const bytes = Buffer.from(s, 'utf8');
        // Text that looks like UTF-16 (every second byte 0) or binary is not what this property is about.
        fc.pre(!bytes.includes(0));
        expect(decodeBytes(bytes, 'x')).toEqual({ text: s.replace(/^\uFEFF/u, ''), encoding: 'utf-8', problems: [] });
        expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
      }),
      RUNS,
    );
  });

  test('firstInvalidUtf8 agrees with a strict decoder on the valid prefix', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (b) => {
        const k = firstInvalidUtf8(b);
        expect(() => strict.decode(b.subarray(0, k))).not.toThrow();
        if (k < b.length) expect(() => strict.decode(b)).toThrow();
      }),
      RUNS,
    );
  });

  test('binaryReason never throws and never calls UTF-8 text binary', () => {
    fc.assert(
      fc.property(bytes, fc.string({ unit: 'grapheme', maxLength: 80 }), (b, s) => {
        const said = binaryReason(b);
        const reason = said && english(said);
        expect(reason === null || reason.startsWith('is ') || reason.startsWith('holds ')).toBe(true);
        const text = Buffer.from(s.replace(/[\u0000-\u0008\u000e-\u001f]/gu, ''), 'utf8');
        expect(binaryReason(text)).toBeNull();
      }),
      RUNS,
    );
  });

  test('RTF', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const parsed = parseRtf(b, 'x.rtf');
        wellFormed(parsed, 'x.rtf');
      }),
      RUNS,
    );
  });

  test('DOCX', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        wellFormed(await parseDocx(b, 'x.docx'), 'x.docx');
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  test('participants files, CSV and YAML', () => {
    fc.assert(
      fc.property(noisyText, fc.constantFrom('csv', 'yaml') as fc.Arbitrary<'csv' | 'yaml'>, (text, format) => {
        const r = parseParticipants(text, 'p', format);
        for (const p of r.problems) wellFormedProblem(p, 'p');
      }),
      RUNS,
    );
  });
});
