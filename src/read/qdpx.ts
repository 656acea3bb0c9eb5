import { htmlparser2, unzipSync } from '../deps.js';
import { flattenCategories } from '../codebook/flatten.js';
import { cmp, problem } from '../problems.js';
import type { Codebook, Problem } from '../types.js';
import { decodeBytes } from './decode.js';

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

/** One coded unit of a `.qdpx`: as a row of segments.csv, `transcript#segment` × category. */
export interface QdpxCodingRow {
  transcript: string;
  /** Unit number within the transcript, from 1 (the blank-line-separated paragraph; see `readQdpxCoding`). */
  segment: number;
  /** Full code of the category (`bedarfe/personal`). */
  category: string;
}

/** A `.qdpx` read as a coding: rows, the categories its codebook names, and problems. */
export interface QdpxCoding {
  /** Sorted by transcript, segment, then category (codebook order when a codebook is given); no duplicates. */
  rows: QdpxCodingRow[];
  /** Every category the project's codebook names (coded or not): codebook order first, then project order. */
  categories: string[];
  problems: Problem[];
}

/** Options of `readQdpxCoding`: the codebook to map the project's codes onto. */
export interface QdpxReadOptions {
  /** Map the project's codes onto this codebook's categories (by GUID, then by label or code). */
  codebook?: Codebook;
  /**
   * How fokus derives a category's GUID (pass `codeGuid` of render/qdc.js); with it, codes fokus
   * exported are recognised by GUID even after they were renamed in a QDA program.
   */
  codeGuid?: (codebookName: string, path: string) => string;
}

/** Entries larger than this are not unpacked (a guard against zip bombs). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** A GUID as compared here: lower-case, braces removed. */
function normGuid(guid: string): string {
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
 * selections on pictures, PDFs, audio and video are counted in a warning. Never throws.
 */
export function readQdpxProject(bytes: Uint8Array, file: string): QdpxProjectResult {
  const problems: Problem[] = [];
  const fail = (message: string, ruleId: string): QdpxProjectResult => ({ project: null, problems: [...problems, problem(file, 'error', message, undefined, ruleId)] });

  const tooLarge: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const wanted = /\.qde$/iu.test(f.name) || /^sources\//iu.test(f.name);
        if (wanted && f.originalSize > MAX_ENTRY_BYTES) tooLarge.push(f.name);
        return wanted && f.originalSize <= MAX_ENTRY_BYTES;
      },
    });
  } catch (e) {
    return fail(`not a REFI-QDA project archive (.qdpx is a zip file): ${e instanceof Error ? e.message : String(e)}`, 'qdpx/not-zip');
  }
  for (const name of tooLarge.sort(cmp)) problems.push(problem(file, 'warning', `${name} is larger than 256 MB and was not read`, undefined, 'qdpx/too-large'));

  const qdes = Object.keys(entries)
    .filter((n) => /\.qde$/iu.test(n) && !n.endsWith('/'))
    .sort((a, b) => a.split('/').length - b.split('/').length || cmp(a, b));
  if (qdes.length === 0) return fail('no project XML (*.qde) in the archive', 'qdpx/no-project');
  if (qdes.length > 1) problems.push(problem(file, 'warning', `${qdes.length} project XML files in the archive; read ${qdes[0]}`, undefined, 'qdpx/several-projects'));
  const qdeName = qdes[0]!;
  const xml = decodeBytes(entries[qdeName]!, `${file}:${qdeName}`);
  problems.push(...xml.problems);

  const parsed = parseProject(xml.text);
  if (!parsed.found) return fail(`${qdeName} holds no REFI-QDA Project element`, 'qdpx/no-project');
  const { project, inline, paths, skipped } = parsed;
  if (skipped > 0) {
    problems.push(problem(file, 'warning', `${skipped} coding${skipped === 1 ? '' : 's'} of pictures, PDF, audio or video sources or of whole documents ignored (only text selections are read)`, undefined, 'qdpx/not-text'));
  }

  // Source files by their name inside the sources folder, whatever the folder's case.
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    const m = /^sources\/(.+)$/iu.exec(name);
    if (m && !name.endsWith('/')) files.set(m[1]!.toLowerCase(), data);
  }
  for (const source of project.sources) {
    const content = inline.get(source.guid);
    if (content !== undefined) {
      source.text = content;
      continue;
    }
    const path = paths.get(source.guid);
    const internal = path !== undefined ? /^internal:\/\/(.+)$/iu.exec(path.trim()) : null;
    let data = internal ? files.get(internal[1]!.toLowerCase()) : undefined;
    if (internal && data === undefined) {
      try {
        data = files.get(decodeURIComponent(internal[1]!).toLowerCase());
      } catch {
        data = undefined;
      }
    }
    if (data === undefined) {
      const where = path === undefined ? 'it has no plain text' : `its plain text ${path} is not in the archive`;
      if (source.selections.length > 0) problems.push(problem(file, 'warning', `text source "${source.name}": ${where}; its codings are ignored`, undefined, 'qdpx/missing-source'));
      continue;
    }
    const decoded = decodeBytes(data, `${file}:${internal![1]!}`);
    problems.push(...decoded.problems);
    source.text = decoded.text;
  }
  return { project, problems };
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
}

