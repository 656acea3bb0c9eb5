import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, parseDocument, yaml } from '../deps.js';
import { problem } from '../problems.js';
import type { Position, Problem } from '../types.js';
import { type CsvRecord, readTable } from '../text/csv.js';
import { errorPlace, nodePlace } from '../text/yaml-places.js';
import { readTableFile, type TableKind } from '../transcripts/table-file.js';

/** One row of a pseudonym map: what is replaced, by what, and where the row stands (line and column from 1). */
export interface PseudonymEntry {
  /** The name or place as it appears in transcripts (trimmed, NFC). */
  original: string;
  /** What replaces it (trimmed, NFC). */
  pseudonym: string;
  /** An optional free-form kind (`person`, `place`, …); informational only. */
  kind?: string;
  line: number;
  column: number;
}

/** The entries of a pseudonym map in file order, and the problems found in it. */
export interface PseudonymsResult {
  entries: PseudonymEntry[];
  problems: Problem[];
}

/** A cell or YAML value as a trimmed NFC string. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim().normalize('NFC');
}

/**
 * Adds an entry unless it repeats an earlier original: an error when the pseudonyms differ, a warning
 * when they agree. `seen` holds the entries added so far by original (a lookup, not a search of `out`).
 */
function add(out: PseudonymEntry[], seen: Map<string, PseudonymEntry>, entry: PseudonymEntry, file: string, problems: Problem[]): void {
  const at: Position = { line: entry.line, column: entry.column };
  if (entry.original === '') {
    problems.push(problem(file, 'error', { key: 'problem.pseudonyms/empty' }, at, 'pseudonyms/empty'));
    return;
  }
  if (entry.pseudonym === '') {
    problems.push(problem(file, 'error', { key: 'problem.pseudonyms/missing-column', params: { original: entry.original } }, at, 'pseudonyms/missing-column'));
    return;
  }
  const earlier = seen.get(entry.original);
  if (earlier === undefined) {
    out.push(entry);
    seen.set(entry.original, entry);
  } else if (earlier.pseudonym !== entry.pseudonym) {
    problems.push(
      problem(
        file,
        'error',
        { key: 'problem.pseudonyms/conflict', params: { original: entry.original, pseudonym: entry.pseudonym, earlier: earlier.pseudonym, line: earlier.line } },
        at,
        'pseudonyms/conflict',
      ),
    );
  } else {
    problems.push(problem(file, 'warning', { key: 'problem.pseudonyms/duplicate', params: { original: entry.original, line: earlier.line } }, at, 'pseudonyms/duplicate'));
  }
}


/** Parse a CSV map: rows `original,pseudonym[,kind]`, an optional header row `original,pseudonym[,kind]`. */
function parseCsvMap(text: string, file: string): PseudonymsResult {
  const problems: Problem[] = [];
  const parsed = readTable(text, file, 'pseudonyms/csv');
  if ('problem' in parsed) return { entries: [], problems: [parsed.problem] };
  const { places } = parsed;
  const rows = parsed.records;
  const lineOf = (r: CsvRecord): number => places.record(r).line;
  const entries: PseudonymEntry[] = [];
  const seen = new Map<string, PseudonymEntry>();
  rows.forEach((r, i) => {
    const cells = r.cells.map(cell);
    if (i === 0 && cells[0]?.toLowerCase() === 'original' && cells[1]?.toLowerCase() === 'pseudonym') return;
    if (cells.every((c) => c === '') || cells[0]?.startsWith('#')) return;
    const line = lineOf(r);
    if (cells.length < 2) {
      problems.push(problem(file, 'error', { key: 'problem.pseudonyms/missing-column.cells', params: { n: cells.length } }, { line, column: 1 }, 'pseudonyms/missing-column'));
      return;
    }
    const entry: PseudonymEntry = { original: cells[0] ?? '', pseudonym: cells[1] ?? '', line, column: 1 };
    if ((cells[2] ?? '') !== '') entry.kind = cells[2]!;
    add(entries, seen, entry, file, problems);
  });
  return { entries, problems };
}

/** Parse a YAML map: `original: pseudonym` or `original: {pseudonym: …, kind: …}`. */
function parseYamlMap(text: string, file: string): PseudonymsResult {
  const problems: Problem[] = [];
  const lc = new (yaml().LineCounter)();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const at = (node: YamlNode | null | undefined): Position => nodePlace(node, lc) ?? { line: 1, column: 1 };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      problems.push(problem(file, 'error', { key: 'problem.pseudonyms/yaml', params: { text: err.message.split('\n')[0] ?? '' } }, errorPlace(err), 'pseudonyms/yaml'));
    }
    return { entries: [], problems };
  }
  const root = doc.contents as YamlNode | null;
  const entries: PseudonymEntry[] = [];
  const seen = new Map<string, PseudonymEntry>();
  if (root === null) return { entries, problems };
  if (!isMap(root)) {
    return { entries, problems: [problem(file, 'error', { key: 'problem.pseudonyms/yaml-shape' }, at(root), 'pseudonyms/yaml-shape')] };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const pos = at(keyNode);
    const original = cell(isScalar(keyNode) ? keyNode.value : keyNode);
    const value = pair.value as YamlNode | null;
    const entry: PseudonymEntry = { original, pseudonym: '', line: pos.line, column: pos.column };
    if (isScalar(value)) {
      entry.pseudonym = cell(value.value);
    } else if (isMap(value)) {
      const fields = value.toJSON() as Record<string, unknown>;
      entry.pseudonym = cell(fields.pseudonym);
      const kind = cell(fields.kind);
      if (kind !== '') entry.kind = kind;
    } else if (value !== null) {
      problems.push(problem(file, 'error', { key: 'problem.pseudonyms/yaml-shape.value', params: { original } }, at(value), 'pseudonyms/yaml-shape'));
      continue;
    }
    add(entries, seen, entry, file, problems);
  }
  return { entries, problems };
}

/**
 * Parse a pseudonym map's text: CSV rows `original,pseudonym[,kind]` (`,`, `;` or tab; an optional
 * header row; `#` lines are comments) or a YAML mapping. Problems carry the line of the row: a
 * missing pseudonym and one original mapped to two pseudonyms are errors.
 */
export function parsePseudonyms(text: string, file: string, format: 'csv' | 'yaml'): PseudonymsResult {
  return format === 'csv' ? parseCsvMap(text, file) : parseYamlMap(text, file);
}

/** How a pseudonym map is named in messages, and its rule ids. */
const PSEUDONYM_MAP: TableKind = { name: 'part.pseudonym-map', formatMessage: 'problem.pseudonyms/format', rules: { format: 'pseudonyms/format', file: 'pseudonyms/file', binary: 'pseudonyms/binary' } };

/** Read and parse a pseudonym map; the format follows the extension (`.csv`, `.tsv`, `.yaml`, `.yml`). */
export async function loadPseudonyms(file: string, cwd = '.'): Promise<PseudonymsResult> {
  const read = await readTableFile(file, PSEUDONYM_MAP, cwd);
  if (!('text' in read)) return { entries: [], problems: read.problems };
  const parsed = parsePseudonyms(read.text, file, read.format);
  return { entries: parsed.entries, problems: [...read.problems, ...parsed.problems] };
}
