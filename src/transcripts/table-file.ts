import path from 'node:path';
import type { MessageKey } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { RuleId } from '../rules.js';
import type { Problem } from '../types.js';
import { binaryReason } from './binary.js';
import { decodeBytes } from './decode.js';
import { readRegularFile, unreadableMessage, unreadableRule } from './read-file.js';

// A table file a user writes beside the transcripts — the participants file, the pseudonym map —
// read once the same way: its format by extension, a regular file within the size limit, text not
// binary, decoded; or the problem why not, under the rule ids of the caller's kind of file.

/** The formats of a table file, by extension: `.csv`/`.tsv`, `.yaml`/`.yml`. */
export type TableFormat = 'csv' | 'yaml';

/** What kind of table file is read: how it is named in messages, and its rule ids. */
export interface TableKind {
  /** The message part that names it (`part.participants-file`). */
  name: MessageKey;
  /** The message of a file whose extension names no table format. */
  formatMessage: MessageKey;
  rules: { format: RuleId; file: RuleId; binary: RuleId };
}

/** A table file read as text, with the sha256 of its bytes; or the problems why it could not be. */
export type TableText = { format: TableFormat; text: string; bytes: Uint8Array; problems: Problem[] } | { problems: Problem[] };

/** Read table file `file` (resolved against `cwd`; problems name it as given). */
export async function readTableFile(file: string, kind: TableKind, cwd = '.'): Promise<TableText> {
  const ext = path.extname(file).toLowerCase();
  const format: TableFormat | null = ext === '.csv' || ext === '.tsv' ? 'csv' : ext === '.yaml' || ext === '.yml' ? 'yaml' : null;
  if (format === null) return { problems: [problem(file, 'error', { key: kind.formatMessage }, undefined, kind.rules.format)] };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path.resolve(cwd, file));
  } catch (err) {
    return { problems: [problem(file, 'error', unreadableMessage(err, kind.name), undefined, unreadableRule(err, kind.rules.file))] };
  }
  const notText = binaryReason(bytes);
  if (notText !== null) return { problems: [problem(file, 'error', notText, undefined, kind.rules.binary)] };
  const decoded = decodeBytes(bytes, file);
  return { format, text: decoded.text, bytes, problems: decoded.problems };
}
