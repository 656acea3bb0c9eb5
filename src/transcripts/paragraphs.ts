import type { Position, Problem } from '../types.js';
import { labelShape } from './head.js';
import { MIN_NAME_OCCURRENCES } from './labels.js';
import { speakerKey } from '../text/speaker-key.js';
import { rowBlocks, tableColumns, type TableColumns } from './tables.js';
import { parseFrontMatter } from './front-matter.js';
import { frontMatterClose, parseLines, settleSpeakers, type ParsedText, type TextOptions } from './plain-text.js';
import { paragraphLines } from './text-lines.js';

/** A paragraph of a document (DOCX, RTF, HTML): its text, the bold run it starts with, and whether it is a heading. */
export interface DocParagraph {
  kind: 'paragraph';
  /** The paragraph's text on one line (line breaks inside it already turned into spaces). */
  text: string;
  /** The text of the bold run the paragraph starts with (trimmed), if any. */
  bold?: string;
  /** Headings are titles, never spoken text. */
  heading?: boolean;
}

/** A table row of a document: the text of its cells. */
export interface DocRow {
  kind: 'row';
  cells: string[];
}

/** One item of a document in order: a paragraph or a table row. */
export type DocItem = DocParagraph | DocRow;

/** Where a character of an item stands: `item` 0-based among the items, `index` 0-based in its text. */
export type ItemPosition = (item: number, index: number) => Position;

/** Positions by item number: line = item number from 1 (paragraphs and table rows), column = index + 1. */
export const paragraphNumbers: ItemPosition = (item, index) => ({ line: item + 1, column: index + 1 });

const LINE_BREAKS = /[\r\n]/gu;
const COLON_END = /\s*:\s*$/u;

/** The label a leading bold run stands for (`I:`, `Moderatorin`, `**B1 [00:01:02]:**`), without colon. */
function boldLabel(bold: string): string {
  return bold.replace(COLON_END, '').trim();
}

/** Consecutive table rows: their items and cells, and their columns when it is a transcript table. */
interface Table {
  rows: { item: number; cells: string[] }[];
  columns: TableColumns | null;
}

/**
 * Parse a document's paragraphs and table rows. Paragraphs follow the plain-text rules (labels,
 * time marks, a paragraph without label continues the turn) with one addition: a paragraph that
 * starts with a bold label (`**I:**`, `**Moderatorin**`) — a code or role word, or a name that
 * starts at least two paragraphs in bold — has it as its speaker, colon or not. Headings are
 * skipped. Consecutive table rows form a table read by `rowBlocks`. `position` maps items back to
 * the source (paragraph numbers for DOCX and RTF, file lines for HTML). The paragraphs go to the
 * text readers' core (`parseLines`) one a line, each a paragraph of its own.
 */
export function parseDocItems(items: readonly DocItem[], file: string, position: ItemPosition, options: TextOptions = {}): ParsedText {
  const { tables, tableOf } = groupTables(items);
  const { lines, labelEnds } = itemLines(items, tableOf, boldCounts(items));
  const problems: Problem[] = [];
  const { meta, first } = docFrontMatter(lines, file, position, problems);
  const read = parseLines({ lines: paragraphLines(lines), first, separate: true, position, labelEnds, ...options }, 'text', meta);
  const fromText = read.blocks.map((block, n) => ({ item: read.blockLines[n]!, block }));
  const fromRows = tables.flatMap((t) => (t.columns ? rowBlocks(t.rows, t.columns, position) : []));
  const merged = [...fromText, ...fromRows].sort((x, y) => x.item - y.item).map((x) => x.block);
  settleSpeakers(merged, file, problems);
  return read.moderators.length > 0 ? { blocks: merged, meta, problems, moderators: read.moderators } : { blocks: merged, meta, problems };
}

/**
 * Front matter of a document: a first paragraph `---` up to one `---` or `...`. Its YAML is the
 * paragraphs between, a blank line between each two and around them; its problems are mapped to the
 * paragraphs they are on.
 */
