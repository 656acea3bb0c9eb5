import { createHash } from 'node:crypto';
import type { Category, Codebook, Language } from '../../types.js';
import { optionalElement, serializeXmlDocument, xmlElement, type XmlElement } from '../../report/xml-writer.js';

/** The XML namespace of a REFI-QDA codebook (QDA-XML codebook 1.0). */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/**
 * The namespace of fokus's name-based GUIDs (a fixed random UUID): together with a name it yields
 * the same GUID on every export, so QDA programs recognise codes they have seen before.
 */
export const FOKUS_GUID_NAMESPACE = '10853d41-a6a8-4cac-a1ad-25e7d32786e4';

/** Headings of the description sections, in the codebook's language (data, not logic). */
const HEADINGS: Record<Language, { examples: string; counterexamples: string }> = {
  de: { examples: 'Ankerbeispiele', counterexamples: 'Gegenbeispiele' },
  en: { examples: 'Anchor examples', counterexamples: 'Counterexamples' },
};

/** A name-based UUID version 5 (RFC 9562: SHA-1 of the namespace's bytes and the UTF-8 name), lowercase hex. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID derived from a name in fokus's namespace: the same name always gives the same GUID. */
export function nameGuid(name: string): string {
  return uuidV5(FOKUS_GUID_NAMESPACE, name);
}

/** The stable GUID of a category: derived from the codebook's name and the category's full code. */
export function codeGuid(codebookName: string, path: string): string {
  return nameGuid(JSON.stringify(['code', codebookName, path]));
}

/** The stable GUID of a perspective (exported as a REFI-QDA set of codes). */
export function perspectiveGuid(codebookName: string, code: string): string {
  return nameGuid(JSON.stringify(['perspective', codebookName, code]));
}

/** Options of the `.qdc` renderer. */
export interface QdcOptions {
  /** The `origin` attribute: the program that wrote the file, e.g. `fokus 0.1.0`. */
  origin: string;
}

/**
 * The codebook as a REFI-QDA codebook (`.qdc`, QDA-XML codebook 1.0): one `Code` per category with
 * the hierarchy kept, labels as names, definition and anchor examples as the description, stable
 * GUIDs from the codes, and each perspective as a `Set` of the categories it names. Deterministic:
 * the same codebook gives the same bytes. The codebook must have at least one category (the schema
 * requires one `Code`).
 */
export function renderQdc(codebook: Codebook, options: QdcOptions): string {
  if (codebook.categories.length === 0) throw new Error('renderQdc: a REFI-QDA codebook needs at least one category');
  const root = xmlElement('CodeBook', { xmlns: QDC_NAMESPACE, origin: options.origin }, [codesElement(codebook), ...setsElement(codebook, 'guid')]);
  return serializeXmlDocument(root);
}

/** The `<Codes>` element of a codebook: one `Code` per category, the hierarchy kept (a `.qdc`'s and a project's alike). */
export function codesElement(codebook: Codebook): XmlElement {
  const headings = HEADINGS[codebook.language];
  const code = (cat: Category): XmlElement => {
    const description = describeCategory(cat, headings);
    const children = [...(description !== '' ? [xmlElement('Description', {}, [description])] : []), ...cat.categories.map(code)];
    return xmlElement('Code', { guid: codeGuid(codebook.name, cat.path), name: cat.label, isCodable: 'true' }, children);
  };
  return xmlElement('Codes', {}, codebook.categories.map(code));
}

/**
 * The `<Sets>` element of a codebook's perspectives, or none without perspectives. A member code is
 * named by the attribute `member`: `guid` in a `.qdc`, `targetGUID` in a project.
 */
export function setsElement(codebook: Codebook, member: 'guid' | 'targetGUID'): XmlElement[] {
  return optionalElement(
    'Sets',
    codebook.perspectives.map((p) => {
      const members = [...new Set([...p.when.all, ...p.when.any])].map((m) => xmlElement('MemberCode', { [member]: codeGuid(codebook.name, m) }));
      const description = p.description ? [xmlElement('Description', {}, [p.description])] : [];
      return xmlElement('Set', { guid: perspectiveGuid(codebook.name, p.code), name: p.label }, [...description, ...members]);
    }),
  );
}

function describeCategory(cat: Category, headings: { examples: string; counterexamples: string }): string {
  const parts: string[] = [];
  if (cat.definition) parts.push(cat.definition);
  const list = (heading: string, items: string[]): void => {
    if (items.length > 0) parts.push(`${heading}:\n${items.map((e) => `- ${e.replace(/\s+/g, ' ').trim()}`).join('\n')}`);
  };
  list(headings.examples, cat.examples);
  list(headings.counterexamples, cat.counterexamples);
  return parts.join('\n\n');
}
