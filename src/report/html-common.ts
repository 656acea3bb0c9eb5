// What every section of the HTML report uses: escaping, the words of the report's language,
// sections, scrolling tables, category labels. One copy each (report/html-*.ts import them).

import type { MessageKey, Messages } from '../lang/catalogue.js';
import type { Report } from '../types.js';

/** What the sections of one report are rendered with. */
export interface HtmlContext {
  report: Report;
  /** The words and numbers of the report's language. */
  m: Messages;
  /** The label of every category, by full code. */
  labels: Map<string, string>;
  /** How many units of each perspective are quoted in full. */
  maxQuotes: number;
  /** How many more are listed with the beginning of their text. */
  maxSnippets: number;
}

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

export const esc = escapeHtml;

/** A message as text, escaped for HTML. */
export function text(m: Messages, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return esc(m.t(key, params));
}

/**
 * A message as HTML: its words escaped, its string parameters put in as the HTML they are (escape
 * them first), its numbers as numbers (`n` chooses the form).
 */
export function markup(m: Messages, key: MessageKey, params: Readonly<Record<string, string | number>>): string {
  const slots: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) slots[name] = typeof value === 'number' ? value : `\u0000${name}\u0000`;
  return esc(m.t(key, slots)).replace(/\u0000(\w+)\u0000/gu, (_, name: string) => String(params[name]));
}

/** Round to two decimals for SVG coordinates and styles, without trailing zeros. */
export function coord(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The left padding of a category row by its level (children indented under their parent). */
export function indent(level: number): string {
  return `padding-left:${coord(0.5 + (level - 1) * 1.25)}rem`;
}

/** A p value: three decimals, `< 0.001` below that. */
export function pValue(m: Messages, p: number): string {
  return p < 0.001 ? `< ${m.number(0.001, 3)}` : m.number(p, 3);
}

/** A p value with its relation: `p = 0.033`, `p < 0.001`. */
export function pIs(m: Messages, p: number): string {
  return p < 0.001 ? `p ${pValue(m, p)}` : `p = ${pValue(m, p)}`;
}

/** The label of every category, by full code, from the codebook list and then the frequencies. */
export function labelsOf(report: Report): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of [...report.categories, ...report.frequencies]) {
    const path = 'path' in c ? c.path : c.category;
    if (!labels.has(path)) labels.set(path, c.label);
  }
  return labels;
}

/** The label of a category, its code when it has none. */
export function labelOf(ctx: HtmlContext, category: string): string {
  return ctx.labels.get(category) ?? category;
}

/** The name of a breakdown dimension: speaker, group and transcript in the report's language, a participants column as written. */
export function dimensionName(m: Messages, dimension: string): string {
  const known: Record<string, MessageKey> = { speaker: 'html.dimension.speaker', group: 'html.dimension.group', transcript: 'html.dimension.transcript' };
  return Object.hasOwn(known, dimension) ? m.t(known[dimension]!) : dimension;
}

/** A section with an id for the table of contents. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(title)}</h2>\n${body}</section>\n`;
}

/** A paragraph for a section with nothing to show. */
export function empty(words: string): string {
  return `<p class="empty">${esc(words)}</p>\n`;
}

/**
 * A table in its own scroll container, so that a wide or long table scrolls inside the page (its
 * header row sticky) instead of widening it; `html` is the whole `<table>` element.
 */
export function scrolling(html: string, wide = false): string {
  return `<div class="scroll${wide ? ' wide' : ''}">${html}</div>\n`;
}

/** A header cell of a column (`num` right-aligned). */
export function th(words: string, num = false): string {
  return `<th scope="col"${num ? ' class="num"' : ''}>${esc(words)}</th>`;
}

/** Whether the report has a key-terms part (reports made before there were key terms have none). */
export function hasKeyterms(report: Report): boolean {
  return report.keyterms !== undefined;
}
