import { iconv } from '../deps.js';
import { positionAt, problem } from '../problems.js';
import type { Problem } from '../types.js';
import { paragraphNumbers, parseDocItems, type DocItem } from './paragraphs.js';
import type { ParsedText } from './plain-text.js';

/**
 * RTF → paragraphs (f4/f5 export RTF; so do Word and TextEdit). A small RTF reader: groups, control
 * words and symbols, `\'hh` bytes in the document's code page (`\ansicpg1252`, per-font
 * `\fcharset`), `\uN` Unicode with its fallback skipped (`\ucN`), paragraphs (`\par`), line breaks,
 * tabs, typographic quotes and dashes, table cells and rows; destinations that hold no text
 * (`\fonttbl`, `\colortbl`, `\stylesheet`, `\info`, `\pict`, `{\*\…}` …) are skipped.
 */

/** Destinations whose content is no document text. */
export const SKIPPED_DESTINATIONS: ReadonlySet<string> = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr',
  'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'atnid', 'atnauthor',
  'xe', 'tc', 'fldinst', 'datafield', 'themedata', 'colorschememapping', 'latentstyles', 'datastore',
  'listtable', 'listoverridetable', 'rsidtbl', 'revtbl', 'generator', 'xmlnstbl', 'mmathPr', 'pgdsctbl',
  'filetbl', 'bkmkstart', 'bkmkend', 'nonshppict', 'shp', 'shpinst', 'sp', 'sn', 'sv', 'template',
  'userprops', 'docvar', 'pntext', 'pntxta', 'pntxtb', 'listtext', 'txe', 'protusertbl', 'wgrffmtfilter',
]);

/** Control words that stand for one character. */
export const CHARACTER_WORDS: Readonly<Record<string, string>> = {
  tab: '\t',
  line: ' ',
  emdash: '\u2014',
  endash: '\u2013',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  bullet: '\u2022',
};

/** Windows code pages of the `\fcharset` values (0 = the document's `\ansicpg`). */
const CHARSET_CODEPAGES: Readonly<Record<number, number>> = {
  128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256,
  186: 1257, 204: 1251, 222: 874, 238: 1250,
};

/** The iconv-lite name of a Windows code page number (`1252` → `windows-1252`). */
function codepageName(cp: number): string {
  const name = cp >= 1250 && cp <= 1258 ? `windows-${cp}` : cp === 10000 ? 'macintosh' : `cp${cp}`;
  return iconv().encodingExists(name) ? name : 'windows-1252';
}

interface GroupState {
  skip: boolean;
  /** How many fallback characters follow a `\uN`. */
  uc: number;
  /** The encoding of `\'hh` bytes in this group (from the current font). */
  encoding: string;
  inFontTable: boolean;
}

/** What `rtfItems` found: paragraphs and table rows, the document's encoding, and problems. */
export interface RtfText {
  items: DocItem[];
  encoding: string;
  problems: Problem[];
}

/**
 * Read an RTF file's text as paragraphs and table rows (cells of a row separated). `forced` names
 * the code page for `\'hh` bytes instead of the document's `\ansicpg`. A file that does not start
 * with `{\rtf` is an error.
 */
