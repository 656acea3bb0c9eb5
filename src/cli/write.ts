import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OUTPUT_MARKER } from '../read/files.js';
import type { OutputFile } from '../render/files.js';
import type { Problem } from '../types.js';


/**
 * Write files into a folder, each whole or not at all (a temporary file in the same folder, then a
 * rename), refusing to write over any input file. Returns problems instead of throwing.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[], inputs: readonly string[]): Promise<Problem[]> {
  const target = resolve(dir);
  try {
    const s = await stat(target);
    if (!s.isDirectory()) return [{ file: dir, severity: 'error', message: 'the output path is a file, not a folder', ruleId: 'output/not-a-folder' }];
  } catch {
    try {
      await mkdir(target, { recursive: true });
    } catch (e) {
      return [{ file: dir, severity: 'error', message: `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, ruleId: 'output/mkdir' }];
    }
  }
  const protectedPaths = new Set<string>();
  for (const input of inputs) protectedPaths.add(await canonical(resolve(input)));
  for (const f of files) {
    const path = join(target, f.name);
    if (protectedPaths.has(await canonical(path))) {
      return [{ file: path, severity: 'error', message: 'refusing to write over an input file', ruleId: 'output/overwrites-input' }];
    }
  }
  // All files go to temporary names first; only when every one is written are they renamed.
  const staged: { tmp: string; path: string }[] = [];
  for (const f of files) {
    const path = join(target, f.name);
    const tmp = join(target, `.${f.name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, f.content, 'utf8');
      staged.push({ tmp, path });
    } catch (e) {
      await rm(tmp, { force: true });
      for (const s of staged) await rm(s.tmp, { force: true });
      return [{ file: path, severity: 'error', message: `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`, ruleId: 'output/write' }];
    }
  }
  for (const s of staged) await rename(s.tmp, s.path);
  // Mark the folder so that analysing a parent folder later does not read the reports as transcripts.
  await writeFile(join(target, OUTPUT_MARKER), 'This folder holds a fokus report; fokus skips it when it reads a parent folder.\n', 'utf8').catch(() => undefined);
  return [];
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
