import { flattenCategories } from '../../codebook/flatten.js';
import { cmp, problem } from '../../problems.js';
import type { Codebook, Problem } from '../../types.js';
import { readLimits, type ReadLimits } from '../../transcripts/limits.js';
import { normGuid, readQdpxProject, type QdpxCode, type QdpxTextSource } from './project.js';
import { chooseLineBreaks, paragraphsHit, type Span } from './spans.js';

export * from './project.js';
export { paragraphSpans } from './spans.js';

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
  /** Limits of the reader (bytes inflated, entries, depth, elements, codings); see limits.ts. */
  limits?: Partial<ReadLimits>;
}

/** Codes that match no category are named one by one up to this many, then counted. */
const MAX_NAMED_UNMAPPED = 20;

/**
 * Read a `.qdpx` as a coding that `fokus agree` can compare with segments.csv: one row per
 * `transcript#segment` × category. The transcript is the text source's name (fokus names sources
 * by transcript id); the segment is every paragraph a selection overlaps — paragraphs are separated
 * by blank lines, or by single line breaks in a text that has no blank line — so for projects fokus
 * exported (one paragraph per unit) selections map back onto their units exactly, also after
 * recoding in MAXQDA or ATLAS.ti as long as the text is unchanged; in foreign projects segments are
 * paragraph numbers. Positions count code points; in a text with CRLF line breaks a CRLF counts as
 * one character when the selections fit the paragraphs better so, or equally well and the project
 * comes from MAXQDA or ATLAS.ti (which write them that way), with a warning saying so. A code becomes a category by its GUID (fokus's, with
 * `options.codeGuid`), else by its name equal to a category's label, code or full code (the parent
 * decides between namesakes), else — and always without a codebook — by the names of the code and
 * its parents joined by `/`, with a warning. Codings of whole documents or non-text sources are
 * ignored with a warning. More unit × category pairs than `limits.codings` is an error. Never throws.
 */
export function readQdpxCoding(bytes: Uint8Array, file: string, options: QdpxReadOptions = {}): QdpxCoding {
  const { project, problems } = readQdpxProject(bytes, file, options.limits);
  if (!project) return { rows: [], categories: [], problems };
  const limits = readLimits(options.limits);

  const categoryOf = mapCodes(project.codes, options, file, problems);
  const order = new Map<string, number>();
  for (const c of options.codebook ? flattenCategories(options.codebook.categories) : []) order.set(c.path, order.size);
  for (const code of project.codes) {
    const cat = categoryOf.get(code.guid);
    if (cat !== undefined && !order.has(cat)) order.set(cat, order.size);
  }

  // MAXQDA and ATLAS.ti count a CRLF as one character: their word decides when the selections do not.
  const preferOne = /maxqda|atlas\.?ti/iu.test(project.origin);
  const collected = collectRows(project.sources, categoryOf, limits.codings, preferOne);
  if (collected.tooMany) {
    const message = { key: 'problem.qdpx/too-many-codings', params: { limit: limits.codings } } as const;
    return { rows: [], categories: [], problems: [...problems, problem(file, 'error', message, undefined, 'qdpx/too-many-codings')] };
  }
  const { rows, used, unknown, outside, crlfAsOne, crlfSources } = collected;
  if (crlfAsOne.length > 0) {
    const names = crlfAsOne.slice(0, 3).map((n) => `"${n}"`).join(', ') + (crlfAsOne.length > 3 ? ', …' : '');
    const message = { key: 'problem.qdpx/line-breaks', params: { count: crlfAsOne.length, n: crlfSources, names } } as const;
    problems.push(problem(file, 'warning', message, undefined, 'qdpx/line-breaks'));
  }
  if (unknown > 0) problems.push(problem(file, 'warning', { key: 'problem.qdpx/unknown-code', params: { n: unknown } }, undefined, 'qdpx/unknown-code'));
  if (outside > 0) problems.push(problem(file, 'warning', { key: 'problem.qdpx/bad-selection', params: { n: outside } }, undefined, 'qdpx/bad-selection'));

  const rank = (c: string): number => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => cmp(a.transcript, b.transcript) || a.segment - b.segment || rank(a.category) - rank(b.category) || cmp(a.category, b.category));
  const named = new Set(categoryOf.values());
  const categories = [...order.keys()].filter((c) => named.has(c) || used.has(c));
  return { rows, categories, problems };
}

