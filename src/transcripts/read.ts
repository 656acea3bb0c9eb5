import { createHash } from 'node:crypto';
import path from 'node:path';
import { hasErrors, problem } from '../problems.js';
import type { InputFile, Problem, ReadResult, Transcript } from '../types.js';
import { binaryReason } from './binary.js';
import { decodeBytes } from './decode.js';
import { parseDocx } from './docx.js';
import { readRegularFile, unreadableMessage, unreadableRule } from './read-file.js';
import { parseHtml } from './html.js';
import type { ReadLimits } from './limits.js';
import { NOSCRIBE_ANCHOR_IN_HTML, parseNoScribe } from './noscribe.js';
import { parseRtf } from './rtf.js';
import { sniffBytes, sniffText } from './sniff.js';
import { parseSrt } from './srt.js';
import { parseText, type ParsedText, type TextOptions } from './plain-text.js';
import { parseVtt } from './vtt.js';
import { parseWhisper } from './whisper.js';

/** What a binary reader gives: the parsed text, and the encoding its text was in when it knows one. */
export type BinaryParsed = ParsedText & { encoding?: string };

/**
 * A transcript reader: `text` readers get the decoded text (encoding detection is shared), `binary`
 * readers (DOCX, RTF) get the raw bytes and the encoding forced by the user, if any. `file` is the
 * path used in problems.
 */
export type Reader =
  | { kind: 'text'; parse: (text: string, file: string, options: TextOptions) => ParsedText }
  | { kind: 'binary'; parse: (bytes: Uint8Array, file: string, options: { encoding?: string; limits?: Partial<ReadLimits> } & TextOptions) => BinaryParsed | Promise<BinaryParsed> };

/** The readers by format name; a new format is one file plus one entry here and in `EXTENSIONS`. */
export const READERS: Readonly<Record<string, Reader>> = {
  text: { kind: 'text', parse: (text, file, options) => parseText(text, file, 'text', options) },
  markdown: { kind: 'text', parse: (text, file, options) => parseText(text, file, 'markdown', options) },
  vtt: { kind: 'text', parse: parseVtt },
  srt: { kind: 'text', parse: parseSrt },
  whisper: { kind: 'text', parse: parseWhisper },
  noscribe: { kind: 'text', parse: parseNoScribe },
  html: { kind: 'text', parse: parseHtml },
  docx: { kind: 'binary', parse: (bytes, file, options) => parseDocx(bytes, file, options.limits, options) },
  rtf: { kind: 'binary', parse: (bytes, file, options) => parseRtf(bytes, file, options.encoding, options) },
};

/**
 * The format each file extension (lower case, without dot) is read as, unless the content proves
 * another (`WEBVTT`, noScribe anchors, `{\rtf`, a Word ZIP; see `sniff.ts`).
 */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  vtt: 'vtt',
  srt: 'srt',
  json: 'whisper',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  rtf: 'rtf',
};

/** Options of `readTranscript`. */
export interface ReadOptions {
  /** Decode with this encoding instead of detecting one (`latin1`, `cp1252`, `utf-16le`, …); for RTF the code page of its 8-bit text. */
  encoding?: string;
  /** Read as this format (a format name such as `markdown`, or an extension such as `md`) instead of by extension and content. */
  format?: string;
  /** Folder that a relative `file.path` is relative to; by default the working directory. */
  cwd?: string;
  /** Limits of the readers of archives (bytes inflated, entries, depth); see limits.ts and `limitsFromEnv`. */
  limits?: Partial<ReadLimits>;
  /**
   * Words that head the sections of the transcripts, lower case (`headingWords` makes them from a
   * codebook): a label made only of them (`Chancen:`) is a heading, never a speaker.
   */
  headings?: ReadonlySet<string>;
}

/** The format a name given by the user stands for (a format name or an extension), or an error problem naming the file. */
function namedFormat(file: InputFile, forced: string): { format: string } | { problem: Problem } {
  const name = forced.toLowerCase().replace(/^\./u, '');
  const format = READERS[name] ? name : EXTENSIONS[name];
  if (format !== undefined) return { format };
  const known = Object.keys(READERS).sort().join(', ');
  return { problem: problem(file.path, 'error', { key: 'problem.read/format.unknown', params: { format: forced, known } }, undefined, 'read/format') };
}

/** The error for a file whose extension and content name no format fokus reads. */
function unknownFormat(file: InputFile): Problem {
  const ext = path.extname(file.path).toLowerCase().replace(/^\./u, '');
  const known = Object.keys(EXTENSIONS).sort().map((e) => `.${e}`).join(', ');
  const what = ext === '' ? path.basename(file.path) : `.${ext}`;
  return problem(file.path, 'error', { key: 'problem.read/format', params: { what, known } }, undefined, 'read/format');
}

