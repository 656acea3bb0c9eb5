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
import { renderHtml } from './html.js';
import { renderJson } from './json.js';

/** One output file: its name inside the output folder and its whole content. */
export interface OutputFile {
  name: string;
  content: string;
}

/** The files `analyze --out` writes, in a fixed order, rendered from one report. */
export function reportFiles(report: Report, opts: { excel: boolean }): OutputFile[] {
  const files: OutputFile[] = [{ name: 'frequencies.csv', content: renderFrequenciesCsv(report.frequencies, opts) }];
  for (const b of report.breakdowns) files.push({ name: `frequencies_by_${b.dimension}.csv`, content: renderBreakdownCsv(b, opts) });
  for (const c of report.comparisons ?? []) files.push({ name: `comparison_by_${c.dimension}.csv`, content: renderComparisonCsv(c, opts) });
  files.push(
    { name: 'segments.csv', content: renderSegmentsCsv(report.units, report.categories, opts) },
    { name: 'cooccurrence.csv', content: renderCooccurrenceCsv(report.cooccurrence, opts) },
    { name: 'perspectives.csv', content: renderPerspectivesCsv(report.perspectives, opts) },
  );
  if (report.keyterms) files.push({ name: 'keyterms.csv', content: renderKeyTermsCsv(report.keyterms, opts) });
  files.push(
    { name: 'report.json', content: renderJson(report) },
    { name: 'report.html', content: renderHtml(report) },
  );
  return files;
}
