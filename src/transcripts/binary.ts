/**
 * Telling text from binary content before a text reader sees it, so a PNG renamed `.txt`, a file of
 * NUL bytes or an audio file in the transcript folder is refused with a message that says what it
 * is, instead of becoming a transcript of mojibake.
 */

import type { Message, MessageKey } from '../lang/catalogue.js';

/** Signatures of file kinds often found beside transcripts (offset, bytes, and what to call the file). */
const SIGNATURES: readonly { at: number; bytes: readonly number[]; what: MessageKey }[] = [
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47], what: 'part.binary.png' },
  { at: 0, bytes: [0xff, 0xd8, 0xff], what: 'part.binary.jpeg' },
  { at: 0, bytes: [0x47, 0x49, 0x46, 0x38], what: 'part.binary.gif' },
  { at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'part.binary.pdf' },
  { at: 0, bytes: [0x50, 0x4b, 0x03, 0x04], what: 'part.binary.zip' },
  { at: 0, bytes: [0x1f, 0x8b], what: 'part.binary.gzip' },
  { at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'part.binary.ole' },
  { at: 0, bytes: [0x49, 0x44, 0x33], what: 'part.binary.mp3' },
  { at: 0, bytes: [0x52, 0x49, 0x46, 0x46], what: 'part.binary.riff' },
  { at: 4, bytes: [0x66, 0x74, 0x79, 0x70], what: 'part.binary.mp4' },
  { at: 0, bytes: [0x4f, 0x67, 0x67, 0x53], what: 'part.binary.ogg' },
  { at: 0, bytes: [0x66, 0x4c, 0x61, 0x43], what: 'part.binary.flac' },
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'part.binary.elf' },
];

/** How many bytes from the start are looked at for control characters. */
const SAMPLE = 64 * 1024;

/** Share of control characters (other than tab, line breaks and form feed) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

/** A control character that counts against text: below 0x20 except tab, line feed, vertical tab, form feed and carriage return. */
const CONTROL = /[\x00-\x08\x0e-\x1f]/;

/** True when `bytes` start with a UTF-16 byte order mark (which a UTF-32LE one starts with too). */
function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** True when `bytes` start with a UTF-32 big-endian byte order mark. */
function hasUtf32BeBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
}

/**
 * The byte order of UTF-16 text without a byte order mark, recognised by its zero bytes: in Latin
 * text every second byte is 0 (the high byte), the others almost never are. Null when the bytes do
 * not look like UTF-16.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (hasUtf16Bom(bytes) || bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, SAMPLE);
  // Without a single zero byte in the sample neither byte order can be met (native search, no loop).
  if (bytes.subarray(0, n).indexOf(0) === -1) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZero++;
      else oddZero++;
    }
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Why bytes are not text a transcript reader can use, or null when they look like text (UTF-8, a
 * single-byte code page, UTF-16 with or without a byte order mark, UTF-32 with one): a known binary signature,
 * NUL bytes, or many control characters.
 */
export function binaryReason(bytes: Uint8Array): Message | null {
  if (bytes.length === 0 || hasUtf16Bom(bytes) || hasUtf32BeBom(bytes) || utf16WithoutBom(bytes) !== null) return null;
  const firstNul = bytes.indexOf(0);
  for (const s of SIGNATURES) {
    // A signature of printable letters ("RIFF", "GIF8") could start a text too: it needs a NUL byte as well.
    const decisive = firstNul !== -1 || s.bytes.some((b) => b < 0x20 || b >= 0x7f);
    if (decisive && s.bytes.every((b, i) => bytes[s.at + i] === b)) return { key: 'problem.binary.signature', params: { what: { key: s.what } } };
  }
  if (firstNul !== -1) {
    if (bytes.every((b) => b === 0)) return { key: 'problem.binary.nul-only' };
    return { key: 'problem.binary.nul', params: { at: firstNul + 1 } };
  }
  const n = Math.min(bytes.length, SAMPLE);
  // Most text has no such control character at all: one native pattern search over the sample
  // read as Latin-1 (one character per byte) rules them out before any counting.
  if (!CONTROL.test(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'))) return null;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) controls++;
  }
  return controls > n * MAX_CONTROL_SHARE ? { key: 'problem.binary.controls' } : null;
}
