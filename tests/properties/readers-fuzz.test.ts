import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBytes } from '../../src/transcripts/decode.js';
import { parseDocx } from '../../src/transcripts/docx.js';
import { parseHtml } from '../../src/transcripts/html.js';
import { DEFAULT_LIMITS } from '../../src/transcripts/limits.js';
import { parseNoScribe } from '../../src/transcripts/noscribe.js';
import { readQdpxCoding } from '../../src/exchange/refi-qda/read.js';
import { parseRtf } from '../../src/transcripts/rtf.js';
import { parseSrt } from '../../src/transcripts/srt.js';
import { parseText, type ParsedText } from '../../src/transcripts/plain-text.js';
import { parseVtt } from '../../src/transcripts/vtt.js';
import { parseWhisper } from '../../src/transcripts/whisper.js';
import { openBoundedZip } from '../../src/transcripts/zip.js';
import type { Problem } from '../../src/types.js';

/**
 * Every reader on real sample files mutated by a seeded generator (bytes flipped, cut, inserted,
 * regions repeated up to 1 MB): it returns blocks or problems, never throws, never puts an internal
 * error or a stack trace into a message, and its work stays bounded — measured by what it gives
 * (text and problems no larger than the input allows, bytes inflated no more than the limit), never by
 * the clock.
 */

const FORMATS = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(FORMATS + name));
const MB = 1024 * 1024;

/** Small inputs: many runs. Inputs up to 1 MB: a few (each takes a moment). Same seed everywhere. */
const SMALL = { seed: 42, numRuns: 60 };
const LARGE = { seed: 42, numRuns: 3 };

interface Mutation {
  kind: 'flip' | 'delete' | 'insert' | 'repeat' | 'cut';
  at: number;
  length: number;
  byte: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'delete', 'insert', 'repeat', 'cut'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 64 }),
  byte: fc.constantFrom(0x00, 0x0a, 0x0d, 0x22, 0x26, 0x2f, 0x3c, 0x3e, 0x5b, 0x5c, 0x7b, 0x7d, 0x3a, 0xc3, 0xff, 0x41),
});

/** Apply mutations in order; a `repeat` with `grow` repeats its region until the input is near 1 MB. */
function mutate(input: Uint8Array, mutations: readonly Mutation[], grow: boolean): Uint8Array {
  let b = input;
  for (const m of mutations) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    const region = b.subarray(at, Math.min(b.length, at + m.length));
    if (m.kind === 'flip') b = Uint8Array.from(b, (x, i) => (i >= at && i < at + m.length ? x ^ m.byte : x));
    else if (m.kind === 'delete') b = concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.kind === 'insert') b = concat([b.subarray(0, at), new Uint8Array(m.length).fill(m.byte), b.subarray(at)]);
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else {
      const times = grow ? Math.max(1, Math.floor((MB - b.length) / Math.max(1, region.length))) : 3;
      b = concat([b.subarray(0, at), ...Array.from({ length: times }, () => region), b.subarray(at)]);
    }
  }
  // A large input is always near 1 MB: a region after the last mutation repeated to fill it.
  if (grow && b.length > 0 && b.length < MB / 2) {
    const at = (mutations[mutations.length - 1]?.at ?? 0) % b.length;
    const region = b.slice(at, at + 64);
    b = concat([b.subarray(0, at), ...Array.from({ length: Math.floor((MB - b.length) / region.length) }, () => region), b.subarray(at)]);
  }
  return b.length > MB ? b.subarray(0, MB) : b;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const STACK = /\n\s+at |internal error|Maximum call stack|RangeError|TypeError|ReferenceError|undefined is not|Cannot read propert/u;

function wellFormedProblem(p: Problem): void {
  expect(sound(p) ? null : p).toBeNull();
}

/** A result or problems, sized by the input: text at most what the input (or the inflate limit) holds, problems at most one per byte. */
function bounded(parsed: ParsedText, size: number): void {
  expect(parsed.blocks.length > 0 || parsed.problems.length > 0).toBe(true);
  const text = parsed.blocks.reduce((n, b) => n + b.text.length, 0);
  expect(text).toBeLessThanOrEqual(size + 1000);
  expect(parsed.problems.length).toBeLessThanOrEqual(size + 10);
  // One assertion over all (an assertion per block or problem would cost more than the reading).
  expect(parsed.problems.filter((p) => !sound(p))).toEqual([]);
  expect(parsed.blocks.every((b) => b.line >= 1 && b.column >= 1)).toBe(true);
}

