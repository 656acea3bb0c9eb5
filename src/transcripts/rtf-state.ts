import { iconv } from '../deps.js';
import type { DocItem } from './paragraphs.js';

/**
 * The state of the RTF reader (`rtf.ts`) and what changes it outside control words: groups opened
 * and closed, and the text collected into paragraphs, table cells and rows.
 */

/** What holds inside one group; `{` gives the new group a copy, `}` brings back the outer one. */
export interface GroupState {
  skip: boolean;
  /** How many fallback characters follow a `\uN`. */
  uc: number;
  /** The encoding of `\'hh` bytes in this group (from the current font). */
  encoding: string;
  inFontTable: boolean;
}

/** A `\binN` whose count runs past the end of the file: where it stands, its count, and the bytes left. */
export interface BadBin {
  at: number;
  param: number;
  left: number;
}

/** Everything the reader keeps while it walks an RTF file. */
export interface RtfReader {
  /** The code page named for `\'hh` bytes instead of the document's, if any. */
  readonly forced: string | undefined;
  documentEncoding: string;
  /** The encoding of each font number the font table gives a charset or code page. */
  fontEncodings: Map<number, string>;
  /** The font number the font table is defining (-1 outside a definition). */
  fontBeingDefined: number;
  items: DocItem[];
  /** The text of the paragraph (or table cell) being read. */
  paragraph: string;
  /** The cells of the table row being read. */
  cells: string[];
  inTable: boolean;
  /** `\'hh` bytes not yet decoded: consecutive bytes decode together (multi-byte code pages). */
  bytesPending: number[];
  /** How many fallback characters of a `\uN` are still to be skipped. */
  skipFallback: number;
  state: GroupState;
  /** The states of the enclosing groups. */
  stack: GroupState[];
  /** True right after `{`: the next control word may name a destination. */
  groupStart: boolean;
  /** True right after `\*`: the next control word names a destination to skip unless known. */
  ignorable: boolean;
  badBin: BadBin[];
}

/** A reader at the start of a file; `forced` names the code page to use instead of the document's. */
export function newReader(forced: string | undefined): RtfReader {
  const documentEncoding = forced ?? 'windows-1252';
  return {
    forced,
    documentEncoding,
    fontEncodings: new Map(),
    fontBeingDefined: -1,
    items: [],
    paragraph: '',
    cells: [],
    inTable: false,
    bytesPending: [],
    skipFallback: 0,
    state: { skip: false, uc: 1, encoding: documentEncoding, inFontTable: false },
    stack: [],
    groupStart: false,
    ignorable: false,
    badBin: [],
  };
}

/** `{`: a new group starts with a copy of the current state. */
export function openGroup(r: RtfReader): void {
  flushBytes(r);
  r.stack.push(r.state);
  r.state = { ...r.state };
  r.groupStart = true;
}

/** `}`: the group ends; the enclosing group's state applies again. */
export function closeGroup(r: RtfReader): void {
  flushBytes(r);
  if (r.state.inFontTable) r.fontBeingDefined = -1;
  r.state = r.stack.pop() ?? r.state;
  r.skipFallback = 0;
  r.groupStart = false;
  r.ignorable = false;
}

/** Decode the pending `\'hh` bytes into the paragraph, in the group's encoding. */
export function flushBytes(r: RtfReader): void {
  if (r.bytesPending.length === 0) return;
  r.paragraph += iconv().decode(Buffer.from(r.bytesPending), r.state.encoding);
  r.bytesPending = [];
}

/** True when the next character is text: the group is not skipped and no `\uN` fallback is due (one is used up). */
function takesCharacter(r: RtfReader): boolean {
  if (r.state.skip) return false;
  if (r.skipFallback > 0) {
    r.skipFallback--;
    return false;
  }
  return true;
}

/** Add text to the paragraph. */
export function emit(r: RtfReader, text: string): void {
  if (!takesCharacter(r)) return;
  flushBytes(r);
  r.paragraph += text;
}

/** Add a byte of 8-bit text; it is decoded with the bytes next to it. */
export function emitByte(r: RtfReader, byte: number): void {
  if (!takesCharacter(r)) return;
  r.bytesPending.push(byte);
}

/** End the paragraph; inside a table cell, paragraphs run together. */
export function endParagraph(r: RtfReader): void {
  flushBytes(r);
  if (r.inTable) {
    r.paragraph += ' ';
    return;
  }
  r.items.push({ kind: 'paragraph', text: r.paragraph });
  r.paragraph = '';
}

const WHITE_SPACE = /\s+/gu;

/** End a table cell: its text, white space folded, is the row's next cell. */
export function endCell(r: RtfReader): void {
  flushBytes(r);
  r.cells.push(r.paragraph.replace(WHITE_SPACE, ' ').trim());
  r.paragraph = '';
}

/** End a table row: its cells (the last one even without `\cell`) are one item. */
export function endRow(r: RtfReader): void {
  flushBytes(r);
  if (r.paragraph.trim() !== '') endCell(r);
  r.items.push({ kind: 'row', cells: r.cells });
  r.cells = [];
  r.paragraph = '';
  r.inTable = false;
}
