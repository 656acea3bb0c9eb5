/** A DOCX read back with mammoth, as the tests of the category report look at it. */
import mammoth from 'mammoth';

/** Word's paragraph styles of the report as HTML: the title an h1, quotations blockquotes, their source lines p.source. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Quote Source'] => p.source:fresh"];

/** One heading of the document with what stands under it up to the next heading. */
export interface OutlineEntry {
  level: number;
  text: string;
  /** Quotations (paragraphs in the Quote style). */
  quotes: number;
  /** The bold words inside its quotations. */
  bold: string[];
}

const decode = (s: string): string => s.replace(/<[^>]+>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');

/** The document as HTML (mammoth, the report's styles mapped), with mammoth's messages. */
export async function docxHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
  return { html: r.value, messages: r.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** The headings of a DOCX in order, each with the quotations under it (up to the next heading). */
export async function docxOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const { html } = await docxHtml(bytes);
  const out: OutlineEntry[] = [];
  for (const m of html.matchAll(/<h([1-6])>([^]*?)<\/h\1>|<blockquote>([^]*?)<\/blockquote>/gu)) {
    if (m[1] !== undefined) {
      out.push({ level: Number(m[1]), text: decode(m[2]!), quotes: 0, bold: [] });
    } else if (out.length > 0) {
      // Consecutive quotations are separated by their source lines, so each is one blockquote.
      const last = out.at(-1)!;
      last.quotes += 1;
      last.bold.push(...[...m[3]!.matchAll(/<strong>([^]*?)<\/strong>/gu)].map((b) => decode(b[1]!)));
    }
  }
  return out;
}
