import type { Paragraph, Table } from 'docx';
import { unzipSync } from '../../deps.js';
import { markedParts } from '../highlight.js';
import { zipFixed } from '../zip.js';
import { layoutReport, type Block, type TableBlock } from './layout.js';
import type { CategoryReport } from './model.js';

// The category report as a Word document, through the npm package `docx` (loaded on first use, so
// only the report command pays for it). Headings use Word's built-in heading styles, quotations the
// styles `Quote` and `Quote Source`, matched words are bold. The archive is made deterministic: the
// same report gives the same bytes (see `fixDocx`).

type Docx = typeof import('docx');

/**
 * The date written as the document's creation and modification date (docProps/core.xml): fixed, as
 * the zip entries' times are (`zipTime`), so that nothing in the file depends on the clock. No date
 * of the inputs is taken either: a file's modification time is not part of its content.
 */
export const DOCX_DATE = '1980-01-01T12:00:00Z';

/** The paragraph style ids of a quotation and of the line under it that says where it was said. */
export const QUOTE_STYLE = 'Quote';
export const SOURCE_STYLE = 'QuoteSource';

const LANGUAGE = { de: 'de-DE', en: 'en-GB' } as const;

/** A DOCX (zip) archive's bytes made independent of the clock: core.xml's dates set to `DOCX_DATE`, every entry's time to `zipTime()`. */
export function fixDocx(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  // [Content_Types].xml first, as Office writes it; folder entries are not needed in a package.
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  for (const name of [...names.filter((n) => n === '[Content_Types].xml'), ...names.filter((n) => n !== '[Content_Types].xml')]) {
    out[name] =
      name === 'docProps/core.xml'
        ? new TextEncoder().encode(new TextDecoder().decode(entries[name]!).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/gu, `$1${DOCX_DATE}$3`))
        : entries[name]!;
  }
  return zipFixed(out, 6);
}

/** The runs of a unit's text: marked words bold, line breaks as breaks. */
function quoteRuns(d: Docx, text: string, marks: Extract<Block, { kind: 'quote' }>['marks']): InstanceType<Docx['TextRun']>[] {
  return markedParts(text, marks).flatMap((p) =>
    p.text.split('\n').map((line, i) => new d.TextRun({ text: line, bold: p.marked, ...(i > 0 ? { break: 1 } : {}) })),
  );
}

function table(d: Docx, t: TableBlock): (Paragraph | Table)[] {
  const cell = (text: string, j: number, opts: { header?: boolean; indent?: number } = {}): InstanceType<Docx['TableCell']> =>
    new d.TableCell({
      children: [
        new d.Paragraph({
          alignment: t.numeric[j] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          ...(opts.indent ? { indent: { left: 240 * opts.indent } } : {}),
          children: [new d.TextRun({ text, bold: opts.header === true })],
        }),
      ],
    });
  const rows = [
    new d.TableRow({ tableHeader: true, children: t.head.map((h, j) => cell(h, j, { header: true })) }),
    ...t.rows.map((r, i) => new d.TableRow({ cantSplit: true, children: r.map((c, j) => cell(c, j, j === 0 ? { indent: t.indent?.[i] ?? 0 } : {})) })),
  ];
  const out: (Paragraph | Table)[] = [new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE } })];
  if (t.caption !== undefined) out.push(new d.Paragraph({ children: [new d.TextRun({ text: t.caption, italics: true, size: 18 })] }));
  return out;
}

const HEADINGS = ['HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'] as const;

function block(d: Docx, b: Block): (Paragraph | Table)[] {
  const P = d.Paragraph;
  const R = d.TextRun;
  switch (b.kind) {
    case 'title':
      return [
        new P({ children: [new R({ text: b.kicker, size: 18, color: '555555' })] }),
        new P({ heading: d.HeadingLevel.TITLE, children: [new R(b.text)] }),
        new P({ spacing: { after: 240 }, children: [new R({ text: b.subtitle, bold: true, size: 28 })] }),
      ];
    case 'heading':
      return [new P({ heading: d.HeadingLevel[HEADINGS[Math.min(6, Math.max(1, b.level)) - 1]!], children: [new R(b.text)] })];
    case 'paragraph':
      return [new P({ children: [...(b.lead !== undefined ? [new R({ text: `${b.lead}: `, bold: true })] : []), new R({ text: b.text, ...(b.note ? { size: 18, color: '555555' } : {}) })] })];
    case 'label':
      return [new P({ keepNext: true, spacing: { before: 160 }, children: [new R({ text: b.text, bold: true })] })];
    case 'list':
      return b.items.map((i) => new P({ bullet: { level: 0 }, children: [new R(i)] }));
    case 'facts':
      return b.items.map(([k, v]) => new P({ children: [new R({ text: `${k}: `, bold: true }), new R(v)] }));
    case 'table':
      return table(d, b);
    case 'quote':
      return [new P({ style: QUOTE_STYLE, keepNext: true, children: quoteRuns(d, b.text, b.marks) }), new P({ style: SOURCE_STYLE, text: b.source })];
    case 'page-break':
      return [new P({ children: [new d.PageBreak()] })];
  }
}

/** The category report as the bytes of a `.docx` file: the same report gives the same bytes. */
export async function renderCategoryDocx(report: CategoryReport): Promise<Uint8Array> {
  const d: Docx = await import('docx');
  const blocks = layoutReport(report);
  const title = blocks.find((b) => b.kind === 'title');
  const indent = { left: 567, right: 283 };
  const doc = new d.Document({
    creator: report.title.program,
    lastModifiedBy: report.title.program,
    title: title ? `${title.text} – ${report.title.codebook.name}` : report.title.codebook.name,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22, language: { value: LANGUAGE[report.locale] } } } },
      paragraphStyles: [
        { id: QUOTE_STYLE, name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent, spacing: { before: 120, after: 0 }, border: { left: { style: d.BorderStyle.SINGLE, size: 12, color: '173F72', space: 8 } } } },
        { id: SOURCE_STYLE, name: 'Quote Source', basedOn: 'Normal', next: 'Normal', paragraph: { indent, spacing: { after: 160 } }, run: { size: 18, color: '555555' } },
      ],
    },
    sections: [{ children: blocks.flatMap((b) => block(d, b)) }],
  });
  return fixDocx(await d.Packer.toBuffer(doc));
}
