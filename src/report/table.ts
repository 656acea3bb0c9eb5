import type { FrequencyRow, PerspectiveResult, Report } from '../types.js';
import { cmp } from '../problems.js';
import { safeText } from '../text/safe-text.js';

/** Options of the terminal table: colour is decided by the caller; `width` is the terminal's columns. */
export interface TableOptions {
  color: boolean;
  width?: number;
}

/** Cells of the share bar; each cell holds eighths, so the bar resolves 1/96 of the scale. */
export const BAR_CELLS = 12;

/** Partial blocks for 1/8 … 7/8 of a cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * The three styles of the table. With colour they are the ANSI codes chalk writes at its basic level
 * (bold, dim and green, each closed by its own reset code); the table styles plain text only, never a
 * styled string, so nothing needs re-opening. Written out here so that the library entry point does
 * not load chalk for one function (docs/performance.md, "The library entry point").
 */
interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
}

function styles(color: boolean): Styles {
  const sgr = (open: number, close: number) => (text: string) => (color && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39) };
}

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
 * speakers, the co-occurrence matrix when it fits the width (80 columns when unknown), then the
 * declared and the (first MAX_EMERGENT_LINES) emergent perspectives whose support reaches their
 * minimum; ends with `\n`.
 */
export function renderTable(report: Report, opts: TableOptions): string {
  const style = styles(opts.color);
  const lines: string[] = [];
  const name = safeText(report.codebook.version ? `${report.codebook.name} ${report.codebook.version}` : report.codebook.name);
  lines.push(style.bold(name));
  lines.push(totalsLine(report));
  lines.push('');
  lines.push(...frequencyTable(report.frequencies, style, opts.width));
  const matrix = cooccurrenceMatrix(report, style, opts.width ?? DEFAULT_WIDTH);
  if (matrix.length > 0) lines.push('', ...matrix);
  const reached = report.perspectives.filter((p) => p.support >= p.minSupport);
  for (const [kind, title] of [['declared', 'Perspectives'], ['emergent', 'Emergent perspectives']] as const) {
    const perspectives = reached.filter((p) => p.kind === kind);
    if (perspectives.length === 0) continue;
    lines.push('');
    lines.push(style.bold(title));
    const shown = kind === 'emergent' ? perspectives.slice(0, MAX_EMERGENT_LINES) : perspectives;
    for (const p of shown) lines.push(perspectiveLine(p, style));
    const more = perspectives.length - shown.length;
    if (more > 0) lines.push(style.dim(`  … and ${more} more in perspectives.csv and report.json`));
  }
  return lines.join('\n') + '\n';
}

/** Emergent perspectives listed in the table at most; the files list them all. */
export const MAX_EMERGENT_LINES = 10;

/** The width assumed when the terminal's is unknown (output to a file or pipe). */
export const DEFAULT_WIDTH = 80;

/**
 * The co-occurrence counts as a compact symmetric matrix with numbers as column heads: first over
 * every category that co-occurs with another, and when that is wider than `width`, over the
 * top-level categories only; when even that does not fit, one line pointing to cooccurrence.csv.
 */
function cooccurrenceMatrix(report: Report, style: Styles, width: number): string[] {
  const rows = report.cooccurrence;
  if (rows.length === 0) return [];
  const scope = report.options.cooccurScope ?? 'unit';
  const levels = new Map(report.frequencies.map((f) => [f.category, f.level]));
  const attempts: { title: string; keep: (path: string) => boolean }[] = [
    { title: `Co-occurrence (${scope} scope, units)`, keep: () => true },
    { title: `Co-occurrence of top-level categories (${scope} scope, units)`, keep: (path) => levels.get(path) === 1 },
  ];
  for (const { title, keep } of attempts) {
    const pairs = rows.filter((r) => keep(r.a) && keep(r.b));
    if (pairs.length === 0) continue;
    const used = new Set(pairs.flatMap((r) => [r.a, r.b]));
    const cats = report.frequencies.map((f) => f.category).filter((c) => used.has(c));
    for (const c of [...used].sort(cmp)) if (!cats.includes(c)) cats.push(c);
    const count = new Map(pairs.flatMap((r) => [[`${r.a}\u0000${r.b}`, r.segments], [`${r.b}\u0000${r.a}`, r.segments]] as const));
    const cell = Math.max(String(cats.length).length, ...pairs.map((r) => String(r.segments).length));
    const names = cats.map((c, i) => `${String(i + 1).padStart(String(cats.length).length)} ${'  '.repeat(Math.max(0, (levels.get(c) ?? 1) - 1))}${safeText(c.split('/').at(-1)!)}`);
    const nameWidth = Math.max(...names.map(len));
    if (nameWidth + cats.length * (cell + 1) > width) continue;
    const head = padEnd('', nameWidth) + cats.map((_, i) => ' ' + padStart(String(i + 1), cell)).join('');
    const out = [style.bold(title), style.bold(head)];
    cats.forEach((a, i) => {
      const cells = cats.map((b, j) => {
        if (i === j) return ' ' + style.dim(padStart('·', cell));
        const n = count.get(`${a}\u0000${b}`);
        return ' ' + padStart(n === undefined ? '' : String(n), cell);
      });
      out.push((padEnd(names[i]!, nameWidth) + cells.join('')).trimEnd());
    });
    return out;
  }
  return [style.dim(`Co-occurrence: too wide for ${width} columns; see cooccurrence.csv or report.html`)];
}

/** `3 transcripts, 42 units (35 codable), 12 speakers`, plus skipped files and the `--where` filter when there are any. */
function totalsLine(report: Report): string {
  const t = report.totals;
  let line = `${count(t.transcripts, 'transcript')}, ${count(t.units, 'unit')} (${t.codableUnits} codable), ${count(t.speakers, 'speaker')}`;
  if (t.skipped > 0) line += `, ${count(t.skipped, 'file')} skipped`;
  if (report.options.where?.length) line += `; where ${safeText(report.options.where.join(', '))}`;
  return line;
}

/** A number with its noun, plural unless the number is 1. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Header and rows of the frequency table, columns padded before colouring so widths stay right. */
function frequencyTable(rows: readonly FrequencyRow[], style: Styles, width?: number): string[] {
  const header = ['category', 'label', 'segments', 'share', 'matches', 'transcripts', 'speakers'];
  const cells = rows.map((r) => [
    '  '.repeat(Math.max(0, r.level - 1)) + safeText(r.category.split('/').at(-1)!),
    safeText(r.label),
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
  const out = [style.bold(header.map(fit).join(GAP).trimEnd())];
  rows.forEach((r, k) => {
    const row = cells[k]!.map(fit);
    const styled = row.map((text, i) => {
      if (r.segments === 0) return style.dim(text);
      if (i === 0 && r.level === 1) return style.bold(text);
      if (i === 3) return style.green(text);
      return text;
    });
    out.push(styled.join(GAP));
  });
  return out;
}

/** One perspective as a line: label, code, support, how many transcripts and speakers, and the lift of an emergent one. */
function perspectiveLine(p: PerspectiveResult, style: Styles): string {
  const lift = p.lift === undefined ? '' : `, lift ${p.lift.toFixed(1)}`;
  // A transcript-scope perspective's support is its transcripts; its evidence units are named instead.
  const where = p.scope === 'transcript' ? `${count(p.support, 'transcript')}, ${count(p.evidence.length, 'unit')}` : `${count(p.support, 'unit')}, ${count(p.transcripts.length, 'transcript')}`;
  return `  ${safeText(p.label)} ${style.dim(`(${safeText(p.code)})`)}: ${where}, ${count(p.speakers.length, 'speaker')}${lift}`;
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
