import type { Parser } from 'htmlparser2';
import { htmlparser2 } from '../deps.js';
import type { Message } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { Position } from '../types.js';
import { DEFAULT_LIMITS } from './limits.js';
import { locator } from '../text/locate.js';
import { parseDocItems, type DocItem } from './paragraphs.js';
import type { ParsedText, TextOptions } from './plain-text.js';

/**
 * HTML → paragraphs and table rows, for the DOCX reader (mammoth gives HTML) and for transcripts
 * saved as HTML. Entities are decoded by htmlparser2; every character keeps its source offset.
 */

/** Elements whose end (and start) ends a paragraph; the ones in `PARAGRAPHS` count as one even when empty. */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'center', 'body', 'hr',
  'table', 'figure', 'figcaption',
]);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content is never transcript text. */
const SKIPPED = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'svg', 'math', 'object', 'iframe']);
const BOLD = new Set(['strong', 'b']);
/** mammoth's footnote and endnote ids (`footnote-1`) and the links to them (`#footnote-1`). */
const NOTE_ID = /^#?(?:footnote|endnote|comment)(?:-ref)?-\d+$/u;

const BOLD_STYLE = /font-weight\s*:\s*(bold|bolder|[6-9]00)/iu;
const LINE_BREAKS = /[\r\n]/gu;
const WHITE_SPACE = /\s+/gu;

/** An inline `font-weight` that makes text bold. */
function boldStyle(style: string | undefined): boolean {
  return BOLD_STYLE.test(style ?? '');
}

/** A paragraph being collected: its text, each character's source offset, and its leading bold run. */
interface Collecting {
  text: string;
  offsets: number[];
  heading: boolean;
  bold: string;
  /** `open` before any text, `bold` while the leading bold run lasts, `done` after. */
  boldState: 'open' | 'bold' | 'done';
}

/** What `htmlItems` gives: paragraphs (and rows) plus where each item's characters came from. */
export interface HtmlItems {
  items: DocItem[];
  /** For each item, the source offset of each character of its text (rows: of the row's start). */
  offsets: number[][];
  /** Set when elements nest deeper than the limit: the reading stopped there (offset in the source). */
  fault?: { offset: number; message: Message };
}

/** The fault of HTML nested deeper than `depth`, at `offset`. */
export function tooDeep(offset: number, depth: number): { offset: number; message: Message } {
  return { offset, message: { key: 'problem.read/too-deep.html', params: { depth } } };
}

/** Where `htmlItems` stands in the document: the open elements, what they make of text, and what it collected. */
interface HtmlReader {
  items: DocItem[];
  offsets: number[][];
  /** The open elements, innermost last. */
  stack: { name: string; skip: boolean; bold: boolean }[];
  /** How many open elements are skipped (their content is no text) or bold, and how many are tables. */
  skipDepth: number;
  boldDepth: number;
  tableDepth: number;
  /** The first-level table row being read, and the text of its cell being read. */
  row: { cells: string[]; offset: number } | null;
  cell: string | null;
  para: Collecting | null;
}

function collecting(heading: boolean): Collecting {
  return { text: '', offsets: [], heading, bold: '', boldState: 'open' };
}

/** End the paragraph being collected: it is an item when it has text, or when `force` (a paragraph element ended). */
function flush(h: HtmlReader, force: boolean): void {
  const para = h.para;
  if (para && (force || para.text.trim() !== '')) {
    const item: DocItem = { kind: 'paragraph', text: para.text, heading: para.heading };
    const lead = para.bold.trim();
    if (lead !== '' && para.boldState !== 'open') item.bold = lead;
    h.items.push(item);
    h.offsets.push(para.offsets);
  }
  h.para = null;
}

/** Add text at source `offset` (`exact`: one source character per character, else all at `offset`) to the cell or paragraph. */
function append(h: HtmlReader, text: string, offset: number, exact: boolean): void {
  if (h.skipDepth > 0) return;
  if (h.cell !== null) {
    h.cell += text;
    return;
  }
  const p = (h.para ??= collecting(false));
  for (let i = 0; i < text.length; i++) p.offsets.push(exact ? offset + i : offset);
  p.text += text;
  if (p.boldState !== 'done') followBold(p, text, h.boldDepth > 0);
}

/** Follow the paragraph's leading bold run as `text` (bold or not) is added. */
function followBold(p: Collecting, text: string, bold: boolean): void {
  if (bold) {
    p.bold += text;
    if (text.trim() !== '') p.boldState = 'bold';
  } else if (text.trim() !== '') {
    p.boldState = 'done';
  } else if (p.boldState === 'bold') {
    p.bold += text;
  }
}