/** What the text readers' core takes of the read options. */
function textOptions(options: ReadOptions): TextOptions {
  return options.headings === undefined ? {} : { headings: options.headings };
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
  if (parsed.moderators && parsed.moderators.length > 0) transcript.moderators = parsed.moderators;
  if (transcript.blocks.length > 0 && transcript.blocks.every((b) => b.speaker === null) && !problems.some((p) => p.ruleId === 'read/no-labels')) {
    problems.push(problem(file.path, 'warning', { key: 'problem.read/no-labels.one-speaker' }, undefined, 'read/no-labels'));
  }
  return { transcript, problems };
}

/**
 * Read one transcript file: its bytes, their sha256, and the blocks of the reader for its format.
 * The format is `options.format` when given (HTML with noScribe anchors still read as noScribe),
 * else what the content proves (a Word ZIP, `{\rtf`, a `WEBVTT` first line, noScribe anchors),
 * else the extension's. Problems never throw: an unreadable file, an unknown format or a reader's
 * error gives `transcript: null` with an error problem naming the file.
 */
export async function readTranscript(file: InputFile, options: ReadOptions = {}): Promise<ReadResult> {
  let format: string | undefined;
  if (options.format !== undefined) {
    const named = namedFormat(file, options.format);
    if ('problem' in named) return { transcript: null, problems: [named.problem] };
    format = named.format;
  }

  let bytes: Uint8Array;
  try {
    // A pipe or a device (`/dev/zero`) given by name would block or never end: refused before reading.
    bytes = await readRegularFile(file.raw ? Buffer.from(file.raw) : options.cwd === undefined ? file.path : path.resolve(options.cwd, file.path));
  } catch (err) {
    return { transcript: null, problems: [problem(file.path, 'error', unreadableMessage(err), undefined, unreadableRule(err, 'read/file'))] };
  }
  const hash = sha256(bytes);
  if (bytes.length === 0) {
    return { transcript: null, problems: [problem(file.path, 'error', { key: 'problem.read/empty-file' }, undefined, 'read/empty-file')] };
  }

  if (format === undefined) {
    const sniffed = sniffBytes(bytes);
    if (sniffed && 'unsupported' in sniffed) {
      return { transcript: null, problems: [problem(file.path, 'error', { key: 'problem.read/format.cannot-read', params: { what: { key: sniffed.unsupported } } }, undefined, 'read/format')] };
    }
    format = sniffed?.format ?? EXTENSIONS[path.extname(file.path).toLowerCase().replace(/^\./u, '')];
  }
  const binary = format === undefined ? undefined : READERS[format];
  if (binary?.kind === 'binary') {
    const parsed = await binary.parse(bytes, file.path, {
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...textOptions(options),
    });
    return result(file, format!, hash, parsed.encoding ?? 'binary', parsed, []);
  }

  const notText = /^(?:utf-?16|utf-?32|ucs-?[24])/iu.test(options.encoding ?? '') ? null : binaryReason(bytes);
  if (notText !== null) return { transcript: null, problems: [problem(file.path, 'error', notText, undefined, 'read/binary')] };
  const decoded = decodeBytes(bytes, file.path, options.encoding);
  if (hasErrors(decoded.problems)) return { transcript: null, problems: decoded.problems };
  format = refine(format, decoded.text, options.format !== undefined);
  if (format === undefined) return { transcript: null, problems: [unknownFormat(file)] };
  const reader = READERS[format];
  if (!reader || reader.kind !== 'text') throw new Error(`no text reader registered for format ${format}`);
  return result(file, format, hash, decoded.encoding, reader.parse(decoded.text, file.path, textOptions(options)), decoded.problems);
}

/**
 * The format of a decoded text: what its content proves wins over the extension's (`format`); a
 * format the user forced stays, except that HTML with noScribe anchors is read as noScribe.
 */
function refine(format: string | undefined, text: string, forced: boolean): string | undefined {
  if (forced) return format === 'html' && NOSCRIBE_ANCHOR_IN_HTML.test(text) ? 'noscribe' : format;
  return sniffText(text) ?? format;
}

/**
 * Parse transcript text already in memory as `format` (a format name or an extension of a text
 * format); pure, for tests and embedding. `sha256` is that of the text's UTF-8 bytes, `encoding` is `utf-8`.
 */
export function parseTranscript(text: string, file: InputFile, format: string, options: TextOptions = {}): ReadResult {
  const named = namedFormat(file, format);
  if ('problem' in named) return { transcript: null, problems: [named.problem] };
  const picked = refine(named.format, text, true)!;
  const reader = READERS[picked];
  if (!reader || reader.kind !== 'text') {
    return { transcript: null, problems: [problem(file.path, 'error', { key: 'problem.read/format.bytes', params: { format: picked } }, undefined, 'read/format')] };
  }
  const hash = sha256(Buffer.from(text, 'utf8'));
  return result(file, picked, hash, 'utf-8', reader.parse(text, file.path, options), []);
}
