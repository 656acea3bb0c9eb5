// The HTML report: one self-contained, deterministic page (no script, no network access) in the
// report's language. The sections are rendered by report/html-*.ts; this module puts them together.

import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { Problem, Report } from '../types.js';
import { DEFAULT_MAX_QUOTES, DEFAULT_MAX_SNIPPETS } from './evidence.js';
import { labelsOf, section, esc, text, type HtmlContext } from './html-common.js';
import { renderBreakdowns } from './html-breakdowns.js';
import { renderCooccurrence } from './html-cooccurrence.js';
import { renderFrequencies } from './html-frequencies.js';
import { renderHeader, renderNav, renderSummary } from './html-header.js';
import { renderKeyterms } from './html-keyterms.js';
import { renderPerspectives } from './html-perspectives.js';
import { CSS, REVIEW_CSS } from './html-style.js';

export { DEFAULT_MAX_QUOTES, DEFAULT_MAX_SNIPPETS } from './evidence.js';
export { escapeHtml } from './html-common.js';
export { highlight, type HighlightSpan } from './html-quotes.js';

/** Options of the HTML report. */
export interface HtmlOptions {
  /** How many units of each perspective to quote in full (default 5), taking each transcript in turn. */
  maxQuotes?: number;
  /**
   * How many more units of each perspective to list with the beginning of their text (default 50),
   * again taking each transcript in turn; every other unit of its evidence is named by speaker and line.
   */
  maxSnippets?: number;
  /** The language of the report (`messagesFor(documentLocale(--lang, codebook language))`); default: the codebook's language, German when the report does not name it. */
  messages?: Messages;
}

/** The problems list, or nothing when there are none. */
function renderProblems(ctx: HtmlContext, problems: readonly Problem[]): string {
  const { m } = ctx;
  if (!problems.length) return '';
  const items = problems.map((p) => {
    const place = [p.file, ...(p.line !== undefined ? [p.line, ...(p.column !== undefined ? [p.column] : [])] : [])].join(':');
    const rule = p.ruleId ? ` <small>${esc(p.ruleId)}</small>` : '';
    const badge = p.severity === 'error' ? `<span class="badge err">${text(m, 'html.severity.error')}</span>` : `<span class="badge warn">${text(m, 'html.severity.warning')}</span>`;
    return `<li class="${p.severity}">${badge} <code>${esc(place)}</code> ${esc(p.message)}${rule}</li>`;
  });
  return section('probleme', m.t('html.problems'), `<ul class="problems">\n${items.join('\n')}\n</ul>\n`);
}

/** The footer: program, codebook and its sha256 prefix. */
function renderFooter(ctx: HtmlContext): string {
  const { m, report } = ctx;
  const cb = report.codebook;
  return (
    `<footer>${text(m, 'html.footer', {
      program: `${report.program.name} ${report.program.version}`,
      codebook: `${cb.name}${cb.version ? ` ${cb.version}` : ''}`,
      sha256: cb.sha256.slice(0, 12),
    })}</footer>\n`
  );
}

/** The whole report as one self-contained, deterministic HTML page in the report's language (no network access). */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const m = options.messages ?? messagesFor(report.codebook.language ?? 'de');
  const ctx: HtmlContext = {
    report,
    m,
    labels: labelsOf(report),
    maxQuotes: Math.max(0, options.maxQuotes ?? DEFAULT_MAX_QUOTES),
    maxSnippets: Math.max(0, options.maxSnippets ?? DEFAULT_MAX_SNIPPETS),
  };
  const title = text(m, 'html.title', { codebook: report.codebook.name });
  return (
    `<!DOCTYPE html>\n<html lang="${m.locale}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${esc(`${report.program.name} ${report.program.version}`)}">\n` +
    `<title>${title}</title>\n<style>${CSS}${(report.options.review ?? []).length > 0 ? REVIEW_CSS : ''}</style>\n</head>\n<body>\n<main>\n` +
    renderHeader(ctx) +
    renderNav(ctx) +
    renderSummary(ctx) +
    renderFrequencies(ctx) +
    renderBreakdowns(ctx) +
    renderCooccurrence(ctx) +
    renderKeyterms(ctx) +
    renderPerspectives(ctx) +
    renderProblems(ctx, report.problems) +
    renderFooter(ctx) +
    `</main>\n</body>\n</html>\n`
  );
}
