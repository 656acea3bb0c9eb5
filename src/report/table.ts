import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { PerspectiveResult, Report } from '../types.js';
import { cmp } from '../problems.js';
import { safeText } from '../text/safe-text.js';
import { len, padEnd, padStart, wrap, wrapIndented } from './columns.js';
import { frequencyTable, type Styles } from './table-frequencies.js';

export { BAR_CELLS, shareBar } from './table-frequencies.js';

/**
 * Options of the terminal table: colour is decided by the caller; `width` is the terminal's columns
 * (DEFAULT_WIDTH when unknown); `messages` the language (English when not given).
 */
export interface TableOptions {
  color: boolean;
  width?: number;
  messages?: Messages;
}

/**
 * The three styles of the table (report/table-frequencies.ts `Styles`). With colour they are the ANSI codes chalk writes at its basic level
 * (bold, dim and green, each closed by its own reset code); the table styles plain text only, never a
 * styled string, so nothing needs re-opening. Written out here so that the library entry point does
 * not load chalk for one function (docs/performance.md, "The library entry point").
 */
function styles(color: boolean): Styles {
  const sgr = (open: number, close: number) => (text: string) => (color && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39) };
}

/**
 * The terminal view of a report within `width` columns (80 when unknown): a header with codebook
 * and totals, one row per category (indented by level) with segments, share as bar and percent,
 * matches, transcripts and speakers (report/table-frequencies.ts fits them), the co-occurrence matrix
 * when it fits, then the declared and the (first MAX_EMERGENT_LINES) emergent perspectives whose
 * support reaches their minimum, each wrapped with a hanging indent; ends with `\n`.
 */
export function renderTable(report: Report, opts: TableOptions): string {
  const style = styles(opts.color);
  const m = opts.messages ?? messagesFor('en');
  const width = opts.width ?? DEFAULT_WIDTH;
  const lines: string[] = [];
  const name = safeText(report.codebook.version ? `${report.codebook.name} ${report.codebook.version}` : report.codebook.name);
  lines.push(...wrap(name, width).map((l) => style.bold(l)));
  lines.push(...wrap(totalsLine(report, m), width));
  lines.push('');
  lines.push(...frequencyTable(report.frequencies, style, width, m));
  const matrix = cooccurrenceMatrix(report, style, width, m);
  if (matrix.length > 0) lines.push('', ...matrix);
  const reached = report.perspectives.filter((p) => p.support >= p.minSupport);
  for (const [kind, title] of [['declared', m.t('table.perspectives')], ['emergent', m.t('table.emergent')]] as const) {
    const perspectives = reached.filter((p) => p.kind === kind);
    if (perspectives.length === 0) continue;
    lines.push('');
    lines.push(style.bold(title));
    const shown = kind === 'emergent' ? perspectives.slice(0, MAX_EMERGENT_LINES) : perspectives;
    for (const p of shown) lines.push(...perspectiveLines(p, style, width, m));
    const more = perspectives.length - shown.length;
    if (more > 0) lines.push(...wrapIndented(m.t('table.more-perspectives', { n: more }), width, '  ', '    ').map((l) => style.dim(l)));
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
function cooccurrenceMatrix(report: Report, style: Styles, width: number, m: Messages): string[] {
  const rows = report.cooccurrence;
  if (rows.length === 0) return [];
  const scope = report.options.cooccurScope ?? 'unit';
  const levels = new Map(report.frequencies.map((f) => [f.category, f.level]));
  const attempts: { title: string; keep: (path: string) => boolean }[] = [
    { title: m.t('table.cooccurrence', { scope }), keep: () => true },
    { title: m.t('table.cooccurrence.top', { scope }), keep: (path) => levels.get(path) === 1 },
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
    const out = [...wrap(title, width).map((l) => style.bold(l)), style.bold(head)];
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
  return wrap(m.t('table.cooccurrence.too-wide', { width }), width).map((l) => style.dim(l));
}

/** `3 transcripts, 42 units (35 codable), 12 speakers`, plus skipped files and the `--where` filter when there are any. */
function totalsLine(report: Report, m: Messages): string {
  const t = report.totals;
  let line = `${m.t('count.transcripts', { n: t.transcripts })}, ${m.t('count.units', { n: t.units })} (${m.t('table.codable', { n: t.codableUnits })}), ${m.t('count.speakers', { n: t.speakers })}`;
  if (t.skipped > 0) line += `, ${m.t('table.skipped', { n: t.skipped })}`;
  if (report.options.where?.length) line += `; ${m.t('table.where', { filter: safeText(report.options.where.join(', ')) })}`;
  return line;
}

/**
 * One perspective: label, code, support, how many transcripts and speakers, and the lift of an
 * emergent one; wrapped to the width with a hanging indent.
 */
function perspectiveLines(p: PerspectiveResult, style: Styles, width: number, m: Messages): string[] {
  const lift = p.lift === undefined ? '' : `, ${m.t('table.lift', { lift: m.number(p.lift, 1) })}`;
  // A transcript-scope perspective's support is its transcripts; its evidence units are named instead.
  const where =
    p.scope === 'transcript'
      ? `${m.t('count.transcripts', { n: p.support })}, ${m.t('count.units', { n: p.evidence.length })}`
      : `${m.t('count.units', { n: p.support })}, ${m.t('count.transcripts', { n: p.transcripts.length })}`;
  const code = `(${safeText(p.code)})`;
  const text = `${safeText(p.label)} ${code}: ${where}, ${m.t('count.speakers', { n: p.speakers.length })}${lift}`;
  // The code is dimmed after wrapping, so the widths are those of the plain text.
  return wrapIndented(text, width, '  ', '    ').map((l) => l.replace(code, style.dim(code)));
}
