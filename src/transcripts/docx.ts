import { english, type Message } from '../lang/catalogue.js';
import { positionAt, problem } from '../problems.js';
import { htmlItems } from './html.js';
import { readLimits, type ReadLimits } from './limits.js';
import { paragraphNumbers, parseDocItems } from './paragraphs.js';
import type { ParsedText, TextOptions } from './plain-text.js';
import { scanXml, type XmlFaultKind, type XmlHandlers } from './xml.js';
import { openBoundedZip, type BoundedZip, type ZipProblem } from './zip.js';
import type { RuleId } from '../rules.js';
import type { Problem } from '../types.js';

/** The rule a refused XML part of a Word document is reported with. */
const XML_FAULT_RULES: Record<XmlFaultKind, RuleId> = {
  'xml/malformed': 'read/docx',
  'xml/too-deep': 'read/too-deep',
  'xml/too-many-elements': 'read/too-many-elements',
};

const IGNORE: XmlHandlers = { open: () => undefined, close: () => undefined, text: () => undefined };

/** The zip file mammoth reads from (`options.file`): entries inflated by fokus's bounded zip reader. */
interface MammothZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/**
 * The archive as mammoth asks for it: only the parts mammoth reads are inflated, all within one
 * budget of bytes (see limits.ts); an XML part that is not well-formed, or nested deeper or with more
 * elements than the limits allow, is refused before mammoth's XML reader sees it. The first refusal
 * is kept in `refused`.
 */
function mammothZip(zip: BoundedZip, limits: ReadLimits, refused: ZipProblem[]): MammothZip {
  const refuse = (p: ZipProblem): Promise<never> => {
    refused.push(p);
    return Promise.reject(new Error(english(p.message)));
  };
  return {
    exists: (name) => zip.has(name),
    read(name, encoding) {
      const entry = zip.read(name);
      if ('problem' in entry) return refuse(entry.problem);
      if (encoding === 'base64') return Promise.resolve(Buffer.from(entry.data).toString('base64'));
      if (encoding === undefined) return Promise.resolve(entry.data);
      const text = new TextDecoder(encoding).decode(entry.data);
      // mammoth's XML reader recurses into elements and takes quadratic time on some broken XML
      // (`<?xml ve` a hundred thousand times): it gets only well-formed parts within the limits.
      const fault = /\.(?:xml|rels)$/iu.test(name) ? scanXml(text, IGNORE, limits) : null;
      if (fault) {
        const at = positionAt(text, fault.offset);
        const key = fault.ruleId === 'xml/malformed' ? 'part.docx.xml-malformed' : 'part.docx.xml-limit';
        return refuse({ message: { key, params: { name, line: at.line, column: at.column, fault: fault.message } }, ruleId: XML_FAULT_RULES[fault.ruleId] });
      }
      return Promise.resolve(text);
    },
  };
}

/**
 * Parse a Word (`.docx`) transcript with mammoth: paragraphs as in plain text (labels such as `I:`,
 * `B1:`, also in bold; f4 time marks), tables with a speaker column row by row. Headings, images,
 * footnotes and comments are left out. `line` is the paragraph number in the document (from 1,
 * empty paragraphs and table rows counted), `column` the position in the paragraph's text.
 * A file mammoth cannot open is an error naming it; so is an archive that passes the limits of
 * `limits` (bytes inflated in total, entries, nesting depth) or whose entries lie about their size.
 */
export async function parseDocx(bytes: Uint8Array, file: string, limits?: Partial<ReadLimits>, options: TextOptions = {}): Promise<ParsedText> {
  const limit = readLimits(limits);
  const fail = (message: Message, ruleId: RuleId): ParsedText => ({ blocks: [], meta: {}, problems: [problem(file, 'error', message, undefined, ruleId)] });
  const opened = openBoundedZip(bytes, limit);
  if ('problem' in opened) {
    const { message, ruleId } = opened.problem;
    return ruleId === 'zip/not-zip' ? fail({ key: 'problem.read/docx', params: { reason: message } }, 'read/docx') : fail({ key: 'problem.read/docx.refused', params: { reason: message } }, ruleId);
  }
  // mammoth (with its XML libraries) is loaded only when a DOCX file is read.
  const { default: mammoth } = await import('mammoth');
  const refused: ZipProblem[] = [];
  let html: string;
  let messages: readonly { type: string; message: string }[] = [];
  try {
    const input = { file: mammothZip(opened.zip, limit, refused) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      ignoreEmptyParagraphs: false,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    html = result.value;
    messages = result.messages;
  } catch (err) {
    const first = refused[0];
    if (first) return fail({ key: 'problem.read/docx.refused', params: { reason: first.message } }, first.ruleId);
    // mammoth's own errors name what is wrong; a TypeError from inside it (a part it expects is not
    // there or holds no XML) says nothing to a user and is no fault of fokus.
    const internal = err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError;
    const text = err instanceof Error ? (err.message.split('\n')[0] ?? '').replace(/\t/gu, ' ') : String(err);
    const reason: Message = internal ? { key: 'part.docx.internal' } : { key: 'part.text', params: { text } };
    return fail({ key: 'problem.read/docx', params: { reason } }, 'read/docx');
  }
  const items = htmlItems(html, limit.depth);
  if (items.fault) return fail(items.fault.message, 'read/too-deep');
  const parsed = parseDocItems(items.items, file, paragraphNumbers, options);
  return { ...parsed, problems: [...converterWarnings(messages, file), ...parsed.problems] };
}

/** Messages about paragraph and run styles: fokus reads no styles, so they say nothing about the text. */
const STYLE_MESSAGE = /^(?:Unrecognised (?:paragraph|run|table) style|(?:Paragraph|Run|Table) style with ID .* was referenced but not defined)/u;

/** How many distinct messages of the Word converter are named before the rest are counted. */
const MAX_CONVERTER_MESSAGES = 10;

/**
 * What mammoth says of the document as warnings (an element it ignored, such as a text box whose
 * text is then missing): each distinct message once, the first few named, the rest counted.
 * Messages about styles are left out: fokus reads no styles.
 */
function converterWarnings(messages: readonly { type: string; message: string }[], file: string): Problem[] {
  const distinct = [...new Set(messages.map((m) => (m.message.split('\n')[0] ?? '').trim()).filter((m) => m !== '' && !STYLE_MESSAGE.test(m)))];
  const out = distinct.slice(0, MAX_CONVERTER_MESSAGES).map((m) => problem(file, 'warning', { key: 'problem.read/docx-message', params: { text: m } }, undefined, 'read/docx-message'));
  const rest = distinct.length - MAX_CONVERTER_MESSAGES;
  if (rest > 0) out.push(problem(file, 'warning', { key: 'problem.read/docx-message.more', params: { n: rest } }, undefined, 'read/docx-message'));
  return out;
}
