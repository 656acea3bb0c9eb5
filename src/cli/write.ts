import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { OUTPUT_MARKER, TRANSCRIPT_EXTENSIONS } from '../read/files.js';
import type { OutputFile } from '../render/files.js';
import type { Problem } from '../types.js';

/** A piece of a file written in parts: text, or a stretch of bytes copied from another file. */
export type FilePart = string | { file: string; start: number; end: number };

/**
 * A file `writeOutputs` can write: an OutputFile, one whose content is bytes (a zip archive), or
 * one made of parts (text and stretches of spill files), for outputs too large to hold in memory.
 */
export type WritableFile = OutputFile | { name: string; content: Uint8Array } | { name: string; parts: readonly FilePart[] };

/** Options of `writeOutputs` and `checkOutputFolder`. */
export interface WriteOptions {
  /** The folder a relative `dir` is resolved against (default: the process's working folder). */
  cwd?: string;
  /** How the folder is named in messages (default: `dir` as given). */
  shown?: string;
  /** Leave the hidden `.fokus-output` marker, so folder walks never read the report as transcripts. */
  marker?: boolean;
}

/** What the marker file says to whoever opens it. */
const MARKER_TEXT = 'This folder holds a fokus report; fokus skips it when it reads transcripts from a folder above it.\n';

/** Node's error code of a failed file-system call, or `error`. */
function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | null)?.code ?? 'error';
}

/** The file-system entry at `path`, or null when there is none (or it cannot be seen). */
async function entry(path: string): Promise<{ isDirectory(): boolean } | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * Check, before any work is done, that `dir` can take output files: an existing folder, or a path
 * whose nearest existing ancestor is a folder (so it can be created). Creates nothing; returns
 * problems (rule ids `output/not-a-folder`, `output/mkdir`).
 */
export async function checkOutputFolder(dir: string, options: WriteOptions = {}): Promise<Problem[]> {
  const shown = options.shown ?? dir;
  const target = resolve(options.cwd ?? '.', dir);
  const here = await entry(target);
  if (here) return here.isDirectory() ? [] : [{ file: shown, severity: 'error', message: 'the output path is a file, not a folder', ruleId: 'output/not-a-folder' }];
  for (let up = dirname(target); ; up = dirname(up)) {
    const above = await entry(up);
    if (above) {
      if (above.isDirectory()) return [];
      const base = resolve(options.cwd ?? '.');
      const named = up.startsWith(base + sep) ? relative(base, up) : up;
      return [{ file: shown, severity: 'error', message: `cannot create the output folder: ${named} is a file, not a folder`, ruleId: 'output/mkdir' }];
    }
    if (dirname(up) === up) return [];
  }
}

/**
 * Write files into a folder, each whole or not at all (a temporary file in the same folder, then a
 * rename), refusing to write over any input file or over a folder. Every check runs before the
 * folder is created or anything is written, so a refused write leaves no trace; a folder created
 * here is removed again when writing fails. Returns problems instead of throwing.
 */
export async function writeOutputs(dir: string, files: readonly WritableFile[], inputs: readonly string[], options: WriteOptions = {}): Promise<Problem[]> {
  const shown = options.shown ?? dir;
  const target = resolve(options.cwd ?? '.', dir);
  const fail = (file: string, message: string, ruleId: string): Problem[] => [{ file, severity: 'error', message, ruleId }];

  const folderProblems = await checkOutputFolder(dir, options);
  if (folderProblems.length > 0) return folderProblems;

  const protectedPaths = new Set<string>();
  for (const input of inputs) protectedPaths.add(await canonical(resolve(options.cwd ?? '.', input)));
  for (const f of files) {
    const path = join(target, f.name);
    if (protectedPaths.has(await canonical(path))) {
      return fail(join(shown, f.name), 'refusing to write over an input file', 'output/overwrites-input');
    }
    if ((await entry(path))?.isDirectory()) {
      return fail(join(shown, f.name), 'is a folder; refusing to put an output file in its place', 'output/target-is-folder');
    }
  }

  let created = false;
  if (!(await entry(target))) {
    try {
      await mkdir(target, { recursive: true });
      created = true;
    } catch (e) {
      return fail(shown, `cannot create the output folder (${errorCode(e)})`, 'output/mkdir');
    }
  }

  const all: WritableFile[] = [...files];
  if (options.marker === true && (await mayMark(target, files))) all.push({ name: OUTPUT_MARKER, content: MARKER_TEXT });

  // All files go to temporary names first; only when every one is written are they renamed.
  const staged: { tmp: string; path: string; name: string }[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const s of staged) await discard(s.tmp);
    if (created) await rmdir(target).catch(() => undefined);
  };
  for (const f of all) {
    const path = join(target, f.name);
    const tmp = join(target, `.${f.name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      if ('parts' in f) await writeParts(tmp, f.parts);
      else await writeFile(tmp, f.content, 'utf8');
      staged.push({ tmp, path, name: f.name });
    } catch (e) {
      await discard(tmp);
      await cleanUp();
      return fail(join(shown, f.name), `cannot write (${errorCode(e)}); no output file was written`, 'output/write');
    }
  }
  for (let i = 0; i < staged.length; i++) {
    const s = staged[i]!;
    try {
      await rename(s.tmp, s.path);
    } catch (e) {
      // Renames are checked for above (no folder in the way), so this is a race or a permission change.
      for (const rest of staged.slice(i)) await discard(rest.tmp);
      const done = staged.slice(0, i).map((d) => d.name);
      return fail(join(shown, s.name), `cannot write (${errorCode(e)}); ${done.length === 0 ? 'no output file was written' : `only ${done.join(', ')} ${done.length === 1 ? 'was' : 'were'} written`}`, 'output/write');
    }
  }
  return [];
}

/**
 * Whether the marker may be left in `target`: not when it holds transcript-like files other than the
 * outputs, since folder walks skip marked folders and those files would never be read again.
 */
async function mayMark(target: string, files: readonly WritableFile[]): Promise<boolean> {
  const ours = new Set(files.map((f) => f.name));
  try {
    const names = await readdir(target);
    return !names.some((n) => !n.startsWith('.') && !ours.has(n) && TRANSCRIPT_EXTENSIONS.has(extname(n).toLowerCase()));
  } catch {
    return false;
  }
}

/** Remove a temporary file if it is there; cleaning up never throws over the error being reported. */
async function discard(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch {
    // nothing more can be done
  }
}

async function canonical(path: string): Promise<string> {
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
