import { describe, expect, it } from 'vitest';
import { plain } from '../../plain.js';
import { buildCategoryReport } from '../../../src/report/category/model.js';
import { chooseFormat, docxSizeProblems, DOCX_MAX_QUOTES, formatOfName, quotationCount, renderCategoryReport } from '../../../src/report/category/render.js';
import { renderCategoryMarkdown } from '../../../src/report/category/markdown.js';
import { miniCodebook, miniReport } from './fixture.js';

describe('the format of the category report', () => {
  it('follows the extension of the file name, in any case', () => {
    expect(['a.docx', 'b.MD', 'c.markdown', 'd/e.html', 'f.HTM', 'g.pdf', 'docx', 'h.md/x'].map(formatOfName)).toEqual(['docx', 'md', 'md', 'html', 'html', undefined, undefined, undefined]);
  });

  it('takes --format over the extension (with a warning when they differ), and is an error when neither names one', () => {
    expect(chooseFormat('r.docx', undefined)).toEqual({ format: 'docx', problems: [] });
    expect(chooseFormat('r.txt', 'md')).toEqual({ format: 'md', problems: [] });
    expect(plain(chooseFormat('r.html', 'docx'))).toEqual({
      format: 'docx',
      problems: [{ file: 'r.html', severity: 'warning', message: 'the extension says html, --format says docx: written as docx', ruleId: 'report/extension' }],
    });
    expect(chooseFormat('r.pdf', undefined).format).toBeUndefined();
    expect(chooseFormat('r.pdf', undefined).problems.map((p) => [p.severity, p.ruleId])).toEqual([['error', 'report/format']]);
  });
});

describe('renderCategoryReport', () => {
  const model = buildCategoryReport(miniReport(), miniCodebook(), 'de');

  it('gives Markdown in parts, one per heading, that joined are the document', async () => {
    const parts = await renderCategoryReport(model, 'md');
    expect(Array.isArray(parts)).toBe(true);
    expect((parts as string[]).join('')).toBe(renderCategoryMarkdown(model));
    expect((parts as string[]).filter((p) => /^#{2,6} /u.test(p))).toHaveLength(8);
  });

  it('refuses a DOCX of more quotations than fit in memory', () => {
    expect([quotationCount(model), docxSizeProblems(model, 'r.docx')]).toEqual([8, []]);
    const big = { ...model, categories: model.categories.map((c, i) => (i === 0 ? { ...c, quotes: Array.from({ length: DOCX_MAX_QUOTES }, () => c.quotes[0]!) } : c)) };
    expect(quotationCount(big)).toBe(DOCX_MAX_QUOTES + 6);
    expect(plain(docxSizeProblems(big, 'r.docx'))).toEqual([
      {
        file: 'r.docx',
        severity: 'error',
        message: 'the DOCX would hold 40006 quotations, more than the 40000 that fit in memory while it is written; write .md or .html instead (they are written part by part), or report on fewer transcripts',
        ruleId: 'report/too-large',
      },
    ]);
  });
});
