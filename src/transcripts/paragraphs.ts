import { problem } from '../problems.js';
import type { Block, Position, Problem } from '../types.js';
import { labelShape } from './head.js';
import { MIN_NAME_OCCURRENCES } from './labels.js';
import { speakerKey } from '../text/speaker-key.js';
import { rowBlocks, tableColumns, type TableColumns } from './tables.js';
import { parseText, type ParsedText } from './plain-text.js';

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

/** The label a leading bold run stands for (`I:`, `Moderatorin`, `**B1 [00:01:02]:**`), without colon. */
function boldLabel(bold: string): string {
  return bold.replace(/\s*:\s*$/u, '').trim();
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
  const boldCounts = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'paragraph' && item.bold) {
      const key = speakerKey(boldLabel(item.bold));
      boldCounts.set(key, (boldCounts.get(key) ?? 0) + 1);
    }
  }

  // Consecutive rows form a table; a table that is no transcript table is read as paragraphs.
  const tables: { rows: { item: number; cells: string[] }[]; columns: TableColumns | null }[] = [];
  const tableOf = new Map<number, number>();
  items.forEach((item, k) => {
    if (item.kind !== 'row') return;
    const last = tables[tables.length - 1];
    const prev = last?.rows[last.rows.length - 1];
    if (last && prev && prev.item === k - 1) last.rows.push({ item: k, cells: item.cells });
    else tables.push({ rows: [{ item: k, cells: item.cells }], columns: null });
    tableOf.set(k, tables.length - 1);
  });
  for (const t of tables) t.columns = tableColumns(t.rows.map((r) => r.cells));

  // Paragraph k (0-based) becomes line 2k + 1 of a plain text, so blank lines keep paragraphs apart.
  const lines: string[] = [];
  /** Per item: how many characters the plain-text line has more than the source before the text (bold markers). */
  const shifts: number[] = [];
  items.forEach((item, k) => {
    shifts[k] = 0;
    if (item.kind === 'row') {
      const table = tables[tableOf.get(k) ?? -1];
      lines.push(table?.columns ? '' : item.cells.filter((c) => c.trim() !== '').join(' '));
      return;
    }
    if (item.heading) {
      lines.push('');
      return;
    }
    const text = item.text.replace(/[\r\n]/gu, ' ');
    const bold = item.bold;
    if (bold !== undefined) {
      const label = boldLabel(bold);
      const shape = labelShape(label);
      const at = text.indexOf(bold);
      const known = shape === 'code' || shape === 'role' || (shape === 'name' && (boldCounts.get(speakerKey(label)) ?? 0) >= MIN_NAME_OCCURRENCES);
      if (known && at >= 0 && text.slice(0, at).trim() === '') {
        // `**Label**: rest` is a label in plain text; the rest keeps its own spacing.
        const rest = text.slice(at + bold.length);
        lines.push(`**${label}**:${rest}`);
        shifts[k] = label.length + 5 - (at + bold.length);
        return;
      }
    }
    lines.push(text);
  });

  const parsed = parseText(lines.join('\n\n'), file, 'text');
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
  if (merged.length === 0) {
    problems.push(problem(file, 'warning', 'no spoken text found', undefined, 'read/empty'));
  } else if (merged.every((b) => b.speaker === null)) {
    for (const b of merged) b.continuation = false;
    problems.push(problem(file, 'warning', 'no speaker labels found; each paragraph is one unit', undefined, 'read/no-labels'));
  } else {
    for (const b of merged) b.continuation = b.speaker === null;
  }
  return parsed.moderators ? { blocks: merged, meta: parsed.meta, problems, moderators: parsed.moderators } : { blocks: merged, meta: parsed.meta, problems };
}
