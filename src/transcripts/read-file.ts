import type { Stats } from 'node:fs';
import { constants, open, stat } from 'node:fs/promises';
import { english, type Message, type MessageKey } from '../lang/catalogue.js';
import type { RuleId } from '../rules.js';

// Reading one file fokus is given, whole and safely: regular files only (a named pipe or a device
// would block or never end), never past a size limit, and one wording for what went wrong.

/** Node's error code of a failed file-system call, if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * Why a file could not be read, from the error `readRegularFile` threw: the one wording every reader
 * uses (`problem.file.*`). `kind` names what the file should have been: a file, a codebook file,
 * a participants file, a pseudonym map.
 */
export function unreadableMessage(err: unknown, kind: MessageKey = 'part.file'): Message {
  const code = errorCode(err) ?? '';
  if (code === 'ENOTREG' || code === 'EFBIG') return (err as { said?: Message }).said ?? { key: 'part.text', params: { text: (err as Error).message } };
  if (code === 'ENOENT') return { key: 'problem.file.missing' };
  if (code === 'EISDIR') return { key: 'problem.file.folder', params: { kind: { key: kind } } };
  if (code === 'ELOOP') return { key: 'problem.file.loop' };
  if (code === 'EACCES' || code === 'EPERM') return { key: 'problem.file.permission', params: { code } };
  return { key: 'problem.file.unreadable', params: { code: code || String(err) } };
}

/** The rule of a file that could not be read: no regular file, too large, or the reader's own `ruleId`. */
export function unreadableRule<R extends RuleId>(err: unknown, ruleId: R): R | 'read/not-a-file' | 'read/too-large' {
  const code = errorCode(err);
  return code === 'ENOTREG' ? 'read/not-a-file' : code === 'EFBIG' ? 'read/too-large' : ruleId;
}

/** The most bytes fokus reads from one file it is given (a transcript, codebook, participants, review or coding file). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** What a file-system entry that is no regular file is, in words. */
function specialKind(s: Stats): Message {
  if (s.isFIFO()) return { key: 'part.special.fifo' };
  if (s.isCharacterDevice() || s.isBlockDevice()) return { key: 'part.special.device' };
  if (s.isSocket()) return { key: 'part.special.socket' };
  return { key: 'part.special.other' };
}

/** Why a file given to fokus cannot be read as a whole, with its rule id. */
export interface FileTrouble {
  message: Message;
  ruleId: 'read/not-a-file' | 'read/too-large';
}

/** How a size in bytes is shown in messages: MiB from one MiB on. */
function bytesShown(n: number): Message {
  return n >= 1 << 20 ? { key: 'part.mib', params: { n: Math.round(n / (1 << 20)) } } : { key: 'part.bytes', params: { n } };
}

/** The trouble of `s` as a file fokus is to read whole: no regular file, or larger than `limit`; null when none. */
function statTrouble(s: Stats, limit: number): FileTrouble | null {
  if (s.isDirectory()) return null;
  if (!s.isFile()) return { message: { key: 'problem.read/not-a-file', params: { kind: specialKind(s) } }, ruleId: 'read/not-a-file' };
  if (s.size > limit) return { message: { key: 'problem.read/too-large', params: { size: bytesShown(s.size), limit: bytesShown(limit) } }, ruleId: 'read/too-large' };
  return null;
}

/**
 * Why the file at `file` (links followed) is not to be read: a named pipe, a device or a socket
 * (reading would block or never end), or more than `limit` bytes. Null for a regular file within the
 * limit, and for anything the reader reports itself (a folder, a missing file). Opens nothing.
 */
export async function fileTrouble(file: string | Buffer, limit = MAX_FILE_BYTES): Promise<FileTrouble | null> {
  try {
    return statTrouble(await stat(file), limit);
  } catch {
    return null;
  }
}

/**
 * Read a regular file whole, at most `limit` bytes: opened without blocking (a named pipe), checked
 * on the open handle (a link swapped for a device meanwhile), never read past `limit` (a file that
 * grows). Throws an Error whose `code` is `ENOTREG` or `EFBIG` and whose message says why; other
 * failures throw as `readFile` does. For the readers of `read/`.
 */
export async function readRegularFile(file: string | Buffer, limit = MAX_FILE_BYTES): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const trouble = statTrouble(info, limit);
    const size = info.size;
    if (trouble) throw Object.assign(new Error(english(trouble.message)), { code: trouble.ruleId === 'read/not-a-file' ? 'ENOTREG' : 'EFBIG', said: trouble.message });
    // One buffer of the size the file had when opened, and one byte more to see whether it grew since.
    let buffer = Buffer.allocUnsafe(Math.min(limit, size) + 1);
    let total = 0;
    // Read until the end, or until one byte past the limit shows the file is too large.
    while (total <= limit) {
      if (total === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > limit) {
      const said: Message = { key: 'problem.read/too-large.grew', params: { limit: bytesShown(limit) } };
      throw Object.assign(new Error(english(said)), { code: 'EFBIG', said });
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}