interface Collected {
  rows: QdpxCodingRow[];
  used: Set<string>;
  unknown: number;
  outside: number;
  /** Names of the sources read with a CRLF counted as one character. */
  crlfAsOne: string[];
  /** How many sources have CRLF line breaks. */
  crlfSources: number;
  tooMany: boolean;
}

/** The rows of every text source's selections (no duplicates), stopping when more than `max`. */
function collectRows(sources: readonly QdpxTextSource[], categoryOf: ReadonlyMap<string, string>, max: number, preferOne: boolean): Collected {
  const out: Collected = { rows: [], used: new Set(), unknown: 0, outside: 0, crlfAsOne: [], crlfSources: 0, tooMany: false };
  const seen = new Set<string>();
  for (const source of sources) {
    if (source.text === null) continue;
    const choice = chooseLineBreaks(source.text, source.selections, preferOne);
    if (source.text.includes('\r\n')) out.crlfSources++;
    if (choice.crlfAsOne) out.crlfAsOne.push(source.name);
    const paragraphs: Span[] = choice.spans;
    const length = paragraphs[paragraphs.length - 1]!.end;
    for (const sel of source.selections) {
      if (!Number.isInteger(sel.start) || !Number.isInteger(sel.end) || sel.start < 0 || sel.end < sel.start || sel.start > length) {
        out.outside++;
        continue;
      }
      const segments = paragraphsHit(paragraphs, sel.start, sel.end);
      for (const guid of sel.codes) {
        const category = categoryOf.get(guid);
        if (category === undefined) {
          out.unknown++;
          continue;
        }
        out.used.add(category);
        for (const segment of segments) {
          const key = `${source.name}\u0000${segment}\u0000${category}`;
          if (seen.has(key)) continue;
          if (out.rows.length >= max) return { ...out, tooMany: true };
          seen.add(key);
          out.rows.push({ transcript: source.name, segment, category });
        }
      }
    }
  }
  return out;
}

/** Normalised for comparing names: NFC, trimmed, lower-case. */
function key(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** Each code's name path (`Parent/Child`), parents first as codes come; a parent not met before is left out. */
function namePaths(codes: readonly QdpxCode[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const c of codes) {
    const parent = c.parent !== null ? paths.get(c.parent) : undefined;
    if (!paths.has(c.guid)) paths.set(c.guid, parent === undefined ? c.name : `${parent}/${c.name}`);
  }
  return paths;
}

/** Each code's category (see `readQdpxCoding`), by the code's GUID; warnings for codes not in the codebook. */
function mapCodes(codes: readonly QdpxCode[], options: QdpxReadOptions, file: string, problems: Problem[]): Map<string, string> {
  const paths = namePaths(codes);
  const namePath = (c: QdpxCode): string => paths.get(c.guid) ?? c.name;
  const out = new Map<string, string>();
  const codebook = options.codebook;
  if (!codebook) {
    for (const c of codes) out.set(c.guid, namePath(c));
    return out;
  }
  const categories = flattenCategories(codebook.categories);
  const guids = new Map<string, string>();
  if (options.codeGuid) for (const cat of categories) guids.set(normGuid(options.codeGuid(codebook.name, cat.path)), cat.path);
  const byName = new Map<string, typeof categories>();
  for (const cat of categories) {
    for (const name of new Set([key(cat.label), key(cat.code), key(cat.path)])) byName.set(name, [...(byName.get(name) ?? []), cat]);
  }
  const unmapped: string[] = [];
  // Codes come parents first, so a parent is mapped before its children look at it.
  for (const c of codes) {
    const byId = guids.get(c.guid);
    if (byId !== undefined) {
      out.set(c.guid, byId);
      continue;
    }
    const candidates = byName.get(key(c.name)) ?? [];
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
  for (const path of unmapped.slice(0, MAX_NAMED_UNMAPPED)) {
    problems.push(problem(file, 'warning', { key: 'problem.qdpx/unmapped-code', params: { code: path, codebook: codebook.name } }, undefined, 'qdpx/unmapped-code'));
  }
  if (unmapped.length > MAX_NAMED_UNMAPPED) {
    const more = unmapped.length - MAX_NAMED_UNMAPPED;
    problems.push(problem(file, 'warning', { key: 'problem.qdpx/unmapped-code.more', params: { n: more, codebook: codebook.name } }, undefined, 'qdpx/unmapped-code'));
  }
  return out;
}
