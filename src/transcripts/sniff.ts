import type { MessageKey } from '../lang/catalogue.js';
import { TIMING_LINE } from './cues.js';
import { NOSCRIBE_ANCHOR_IN_HTML } from './noscribe.js';
import { WEBVTT_HEADER } from './vtt.js';

/**
 * Recognising a transcript's format by its content, for files whose extension says nothing or says
 * something else: signatures as data, checked before the extension is trusted.
 */

/** What the bytes of a file show: a format fokus reads, a known format it does not read (with advice), or nothing certain. */
export type Sniffed = { format: string } | { unsupported: MessageKey } | null;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A tag of an HTML page, which noScribe's anchors are looked for in. */
const HTML_TAG = /<(?:html|body|p|a)[\s>]/iu;

/** True when `bytes` start with `signature`. */
function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** True when the ASCII text `needle` occurs anywhere in `bytes`. */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

/**
 * The format that a file's bytes prove: a ZIP holding `word/document.xml` is DOCX, `{\rtf` (after
 * white space or a UTF-8 byte order mark) is RTF; an old binary Word `.doc`, an OpenDocument text,
 * another ZIP archive and a PDF are named as formats fokus does not read. Null when the bytes prove nothing.
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP)) {
    if (contains(bytes, 'word/document')) return { format: 'docx' };
    if (contains(bytes, 'application/vnd.oasis.opendocument.text')) return { unsupported: 'part.unsupported.odt' };
    return { unsupported: 'part.unsupported.zip' };
  }
  if (startsWith(bytes, OLE)) return { unsupported: 'part.unsupported.doc' };
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(8, bytes.length - i)).toString('latin1');
  if (head.startsWith('{\\rtf')) return { format: 'rtf' };
  if (head.startsWith('%PDF-')) return { unsupported: 'part.unsupported.pdf' };
  return null;
}

/**
 * The format that a decoded text proves: a first line `WEBVTT` is WebVTT, a cue number followed by
 * a timing line (`1` / `00:00:01,000 --> …`) SubRip, a JSON object with a `"segments": [` array
 * Whisper, HTML with noScribe's `ts_` anchors noScribe; null otherwise.
 */
export function sniffText(text: string): string | null {
  const start = text.slice(0, 1024).trimStart();
  const [first = '', second = ''] = start.split(/\r\n|\r|\n/u, 2);
  if (WEBVTT_HEADER.test(first)) return 'vtt';
  if (/^\d+[ \t]*$/u.test(first) && TIMING_LINE.test(second)) return 'srt';
  if (start.startsWith('{') && /"segments"\s*:\s*\[/u.test(text)) return 'whisper';
  // The tag pattern needs a `<`: a plain text without one is not scanned again.
  if (text.indexOf('<') !== -1 && HTML_TAG.test(text) && NOSCRIBE_ANCHOR_IN_HTML.test(text)) return 'noscribe';
  return null;
}
