import type { Report } from '../types.js';
import {
  renderBreakdownCsv,
  renderComparisonCsv,
  renderCooccurrenceCsv,
  renderFrequenciesCsv,
  renderKeyTermsCsv,
  renderPerspectivesCsv,
  renderSegmentsCsv,
} from './csv.js';
import { cellCuts, FULL_CONTENT, type CellCuts } from './cell-limit.js';
import type { CsvOptions } from './format.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';

/**
 * One output file: its name inside the output folder and its whole content; `cuts` when cells of
 * a CSV file were cut to Excel's cell limit (their full content is in `report.json`).
 */
export interface OutputFile {
  name: string;
  content: string;
  cuts?: CellCuts;
}

/**
 * The files `analyze --out` writes, in a fixed order, rendered from one report; with `streamed`,
 * `segments.csv` and `report.json` are left out (the caller writes them in parts) and `report.units`
 * need only hold the units the HTML report shows (see `analyzeCorpus`'s `quotes`); `html` are the
 * HTML report's options (its language). A CSV file with cells cut to Excel's cell limit says how
 * many in its `cuts` (see `cellCutProblem`).
 */
export function reportFiles(report: Report, opts: { excel: boolean; streamed?: boolean; html?: HtmlOptions }): OutputFile[] {
  const csv = (name: string, render: (o: CsvOptions) => string): OutputFile => {
    const cuts = cellCuts(FULL_CONTENT);
    const content = render({ excel: opts.excel, cuts });
    return cuts.cells > 0 ? { name, content, cuts } : { name, content };
  };
  const all = opts.streamed !== true;
  const files: OutputFile[] = [csv('frequencies.csv', (o) => renderFrequenciesCsv(report.frequencies, o))];
  const ids = report.inputs.map((i) => i.id);
  for (const b of report.breakdowns) files.push(csv(`frequencies_by_${b.dimension}.csv`, (o) => renderBreakdownCsv(b, o, ids)));
  for (const c of report.comparisons ?? []) files.push(csv(`comparison_by_${c.dimension}.csv`, (o) => renderComparisonCsv(c, o, ids)));
  if (all) files.push(csv('segments.csv', (o) => renderSegmentsCsv(report.units, report.categories, o)));
  files.push(csv('cooccurrence.csv', (o) => renderCooccurrenceCsv(report.cooccurrence, o)), csv('perspectives.csv', (o) => renderPerspectivesCsv(report.perspectives, o)));
  const keyterms = report.keyterms;
  if (keyterms) files.push(csv('keyterms.csv', (o) => renderKeyTermsCsv(keyterms, o)));
  if (all) files.push({ name: 'report.json', content: renderJson(report) });
  files.push({ name: 'report.html', content: renderHtml(report, opts.html) });
  return files;
}