/** A problem as the CLI can print it: error or warning, a message without a stack trace, a line from 1. */
function sound(p: Problem): boolean {
  return (p.severity === 'error' || p.severity === 'warning') && p.message.length > 0 && !STACK.test(p.message) && (p.line === undefined || p.line >= 1);
}

const textReaders: [string, string, (text: string, file: string) => ParsedText][] = [
  ['plain text', '01-plain.txt', (t, f) => parseText(t, f, 'text')],
  ['Markdown', '11-utf16.md', (t, f) => parseText(t, f, 'markdown')],
  ['WebVTT', '02-teams.vtt', parseVtt],
  ['SubRip', '04-untertitel.srt', parseSrt],
  ['Whisper JSON', '06-whisperx.json', parseWhisper],
  ['noScribe HTML', '07-noscribe.html', parseNoScribe],
  ['HTML', '07-noscribe.html', parseHtml],
];

describe('text readers on mutated real files', () => {
  test.each(textReaders)('%s', (_name, file, parse) => {
    const base = sample(file);
    for (const [grow, runs] of [[false, SMALL], [true, LARGE]] as const) {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const bytes = mutate(base, mutations, grow);
          const decoded = decodeBytes(bytes, 'x');
          for (const p of decoded.problems) wellFormedProblem(p);
          bounded(parse(decoded.text, 'x'), decoded.text.length);
        }),
        runs,
      );
    }
  });
});

describe('byte readers on mutated real files', () => {
  test('RTF', () => {
    const base = sample('09-f4.rtf');
    for (const [grow, runs] of [[false, SMALL], [true, LARGE]] as const) {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const bytes = mutate(base, mutations, grow);
          bounded(parseRtf(bytes, 'x.rtf'), bytes.length);
        }),
        runs,
      );
    }
  });

  test('DOCX: the archive mutated, and its document mutated inside a sound archive', async () => {
    const base = sample('08-interview.docx');
    const limits = { zipBytes: 8 * MB };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), async (mutations, grow) => {
        const bytes = mutate(base, mutations, grow);
        bounded(await parseDocx(bytes, 'x.docx', limits), limits.zipBytes);
        const opened = openBoundedZip(bytes, { ...DEFAULT_LIMITS, ...limits });
        if ('zip' in opened) {
          for (const name of opened.zip.names) opened.zip.read(name);
          expect(opened.zip.inflated()).toBeLessThanOrEqual(limits.zipBytes);
        }
      }),
      { seed: 42, numRuns: 40 },
    );
    const opened = openBoundedZip(base, DEFAULT_LIMITS);
    if (!('zip' in opened)) throw new Error('the sample DOCX does not open');
    const entries = Object.fromEntries(opened.zip.names.map((n) => [n, (opened.zip.read(n) as { data: Uint8Array }).data]));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), async (mutations, grow) => {
        const inner = { ...entries, 'word/document.xml': mutate(entries['word/document.xml']!, mutations, grow) };
        bounded(await parseDocx(zipSync(inner, { level: 1 }), 'x.docx', limits), limits.zipBytes);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  test('REFI-QDA: the archive mutated, and its project XML mutated inside a sound archive', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project name="P" origin="MAXQDA 24"><CodeBook><Codes><Code guid="A" name="Bedarfe"><Code guid="B" name="Personal"/></Code></Codes></CodeBook>
<Sources><TextSource guid="T" name="t.txt" plainTextPath="internal://T.txt">
<PlainTextSelection guid="S1" startPosition="0" endPosition="8"><Coding guid="C1"><CodeRef targetGUID="A"/></Coding></PlainTextSelection>
<PlainTextSelection guid="S2" startPosition="12" endPosition="20"><Coding guid="C2"><CodeRef targetGUID="B"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;
    const text = 'I: Hallo\r\n\r\nB1: Wir brauchen Personal.';
    const base = zipSync({ 'project.qde': strToU8(xml), 'sources/T.txt': strToU8(text) });
    const limits = { zipBytes: 8 * MB, codings: 100_000 };
    const check = (bytes: Uint8Array): void => {
      const read = readQdpxCoding(bytes, 'p.qdpx', { limits });
      expect(read.rows.length > 0 || read.problems.length > 0 || read.categories.length > 0).toBe(true);
      expect(read.rows.length).toBeLessThanOrEqual(limits.codings);
      for (const p of read.problems) wellFormedProblem(p);
    };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, grow) => check(mutate(base, mutations, grow))),
      { seed: 42, numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, grow) => {
        check(zipSync({ 'project.qde': [mutate(strToU8(xml), mutations, grow), { level: 1 }], 'sources/T.txt': strToU8(text) }));
      }),
      { seed: 42, numRuns: 40 },
    );
  });
});
