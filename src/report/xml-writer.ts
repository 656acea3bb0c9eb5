/**
 * The one XML writer of fokus: documents are built as element trees and serialised here, with one
 * escaping for text and one for attribute values. The REFI-QDA renderers (`.qdc`, `.qdpx`) use it.
 */

/** A node of an element tree: an element or a piece of text (raw; escaped when written). */
export type XmlNode = XmlElement | string;

/** An element: its name, its attributes in the order written, and its children. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly XmlNode[];
}

/**
 * An element. Attributes are written in the object's key order (attribute names are never
 * integer-like, so that is the order given); numbers are written in decimal.
 */
export function xmlElement(name: string, attributes: Readonly<Record<string, string | number>> = {}, children: readonly XmlNode[] = []): XmlElement {
  return { name, attributes: Object.entries(attributes).map(([k, v]) => [k, String(v)] as const), children };
}

/**
 * The element wrapped in a list, or no element when it would have no children: for optional
 * container elements (`<Sets>`, `<Cases>` …) that a schema requires to be non-empty when present.
 */
export function optionalElement(name: string, children: readonly XmlNode[]): XmlElement[] {
  return children.length > 0 ? [xmlElement(name, {}, children)] : [];
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/FFFF): dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character references of text content; `\r` is kept as a reference, since a parser would turn a raw one into `\n`. */
const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Character references of attribute values: those of text, the quote, and the whitespace a parser would normalise to spaces. */
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { ...TEXT_ENTITIES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** Text as XML character data: characters XML cannot hold dropped, `&`, `<`, `>` and `\r` as references. */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>\r]/gu, (c) => TEXT_ENTITIES[c]!);
}

/** Text as a double-quoted XML attribute value: as `escapeXmlText`, and `"`, `\n`, `\t` as references. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"\r\n\t]/gu, (c) => ATTRIBUTE_ENTITIES[c]!);
}

/**
 * A whole document: the XML declaration (UTF-8), the root element pretty-printed and a final line
 * break. Pretty-printing: one element per line, indented by two spaces per level; an element without
 * children is self-closing (`<A/>`); an element with any text child is written on one line as it is
 * (`<A>text</A>`, also when the text is empty), so no whitespace is ever added to text.
 */
export function serializeXmlDocument(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  writeElement(root, '', lines);
  return lines.join('\n') + '\n';
}

function writeElement(element: XmlElement, indent: string, lines: string[]): void {
  if (element.children.length === 0 || element.children.some((c) => typeof c === 'string')) {
    lines.push(indent + inline(element));
    return;
  }
  lines.push(`${indent}<${element.name}${attributesOf(element)}>`);
  for (const child of element.children) writeElement(child as XmlElement, `${indent}  `, lines);
  lines.push(`${indent}</${element.name}>`);
}

/** An element on one line with no whitespace added: self-closing when it has no children. */
function inline(element: XmlElement): string {
  const open = `<${element.name}${attributesOf(element)}`;
  if (element.children.length === 0) return `${open}/>`;
  const content = element.children.map((c) => (typeof c === 'string' ? escapeXmlText(c) : inline(c))).join('');
  return `${open}>${content}</${element.name}>`;
}

function attributesOf(element: XmlElement): string {
  return element.attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join('');
}
