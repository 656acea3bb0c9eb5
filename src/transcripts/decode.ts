import { iconv } from '../deps.js';
import { problem } from '../problems.js';
import type { Position, Problem } from '../types.js';
import { utf16WithoutBom } from './binary.js';

/** What decoding a file's bytes gave: the text (BOM removed), the encoding used, and any problems. */
export interface Decoded {
  text: string;
  /** Canonical name of the encoding the text was decoded from (`utf-8`, `utf-16le`, `windows-1252`, …). */
  encoding: string;
  problems: Problem[];
}

/** Canonical names for the spellings of the encodings we see most, so reports show one name each. */
const ENCODING_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a file's bytes to text: UTF-8 (BOM removed), UTF-16 LE/BE with a BOM, or — when the bytes
 * are not valid UTF-8 — Windows-1252 with a warning naming the file; `forced` names an encoding to
 * use instead of detecting one (any name iconv-lite knows, e.g. `latin1`, `cp1252`, `utf-16le`).
 */
export function decodeBytes(bytes: Uint8Array, file: string, forced?: string): Decoded {
  if (forced !== undefined && forced.trim() !== '') return decodeForced(bytes, file, forced.trim());

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryUtf8(body);
    if (text !== null) return { text, encoding: 'utf-8', problems: [] };
    // The BOM says UTF-8, so trust it over the bytes and only replace what cannot be decoded.
    const bad = firstInvalidUtf8(body);
    const at = lineColumn(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, bad)));
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
      problems: [
        problem(file, 'warning', { key: 'problem.read/encoding.bom' }, at, 'read/encoding'),
      ],
    };
  }
  const utf32 = utf32Bom(bytes);
  if (utf32 !== null) return decodeUtf32(bytes.subarray(4), utf32, file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le', problems: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be', problems: [] };
  }

  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) {
    return {
      text: iconv().decode(Buffer.from(bytes), utf16, { stripBOM: false }),
      encoding: utf16,
      problems: [problem(file, 'warning', { key: 'problem.read/encoding.utf16', params: { encoding: utf16.toUpperCase() } }, undefined, 'read/encoding')],
    };
  }

  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', problems: [] };
  // Windows-1252 gives one character per byte, so the first bad byte's offset is its offset in the text.
  const decoded = iconv().decode(Buffer.from(bytes), 'windows-1252');
  return {
    text: decoded,
    encoding: 'windows-1252',
    problems: [problem(file, 'warning', { key: 'problem.read/encoding.windows-1252' }, lineColumn(decoded.slice(0, firstInvalidUtf8(bytes))), 'read/encoding')],
  };
}

/** The byte order of a UTF-32 byte order mark at the start of `bytes`, or null. */
export function utf32Bom(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'utf-32le';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32be';
  return null;
}

/**
 * UTF-32 text (after its byte order mark): each four bytes one code point. Values that are no
 * Unicode scalar value (surrogates, above U+10FFFF) and a cut-off last unit become U+FFFD, with a
 * warning at the first of them.
 */
function decodeUtf32(body: Uint8Array, encoding: 'utf-32le' | 'utf-32be', file: string): Decoded {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const little = encoding === 'utf-32le';
  const parts: string[] = [];
  let bad = 0;
  let firstBad = -1;
  let chunk: number[] = [];
  const units = Math.floor(body.length / 4);
  for (let k = 0; k < units; k++) {
    const cp = view.getUint32(k * 4, little);
    const valid = cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    if (!valid) {
      bad++;
      if (firstBad < 0) firstBad = parts.join('').length + String.fromCodePoint(...chunk).length;
    }
    chunk.push(valid ? cp : 0xfffd);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  if (body.length % 4 !== 0) {
    bad++;
    if (firstBad < 0) firstBad = parts.join('').length;
    parts.push('\uFFFD');
  }
  const text = parts.join('');
  if (bad === 0) return { text, encoding, problems: [] };
  const message = { key: 'problem.read/encoding.utf32', params: { n: bad } } as const;
  return { text, encoding, problems: [problem(file, 'warning', message, lineColumn(text.slice(0, firstBad)), 'read/encoding')] };
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms, surrogates
 * and values above U+10FFFF are invalid); `bytes.length` when all are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Where the text after `before` starts: 1-based line (`\r\n`, `\r` and `\n` end lines) and column. */
function lineColumn(before: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 10 || (c === 13 && before.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: before.length - lineStart + 1 };
}

/** True when `name` is an encoding `decodeBytes` can be forced to (any name iconv-lite knows). */
export function knownEncoding(name: string): boolean {
  return iconv().encodingExists(name.trim());
}

/** Strict UTF-8 decoding; null when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Decode with an encoding the user named; an unknown name is an error and gives no text. */
function decodeForced(bytes: Uint8Array, file: string, name: string): Decoded {
  if (!iconv().encodingExists(name)) {
    return {
      text: '',
      encoding: name,
      problems: [problem(file, 'error', { key: 'problem.read/encoding.unknown', params: { name } }, undefined, 'read/encoding')],
    };
  }
  const encoding = ENCODING_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  // iconv-lite removes a BOM of the named encoding; a UTF-8 BOM read as a single-byte code page stays.
  const text = iconv().decode(Buffer.from(bytes), name);
  // Bytes the named encoding cannot decode become U+FFFD: say so, and where the first one is.
  const replaced = text.indexOf('\uFFFD');
  if (replaced === -1 || (encoding === 'utf-8' && firstInvalidUtf8(bytes) === bytes.length)) return { text, encoding, problems: [] };
  let count = 0;
  for (let i = replaced; i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  const message = { key: 'problem.read/encoding.replaced', params: { n: count, name } } as const;
  return { text, encoding, problems: [problem(file, 'warning', message, lineColumn(text.slice(0, replaced)), 'read/encoding')] };
}
