import type { Message, MessageKey } from '../../lang/catalogue.js';
import { cmp, positionAt, problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import { decodeBytes } from '../../transcripts/decode.js';
import { readLimits, type ReadLimits } from '../../transcripts/limits.js';
import { scanXml, type XmlFault, type XmlFaultKind } from '../../transcripts/xml.js';
import { openBoundedZip, type BoundedZip, type ZipProblem } from '../../transcripts/zip.js';
import type { RuleId } from '../../rules.js';

/** The rule a refused project XML is reported with. */
const XML_FAULT_RULES: Record<XmlFaultKind, RuleId> = {
  'xml/malformed': 'qdpx/malformed',
  'xml/too-deep': 'qdpx/too-deep',
  'xml/too-many-elements': 'qdpx/too-many-elements',
};

/** The message of a refused project XML, by the rule it is reported with. */
const XML_FAULT_KEYS: Record<XmlFaultKind, MessageKey> = {
  'xml/malformed': 'problem.qdpx/malformed',
  'xml/too-deep': 'problem.qdpx/too-deep',
  'xml/too-many-elements': 'problem.qdpx/too-many-elements',
};

/** A code of a REFI-QDA project's codebook. */
export interface QdpxCode {
  /** GUID, lower-case, without braces. */
  guid: string;
  name: string;
  /** The GUID of the enclosing code; null for a top-level code. */
  parent: string | null;
}

/** A text selection `[start, end)` in Unicode code points of its source, with the codes it is coded with. */
export interface QdpxSelection {
  guid: string;
  start: number;
  end: number;
  /** GUIDs of the codes of its codings (lower-case, without braces), in document order. */
  codes: string[];
}

/** A text source of a REFI-QDA project: its name, its plain text (null when it could not be found) and its selections. */
export interface QdpxTextSource {
  guid: string;
  name: string;
  text: string | null;
  selections: QdpxSelection[];
}

/** The parts of a REFI-QDA project that codings are made of. */
export interface QdpxProjectData {
  name: string;
  /** The program that wrote it (`origin`), '' when not given. */
  origin: string;
  /** Every code, parents before children, in document order. */
  codes: QdpxCode[];
  sources: QdpxTextSource[];
}

/** What `readQdpxProject` gives: the project (null when the archive or its `.qde` cannot be read) and problems. */
export interface QdpxProjectResult {
  project: QdpxProjectData | null;
  problems: Problem[];
}

/** A GUID as compared here: lower-case, braces removed. */
export function normGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/gu, '').toLowerCase();
}

