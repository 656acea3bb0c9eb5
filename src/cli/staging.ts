import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, open, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { kill, pid } from 'node:process';
import type { OutputFile } from '../report/files.js';
import type { Problem } from '../types.js';
import type { Message } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { RuleId } from '../rules.js';

// Writing files whole: under temporary names first, renamed into place; folders made and removed
// again; temporaries of interrupted runs cleaned up. Used by `write.ts` and `report-folder.ts`.

/** A piece of a file written in parts: text, or a stretch of bytes copied from another file. */
export type FilePart = string | { file: string; start: number; end: number };

/**
 * A file `writeOutputs` can write: an OutputFile, one whose content is bytes (a zip archive), or
 * one made of parts (text and stretches of spill files), for outputs too large to hold in memory.
 */
export type WritableFile = OutputFile | { name: string; content: Uint8Array } | { name: string; parts: readonly FilePart[] };

/** Node's error code of a failed file-system call, or `error`. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | null)?.code ?? 'error';
}

/** The file-system entry at `path`, or null when there is none (or it cannot be seen). */
export async function entry(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** A problem list of one error. */
export function fail(file: string, message: Message, ruleId: RuleId): Problem[] {
  return [problem(file, 'error', message, undefined, ruleId)];
}

/** A file written under a temporary name, waiting to be renamed into place. */
export interface Staged {
  tmp: string;
  path: string;
  name: string;
}

/** Write every file to a temporary name in `target`; on failure none is left and the problem says which failed. */
export async function stageFiles(target: string, shown: string, files: readonly WritableFile[]): Promise<Staged[] | { problems: Problem[] }> {
  const staged: Staged[] = [];
  for (const f of files) {
    const tmp = join(target, tempName(f.name));
    try {
      await writeWritable(tmp, f);
      staged.push({ tmp, path: join(target, f.name), name: f.name });
    } catch (e) {
      await discard(tmp);
      for (const s of staged) await discard(s.tmp);
      return { problems: fail(join(shown, f.name), { key: 'problem.output/write', params: { code: String(errorCode(e)) } }, 'output/write') };
    }
  }
  return staged;
}

/** Rename staged files into place, in order; a failure discards the rest and says what was written. */
export async function commitStaged(shown: string, staged: readonly Staged[]): Promise<Problem[]> {
  for (let i = 0; i < staged.length; i++) {
    const s = staged[i]!;
    try {
      await rename(s.tmp, s.path);
    } catch (e) {
      // Renames are checked for above (no folder in the way), so this is a race or a permission change.
      for (const rest of staged.slice(i)) await discard(rest.tmp);
      const done = staged.slice(0, i).map((d) => d.name);
      return fail(join(shown, s.name), done.length === 0 ? { key: 'problem.output/write', params: { code: String(errorCode(e)) } } : { key: 'problem.output/write.some', params: { code: String(errorCode(e)), n: done.length, done: done.join(', ') } }, 'output/write');
    }
  }
  return [];
}

/** Write one file of `writeOutputs` to `path` (which must not exist yet). */
export async function writeWritable(path: string, f: WritableFile): Promise<void> {
  if ('parts' in f) await writeParts(path, f.parts);
  else await writeFile(path, f.content, { encoding: 'utf8', flag: 'wx' });
}

/** A temporary name beside `name`: hidden, with this process's id, so a later run can tell a stale one. */
export function tempName(name: string): string {
  return `.${name}.${pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** A temporary file of fokus: its name and the process that made it (null for older fokus versions, which named none). */
export const TEMP = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/u;

/** True while the process `id` runs (a process of another user counts as running). */
export function isRunning(id: number): boolean {
  try {
    kill(id, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** The names in folder `dir`; none when it cannot be read (gone, or no folder). */
export async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/**
 * Remove the temporary files an interrupted run left in `dir` (of a process that is gone, or of an
 * older fokus), only those for `names` when given. Never throws.
 */
export async function removeStaleTemps(dir: string, names?: ReadonlySet<string>): Promise<void> {
  for (const name of await namesIn(dir)) {
    const m = TEMP.exec(name);
    if (!m || (names && !names.has(m[1]!))) continue;
    if (m[2] !== undefined && Number(m[2]) !== pid && isRunning(Number(m[2]))) continue;
    await discard(join(dir, name));
  }
}

/**
 * Create `target` and its missing parents one by one (a recursive mkdir loops on some special file
 * systems, e.g. `/proc/out`); returns the folders created, outermost first. On failure the folders
 * made are removed again and the error is thrown.
 */
export async function makeFolders(target: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = target; !(await entry(at)); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  const created: string[] = [];
  try {
    for (const folder of missing) {
      await mkdir(folder);
      created.push(folder);
    }
  } catch (e) {
    await removeFolders(created);
    throw e;
  }
  return created;
}

/** Remove folders `makeFolders` created, innermost first, if they are empty; never throws. */
export async function removeFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
}

/** Remove a temporary file if it is there; cleaning up never throws over the error being reported. */
export async function discard(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch {
    // nothing more can be done
  }
}

/** A path with links resolved, also for a file that does not exist yet. */
export async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // A file that does not exist yet: canonicalise its folder, which may be reached through a link.
    try {
      return join(await realpath(dirname(path)), path.slice(dirname(path).length + 1));
    } catch {
      return path;
    }
  }
}

/** Bytes copied at a time from a spill file. */
const COPY_CHUNK = 1 << 20;

/** Write a file from its parts, in order, copying file stretches a megabyte at a time. */
async function writeParts(path: string, parts: readonly FilePart[]): Promise<void> {
  const out = await open(path, 'w');
  try {
    const buffer = Buffer.allocUnsafe(COPY_CHUNK);
    const sources = new Map<string, Awaited<ReturnType<typeof open>>>();
    try {
      for (const part of parts) {
        if (typeof part === 'string') {
          const bytes = Buffer.from(part, 'utf8');
          await writeAll(out, bytes, bytes.length);
          continue;
        }
        let source = sources.get(part.file);
        if (!source) {
          source = await open(part.file, 'r');
          sources.set(part.file, source);
        }
        for (let at = part.start; at < part.end; ) {
          const { bytesRead } = await source.read(buffer, 0, Math.min(COPY_CHUNK, part.end - at), at);
          if (bytesRead === 0) throw new Error(`spill file ${part.file} ends early`);
          await writeAll(out, buffer, bytesRead);
          at += bytesRead;
        }
      }
    } finally {
      for (const s of sources.values()) await s.close();
    }
  } finally {
    await out.close();
  }
}

/** Write the first `length` bytes of `bytes` at the handle's position, however many calls it takes. */
async function writeAll(out: Awaited<ReturnType<typeof open>>, bytes: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length; ) done += (await out.write(bytes, done, length - done)).bytesWritten;
}
