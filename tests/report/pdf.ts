import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for the PDFs Chromium prints (Skia's writer: no object streams, text
 * as glyph ids of Type0 fonts with ToUnicode maps, Flate-compressed streams): the pages in order,
 * each with its size and its text. Text objects (BT … ET) are joined by line breaks; the glyphs of one
 * are mapped through its font's ToUnicode map. Enough to find headings and words, not a layout.
 */
export interface PdfPage {
  /** Width and height in points (landscape when width > height). */
  size: [number, number];
  text: string;
}

/** The objects of a PDF by number (the body between `N 0 obj` and `endobj`, as latin1). */
function objectsOf(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  return objects;
}

/** The decoded content of a stream object. */
function streamOf(body: string): string {
  const start = body.search(/stream\r?\n/);
  const dict = body.slice(0, start);
  const from = start + (body[start + 6] === '\r' ? 8 : 7);
  const raw = Buffer.from(body.slice(from, body.lastIndexOf('endstream')), 'latin1');
  return (/\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1');
}

/** A hex string's code points as text (UTF-16BE). */
function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** A ToUnicode CMap as glyph id (4 hex digits, upper case) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(m[1]!.toUpperCase(), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let g = lo; g <= hi; g++) map.set(g.toString(16).toUpperCase().padStart(4, '0'), String.fromCodePoint(first + g - lo));
    }
  }
  return map;
}

/** The text of a page's content stream, given its fonts (resource name → ToUnicode map). */
function pageText(content: string, fonts: Map<string, Map<string, string>>): string {
  let font = new Map<string, string>();
  let out = '';
  for (const m of content.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
    if (m[1] !== undefined) font = fonts.get(m[1]) ?? new Map();
    else if (m[2] !== undefined) for (let i = 0; i + 4 <= m[2].length; i += 4) out += font.get(m[2].slice(i, i + 4).toUpperCase()) ?? '';
    else out += '\n';
  }
  return out;
}

/** The pages of a PDF printed by Chromium, in order. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = objectsOf(pdf);
  const ref = (body: string, key: string): number | undefined => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
    return m ? Number(m[1]) : undefined;
  };
  const catalog = [...objects.values()].find((b) => /\/Type\s*\/Catalog/.test(b))!;
  const pages: number[] = [];
  const walk = (n: number): void => {
    const body = objects.get(n)!;
    if (/\/Type\s*\/Pages/.test(body)) for (const k of /\/Kids\s*\[([^\]]*)\]/.exec(body)![1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    else pages.push(n);
  };
  walk(ref(catalog, 'Pages')!);
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOf = (fontObject: number): Map<string, string> => {
    if (!cmaps.has(fontObject)) {
      const unicode = ref(objects.get(fontObject) ?? '', 'ToUnicode');
      cmaps.set(fontObject, unicode === undefined ? new Map() : toUnicode(streamOf(objects.get(unicode)!)));
    }
    return cmaps.get(fontObject)!;
  };
  return pages.map((n) => {
    const body = objects.get(n)!;
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(body)![1]!.trim().split(/\s+/).map(Number);
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(body)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, cmapOf(Number(m[2]))]));
    const contents = ref(body, 'Contents');
    const text = contents === undefined ? '' : pageText(streamOf(objects.get(contents)!), fonts);
    return { size: [box[2]! - box[0]!, box[3]! - box[1]!], text };
  });
}