/** Walk the project XML once, keeping what codings are made of. */
function parseProject(xml: string): Parsed {
  const project: QdpxProjectData = { name: '', origin: '', codes: [], sources: [] };
  const out: Parsed = { found: false, project, inline: new Map(), paths: new Map(), skipped: 0 };
  const stack: string[] = [];
  const codes: string[] = [];
  let source: QdpxTextSource | null = null;
  let selection: QdpxSelection | null = null;
  let content: string[] | null = null;
  let other = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(raw, attrs) {
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
          const start = Number(attrs.startPosition);
          const end = Number(attrs.endPosition);
          selection = { guid: normGuid(attrs.guid ?? ''), start, end, codes: [] };
          source.selections.push(selection);
        } else if (name === 'CodeRef' && parent === 'Coding') {
          const owner = stack[stack.length - 3];
          if (other === 0 && selection && owner === 'PlainTextSelection') selection.codes.push(normGuid(attrs.targetGUID ?? ''));
          else if (other > 0 || owner === 'TextSource') out.skipped++;
        }
      },
      ontext(text) {
        if (content) content.push(text);
      },
      onclosetag(raw) {
        const name = local(raw);
        stack.pop();
        if (name === 'Code' && codes.length > 0 && (stack[stack.length - 1] === 'Codes' || stack[stack.length - 1] === 'Code')) codes.pop();
        else if (OTHER_SOURCES.has(name) || OTHER_SELECTIONS.has(name)) other = Math.max(0, other - 1);
        else if (name === 'PlainTextSelection') selection = null;
        else if (name === 'PlainTextContent' && content && source) {
          out.inline.set(source.guid, content.join(''));
          content = null;
        } else if (name === 'TextSource' && stack[stack.length - 1] === 'Sources') source = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/**
 * The paragraphs of a source's plain text as `[start, end)` in code points: blocks separated by a
 * blank line (`\n\n`, also `\r\n` and blank lines holding spaces). In a project fokus exported,
 * paragraph k is unit k of the transcript.
 */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const separator = /\r?\n[^\S\r\n]*\r?\n/gu;
  let counted = 0; // UTF-16 offset up to which code points are counted
  let points = 0;
  const at = (offset: number): number => {
    points += codePointsBetween(text, counted, offset);
    counted = offset;
    return points;
  };
  let start = 0;
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    spans.push({ start, end: at(m.index) });
    start = at(m.index + m[0].length);
  }
  spans.push({ start, end: at(text.length) });
  return spans;
}

/** Code points in `text` from UTF-16 offset `from` to `to` (a surrogate pair counts once). */
function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Read a `.qdpx` as a coding that `fokus agree` can compare with segments.csv: one row per
 * `transcript#segment` × category. The transcript is the text source's name (fokus names sources
 * by transcript id); the segment is every blank-line-separated paragraph a selection overlaps, so
 * for projects fokus exported (one paragraph per unit) selections map back onto their units exactly,
 * also after recoding in MAXQDA or ATLAS.ti as long as the text is unchanged; in foreign projects
 * segments are paragraph numbers. A code becomes a category by its GUID (fokus's, with
 * `options.codeGuid`), else by its name equal to a category's label, code or full code (the parent
 * decides between namesakes), else — and always without a codebook — by the names of the code and
 * its parents joined by `/`, with a warning. Codings of whole documents or non-text sources are
 * ignored with a warning. Never throws.
 */
