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
        ? [{ file: out, severity: 'warning', message: `the extension says ${byName}, --format says ${flag}: written as ${flag}`, ruleId: 'report/extension' }]
        : [];
    return { format: flag, problems };
  }
  if (byName !== undefined) return { format: byName, problems: [] };
  const message = 'cannot tell the format of the category report from the file name: name a .docx, .md or .html file, or give --format docx|md|html';
  return { problems: [{ file: out, severity: 'error', message, ruleId: 'report/format' }] };
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
