import { problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import type { CategoryReport } from './model.js';

/** The formats of the category report. */
export const CATEGORY_REPORT_FORMATS = ['docx', 'md', 'html'] as const;
export type CategoryReportFormat = (typeof CATEGORY_REPORT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, CategoryReportFormat>> = { docx: 'docx', md: 'md', markdown: 'md', html: 'html', htm: 'html' };

/** The format an output file's name asks for by its extension (`.docx`, `.md`, `.markdown`, `.html`, `.htm`, any case), if any. */
export function formatOfName(name: string): CategoryReportFormat | undefined {
  const ext = /\.([^./\\]+)$/u.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}

/**
 * The format to write `out` in: `--format` when given (a warning `report/extension` when the
 * extension says another), else the extension's; an error `report/format` when neither says.
 */
export function chooseFormat(out: string, flag: CategoryReportFormat | undefined): { format?: CategoryReportFormat; problems: Problem[] } {
  const byName = formatOfName(out);
  if (flag !== undefined) {
    const problems: Problem[] =
      byName !== undefined && byName !== flag
        ? [problem(out, 'warning', { key: 'problem.report/extension', params: { name: byName, flag } }, undefined, 'report/extension')]
        : [];
    return { format: flag, problems };
  }
  if (byName !== undefined) return { format: byName, problems: [] };
  return { problems: [problem(out, 'error', { key: 'problem.report/format', params: { formats: 'docx|md|html' } }, undefined, 'report/format')] };
}

/**
 * The most quotations a DOCX holds. The `docx` package builds the whole document in memory, about
 * 40 KB per quotation while it writes (2.8 GB for the 63 900 quotations of a 3.3 MB corpus coded
 * with the shipped codebook), so a larger one would exhaust Node's heap after minutes of work.
 */
export const DOCX_MAX_QUOTES = 40_000;

/** The quotations a report holds: every coded segment under each of its categories, every piece of evidence. */
export function quotationCount(report: CategoryReport): number {
  return report.categories.reduce((n, c) => n + c.quotes.length, 0) + report.perspectives.reduce((n, p) => n + p.quotes.length, 0);
}

/** An error `report/too-large` when a DOCX would hold more than `DOCX_MAX_QUOTES` quotations; else none. */
export function docxSizeProblems(report: CategoryReport, out: string): Problem[] {
  const n = quotationCount(report);
  if (n <= DOCX_MAX_QUOTES) return [];
  return [problem(out, 'error', { key: 'problem.report/too-large', params: { n, limit: DOCX_MAX_QUOTES } }, undefined, 'report/too-large')];
}

/**
 * The category report in a format: Markdown and HTML as text in parts (one per heading; joined
 * they are the file), DOCX as bytes (the `docx` package is loaded only for it).
 */
export async function renderCategoryReport(report: CategoryReport, format: CategoryReportFormat): Promise<string[] | Uint8Array> {
  if (format === 'md') return (await import('./markdown.js')).categoryMarkdownParts(report);
  if (format === 'html') return (await import('./html.js')).categoryHtmlParts(report);
  return (await import('./docx.js')).renderCategoryDocx(report);
}
