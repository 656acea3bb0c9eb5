import { iconv } from '../deps.js';
import { positionAt, problem } from '../problems.js';
import type { Problem } from '../types.js';
import { paragraphNumbers, parseDocItems, type DocItem } from './paragraphs.js';
import type { ParsedText, TextOptions } from './plain-text.js';
import { controlSymbol, controlWord } from './rtf-controls.js';
import { closeGroup, emit, emitByte, flushBytes, newReader, openGroup, type BadBin, type RtfReader } from './rtf-state.js';

/**
 * RTF → paragraphs (f4/f5 export RTF; so do Word and TextEdit). A small RTF reader: groups, control
 * words and symbols, `\'hh` bytes in the document's code page (`\ansicpg1252`, per-font
 * `\fcharset`), `\uN` Unicode with its fallback skipped (`\ucN`), paragraphs (`\par`), line breaks,
 * tabs, typographic quotes and dashes, table cells and rows; destinations that hold no text
 * (`\fonttbl`, `\colortbl`, `\stylesheet`, `\info`, `\pict`, `{\*\…}` …) are skipped. The tokenizer
 * is here; the reader's state and text in `rtf-state.ts`, what control words do in `rtf-controls.ts`.
 */

/** What `rtfItems` found: paragraphs and table rows, the document's encoding, and problems. */
export interface RtfText {
  items: DocItem[];
  encoding: string;
  problems: Problem[];
}

const RTF_START = /^\s*\{\\rtf/u;
/** A control word after its backslash: up to 32 letters, an optional parameter, and the space that ends it. */
const CONTROL_WORD = /([a-zA-Z]{1,32})(-?\d{1,10})? ?/uy;
const HEX_BYTE = /^[0-9a-fA-F]{2}$/u;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Read an RTF file's text as paragraphs and table rows (cells of a row separated). `forced` names
 * the code page for `\'hh` bytes instead of the document's `\ansicpg`. A file that does not start
 * with `{\rtf` is an error.
 */
export function rtfItems(bytes: Uint8Array, file: string, forced?: string): RtfText {
  // Each byte is one character of the "binary" string: RTF is 7-bit except for stray 8-bit text.
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (forced !== undefined && !iconv().encodingExists(forced)) {
    return { items: [], encoding: forced, problems: [problem(file, 'error', { key: 'problem.read/encoding.unknown', params: { name: forced } }, undefined, 'read/encoding')] };
  }
  if (!RTF_START.test(s)) {
    return { items: [], encoding: 'binary', problems: [problem(file, 'error', { key: 'problem.read/rtf', params: { start: '{\\rtf' } }, undefined, 'read/rtf')] };
  }
  const r = newReader(forced);
  for (let i = s.indexOf('{'); i < s.length; ) i = readToken(r, s, i);
  flushBytes(r);
  if (r.paragraph.trim() !== '') r.items.push({ kind: 'paragraph', text: r.paragraph });
  const problems = r.badBin.length > 0 ? [binProblem(s, file, r.badBin)] : [];
  return { items: r.items, encoding: r.documentEncoding, problems };
}

/** Read the token at `i` (a brace, a control word or symbol, a character) and act on it; gives where the next one starts. */
function readToken(r: RtfReader, s: string, i: number): number {
  const c = s.charCodeAt(i);
  switch (c) {
    case OPEN_BRACE:
      openGroup(r);
      return i + 1;
    case CLOSE_BRACE:
      closeGroup(r);
      return i + 1;
    case BACKSLASH:
      return isAsciiLetter(s.charCodeAt(i + 1)) ? readControlWord(r, s, i) : readControlSymbol(r, s, i);
    case CR:
    case LF:
      return i + 1;
  }
  r.groupStart = false;
  if (c >= 0x80) emitByte(r, c);
  else emit(r, s[i]!);
  return i + 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The control word whose backslash is at `i`; `\binN` skips N bytes of binary data. */
function readControlWord(r: RtfReader, s: string, i: number): number {
  CONTROL_WORD.lastIndex = i + 1;
  const m = CONTROL_WORD.exec(s)!; // a letter follows the backslash
  const word = m[1]!;
  const param = m[2] !== undefined ? Number(m[2]) : undefined;
  const end = i + 1 + m[0].length;
  if (word !== 'bin' || param === undefined) {
    controlWord(r, word, param);
    return end;
  }
  // Binary data, never text; a count beyond the bytes left cannot be true and would swallow the rest.
  if (param <= s.length - end) return end + Math.max(0, param);
  r.badBin.push({ at: i, param, left: s.length - end });
  return end;
}

/** The control symbol whose backslash is at `i`: `\'hh` is a byte of 8-bit text, the others are one character long. */
function readControlSymbol(r: RtfReader, s: string, i: number): number {
  r.groupStart = false;
  const symbol = s[i + 1] ?? '';
  if (symbol !== "'") {
    controlSymbol(r, symbol);
    return i + 2;
  }
  const hex = s.slice(i + 2, i + 4);
  if (HEX_BYTE.test(hex)) emitByte(r, parseInt(hex, 16));
  return i + 4;
}

/** The warning for `\binN` counts beyond the end of the file: the first one's place, and how many there are. */
function binProblem(s: string, file: string, bad: readonly BadBin[]): Problem {
  const first = bad[0]!;
  const params = { param: first.param, left: first.left, more: bad.length - 1 };
  return problem(file, 'warning', { key: bad.length > 1 ? 'problem.read/rtf-bin.more' : 'problem.read/rtf-bin', params }, positionAt(s, first.at), 'read/rtf-bin');
}

/**
 * Parse an RTF transcript: its paragraphs as in plain text (labels, f4 time marks), table rows as
 * in DOCX. `line` is the paragraph number (from 1; empty paragraphs and table rows counted),
 * `column` the position in the paragraph's text. `encoding` is the code page of its 8-bit text.
 */
export function parseRtf(bytes: Uint8Array, file: string, forced?: string, options: TextOptions = {}): ParsedText & { encoding: string } {
  const read = rtfItems(bytes, file, forced);
  if (read.items.length === 0 && read.problems.length > 0) return { blocks: [], meta: {}, problems: read.problems, encoding: read.encoding };
  const parsed = parseDocItems(read.items, file, paragraphNumbers, options);
  return { ...parsed, problems: [...read.problems, ...parsed.problems], encoding: read.encoding };
}