function docFrontMatter(
  lines: readonly string[],
  file: string,
  position: ItemPosition,
  problems: Problem[],
): { meta: Record<string, string>; first: number } {
  const close = frontMatterClose(lines);
  if (close < 0) return { meta: {}, first: 0 };
  const yaml: string[] = [''];
  for (let k = 1; k < close; k++) yaml.push(lines[k]!, '');
  const found: Problem[] = [];
  const meta = parseFrontMatter(yaml.join('\n'), file, 2, found);
  for (const p of found) {
    if (p.line === undefined) {
      problems.push(p);
      continue;
    }
    // YAML line 2k + 1 is paragraph k; a problem on a blank line between goes to the paragraph after it.
    const item = Math.min(close - 1, Math.ceil((p.line - 1) / 2));
    problems.push({ ...p, ...position(item, Math.max(0, (p.column ?? 1) - 1)) });
  }
  return { meta, first: close + 1 };
}

/** How many paragraphs each bold label (by speaker key) starts. */
function boldCounts(items: readonly DocItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'paragraph' && item.bold) {
      const key = speakerKey(boldLabel(item.bold));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Consecutive rows form a table (a table that is no transcript table is read as paragraphs); `tableOf` gives each row's. */
function groupTables(items: readonly DocItem[]): { tables: Table[]; tableOf: Map<number, Table> } {
  const tables: Table[] = [];
  const tableOf = new Map<number, Table>();
  items.forEach((item, k) => {
    if (item.kind !== 'row') return;
    const last = tables[tables.length - 1];
    const prev = last?.rows[last.rows.length - 1];
    if (last && prev && prev.item === k - 1) last.rows.push({ item: k, cells: item.cells });
    else tables.push({ rows: [{ item: k, cells: item.cells }], columns: null });
    tableOf.set(k, tables[tables.length - 1]!);
  });
  for (const t of tables) t.columns = tableColumns(t.rows.map((r) => r.cells));
  return { tables, tableOf };
}

/**
 * The line the text readers' core reads for each item (rows of a transcript table and headings are
 * empty lines, other rows their cells' text, a paragraph its text), and per item where the label a
 * paragraph's leading bold run marks ends (`boldLabelEnd`), if it marks one.
 */
function itemLines(items: readonly DocItem[], tableOf: ReadonlyMap<number, Table>, bold: ReadonlyMap<string, number>): { lines: string[]; labelEnds: (number | undefined)[] } {
  const lines: string[] = [];
  const labelEnds: (number | undefined)[] = [];
  items.forEach((item, k) => {
    if (item.kind === 'row') lines.push(tableOf.get(k)?.columns ? '' : item.cells.filter((c) => c.trim() !== '').join(' '));
    else if (item.heading) lines.push('');
    else {
      const text = item.text.replace(LINE_BREAKS, ' ');
      lines.push(text);
      if (item.bold !== undefined) labelEnds[k] = boldLabelEnd(text, item.bold, bold);
    }
  });
  return { lines, labelEnds };
}

/**
 * Where the label of a paragraph that starts with a known bold label ends (a code, a role word, or
 * a name that starts at least two paragraphs in bold): the end of the bold run, which the text
 * readers' core takes as the label (`parseLineHead`). Undefined for any other paragraph.
 */
function boldLabelEnd(text: string, bold: string, counts: ReadonlyMap<string, number>): number | undefined {
  const label = boldLabel(bold);
  const shape = labelShape(label);
  const at = text.indexOf(bold);
  const known = shape === 'code' || shape === 'role' || (shape === 'name' && (counts.get(speakerKey(label)) ?? 0) >= MIN_NAME_OCCURRENCES);
  if (!known || at < 0 || text.slice(0, at).trim() !== '') return undefined;
  return at + bold.length;
}
