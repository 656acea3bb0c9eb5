import type { Message, MessageKey, MessageParams } from '../lang/catalogue.js';
import { decodeXML } from '../deps.js';
import { positionAt } from '../problems.js';

/**
 * A small, strict, iterative XML reader for project files (REFI-QDA `.qde`): it calls back on each
 * element and text and stops at the first place where the text is not well-formed XML (a file cut
 * off, a tag closed by another name, a bare `<` or `&`, a second root, an unquoted attribute …),
 * giving that offset. Nesting depth and the number of elements are limited, so no input overflows
 * the stack or grows without bound. DOCTYPE declarations are skipped; entities they declare are not
 * expanded (only the five XML entities and character references are).
 */

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, offset: number): void;
  close(name: string): void;
  text(text: string): void;
}

/** Why XML is refused; not a rule id of its own: each reader reports it under its own (XML_FAULT_RULES). */
export type XmlFaultKind = 'xml/malformed' | 'xml/too-deep' | 'xml/too-many-elements';

/** Where and why the text stops being well-formed XML (or passes a limit). */
export interface XmlFault {
  offset: number;
  message: Message;
  /** `xml/malformed`, or `xml/too-deep` / `xml/too-many-elements` for a limit. */
  ruleId: XmlFaultKind;
}

const NAME = /[^\s<>/=?!"'&][^\s<>/=?"'&]*/y;
const ATTRIBUTE = /\s*([^\s<>/=?!"'&][^\s<>/=?"'&]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/y;

/** Scan `xml`, calling `on` for its elements and texts; the first fault, or null when it is well-formed. */
export function scanXml(xml: string, on: XmlHandlers, limits: { depth: number; elements: number; elementsName?: string }): XmlFault | null {
  const stack: { name: string; offset: number }[] = [];
  let elements = 0;
  let rootDone = false;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const fault = text(xml, i, textEnd, stack.length > 0, on);
      if (fault) return fault;
    }
    if (lt === -1) break;
    i = lt;
    const c = xml[i + 1];
    if (c === '?') i = skipTo(xml, i, '?>');
    else if (xml.startsWith('<!--', i)) i = skipTo(xml, i, '-->');
    else if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) return malformed(i, 'part.xml.cdata-outside');
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) return malformed(i, 'part.xml.ends-in-cdata');
      if (end > i + 9) on.text(xml.slice(i + 9, end));
      i = end + 3;
      continue;
    } else if (xml.startsWith('<!DOCTYPE', i)) i = skipDoctype(xml, i);
    else if (c === '/') {
      const fault = endTag(xml, i, stack, on);
      if (typeof fault !== 'number') return fault;
      i = fault;
      if (stack.length === 0) rootDone = true;
      continue;
    } else {
      if (rootDone || (stack.length === 0 && elements > 0)) return malformed(i, 'part.xml.second-root');
      if (++elements > limits.elements) return { offset: i, message: { key: 'part.xml.too-many-elements', params: { limit: limits.elements, name: limits.elementsName ?? 'FOKUS_MAX_ELEMENTS' } }, ruleId: 'xml/too-many-elements' };
      const after = startTag(xml, i, stack, on, limits.depth);
      if (typeof after !== 'number') return after;
      i = after;
      if (stack.length === 0) rootDone = true;
      continue;
    }
    if (i < 0) return malformed(lt, 'part.xml.ends-in-comment');
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    return malformed(xml.length, 'part.xml.ends-in-element', { name: open.name, opened: where(xml, open.offset) });
  }
  if (elements === 0) return malformed(0, 'part.xml.no-root');
  return null;
}

/** `line L, column C` of an offset, for messages that point at a second place. */
function where(xml: string, offset: number): Message {
  const p = positionAt(xml, offset);
  return { key: 'part.xml.where', params: { line: p.line, column: p.column } };
}

function malformed(offset: number, key: MessageKey, params?: MessageParams): XmlFault {
  return { offset, message: params ? { key, params } : { key }, ruleId: 'xml/malformed' };
}

