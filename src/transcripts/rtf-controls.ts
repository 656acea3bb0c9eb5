import { iconv } from '../deps.js';
import { emit, endCell, endParagraph, endRow, flushBytes, type RtfReader } from './rtf-state.js';

/**
 * What RTF control words and symbols do to the reader (`rtf.ts`): destinations skipped, the font
 * table's code pages, encodings, Unicode characters, paragraph and table breaks, special characters.
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

/** Control symbols (`\` and one character that is no letter) that stand for one character. */
const CHARACTER_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ['{', '{'],
  ['}', '}'],
  ['~', '\u00a0'],
  ['_', '-'],
]);

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

/** What a control word does, given its parameter (`\f2` → 2). */
type ControlWord = (r: RtfReader, param: number | undefined) => void;

/** The document's encoding (and the group's), unless the caller forced one. */
function setDocumentEncoding(r: RtfReader, encoding: string): void {
  if (r.forced === undefined) r.documentEncoding = r.state.encoding = encoding;
}

/** `\fN`: the font's encoding applies to the `\'hh` bytes that follow. */
function selectFont(r: RtfReader, param: number | undefined): void {
  flushBytes(r);
  r.state.encoding = (param !== undefined ? r.fontEncodings.get(param) : undefined) ?? r.documentEncoding;
}

/** `\uN`: a Unicode character (negative N counts from 65536), then `\ucN` fallback characters to skip. */
function unicodeCharacter(r: RtfReader, param: number | undefined): void {
  if (param === undefined) return;
  emit(r, String.fromCharCode(param < 0 ? param + 65536 : param));
  if (!r.state.skip) r.skipFallback = r.state.uc;
}

/** `\ansicpgN`: the document's code page. */
function ansiCodepage(r: RtfReader, param: number | undefined): void {
  if (param !== undefined) setDocumentEncoding(r, codepageName(param));
}

/** `\ucN`: how many fallback characters follow each `\uN` in this group (1 without N). */
function fallbackLength(r: RtfReader, param: number | undefined): void {
  r.state.uc = param ?? 1;
}

/** `\upr`: the group is the ANSI half of a text; the `\*\ud` group inside has the Unicode text. */
function skipAnsiHalf(r: RtfReader): void {
  r.state.skip = true;
}

/** `\par`, `\sect`, `\page` (and `\` before a line end). */
function paragraphBreak(r: RtfReader): void {
  if (!r.state.skip) endParagraph(r);
}

/** `\intbl`: the paragraph is in a table cell. */
function tableParagraph(r: RtfReader): void {
  if (!r.state.skip) r.inTable = true;
}

/** `\pard`: a paragraph reset outside a row ends the table mode; `\intbl` sets it again. */
function resetParagraph(r: RtfReader): void {
  if (!r.state.skip && r.cells.length === 0) r.inTable = false;
}

function cellBreak(r: RtfReader): void {
  if (!r.state.skip) endCell(r);
}

function rowBreak(r: RtfReader): void {
  if (!r.state.skip) endRow(r);
}

/** The control words with an effect beyond one character, outside the font table. */
const CONTROL_WORDS: ReadonlyMap<string, ControlWord> = new Map<string, ControlWord>([
  ['ansicpg', ansiCodepage],
  ['mac', (r) => setDocumentEncoding(r, 'macintosh')],
  ['pc', (r) => setDocumentEncoding(r, 'cp437')],
  ['pca', (r) => setDocumentEncoding(r, 'cp850')],
  ['f', selectFont],
  ['uc', fallbackLength],
  ['u', unicodeCharacter],
  ['upr', skipAnsiHalf],
  ['par', paragraphBreak],
  ['sect', paragraphBreak],
  ['page', paragraphBreak],
  ['intbl', tableParagraph],
  ['cell', cellBreak],
  ['nestcell', cellBreak],
  ['row', rowBreak],
  ['nestrow', rowBreak],
  ['pard', resetParagraph],
  // Binary data: the tokenizer skips it.
  ['bin', () => {}],
]);

/** A control word inside the font table: `\fN` starts a font's definition, `\fcharsetN` and `\cpgN` give its code page. */
function fontTableWord(r: RtfReader, word: string, param: number | undefined): void {
  if (word === 'f' && param !== undefined) {
    r.fontBeingDefined = param;
    return;
  }
  if (param === undefined || r.fontBeingDefined < 0 || r.forced !== undefined) return;
  const cp = word === 'fcharset' ? CHARSET_CODEPAGES[param] : word === 'cpg' ? param : undefined;
  if (cp !== undefined) r.fontEncodings.set(r.fontBeingDefined, codepageName(cp));
}

/** Act on a control word (`\par`, `\u8222`, `\fonttbl` …): destinations, the font table, then the word's own effect. */
export function controlWord(r: RtfReader, word: string, param: number | undefined): void {
  const destination = r.groupStart;
  r.groupStart = false;
  if (r.ignorable) {
    r.ignorable = false;
    // `{\*\ud …}` holds the Unicode twin of an `\upr` group's text; every other `\*` destination is skipped.
    r.state.skip = word !== 'ud';
    return;
  }
  if (word === 'fonttbl') {
    r.state.inFontTable = true;
    r.state.skip = true;
    return;
  }
  if (r.state.inFontTable) {
    fontTableWord(r, word, param);
    return;
  }
  if (SKIPPED_DESTINATIONS.has(word) && (destination || word === 'fldinst')) {
    r.state.skip = true;
    return;
  }
  const act = CONTROL_WORDS.get(word);
  if (act !== undefined) {
    act(r, param);
    return;
  }
  const ch = Object.hasOwn(CHARACTER_WORDS, word) ? CHARACTER_WORDS[word] : undefined;
  if (ch !== undefined) emit(r, ch);
}

/**
 * Act on a control symbol other than `\'hh`: `\*` marks an ignorable destination, `\` before a line
 * end is a paragraph break, escaped braces and backslashes, `\~` and `\_` are characters; `\-`
 * (optional hyphen), `\|`, `\:` and other symbols stand for nothing in plain text.
 */
export function controlSymbol(r: RtfReader, symbol: string): void {
  if (symbol === '*') r.ignorable = true;
  else if (symbol === '\n' || symbol === '\r') paragraphBreak(r);
  else {
    const ch = CHARACTER_SYMBOLS.get(symbol);
    if (ch !== undefined) emit(r, ch);
  }
}
