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
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';

/** One output file: its name inside the output folder and its whole content. */
export interface OutputFile {
  name: string;
  content: string;
}

/**
 * The files `analyze --out` writes, in a fixed order, rendered from one report; with `streamed`,
 * `segments.csv` and `report.json` are left out (the caller writes them in parts) and `report.units`
 * need only hold the units the HTML report shows (see `analyzeCorpus`'s `quotes`); `html` are the HTML report's options (its language).
 */
export function reportFiles(report: Report, opts: { excel: boolean; streamed?: boolean; html?: HtmlOptions }): OutputFile[] {
  const csv = { excel: opts.excel };
  const all = opts.streamed !== true;
  const files: OutputFile[] = [{ name: 'frequencies.csv', content: renderFrequenciesCsv(report.frequencies, csv) }];
  const ids = report.inputs.map((i) => i.id);
  for (const b of report.breakdowns) files.push({ name: `frequencies_by_${b.dimension}.csv`, content: renderBreakdownCsv(b, csv, ids) });
  for (const c of report.comparisons ?? []) files.push({ name: `comparison_by_${c.dimension}.csv`, content: renderComparisonCsv(c, csv, ids) });
  if (all) files.push({ name: 'segments.csv', content: renderSegmentsCsv(report.units, report.categories, csv) });
  files.push(
    { name: 'cooccurrence.csv', content: renderCooccurrenceCsv(report.cooccurrence, csv) },
    { name: 'perspectives.csv', content: renderPerspectivesCsv(report.perspectives, csv) },
  );
  if (report.keyterms) files.push({ name: 'keyterms.csv', content: renderKeyTermsCsv(report.keyterms, csv) });
  if (all) files.push({ name: 'report.json', content: renderJson(report) });
  files.push({ name: 'report.html', content: renderHtml(report, opts.html) });
  return files;
}