export function rtfItems(bytes: Uint8Array, file: string, forced?: string): RtfText {
  // Each byte is one character of the "binary" string: RTF is 7-bit except for stray 8-bit text.
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const problems: Problem[] = [];
  if (forced !== undefined && !iconv().encodingExists(forced)) {
    return { items: [], encoding: forced, problems: [problem(file, 'error', `unknown encoding "${forced}"`, undefined, 'read/encoding')] };
  }
  if (!/^\s*\{\\rtf/u.test(s)) {
    return { items: [], encoding: 'binary', problems: [problem(file, 'error', 'not an RTF file (it does not start with {\\rtf)', undefined, 'read/rtf')] };
  }
  let documentEncoding = forced ?? 'windows-1252';
  const fontEncodings = new Map<number, string>();
  let fontBeingDefined = -1;

  const items: DocItem[] = [];
  let paragraph = '';
  let cells: string[] = [];
  let inTable = false;
  let bytesPending: number[] = [];
  let skipFallback = 0;

  let state: GroupState = { skip: false, uc: 1, encoding: documentEncoding, inFontTable: false };
  const stack: GroupState[] = [];
  let groupStart = false;
  let ignorable = false;

  const flushBytes = (): void => {
    if (bytesPending.length === 0) return;
    paragraph += iconv().decode(Buffer.from(bytesPending), state.encoding);
    bytesPending = [];
  };
  const emit = (text: string): void => {
    if (state.skip) return;
    if (skipFallback > 0) {
      skipFallback--;
      return;
    }
    flushBytes();
    paragraph += text;
  };
  const emitByte = (byte: number): void => {
    if (state.skip) return;
    if (skipFallback > 0) {
      skipFallback--;
      return;
    }
    bytesPending.push(byte);
  };
  const endParagraph = (): void => {
    flushBytes();
    if (inTable) {
      paragraph += ' '; // paragraphs inside a table cell run together
      return;
    }
    items.push({ kind: 'paragraph', text: paragraph });
    paragraph = '';
  };
  const endCell = (): void => {
    flushBytes();
    cells.push(paragraph.replace(/\s+/gu, ' ').trim());
    paragraph = '';
  };
  const endRow = (): void => {
    flushBytes();
    if (paragraph.trim() !== '') endCell();
    items.push({ kind: 'row', cells });
    cells = [];
    paragraph = '';
    inTable = false;
  };

  const controlWord = (word: string, param: number | undefined): void => {
    const destination = groupStart;
    groupStart = false;
    if (ignorable) {
      ignorable = false;
      // `{\*\ud …}` holds the Unicode twin of an `\upr` group's text; every other `\*` destination is skipped.
      if (word !== 'ud') state.skip = true;
      else state.skip = false;
      return;
    }
    if (word === 'fonttbl') {
      state.inFontTable = true;
      state.skip = true;
      return;
    }
    if (state.inFontTable) {
      if (word === 'f' && param !== undefined) fontBeingDefined = param;
      else if (word === 'fcharset' && param !== undefined && fontBeingDefined >= 0 && forced === undefined) {
        const cp = CHARSET_CODEPAGES[param];
        if (cp !== undefined) fontEncodings.set(fontBeingDefined, codepageName(cp));
      } else if (word === 'cpg' && param !== undefined && fontBeingDefined >= 0 && forced === undefined) {
        fontEncodings.set(fontBeingDefined, codepageName(param));
      }
      return;
    }
    if (SKIPPED_DESTINATIONS.has(word) && (destination || word === 'fldinst')) {
      state.skip = true;
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== undefined && forced === undefined) documentEncoding = state.encoding = codepageName(param);
        return;
      case 'mac':
        if (forced === undefined) documentEncoding = state.encoding = 'macintosh';
        return;
      case 'pc':
        if (forced === undefined) documentEncoding = state.encoding = 'cp437';
        return;
      case 'pca':
        if (forced === undefined) documentEncoding = state.encoding = 'cp850';
        return;
      case 'f':
        flushBytes();
        state.encoding = (param !== undefined ? fontEncodings.get(param) : undefined) ?? documentEncoding;
        return;
      case 'uc':
        state.uc = param ?? 1;
        return;
      case 'u':
        if (param !== undefined) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          if (!state.skip) skipFallback = state.uc;
        }
        return;
      case 'upr':
        state.skip = true; // the ANSI half; the `\*\ud` group inside has the Unicode text
        return;
      case 'par':
      case 'sect':
      case 'page':
        if (!state.skip) endParagraph();
        return;
      case 'intbl':
        if (!state.skip) inTable = true;
        return;
      case 'cell':
      case 'nestcell':
        if (!state.skip) endCell();
        return;
      case 'row':
      case 'nestrow':
        if (!state.skip) endRow();
        return;
      case 'pard':
        // A paragraph reset outside a row ends the table mode; `\intbl` sets it again.
        if (!state.skip && cells.length === 0) inTable = false;
        return;
      case 'bin':
        return; // handled by the tokenizer
      default: {
        const ch = CHARACTER_WORDS[word];
        if (ch !== undefined) emit(ch);
      }
    }
  };

  const badBin: { at: number; param: number; left: number }[] = [];
  let i = s.indexOf('{');
  while (i < s.length) {
    const c = s[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      if (state.inFontTable) fontBeingDefined = -1;
      state = stack.pop() ?? state;
      skipFallback = 0;
      groupStart = false;
      ignorable = false;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = s[i + 1] ?? '';
      if (/[a-zA-Z]/u.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/u.exec(s.slice(i + 1, i + 48));
        const word = m?.[1] ?? next;
        const param = m?.[2] !== undefined ? Number(m[2]) : undefined;
        i += 1 + (m?.[0].length ?? 1);
        if (word === 'bin' && param !== undefined) {
          // Binary data, never text; a count beyond the bytes left cannot be true and would swallow the rest.
          if (param > s.length - i) badBin.push({ at: i - 1 - (m?.[0].length ?? 1), param, left: s.length - i });
          else i += Math.max(0, param);
          continue;
        }
        controlWord(word, param);
        continue;
      }
      groupStart = false;
      if (next === "'") {
        const hex = s.slice(i + 2, i + 4);
        if (/^[0-9a-fA-F]{2}$/u.test(hex)) emitByte(parseInt(hex, 16));
        i += 4;
        continue;
      }
      if (next === '*') ignorable = true;
      else if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') {
        if (!state.skip) endParagraph();
      }
      // `\-` (optional hyphen), `\|`, `\:` and other symbols stand for nothing in plain text.
      i += 2;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    groupStart = false;
    const code = c.charCodeAt(0);
    if (code >= 0x80) emitByte(code);
    else emit(c);
    i++;
  }
  flushBytes();
  if (paragraph.trim() !== '') items.push({ kind: 'paragraph', text: paragraph });
  if (badBin.length > 0) problems.push(binProblem(s, file, badBin));
  return { items, encoding: documentEncoding, problems };
}

/** The warning for `\binN` counts beyond the end of the file: the first one's place, and how many there are. */
function binProblem(s: string, file: string, bad: readonly { at: number; param: number; left: number }[]): Problem {
  const first = bad[0]!;
  const more = bad.length > 1 ? ` (${bad.length - 1} more such \\bin)` : '';
  const message = `\\bin${first.param} announces ${first.param} bytes of binary data, but only ${first.left} follow; the count is ignored and the rest is read as RTF${more}`;
  return problem(file, 'warning', message, positionAt(s, first.at), 'read/rtf-bin');
}

/**
 * Parse an RTF transcript: its paragraphs as in plain text (labels, f4 time marks), table rows as
 * in DOCX. `line` is the paragraph number (from 1; empty paragraphs and table rows counted),
 * `column` the position in the paragraph's text. `encoding` is the code page of its 8-bit text.
 */
export function parseRtf(bytes: Uint8Array, file: string, forced?: string): ParsedText & { encoding: string } {
  const read = rtfItems(bytes, file, forced);
  if (read.items.length === 0 && read.problems.length > 0) return { blocks: [], meta: {}, problems: read.problems, encoding: read.encoding };
  const parsed = parseDocItems(read.items, file, paragraphNumbers);
  return { ...parsed, problems: [...read.problems, ...parsed.problems], encoding: read.encoding };
}
