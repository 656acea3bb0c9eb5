import { Chalk, type ChalkInstance } from 'chalk';
import type { FrequencyRow, PerspectiveResult, Report } from '../types.js';

/** Options of the terminal table: colour is decided by the caller; `width` is the terminal's columns. */
export interface TableOptions {
  color: boolean;
  width?: number;
}

/** Cells of the share bar; each cell holds eighths, so the bar resolves 1/96 of the scale. */
export const BAR_CELLS = 12;

/** Partial blocks for 1/8 … 7/8 of a cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Space between columns. */
const GAP = '  ';

/** The narrowest the label column is cut to when the table must fit a width. */
const MIN_LABEL = 8;

/** A bar of `BAR_CELLS` cells (full and eighth blocks, padded with spaces) for a share 0…1. */
export function shareBar(share: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0)) * BAR_CELLS * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
  return bar.padEnd(BAR_CELLS, ' ');
}

/** A share 0…1 as a percentage with one decimal: `37.5%`. */
export function formatPercent(share: number): string {
  return `${((Number.isFinite(share) ? share : 0) * 100).toFixed(1)}%`;
}

/**
 * The terminal view of a report: a header with codebook and totals, one row per category
 * (indented by level) with segments, share as bar and percent, matches, transcripts and
 * speakers, then the perspectives whose support reaches their minimum; ends with `\n`.
 */
export function renderTable(report: Report, opts: TableOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  const name = report.codebook.version ? `${report.codebook.name} ${report.codebook.version}` : report.codebook.name;
  lines.push(chalk.bold(name));
  lines.push(totalsLine(report));
  lines.push('');
  lines.push(...frequencyTable(report.frequencies, chalk, opts.width));
  const perspectives = report.perspectives.filter((p) => p.support >= p.minSupport);
  if (perspectives.length > 0) {
    lines.push('');
    lines.push(chalk.bold('Perspectives'));
    for (const p of perspectives) lines.push(perspectiveLine(p, chalk));
  }
  return lines.join('\n') + '\n';
}

/** `3 transcripts, 42 units (35 codable), 12 speakers`, plus skipped files when there are any. */
function totalsLine(report: Report): string {
  const t = report.totals;
  let line = `${count(t.transcripts, 'transcript')}, ${count(t.units, 'unit')} (${t.codableUnits} codable), ${count(t.speakers, 'speaker')}`;
  if (t.skipped > 0) line += `, ${count(t.skipped, 'file')} skipped`;
  return line;
}

/** A number with its noun, plural unless the number is 1. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Header and rows of the frequency table, columns padded before colouring so widths stay right. */
function frequencyTable(rows: readonly FrequencyRow[], chalk: ChalkInstance, width?: number): string[] {
  const header = ['category', 'label', 'segments', 'share', 'matches', 'transcripts', 'speakers'];
  const cells = rows.map((r) => [
    '  '.repeat(Math.max(0, r.level - 1)) + r.category.split('/').at(-1)!,
    r.label,
    String(r.segments),
    `${shareBar(r.share)} ${formatPercent(r.share).padStart(6)}`,
    String(r.matches),
    String(r.transcripts),
    String(r.speakers),
  ]);
  const widths = header.map((h, i) => Math.max(len(h), ...cells.map((c) => len(c[i]!))));
  if (width !== undefined) {
    const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
    const over = total - width;
    if (over > 0) widths[1] = Math.max(Math.min(MIN_LABEL, widths[1]!), widths[1]! - over);
  }
  const numeric = (i: number): boolean => i >= 2 && i !== 3;
  const fit = (text: string, i: number): string => {
    const w = widths[i]!;
    const cut = len(text) > w ? Array.from(text).slice(0, w - 1).join('') + '…' : text;
    return numeric(i) ? padStart(cut, w) : padEnd(cut, w);
  };
  const out = [chalk.bold(header.map(fit).join(GAP).trimEnd())];
  rows.forEach((r, k) => {
    const row = cells[k]!.map(fit);
    const styled = row.map((text, i) => {
      if (r.segments === 0) return chalk.dim(text);
      if (i === 0 && r.level === 1) return chalk.bold(text);
      if (i === 3) return chalk.green(text);
      return text;
    });
    out.push(styled.join(GAP));
  });
  return out;
}

/** One perspective as a line: label, code, support and how many transcripts and speakers. */
function perspectiveLine(p: PerspectiveResult, chalk: ChalkInstance): string {
  const unit = p.scope === 'transcript' ? 'transcript' : 'unit';
  return `  ${p.label} ${chalk.dim(`(${p.code})`)}: ${count(p.support, unit)}, ${count(p.transcripts.length, 'transcript')}, ${count(p.speakers.length, 'speaker')}`;
}

/** Length in code points, so umlauts and block characters count as one column each. */
function len(s: string): number {
  return Array.from(s).length;
}

/** `s` padded with spaces on the right to `w` code points. */
function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - len(s)));
}

/** `s` padded with spaces on the left to `w` code points. */
function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - len(s))) + s;
}
