import { problem } from '../problems.js';
import { htmlItems } from './html.js';
import { paragraphNumbers, parseDocItems } from './paragraphs.js';
import type { ParsedText } from './text.js';

/**
 * Parse a Word (`.docx`) transcript with mammoth: paragraphs as in plain text (labels such as `I:`,
 * `B1:`, also in bold; f4 time marks), tables with a speaker column row by row. Headings, images,
 * footnotes and comments are left out. `line` is the paragraph number in the document (from 1,
 * empty paragraphs and table rows counted), `column` the position in the paragraph's text.
 * A file mammoth cannot open is an error naming it.
 */
export async function parseDocx(bytes: Uint8Array, file: string): Promise<ParsedText> {
  // mammoth (with its zip and XML libraries) is loaded only when a DOCX file is read.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { blocks: [], meta: {}, problems: [problem(file, 'error', `not a readable Word document (${reason})`, undefined, 'read/docx')] };
  }
  return parseDocItems(htmlItems(html).items, file, paragraphNumbers);
}
