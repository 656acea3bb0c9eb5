import { createHash } from 'node:crypto';
import type { Category, Codebook, Language, Perspective } from '../types.js';

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
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${attr(options.origin)}">`,
    '  <Codes>',
  ];
  const headings = HEADINGS[codebook.language];
  const code = (cat: Category, depth: number): void => {
    const pad = '  '.repeat(depth);
    const open = `${pad}<Code guid="${codeGuid(codebook.name, cat.path)}" name="${attr(cat.label)}" isCodable="true"`;
    const description = describeCategory(cat, headings);
    if (description === '' && cat.categories.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>`);
    if (description !== '') lines.push(`${pad}  <Description>${text(description)}</Description>`);
    for (const sub of cat.categories) code(sub, depth + 1);
    lines.push(`${pad}</Code>`);
  };
  for (const cat of codebook.categories) code(cat, 2);
  lines.push('  </Codes>');
  const sets = codebook.perspectives.map((p) => perspectiveSet(codebook.name, p)).filter((s) => s !== '');
  if (sets.length > 0) lines.push('  <Sets>', ...sets, '  </Sets>');
  lines.push('</CodeBook>');
  return lines.join('\n') + '\n';
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

function perspectiveSet(codebookName: string, p: Perspective): string {
  const members = [...new Set([...p.when.all, ...p.when.any])];
  const lines = [`    <Set guid="${perspectiveGuid(codebookName, p.code)}" name="${attr(p.label)}">`];
  if (p.description) lines.push(`      <Description>${text(p.description)}</Description>`);
  for (const m of members) lines.push(`      <MemberCode guid="${codeGuid(codebookName, m)}"/>`);
  lines.push('    </Set>');
  return lines.join('\n');
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
