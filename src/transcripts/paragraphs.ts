import type { Block, Position, Problem } from '../types.js';
import { labelShape } from './head.js';
import { MIN_NAME_OCCURRENCES } from './labels.js';
import { speakerKey } from '../text/speaker-key.js';
import { rowBlocks, tableColumns, type TableColumns } from './tables.js';
import { parseText, settleSpeakers, type ParsedText } from './plain-text.js';

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
 * the source (paragraph numbers for DOCX and RTF, file lines for HTML).
 */
export function parseDocItems(items: readonly DocItem[], file: string, position: ItemPosition): ParsedText {
  const { tables, tableOf } = groupTables(items);
  const { lines, shifts } = plainLines(items, tableOf, boldCounts(items));
  const parsed = parseText(lines.join('\n\n'), file, 'text');
  // Paragraph k (0-based) is line 2k + 1 of the plain text; its columns are shifted by the bold markers.
  const toSource = (line: number, column: number): Position => {
    const k = (line - 1) / 2;
    return position(k, Math.max(0, column - 1 - (shifts[k] ?? 0)));
  };

  const fromText: { item: number; block: Block }[] = parsed.blocks.map((b) => {
    const at = toSource(b.line, b.column);
    return { item: (b.line - 1) / 2, block: { ...b, line: at.line, column: at.column } };
  });
  const fromRows = tables.flatMap((t) => (t.columns ? rowBlocks(t.rows, t.columns, position) : []));
  const merged = [...fromText, ...fromRows].sort((a, b) => a.item - b.item).map((x) => x.block);

  const problems: Problem[] = parsed.problems
    .filter((p) => p.ruleId !== 'read/no-labels' && p.ruleId !== 'read/empty')
    .map((p) => (p.line === undefined ? p : { ...p, ...toSource(p.line, p.column ?? 1) }));
  settleSpeakers(merged, file, problems);
  return parsed.moderators ? { blocks: merged, meta: parsed.meta, problems, moderators: parsed.moderators } : { blocks: merged, meta: parsed.meta, problems };
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
 * One plain-text line per item (rows of a transcript table and headings are empty lines, other rows
 * their cells' text), and per item how many characters the line has more than the source before
 * the text (bold markers).
 */
function plainLines(items: readonly DocItem[], tableOf: ReadonlyMap<number, Table>, bold: ReadonlyMap<string, number>): { lines: string[]; shifts: number[] } {
  const lines: string[] = [];
  const shifts: number[] = [];
  items.forEach((item, k) => {
    shifts[k] = 0;
    if (item.kind === 'row') lines.push(tableOf.get(k)?.columns ? '' : item.cells.filter((c) => c.trim() !== '').join(' '));
    else if (item.heading) lines.push('');
    else {
      const text = item.text.replace(LINE_BREAKS, ' ');
      const labelled = item.bold === undefined ? null : boldLabelLine(text, item.bold, bold);
      lines.push(labelled?.line ?? text);
      if (labelled) shifts[k] = labelled.shift;
    }
  });
  return { lines, shifts };
}

/**
 * A paragraph that starts with a known bold label (a code, a role word, or a name that starts at
 * least two paragraphs in bold), as a plain-text line with that label (`**Label**: rest`; the rest
 * keeps its own spacing), and how many characters that adds before the text. Null for any other.
 */
function boldLabelLine(text: string, bold: string, counts: ReadonlyMap<string, number>): { line: string; shift: number } | null {
  const label = boldLabel(bold);
  const shape = labelShape(label);
  const at = text.indexOf(bold);
  const known = shape === 'code' || shape === 'role' || (shape === 'name' && (counts.get(speakerKey(label)) ?? 0) >= MIN_NAME_OCCURRENCES);
  if (!known || at < 0 || text.slice(0, at).trim() !== '') return null;
  return { line: `**${label}**:${text.slice(at + bold.length)}`, shift: label.length + 5 - (at + bold.length) };
}
