import { markedParts } from '../highlight.js';
import { layoutReport, renderInParts, type Block, type TableBlock } from './layout.js';
import type { CategoryReport, QuoteMark } from './model.js';

// The category report as Markdown (CommonMark with GitHub tables): matched words in **bold**,
// every character of the transcripts that Markdown would read as markup escaped.

/**
 * Text escaped for Markdown inline content: `\`, backtick, `*`, `_`, brackets, `<`, `>`, `|`, `~`,
 * and `&` before what looks like an entity; at the start of a line also `#`, `+`, `-`, `=` and the
 * `.` or `)` after a number that a space follows (headings, list items, setext underlines).
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/gu, '\\$&').replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&');
}

function escapeLineStarts(text: string): string {
  return text.replace(/^([ \t]*)([#+=-])/gmu, '$1\\$2').replace(/^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/gmu, '$1\\$2');
}

/** A unit's text with the marked spans in `**…**` (each line of a span on its own), escaped. */
export function markdownMarked(text: string, marks: readonly QuoteMark[]): string {
  const inline = markedParts(text, marks)
    .map((p) => (p.marked ? p.text.split('\n').map((line) => (line === '' ? '' : `**${escapeInline(line)}**`)).join('\n') : escapeInline(p.text)))
    .join('');
  return escapeLineStarts(inline);
}

/** One line of a table or list: line breaks become spaces. */
function oneLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/gu, ' '));
}

function table(t: TableBlock): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = row(t.numeric.map((n) => (n ? '---:' : '---')));
  const rows = t.rows.map((cells, i) => row(cells.map((c, j) => (j === 0 && t.indent?.[i] ? '\u00a0\u00a0'.repeat(t.indent[i]!) : '') + oneLine(c))));
  return [row(t.head.map(oneLine)), rule, ...rows].join('\n') + (t.caption !== undefined ? `\n\n*${oneLine(t.caption)}*` : '');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${oneLine(b.text)}\n\n**${oneLine(b.subtitle)}**\n\n*${oneLine(b.kicker)}*`;
    case 'heading':
      return `${'#'.repeat(b.level)} ${oneLine(b.text)}`;
    case 'paragraph': {
      const text = escapeMarkdown(b.text);
      return b.lead !== undefined ? `**${oneLine(b.lead)}:** ${text}` : b.note ? `*${text}*` : text;
    }
    case 'label':
      return `**${oneLine(b.text)}**`;
    case 'list':
      return b.items.map((i) => `- ${oneLine(i)}`).join('\n');
    case 'facts':
      return b.items.map(([k, v]) => `- **${oneLine(k)}:** ${oneLine(v)}`).join('\n');
    case 'table':
      return table(b);
    case 'quote':
      // Each line of the unit (its paragraphs) a paragraph of the quotation, then where it was said.
      return `${markdownMarked(b.text, b.marks)
        .split('\n')
        .map((l) => (l === '' ? '>' : `> ${l}`))
        .join('\n>\n')}\n>\n> ${oneLine(b.source)}`;
    case 'page-break':
      return '---';
  }
}

/** The category report as Markdown, in parts (one per heading) that joined give the document. */
export function categoryMarkdownParts(report: CategoryReport): string[] {
  return [...renderInParts(layoutReport(report), block, '\n\n'), '\n'];
}

/** The category report as one Markdown document. */
export function renderCategoryMarkdown(report: CategoryReport): string {
  return categoryMarkdownParts(report).join('');
}
