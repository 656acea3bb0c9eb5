// The frequency table of the terminal view, fitted to the terminal's width: the widest layout that
// fits is chosen, labels wrap onto further lines, and a number column is never cut or split.

import type { Messages } from '../lang/catalogue.js';
import type { FrequencyRow } from '../types.js';
import { safeText } from '../text/safe-text.js';
import { len, padEnd, padStart, wrap } from './columns.js';

/** The styles the table uses (report/table.ts makes them, with or without colour). */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
}

/** Cells of the share bar; each cell holds eighths, so the bar resolves 1/96 of the scale. */
export const BAR_CELLS = 12;

/** Partial blocks for 1/8 … 7/8 of a cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Space between columns. */
const GAP = '  ';

/** A bar of `BAR_CELLS` cells (full and eighth blocks, padded with spaces) for a share 0…1. */
export function shareBar(share: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0)) * BAR_CELLS * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
  return bar.padEnd(BAR_CELLS, ' ');
}

/**
 * The layouts, widest first: with the category code and the label side by side, or only the label
 * (indented by level); with the share as bar and percentage, or as percentage only. A layout is taken
 * when the label column gets at least `minLabel` columns (or all it needs) within the width.
 */
const LAYOUTS = [
  { code: true, bar: true, minLabel: 20 },
  { code: true, bar: false, minLabel: 20 },
  { code: false, bar: true, minLabel: 24 },
  { code: false, bar: false, minLabel: 12 },
] as const;

type Layout = (typeof LAYOUTS)[number];

/** One category's cells before layout. */
interface RowCells {
  code: string;
  label: string;
  indent: string;
  /** Segments, share (as a percentage), matches, transcripts, speakers. */
  numbers: string[];
}

/** The column heads in the table's language. */
interface Heads {
  category: string;
  label: string;
  numbers: string[];
}

/**
 * Header and rows of the frequency table within `width` columns (as many lines as the labels need),
 * columns padded before colouring so widths stay right.
 */
export function frequencyTable(rows: readonly FrequencyRow[], style: Styles, width: number, m: Messages): string[] {
  const heads: Heads = {
    category: m.t('table.head.category'),
    label: m.t('table.head.label'),
    numbers: [m.t('table.head.segments'), m.t('table.head.share'), m.t('table.head.matches'), m.t('table.head.transcripts'), m.t('table.head.speakers')],
  };
  const cells: RowCells[] = rows.map((r) => ({
    code: safeText(r.category.split('/').at(-1)!),
    label: safeText(r.label),
    indent: '  '.repeat(Math.max(0, r.level - 1)),
    numbers: [String(r.segments), m.percent(r.share), String(r.matches), String(r.transcripts), String(r.speakers)],
  }));
  const numberWidths = heads.numbers.map((h, i) => Math.max(len(h), ...cells.map((c) => len(c.numbers[i]!))));
  const percentWidth = Math.max(...cells.map((c) => len(c.numbers[1]!)), 0);
  const { layout, codeWidth, labelWidth } = choose(cells, heads, numberWidths, percentWidth, width);
  const widths = numberWidths.map((w, i) => (i === 1 && layout.bar ? Math.max(w, BAR_CELLS + 1 + percentWidth) : w));
  const lead = (code: string, label: string): string[] => (layout.code ? [padEnd(code, codeWidth), padEnd(label, labelWidth)] : [padEnd(label, labelWidth)]);
  const headNumbers = heads.numbers.map((h, i) => (i === 1 && layout.bar ? padEnd(h, widths[i]!) : padStart(h, widths[i]!)));
  const out = [style.bold([...(layout.code ? lead(heads.category, heads.label) : lead('', heads.category)), ...headNumbers].join(GAP).trimEnd())];
  rows.forEach((r, k) => {
    const c = cells[k]!;
    const share = layout.bar ? `${shareBar(r.share)} ${padStart(c.numbers[1]!, percentWidth)}` : c.numbers[1]!;
    const numbers = [c.numbers[0]!, share, ...c.numbers.slice(2)].map((v, i) => padStart(v, widths[i]!));
    const labels = layout.code ? wrap(c.label, labelWidth) : wrap(c.label, (i) => labelWidth - len(c.indent) - (i > 0 ? 2 : 0)).map((l, i) => c.indent + (i > 0 ? '  ' : '') + l);
    labels.forEach((label, line) => {
      const first = lead(line === 0 ? c.indent + c.code : '', label);
      const row = line === 0 ? [...first, ...numbers] : first;
      const styled = row.map((text, i) => {
        if (r.segments === 0) return style.dim(text);
        if (i === 0 && r.level === 1) return style.bold(text);
        if (i === first.length + 1) return style.green(text);
        return text;
      });
      out.push(line === 0 ? styled.join(GAP) : styled.join(GAP).trimEnd());
    });
  });
  return out;
}

/** The first layout that fits the width, with its column widths; the narrowest when none does. */
function choose(cells: readonly RowCells[], heads: Heads, numberWidths: readonly number[], percentWidth: number, width: number): { layout: Layout; codeWidth: number; labelWidth: number } {
  const codeWidth = Math.max(len(heads.category), ...cells.map((c) => len(c.indent + c.code)));
  let labelWidth = 0;
  for (const layout of LAYOUTS) {
    const shareWidth = layout.bar ? Math.max(numberWidths[1]!, BAR_CELLS + 1 + percentWidth) : numberWidths[1]!;
    const numbers = numberWidths.reduce((a, b) => a + b, 0) - numberWidths[1]! + shareWidth;
    const columns = (layout.code ? 2 : 1) + numberWidths.length;
    const fixed = numbers + (layout.code ? codeWidth : 0) + GAP.length * (columns - 1);
    const needed = layout.code ? Math.max(len(heads.label), ...cells.map((c) => len(c.label))) : Math.max(len(heads.category), ...cells.map((c) => len(c.indent + c.label)));
    labelWidth = Math.min(needed, width - fixed);
    if (labelWidth >= Math.min(needed, layout.minLabel)) return { layout, codeWidth, labelWidth };
  }
  return { layout: LAYOUTS[LAYOUTS.length - 1]!, codeWidth, labelWidth: Math.max(labelWidth, LAYOUTS[LAYOUTS.length - 1]!.minLabel) };
}