export function readQdpxCoding(bytes: Uint8Array, file: string, options: QdpxReadOptions = {}): QdpxCoding {
  const { project, problems } = readQdpxProject(bytes, file);
  if (!project) return { rows: [], categories: [], problems };

  const categoryOf = mapCodes(project.codes, options, file, problems);
  const order = new Map<string, number>();
  for (const c of options.codebook ? flattenCategories(options.codebook.categories) : []) order.set(c.path, order.size);
  for (const code of project.codes) {
    const cat = categoryOf.get(code.guid);
    if (cat !== undefined && !order.has(cat)) order.set(cat, order.size);
  }

  const seen = new Set<string>();
  const rows: QdpxCodingRow[] = [];
  const used = new Set<string>();
  let unknown = 0;
  let outside = 0;
  for (const source of project.sources) {
    if (source.text === null) continue;
    const paragraphs = paragraphSpans(source.text);
    const length = paragraphs[paragraphs.length - 1]!.end;
    for (const sel of source.selections) {
      if (!Number.isInteger(sel.start) || !Number.isInteger(sel.end) || sel.start < 0 || sel.end < sel.start || sel.start > length) {
        outside++;
        continue;
      }
      const segments: number[] = [];
      paragraphs.forEach((p, i) => {
        const hit = sel.end > sel.start ? sel.start < p.end && sel.end > p.start : sel.start >= p.start && sel.start <= p.end;
        if (hit) segments.push(i + 1);
      });
      for (const guid of sel.codes) {
        const category = categoryOf.get(guid);
        if (category === undefined) {
          unknown++;
          continue;
        }
        used.add(category);
        for (const segment of segments) {
          const key = JSON.stringify([source.name, segment, category]);
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push({ transcript: source.name, segment, category });
        }
      }
    }
  }
  if (unknown > 0) problems.push(problem(file, 'warning', `${unknown} coding${unknown === 1 ? ' refers' : 's refer'} to a code that is not in the project's codebook; ignored`, undefined, 'qdpx/unknown-code'));
  if (outside > 0) problems.push(problem(file, 'warning', `${outside} selection${outside === 1 ? ' lies' : 's lie'} outside its source's text; ignored`, undefined, 'qdpx/bad-selection'));

  const rank = (c: string): number => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => cmp(a.transcript, b.transcript) || a.segment - b.segment || rank(a.category) - rank(b.category) || cmp(a.category, b.category));
  const named = new Set([...categoryOf.values()]);
  const categories = [...order.keys()].filter((c) => named.has(c) || used.has(c));
  return { rows, categories, problems };
}

/** Normalised for comparing names: NFC, trimmed, lower-case. */
function key(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** Each code's category (see `readQdpxCoding`), by the code's GUID; warnings for codes not in the codebook. */
function mapCodes(codes: readonly QdpxCode[], options: QdpxReadOptions, file: string, problems: Problem[]): Map<string, string> {
  const byGuid = new Map(codes.map((c) => [c.guid, c]));
  const namePath = (c: QdpxCode): string => {
    const names: string[] = [];
    for (let at: QdpxCode | undefined = c, hops = 0; at && hops < 100; at = at.parent ? byGuid.get(at.parent) : undefined, hops++) names.unshift(at.name);
    return names.join('/');
  };
  const out = new Map<string, string>();
  const codebook = options.codebook;
  if (!codebook) {
    for (const c of codes) out.set(c.guid, namePath(c));
    return out;
  }
  const categories = flattenCategories(codebook.categories);
  const guids = new Map<string, string>();
  if (options.codeGuid) for (const cat of categories) guids.set(normGuid(options.codeGuid(codebook.name, cat.path)), cat.path);
  const unmapped: string[] = [];
  // Codes come parents first, so a parent is mapped before its children look at it.
  for (const c of codes) {
    const byId = guids.get(c.guid);
    if (byId !== undefined) {
      out.set(c.guid, byId);
      continue;
    }
    const name = key(c.name);
    const candidates = categories.filter((cat) => key(cat.label) === name || key(cat.code) === name || key(cat.path) === name);
    const parentPath = c.parent ? out.get(c.parent) : undefined;
    const underParent = candidates.filter((cat) => (parentPath === undefined ? cat.level === 1 : cat.path.startsWith(parentPath + '/')));
    const pick = candidates.length === 1 ? candidates[0] : underParent.length === 1 ? underParent[0] : undefined;
    if (pick) {
      out.set(c.guid, pick.path);
    } else {
      const path = namePath(c);
      out.set(c.guid, path);
      unmapped.push(path);
    }
  }
  for (const path of unmapped) {
    problems.push(problem(file, 'warning', `code "${path}" matches no category of the codebook "${codebook.name}"; kept under its own name`, undefined, 'qdpx/unmapped-code'));
  }
  return out;
}