/** An element starts at source offset `at`. */
function openElement(h: HtmlReader, name: string, attribs: Record<string, string>, at: number): void {
  const skip = SKIPPED.has(name) || NOTE_ID.test(attribs.id ?? '') || (name === 'a' && NOTE_ID.test(attribs.href ?? ''));
  const bold = BOLD.has(name) || boldStyle(attribs.style);
  h.stack.push({ name, skip, bold });
  if (skip) h.skipDepth++;
  if (bold) h.boldDepth++;
  if (h.skipDepth > 0) return;
  if (name === 'table') {
    if (h.tableDepth === 0) flush(h, false);
    h.tableDepth++;
  } else if (h.tableDepth > 0) {
    openInTable(h, name, at);
  } else if (name === 'br') {
    append(h, ' ', at, false);
  } else if (BLOCKS.has(name)) {
    flush(h, false);
    if (PARAGRAPHS.has(name)) h.para = collecting(HEADINGS.has(name));
  }
}

/** An element inside a table starts: a first-level row or cell, or a break inside a cell's text. */
function openInTable(h: HtmlReader, name: string, at: number): void {
  if (h.tableDepth === 1 && name === 'tr') h.row = { cells: [], offset: at };
  else if (h.tableDepth === 1 && (name === 'td' || name === 'th') && h.row) h.cell = '';
  else if (h.cell !== null && (BLOCKS.has(name) || name === 'br' || name === 'td' || name === 'th')) h.cell += ' ';
}

/** An element ends (htmlparser2 closes elements in order, implied ends included, so the stack matches). */
function closeElement(h: HtmlReader, name: string): void {
  const top = h.stack.pop();
  if (top?.skip) h.skipDepth--;
  if (top?.bold) h.boldDepth--;
  if (h.skipDepth > 0 || top?.skip) return;
  if (name === 'table' && h.tableDepth > 0) h.tableDepth--;
  else if (h.tableDepth > 0) closeInTable(h, name);
  else if (BLOCKS.has(name)) flush(h, PARAGRAPHS.has(name));
}

/** An element inside a table ends: a first-level cell joins its row, a first-level row is an item. */
function closeInTable(h: HtmlReader, name: string): void {
  if (h.tableDepth !== 1 || !h.row) return;
  if ((name === 'td' || name === 'th') && h.cell !== null) {
    h.row.cells.push(h.cell.replace(WHITE_SPACE, ' ').trim());
    h.cell = null;
  } else if (name === 'tr') {
    h.items.push({ kind: 'row', cells: h.row.cells });
    h.offsets.push([h.row.offset]);
    h.row = null;
  }
}

/**
 * Paragraphs and table rows of an HTML document in document order. Paragraph elements (`p`, `li`,
 * headings …) count even when empty, so item numbers follow the document's paragraphs; `<br>` is a
 * space; a first-level table row is one row item with the text of its cells (nested tables fold
 * into their cell); `head`, `script`, `style` and mammoth's footnotes are left out. Elements nested
 * deeper than `depth` stop the reading with a `fault` (the parser's work grows with the depth).
 */
export function htmlItems(html: string, depth: number = DEFAULT_LIMITS.depth): HtmlItems {
  const h: HtmlReader = { items: [], offsets: [], stack: [], skipDepth: 0, boldDepth: 0, tableDepth: 0, row: null, cell: null, para: null };
  let fault: HtmlItems['fault'];
  const parser: Parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        openElement(h, name, attribs, parser.startIndex);
        if (h.stack.length > depth && !fault) {
          fault = tooDeep(parser.startIndex, depth);
          parser.pause();
        }
      },
      ontext(text) {
        append(h, text.replace(LINE_BREAKS, ' '), parser.startIndex, parser.endIndex - parser.startIndex + 1 === text.length);
      },
      onclosetag(name) {
        closeElement(h, name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (fault) return { items: [], offsets: [], fault };
  parser.end();
  flush(h, false);
  return { items: h.items, offsets: h.offsets };
}

/**
 * Parse a transcript saved as HTML (not noScribe): its paragraphs as in plain text (same label and
 * time rules, bold labels too), tables with a speaker column as in DOCX. `line`/`column` point at
 * the text in the HTML file.
 */
export function parseHtml(text: string, file: string, options: TextOptions = {}): ParsedText {
  const at = locator(text);
  const { items, offsets, fault } = htmlItems(text);
  if (fault) return { blocks: [], meta: {}, problems: [problem(file, 'error', fault.message, at(fault.offset), 'read/too-deep')] };
  return parseDocItems(items, file, (item, index): Position => {
    const list = offsets[item] ?? [];
    return at(list[Math.min(index, list.length - 1)] ?? 0);
  }, options);
}