/** The offset after `end` searched from `from`; -1 when the file ends first. */
function skipTo(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from + 2);
  return at === -1 ? -1 : at + end.length;
}

/** The offset after a DOCTYPE declaration with its internal subset; -1 when the file ends first. */
function skipDoctype(xml: string, from: number): number {
  let quote = '';
  let bracket = false;
  for (let i = from + 9; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') bracket = true;
    else if (c === ']') bracket = false;
    else if (c === '>' && !bracket) return i + 1;
  }
  return -1;
}

/** Text from `from` to `to`: outside the root only white space; references decoded and checked. */
function text(xml: string, from: number, to: number, inRoot: boolean, on: XmlHandlers): XmlFault | null {
  const raw = xml.slice(from, to);
  if (!inRoot) {
    const k = raw.search(/\S/u);
    return k === -1 ? null : malformed(from + k, 'part.xml.text-outside');
  }
  const amp = checkReferences(raw, from);
  if (amp) return amp;
  on.text(raw.includes('&') ? decodeXML(raw) : raw);
  return null;
}

/** Every `&` in `raw` (which starts at `base`) must start a character or predefined entity reference. */
function checkReferences(raw: string, base: number): XmlFault | null {
  for (let k = raw.indexOf('&'); k !== -1; k = raw.indexOf('&', k + 1)) {
    REFERENCE.lastIndex = k;
    const m = REFERENCE.exec(raw);
    const code = m?.[2] !== undefined ? Number(m[2]) : m?.[3] !== undefined ? parseInt(m[3], 16) : 0x20;
    if (!m || code === 0 || code > 0x10ffff) return malformed(base + k, 'part.xml.ampersand');
  }
  return null;
}

/** Read a start tag at `at`; the offset after it, or a fault. */
function startTag(xml: string, at: number, stack: { name: string; offset: number }[], on: XmlHandlers, depth: number): number | XmlFault {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(xml)?.[0];
  if (name === undefined) return malformed(at, 'part.xml.less-than');
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = at + 1 + name.length;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(xml);
    if (!m) break;
    if (!/^\s/u.test(xml[i] ?? '')) return malformed(i, 'part.xml.attribute-space');
    const key = m[1]!;
    if (key in attributes) return malformed(i + m[0].length - m[0].trimStart().length, 'part.xml.attribute-twice', { name: key });
    const value = m[2] ?? m[3] ?? '';
    const fault = checkReferences(value, m.index + m[0].length - value.length - 1);
    if (fault) return fault;
    attributes[key] = value.includes('&') ? decodeXML(value) : value;
    i = m.index + m[0].length;
  }
  while (i < xml.length && /\s/u.test(xml[i]!)) i++;
  const selfClosing = xml.startsWith('/>', i);
  if (!selfClosing && xml[i] !== '>') return malformed(i, i >= xml.length ? 'part.xml.ends-in-tag' : 'part.xml.unexpected-in-tag', { name });
  if (stack.length >= depth) return { offset: at, message: { key: 'part.xml.too-deep', params: { depth } }, ruleId: 'xml/too-deep' };
  on.open(name, attributes, at);
  if (selfClosing) on.close(name);
  else stack.push({ name, offset: at });
  return i + (selfClosing ? 2 : 1);
}

/** Read an end tag at `at`, which must close the innermost open element; the offset after it, or a fault. */
function endTag(xml: string, at: number, stack: { name: string; offset: number }[], on: XmlHandlers): number | XmlFault {
  NAME.lastIndex = at + 2;
  const name = NAME.exec(xml)?.[0] ?? '';
  let i = at + 2 + name.length;
  while (i < xml.length && /\s/u.test(xml[i]!)) i++;
  if (name === '' || xml[i] !== '>') return malformed(at, i >= xml.length ? 'part.xml.ends-in-end-tag' : 'part.xml.broken-end-tag');
  const open = stack.pop();
  if (!open) return malformed(at, 'part.xml.closes-nothing', { name });
  if (open.name !== name) return malformed(at, 'part.xml.wrong-end-tag', { name, due: open.name, opened: where(xml, open.offset) });
  on.close(name);
  return i + 1;
}