/** An element name without a namespace prefix. */
function local(name: string): string {
  const i = name.lastIndexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Selections and codings on sources other than text (pictures, PDF, audio, video) are counted, not read. */
const OTHER_SELECTIONS = new Set(['PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection']);
const OTHER_SOURCES = new Set(['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']);

/**
 * Read a REFI-QDA project archive (`.qdpx`): the one `*.qde` project XML (any name, any folder) and
 * the plain texts of its text sources (`internal://NAME` found in `sources/` or `Sources/`, or
 * inline `PlainTextContent`). Keeps codes, text sources and their text selections with codings;
 * selections on pictures, PDFs, audio and video are counted in a warning. Only the project XML and
 * the plain texts its sources name are inflated, within the limits of `limits` (bytes in total,
 * entries, nesting depth, elements); a project XML that is not well-formed (cut off, tags crossed)
 * is an error at its line and column. Never throws.
 */
export function readQdpxProject(bytes: Uint8Array, file: string, limits?: Partial<ReadLimits>): QdpxProjectResult {
  const problems: Problem[] = [];
  const fail = (message: Message, ruleId: RuleId, where = file, at?: { line: number; column: number }): QdpxProjectResult => ({
    project: null,
    problems: [...problems, problem(where, 'error', message, at, ruleId)],
  });
  const limit = readLimits(limits);
  const opened = openBoundedZip(bytes, limit);
  if ('problem' in opened) {
    const { message, ruleId } = opened.problem;
    return ruleId === 'zip/not-zip' ? fail({ key: 'problem.qdpx/not-zip', params: { reason: message } }, 'qdpx/not-zip') : fail(message, ruleId);
  }
  const zip = opened.zip;
  const qdes = zip.names.filter((n) => /\.qde$/iu.test(n) && !n.endsWith('/')).sort((a, b) => a.split('/').length - b.split('/').length || cmp(a, b));
  if (qdes.length === 0) return fail({ key: 'problem.qdpx/no-project' }, 'qdpx/no-project');
  if (qdes.length > 1) problems.push(problem(file, 'warning', { key: 'problem.qdpx/several-projects', params: { n: qdes.length, name: qdes[0]! } }, undefined, 'qdpx/several-projects'));
  const qdeName = qdes[0]!;
  const entry = zip.read(qdeName);
  if ('problem' in entry) return fail(entry.problem.message, entry.problem.ruleId);
  const xml = decodeBytes(entry.data, `${file}:${qdeName}`);
  problems.push(...xml.problems);

  const parsed = parseProject(xml.text, limit);
  if (parsed.fault) {
    const { offset, message, ruleId } = parsed.fault;
    return fail({ key: XML_FAULT_KEYS[ruleId], params: { name: qdeName, fault: message } }, XML_FAULT_RULES[ruleId], `${file}:${qdeName}`, positionAt(xml.text, offset));
  }
  if (!parsed.found) return fail({ key: 'problem.qdpx/no-project.no-element', params: { name: qdeName } }, 'qdpx/no-project');
  const { project, skipped } = parsed;
  if (skipped > 0) {
    problems.push(problem(file, 'warning', { key: 'problem.qdpx/not-text', params: { n: skipped } }, undefined, 'qdpx/not-text'));
  }
  const stop = fillTexts(zip, parsed, file, problems);
  if (stop) return fail(stop.message, stop.ruleId);
  return { project, problems };
}

/**
 * Give each text source its text: inline `PlainTextContent`, or the `sources/` entry its
 * `plainTextPath` names (inflated only then). A limit passed stops the project (returned).
 */
function fillTexts(zip: BoundedZip, parsed: Parsed, file: string, problems: Problem[]): ZipProblem | null {
  // Source files by their name inside the sources folder, whatever the folder's case.
  const files = new Map<string, string>();
  for (const name of zip.names) {
    const m = /^sources\/(.+)$/iu.exec(name);
    if (m && !name.endsWith('/') && !files.has(m[1]!.toLowerCase())) files.set(m[1]!.toLowerCase(), name);
  }
  for (const source of parsed.project.sources) {
    const content = parsed.inline.get(source.guid);
    if (content !== undefined) {
      source.text = content;
      continue;
    }
    const path = parsed.paths.get(source.guid);
    const internal = path !== undefined ? /^internal:\/\/(.+)$/iu.exec(path.trim()) : null;
    let name = internal ? files.get(internal[1]!.toLowerCase()) : undefined;
    if (internal && name === undefined) {
      try {
        name = files.get(decodeURIComponent(internal[1]!).toLowerCase());
      } catch {
        name = undefined;
      }
    }
    if (name === undefined) {
      const message: Message = path === undefined ? { key: 'problem.qdpx/missing-source', params: { name: source.name } } : { key: 'problem.qdpx/missing-source.path', params: { name: source.name, path } };
      if (source.selections.length > 0) problems.push(problem(file, 'warning', message, undefined, 'qdpx/missing-source'));
      continue;
    }
    const data = zip.read(name);
    if ('problem' in data) {
      if (data.problem.ruleId === 'zip/too-large') return data.problem;
      problems.push(problem(file, 'error', { key: 'problem.source.zip', params: { name: source.name, reason: data.problem.message } }, undefined, data.problem.ruleId));
      continue;
    }
    const decoded = decodeBytes(data.data, `${file}:${internal![1]!}`);
    problems.push(...decoded.problems);
    source.text = decoded.text;
  }
  return null;
}

interface Parsed {
  found: boolean;
  project: QdpxProjectData;
  /** Inline `PlainTextContent` by source GUID. */
  inline: Map<string, string>;
  /** `plainTextPath` by source GUID. */
  paths: Map<string, string>;
  /** Codings not on text selections. */
  skipped: number;
  fault: XmlFault | null;
}

/** Walk the project XML once, keeping what codings are made of. */
function parseProject(xml: string, limits: ReadLimits): Parsed {
  const project: QdpxProjectData = { name: '', origin: '', codes: [], sources: [] };
  const out: Parsed = { found: false, project, inline: new Map(), paths: new Map(), skipped: 0, fault: null };
  const stack: string[] = [];
  const codes: string[] = [];
  let source: QdpxTextSource | null = null;
  let selection: QdpxSelection | null = null;
  let content: string[] | null = null;
  let other = 0;
  const open = (raw: string, attrs: Record<string, string>): void => {
    const name = local(raw);
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === 'Project' && stack.length === 1) {
      out.found = true;
      project.name = attrs.name ?? '';
      project.origin = attrs.origin ?? '';
    } else if (name === 'Code' && (parent === 'Codes' || parent === 'Code')) {
      const guid = normGuid(attrs.guid ?? '');
      project.codes.push({ guid, name: attrs.name ?? '', parent: codes.length > 0 ? codes[codes.length - 1]! : null });
      codes.push(guid);
    } else if (name === 'TextSource' && parent === 'Sources') {
      source = { guid: normGuid(attrs.guid ?? ''), name: attrs.name ?? attrs.guid ?? '', text: null, selections: [] };
      project.sources.push(source);
      if (attrs.plainTextPath !== undefined) out.paths.set(source.guid, attrs.plainTextPath);
    } else if (OTHER_SOURCES.has(name) || OTHER_SELECTIONS.has(name)) {
      other++;
    } else if (other === 0 && source && name === 'PlainTextContent' && parent === 'TextSource') {
      content = [];
    } else if (other === 0 && source && name === 'PlainTextSelection' && parent === 'TextSource') {
      selection = { guid: normGuid(attrs.guid ?? ''), start: Number(attrs.startPosition), end: Number(attrs.endPosition), codes: [] };
      (source as QdpxTextSource).selections.push(selection);
    } else if (name === 'CodeRef' && parent === 'Coding') {
      const owner = stack[stack.length - 3];
      if (other === 0 && selection && owner === 'PlainTextSelection') (selection as QdpxSelection).codes.push(normGuid(attrs.targetGUID ?? ''));
      else if (other > 0 || owner === 'TextSource') out.skipped++;
    }
  };
  const close = (raw: string): void => {
    const name = local(raw);
    stack.pop();
    const parent = stack[stack.length - 1];
    if (name === 'Code' && codes.length > 0 && (parent === 'Codes' || parent === 'Code')) codes.pop();
    else if (OTHER_SOURCES.has(name) || OTHER_SELECTIONS.has(name)) other = Math.max(0, other - 1);
    else if (name === 'PlainTextSelection') selection = null;
    else if (name === 'PlainTextContent' && content && source) {
      out.inline.set((source as QdpxTextSource).guid, content.join(''));
      content = null;
    } else if (name === 'TextSource' && parent === 'Sources') source = null;
  };
  const text = (t: string): void => {
    if (content) content.push(t);
  };
  out.fault = scanXml(xml, { open, close, text }, { depth: limits.depth, elements: limits.projectElements, elementsName: 'FOKUS_MAX_PROJECT_ELEMENTS' });
  return out;
}
