import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, problem } from '../problems.js';
import type { InputFile, Problem, ReadResult, Transcript } from '../types.js';
import { decodeBytes } from './decode.js';
import { parseText, type ParsedText } from './text.js';

/**
 * A transcript reader: `text` readers get the decoded text (encoding detection is shared), `binary`
 * readers (DOCX, …) get the raw bytes. `file` is the path used in problems.
 */
export type Reader =
  | { kind: 'text'; parse: (text: string, file: string) => ParsedText }
  | { kind: 'binary'; parse: (bytes: Uint8Array, file: string) => ParsedText | Promise<ParsedText> };

/** The readers by format name; a new format is one file plus one entry here and in `EXTENSIONS`. */
export const READERS: Readonly<Record<string, Reader>> = {
  text: { kind: 'text', parse: (text, file) => parseText(text, file, 'text') },
  markdown: { kind: 'text', parse: (text, file) => parseText(text, file, 'markdown') },
};

/** The format each file extension (lower case, without dot) is read as. */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
};

/** Transcript extensions that have no reader yet, with the format's name for the message. */
const NOT_YET: Readonly<Record<string, string>> = {
  vtt: 'WebVTT',
  srt: 'SubRip',
  json: 'Whisper JSON',
  html: 'noScribe HTML',
  htm: 'noScribe HTML',
  docx: 'Word',
  rtf: 'RTF',
};

/** Options of `readTranscript`. */
export interface ReadOptions {
  /** Decode with this encoding instead of detecting one (`latin1`, `cp1252`, `utf-16le`, …). */
  encoding?: string;
  /** Read as this format (a format name such as `markdown`, or an extension such as `md`) instead of by extension. */
  format?: string;
  /** Folder that a relative `file.path` is relative to; by default the working directory. */
  cwd?: string;
}

/** The format name for a file, or an error problem naming the file. */
function formatFor(file: InputFile, forced: string | undefined): { format: string } | { problem: Problem } {
  if (forced !== undefined) {
    const name = forced.toLowerCase().replace(/^\./u, '');
    const format = READERS[name] ? name : EXTENSIONS[name];
    if (format !== undefined) return { format };
    const known = Object.keys(READERS).sort().join(', ');
    return { problem: problem(file.path, 'error', `unknown transcript format "${forced}" (known: ${known})`, undefined, 'read/format') };
  }
  const ext = path.extname(file.path).toLowerCase().replace(/^\./u, '');
  const format = EXTENSIONS[ext];
  if (format !== undefined) return { format };
  const planned = NOT_YET[ext];
  const message = planned
    ? `cannot read .${ext} (${planned}) transcripts yet`
    : `not a transcript format fokus reads: "${ext === '' ? path.basename(file.path) : `.${ext}`}" (known: ${Object.keys(EXTENSIONS).sort().map((e) => `.${e}`).join(', ')})`;
  return { problem: problem(file.path, 'error', message, undefined, 'read/format') };
}

/** Hex sha256 of some bytes. */
function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Build the result from a reader's output: no transcript when the reader reported an error. */
function result(file: InputFile, format: string, hash: string, encoding: string, parsed: ParsedText, before: Problem[]): ReadResult {
  const problems = [...before, ...parsed.problems];
  if (hasErrors(problems)) return { transcript: null, problems };
  const transcript: Transcript = {
    id: file.id,
    path: file.path,
    format,
    sha256: hash,
    encoding,
    meta: parsed.meta,
    blocks: parsed.blocks,
  };
  return { transcript, problems };
}

/**
 * Read one transcript file: its bytes, their sha256, the decoded text and the blocks of the reader
 * picked by extension (or `options.format`). Problems never throw: an unreadable file, an unknown
 * format or a reader's error gives `transcript: null` with an error problem naming the file.
 */
export async function readTranscript(file: InputFile, options: ReadOptions = {}): Promise<ReadResult> {
  const picked = formatFor(file, options.format);
  if ('problem' in picked) return { transcript: null, problems: [picked.problem] };
  const reader = READERS[picked.format];
  if (!reader) throw new Error(`no reader registered for format ${picked.format}`);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.cwd === undefined ? file.path : path.resolve(options.cwd, file.path));
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    const message =
      code === 'ENOENT' ? 'no such file or folder' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code || String(err)})`;
    return { transcript: null, problems: [problem(file.path, 'error', message, undefined, 'read/file')] };
  }
  const hash = sha256(bytes);
  if (reader.kind === 'binary') {
    return result(file, picked.format, hash, 'binary', await reader.parse(bytes, file.path), []);
  }
  const decoded = decodeBytes(bytes, file.path, options.encoding);
  if (hasErrors(decoded.problems)) return { transcript: null, problems: decoded.problems };
  return result(file, picked.format, hash, decoded.encoding, reader.parse(decoded.text, file.path), decoded.problems);
}

/**
 * Parse transcript text already in memory as `format` (a format name or an extension); pure, for
 * tests and embedding. `sha256` is that of the text's UTF-8 bytes, `encoding` is `utf-8`.
 */
export function parseTranscript(text: string, file: InputFile, format: string): ReadResult {
  const picked = formatFor(file, format);
  if ('problem' in picked) return { transcript: null, problems: [picked.problem] };
  const reader = READERS[picked.format];
  if (!reader || reader.kind !== 'text') {
    return { transcript: null, problems: [problem(file.path, 'error', `format ${picked.format} is read from bytes, not text`, undefined, 'read/format')] };
  }
  const hash = sha256(Buffer.from(text, 'utf8'));
  return result(file, picked.format, hash, 'utf-8', reader.parse(text, file.path), []);
}
