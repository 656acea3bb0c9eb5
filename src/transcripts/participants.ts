import { createHash } from 'node:crypto';
import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, yaml } from '../deps.js';
import { problem } from '../problems.js';
import type { Participant, Problem, Transcript } from '../types.js';
import { speakerKey } from '../text/speaker-key.js';
import { type CsvRecord, readTable } from '../text/csv.js';
import { nodePlace } from '../text/yaml-places.js';
import { readTableFile, type TableKind } from './table-file.js';

/** The participants a file lists, and the problems found in it. */
export interface ParticipantsResult {
  participants: Participant[];
  problems: Problem[];
  /** Hex sha256 of the file's bytes (`loadParticipants`, once the file could be read). */
  sha256?: string;
}

/** The column naming the speaker label (required), and the one limiting a row to one transcript. */
const SPEAKER = 'speaker';
const TRANSCRIPT = 'transcript';

/** A cell or YAML value as a trimmed NFC string. */
/**
 * An empty record without a prototype: column names are data, and `constructor`, `toString` or
 * `__proto__` must be plain keys there, not the members every object inherits.
 */
function record(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim().normalize('NFC');
}

/** Make a participant from one row of named values; null when the row has no speaker. */
function participantOf(row: Record<string, string>): Participant | null {
  const speaker = row[SPEAKER] ?? '';
  if (speaker === '') return null;
  const p: Participant = { speaker, attributes: {} };
  const transcript = row[TRANSCRIPT] ?? '';
  if (transcript !== '') p.transcript = transcript;
  for (const key of Object.keys(row).sort()) {
    const value = row[key] ?? '';
    // Defined, not assigned: a column `__proto__` becomes an attribute, not the object's prototype.
    if (key !== SPEAKER && key !== TRANSCRIPT && value !== '') Object.defineProperty(p.attributes, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return p;
}

/** Adds a participant unless its speaker and transcript repeat an earlier row (a warning then). */
function add(out: Participant[], firstAt: Map<string, number>, p: Participant | null, line: number, file: string, problems: Problem[]): void {
  if (p === null) {
    problems.push(problem(file, 'warning', { key: 'problem.participants/no-speaker' }, { line, column: 1 }, 'participants/no-speaker'));
    return;
  }
  const key = `${p.transcript ?? ''}\u0000${speakerKey(p.speaker)}`;
  const earlier = firstAt.get(key);
  if (earlier !== undefined) {
    problems.push(
      problem(file, 'warning', { key: 'problem.participants/duplicate', params: { speaker: p.speaker, line: earlier } }, { line, column: 1 }, 'participants/duplicate'),
    );
    return;
  }
  firstAt.set(key, line);
  out.push(p);
}


/** Parse a participants CSV: a header row with `speaker`, optionally `transcript`, `group` and more. */
function parseCsvParticipants(text: string, file: string): ParticipantsResult {
  const problems: Problem[] = [];
  const parsed = readTable(text, file, 'participants/csv');
  if ('problem' in parsed) return { participants: [], problems: [parsed.problem] };
  const { places } = parsed;
  const [header, ...rows] = parsed.records;
  if (!header) {
    problems.push(problem(file, 'error', { key: 'problem.participants/no-speaker-column', params: { column: SPEAKER } }, { line: 1, column: 1 }, 'participants/no-speaker-column'));
    return { participants: [], problems };
  }
  const lineOf = (r: CsvRecord): number => places.record(r).line;
  const names = header.cells.map((h) => cell(h).toLowerCase());
  if (!names.includes(SPEAKER)) {
    problems.push(
      problem(file, 'error', { key: 'problem.participants/no-speaker-column.columns', params: { column: SPEAKER, columns: names.join(', ') } }, { line: lineOf(header), column: 1 }, 'participants/no-speaker-column'),
    );
    return { participants: [], problems };
  }
  const participants: Participant[] = [];
  const firstAt = new Map<string, number>();
  for (const r of rows) {
    const row = record();
    names.forEach((name, i) => {
      if (name !== '' && !(name in row)) row[name] = cell(r.cells[i]);
    });
    add(participants, firstAt, participantOf(row), lineOf(r), file, problems);
  }
  return { participants, problems };
}


/** The values of a YAML mapping as strings, keys lower-cased. */
function yamlRow(node: YamlNode): Record<string, string> | null {
  if (!isMap(node)) return null;
  const row = record();
  for (const pair of node.items) {
    const key = cell(isScalar(pair.key) ? pair.key.value : pair.key).toLowerCase();
    const value = pair.value;
    row[key] = isScalar(value) ? cell(value.value) : isSeq(value) ? value.items.map((v) => cell(isScalar(v) ? v.value : v)).join(', ') : '';
  }
  return row;
}

/**
 * Parse a participants YAML: a list of mappings with `speaker` (`- speaker: B1`), optionally under
 * `participants:`, or a mapping from speaker label to its attributes (`B1: {group: Schule}`).
 */
function parseYamlParticipants(text: string, file: string): ParticipantsResult {
  const problems: Problem[] = [];
  const lc = new (yaml().LineCounter)();
  const doc = parseDocument(text.replace(/^\uFEFF/u, ''), { lineCounter: lc, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const at = err.linePos?.[0];
      // The position is in the problem already; the parser's own " at line 2, column 1:" would repeat it.
      const message = { key: 'problem.yaml-syntax', params: { text: (err.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/u, '') } } as const;
      problems.push(problem(file, 'error', message, at ? { line: at.line, column: at.col } : undefined, 'participants/yaml'));
    }
    return { participants: [], problems };
  }
  let root = doc.contents as YamlNode | null;
  if (isMap(root) && root.items.length === 1) {
    const only = root.items[0];
    if (only && isScalar(only.key) && only.key.value === 'participants' && isSeq(only.value)) root = only.value;
  }
  const participants: Participant[] = [];
  const firstAt = new Map<string, number>();
  if (isSeq(root)) {
    for (const item of root.items as YamlNode[]) {
      const at = nodePlace(item, lc) ?? { line: 1, column: 1 };
      const row = yamlRow(item);
      if (row === null) {
        problems.push(problem(file, 'error', { key: 'problem.participants/yaml-shape.participant' }, at, 'participants/yaml-shape'));
        continue;
      }
      if ((row[SPEAKER] ?? '') === '') {
        problems.push(problem(file, 'error', { key: 'problem.participants/no-speaker-column.key', params: { key: SPEAKER } }, at, 'participants/no-speaker-column'));
        continue;
      }
      add(participants, firstAt, participantOf(row), at.line, file, problems);
    }
  } else if (isMap(root)) {
    for (const pair of root.items) {
      const keyNode = pair.key as YamlNode;
      const at = nodePlace(keyNode, lc) ?? { line: 1, column: 1 };
      const speaker = cell(isScalar(keyNode) ? keyNode.value : keyNode);
      const value = pair.value as YamlNode | null;
      const row = value === null || (isScalar(value) && value.value === null) ? record() : yamlRow(value);
      if (row === null) {
        problems.push(problem(file, 'error', { key: 'problem.participants/yaml-shape.attributes', params: { speaker } }, nodePlace(value, lc) ?? at, 'participants/yaml-shape'));
        continue;
      }
      add(participants, firstAt, participantOf({ ...row, [SPEAKER]: speaker }), at.line, file, problems);
    }
  } else if (root !== null) {
    problems.push(problem(file, 'error', { key: 'problem.participants/yaml-shape' }, nodePlace(root, lc), 'participants/yaml-shape'));
  }
  return { participants, problems };
}

/**
 * Parse a participants file's text: CSV (header row; `,`, `;` or tab) or YAML. Column and key names
 * are lower-cased; `speaker` is required (its absence is an error with file and line), `transcript`
 * limits a row to one transcript, every other non-empty cell becomes an attribute.
 */
export function parseParticipants(text: string, file: string, format: 'csv' | 'yaml'): ParticipantsResult {
  return format === 'csv' ? parseCsvParticipants(text, file) : parseYamlParticipants(text, file);
}

/** How a participants file is named in messages, and its rule ids. */
const PARTICIPANTS_FILE: TableKind = { name: 'part.participants-file', formatMessage: 'problem.participants/format', rules: { format: 'participants/format', file: 'participants/file', binary: 'participants/binary' } };

/** Read and parse a participants file; the format follows the extension (`.csv`, `.tsv`, `.yaml`, `.yml`). */
export async function loadParticipants(file: string): Promise<ParticipantsResult> {
  const read = await readTableFile(file, PARTICIPANTS_FILE);
  if (!('text' in read)) return { participants: [], problems: read.problems };
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const parsed = parseParticipants(read.text, file, read.format);
  return { participants: parsed.participants, problems: [...read.problems, ...parsed.problems], sha256 };
}

/** The ways a transcript id may be written in a participants file: as is, by file name, without extension. */
function transcriptNames(id: string): Set<string> {
  const norm = id.normalize('NFC').replace(/\\/gu, '/').toLowerCase();
  const base = norm.slice(norm.lastIndexOf('/') + 1);
  const strip = (s: string): string => s.replace(/\.[^./]*$/u, '');
  return new Set([norm, base, strip(norm), strip(base)]);
}

/**
 * The attributes of `speaker` in transcript `transcriptId`: labels match after trimming, removing
 * inner spaces and case folding ("B 1" = "b1" = "B1"); a row whose `transcript` names this transcript
 * (its id, file name, or either without extension; case-insensitive) beats a row without one.
 * Returns a fresh object; empty when no row matches.
 */
export function attributesFor(participants: readonly Participant[], transcriptId: string, speaker: string): Record<string, string> {
  const key = speakerKey(speaker);
  if (key === '') return {};
  const names = transcriptNames(transcriptId);
  let global: Participant | undefined;
  for (const p of participants) {
    if (speakerKey(p.speaker) !== key) continue;
    if (p.transcript === undefined) global ??= p;
    else if (names.has(p.transcript.normalize('NFC').replace(/\\/gu, '/').toLowerCase())) return { ...p.attributes };
  }
  return global ? { ...global.attributes } : {};
}

/**
 * True when the participants file has a row for `speaker` in transcript `transcriptId`: a row
 * without `transcript`, or one naming this transcript (as in `attributesFor`); labels compared by
 * `speakerKey` ("B 1" = "b1" = "B1").
 */
export function knowsSpeaker(participants: readonly Participant[], transcriptId: string, speaker: string): boolean {
  const key = speakerKey(speaker);
  if (key === '') return true;
  const names = transcriptNames(transcriptId);
  return participants.some(
    (p) => speakerKey(p.speaker) === key && (p.transcript === undefined || names.has(p.transcript.normalize('NFC').replace(/\\/gu, '/').toLowerCase())),
  );
}

/**
 * Warnings for the speaker labels of a transcript that the participants file does not know: one
 * per label (labels compared by `speakerKey`), naming the transcript's path and the first block
 * that carries the label, in block order.
 */
export function unknownSpeakers(participants: readonly Participant[], transcript: Pick<Transcript, 'id' | 'path' | 'blocks'>): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const b of transcript.blocks) {
    if (b.speaker === null) continue;
    const key = speakerKey(b.speaker);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    if (!knowsSpeaker(participants, transcript.id, b.speaker)) {
      problems.push(
        problem(transcript.path, 'warning', { key: 'problem.participants/unknown-speaker', params: { speaker: b.speaker.trim() } }, { line: b.line, column: b.column }, 'participants/unknown-speaker'),
      );
    }
  }
  return problems;
}
