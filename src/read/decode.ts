import iconv from 'iconv-lite';
import { problem } from '../problems.js';
import type { Problem } from '../types.js';

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
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
      problems: [
        problem(file, 'warning', 'not valid UTF-8 despite its byte order mark; invalid bytes replaced by U+FFFD', undefined, 'read/encoding'),
      ],
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le', problems: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be', problems: [] };
  }

  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', problems: [] };
  return {
    text: iconv.decode(Buffer.from(bytes), 'windows-1252'),
    encoding: 'windows-1252',
    problems: [problem(file, 'warning', 'not valid UTF-8, read as Windows-1252', undefined, 'read/encoding')],
  };
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
  if (!iconv.encodingExists(name)) {
    return {
      text: '',
      encoding: name,
      problems: [problem(file, 'error', `unknown encoding "${name}"`, undefined, 'read/encoding')],
    };
  }
  const encoding = ENCODING_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  // iconv-lite removes a BOM of the named encoding; a UTF-8 BOM read as a single-byte code page stays.
  return { text: iconv.decode(Buffer.from(bytes), name), encoding, problems: [] };
}
