import type { Parser } from 'htmlparser2';
import { htmlparser2 } from '../deps.js';
import { problem } from '../problems.js';
import type { Position } from '../types.js';
import { DEFAULT_LIMITS } from './limits.js';
import { locator } from './locate.js';
import { parseDocItems, type DocItem } from './paragraphs.js';
import type { ParsedText } from './plain-text.js';

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

/** An inline `font-weight` that makes text bold. */
function boldStyle(style: string | undefined): boolean {
  const m = /font-weight\s*:\s*(bold|bolder|[6-9]00)/iu.exec(style ?? '');
  return m !== null;
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
  fault?: { offset: number; message: string };
}

/** The fault of HTML nested deeper than `depth`, at `offset`. */
export function tooDeep(offset: number, depth: number): { offset: number; message: string } {
  return { offset, message: `elements nested more than ${depth} deep (FOKUS_MAX_DEPTH); the document is not read` };
}

/**
 * Paragraphs and table rows of an HTML document in document order. Paragraph elements (`p`, `li`,
 * headings …) count even when empty, so item numbers follow the document's paragraphs; `<br>` is a
 * space; a first-level table row is one row item with the text of its cells (nested tables fold
 * into their cell); `head`, `script`, `style` and mammoth's footnotes are left out. Elements nested
 * deeper than `depth` stop the reading with a `fault` (the parser's work grows with the depth).
 */
export function htmlItems(html: string, depth: number = DEFAULT_LIMITS.depth): HtmlItems {
  const items: DocItem[] = [];
  let fault: HtmlItems['fault'];
  const offsets: number[][] = [];
  const stack: { name: string; skip: boolean; bold: boolean }[] = [];
  let skipDepth = 0;
  let boldDepth = 0;
  let tableDepth = 0;
  let row: { cells: string[]; offset: number } | null = null;
  let cell: string | null = null;
  let para: Collecting | null = null;

  const fresh = (heading: boolean): Collecting => ({ text: '', offsets: [], heading, bold: '', boldState: 'open' });
  const flush = (force: boolean): void => {
    if (para && (force || para.text.trim() !== '')) {
      const item: DocItem = { kind: 'paragraph', text: para.text, heading: para.heading };
      const lead = para.bold.trim();
      if (lead !== '' && para.boldState !== 'open') item.bold = lead;
      items.push(item);
      offsets.push(para.offsets);
    }
    para = null;
  };
  const append = (text: string, offset: number, exact: boolean): void => {
    if (skipDepth > 0) return;
    if (cell !== null) {
      cell += text;
      return;
    }
    para ??= fresh(false);
    const p: Collecting = para;
    for (let i = 0; i < text.length; i++) p.offsets.push(exact ? offset + i : offset);
    p.text += text;
    if (p.boldState !== 'done') {
      if (boldDepth > 0) {
        p.bold += text;
        if (text.trim() !== '') p.boldState = 'bold';
      } else if (text.trim() !== '') {
        p.boldState = 'done';
      } else if (p.boldState === 'bold') {
        p.bold += text;
      }
    }
  };

  const parser: Parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        const skip = SKIPPED.has(name) || NOTE_ID.test(attribs.id ?? '') || (name === 'a' && NOTE_ID.test(attribs.href ?? ''));
        const bold = BOLD.has(name) || boldStyle(attribs.style);
        stack.push({ name, skip, bold });
        if (stack.length > depth && !fault) {
          fault = tooDeep(parser.startIndex, depth);
          parser.pause();
        }
        if (skip) skipDepth++;
        if (bold) boldDepth++;
        if (skipDepth > 0) return;
        if (name === 'table') {
          if (tableDepth === 0) flush(false);
          tableDepth++;
          return;
        }
        if (tableDepth > 0) {
          if (tableDepth === 1 && name === 'tr') row = { cells: [], offset: parser.startIndex };
          else if (tableDepth === 1 && (name === 'td' || name === 'th') && row) cell = '';
          else if (cell !== null && (BLOCKS.has(name) || name === 'br' || name === 'td' || name === 'th')) cell += ' ';
          return;
        }
        if (name === 'br') append(' ', parser.startIndex, false);
        else if (BLOCKS.has(name)) {
          flush(false);
          if (PARAGRAPHS.has(name)) para = fresh(HEADINGS.has(name));
        }
      },
      ontext(text) {
        append(text.replace(/[\r\n]/gu, ' '), parser.startIndex, parser.endIndex - parser.startIndex + 1 === text.length);
      },
      onclosetag(name) {
        // htmlparser2 closes elements in order (implied ends included), so the stack matches.
        const top = stack.pop();
        if (top?.skip) skipDepth--;
        if (top?.bold) boldDepth--;
        if (skipDepth > 0 || top?.skip) return;
        if (name === 'table' && tableDepth > 0) {
          tableDepth--;
          return;
        }
        if (tableDepth > 0) {
          if (tableDepth === 1 && (name === 'td' || name === 'th') && row && cell !== null) {
            row.cells.push(cell.replace(/\s+/gu, ' ').trim());
            cell = null;
          } else if (tableDepth === 1 && name === 'tr' && row) {
            items.push({ kind: 'row', cells: row.cells });
            offsets.push([row.offset]);
            row = null;
          }
          return;
        }
        if (BLOCKS.has(name)) flush(PARAGRAPHS.has(name));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (fault) return { items: [], offsets: [], fault };
  parser.end();
  flush(false);
  return { items, offsets };
}

/**
 * Parse a transcript saved as HTML (not noScribe): its paragraphs as in plain text (same label and
 * time rules, bold labels too), tables with a speaker column as in DOCX. `line`/`column` point at
 * the text in the HTML file.
 */
export function parseHtml(text: string, file: string): ParsedText {
  const at = locator(text);
  const { items, offsets, fault } = htmlItems(text);
  if (fault) return { blocks: [], meta: {}, problems: [problem(file, 'error', fault.message, at(fault.offset), 'read/too-deep')] };
  return parseDocItems(items, file, (item, index): Position => {
    const list = offsets[item] ?? [];
    return at(list[Math.min(index, list.length - 1)] ?? 0);
  });
}
