import type { Stats } from 'node:fs';
import { constants, open, stat } from 'node:fs/promises';
import type { RuleId } from '../rules.js';

// Reading one file fokus is given, whole and safely: regular files only (a named pipe or a device
// would block or never end), never past a size limit, and one wording for what went wrong.

/** Node's error code of a failed file-system call, if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * Why a file could not be read, from the error `readRegularFile` threw: the one wording every reader
 * uses. `kind` names what the file should have been ("file", "codebook file", "pseudonym map").
 */
export function unreadableMessage(err: unknown, kind = 'file'): string {
  const code = errorCode(err) ?? '';
  if (code === 'ENOTREG' || code === 'EFBIG') return (err as Error).message;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return `is a folder, not a ${kind}`;
  if (code === 'ELOOP') return 'is a symbolic link that leads in a loop';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read file: permission denied (${code})`;
  return `cannot read file (${code || String(err)})`;
}

/** The rule of a file that could not be read: no regular file, too large, or the reader's own `ruleId`. */
export function unreadableRule<R extends RuleId>(err: unknown, ruleId: R): R | 'read/not-a-file' | 'read/too-large' {
  const code = errorCode(err);
  return code === 'ENOTREG' ? 'read/not-a-file' : code === 'EFBIG' ? 'read/too-large' : ruleId;
}

/** The most bytes fokus reads from one file it is given (a transcript, codebook, participants, review or coding file). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** What a file-system entry that is no regular file is, in words. */
function specialKind(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'no regular file';
}

/** Why a file given to fokus cannot be read as a whole, with its rule id. */
export interface FileTrouble {
  message: string;
  ruleId: 'read/not-a-file' | 'read/too-large';
}

/** How a size in bytes is shown in messages: MiB from one MiB on. */
function bytesShown(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MiB` : `${n} bytes`;
}

/** The trouble of `s` as a file fokus is to read whole: no regular file, or larger than `limit`; null when none. */
function statTrouble(s: Stats, limit: number): FileTrouble | null {
  if (s.isDirectory()) return null;
  if (!s.isFile()) return { message: `is ${specialKind(s)}, not a regular file; fokus reads only regular files`, ruleId: 'read/not-a-file' };
  if (s.size > limit) return { message: `is ${bytesShown(s.size)}, more than the ${bytesShown(limit)} fokus reads from one file`, ruleId: 'read/too-large' };
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
    if (trouble) throw Object.assign(new Error(trouble.message), { code: trouble.ruleId === 'read/not-a-file' ? 'ENOTREG' : 'EFBIG' });
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
    if (total > limit) throw Object.assign(new Error(`is more than the ${bytesShown(limit)} fokus reads from one file`), { code: 'EFBIG' });
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}
