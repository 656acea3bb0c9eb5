import { lstat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OUTPUT_MARKER } from '../transcripts/files.js';
import type { Problem } from '../types.js';
import { canonical, commitStaged, entry, errorCode, fail, makeFolders, removeFolders, removeStaleTemps, stageFiles, type WritableFile } from './staging.js';

/** Options of `writeOutputs` and `checkOutputFolder`. */
export interface WriteOptions {
  /** The folder a relative `dir` is resolved against (default: the process's working folder). */
  cwd?: string;
  /** How the folder is named in messages (default: `dir` as given). */
  shown?: string;
  /** A report folder: the hidden `.fokus-output` marker names the run's files, which replace the last run's whole. */
  marker?: boolean;
}

/**
 * Check, before any work is done, that `dir` can take output files: an existing folder, or a path
 * whose nearest existing ancestor is a folder (so it can be created). Creates nothing; returns
 * problems (rule ids `output/not-a-folder`, `output/mkdir`, and `output/marker` for a report folder whose
 * `.fokus-output` is no file).
 */
export async function checkOutputFolder(dir: string, options: WriteOptions = {}): Promise<Problem[]> {
  const shown = options.shown ?? dir;
  const target = resolve(options.cwd ?? '.', dir);
  const here = await entry(target);
  if (here && !here.isDirectory()) return fail(shown, { key: 'problem.output/not-a-folder' }, 'output/not-a-folder');
  if (here) {
    const marker = options.marker === true ? await lstat(join(target, OUTPUT_MARKER)).catch(() => null) : null;
    if (marker && !marker.isFile()) return fail(join(shown, OUTPUT_MARKER), { key: marker.isDirectory() ? 'problem.output/marker.folder' : 'problem.output/marker' }, 'output/marker');
    return [];
  }
  for (let up = dirname(target); ; up = dirname(up)) {
    const above = await entry(up);
    if (above) {
      if (above.isDirectory()) return [];
      const base = resolve(options.cwd ?? '.');
      const named = up.startsWith(base + sep) ? relative(base, up) : up;
      return fail(shown, { key: 'problem.output/mkdir.file', params: { named } }, 'output/mkdir');
    }
    if (dirname(up) === up) return [];
  }
}

/**
 * Write files into a folder, each whole or not at all, refusing to write over any input file or over
 * a folder. Every check runs before the folder is created or anything is written, so a refused write
 * leaves no trace; folders created here (parents too) are removed again when writing fails. With
 * `marker`, the folder is a report folder: it holds exactly the files of one run, switched in at once
 * (see `writeReport`). Returns problems instead of throwing.
 */
export async function writeOutputs(dir: string, files: readonly WritableFile[], inputs: readonly string[], options: WriteOptions = {}): Promise<Problem[]> {
  const shown = options.shown ?? dir;
  const target = resolve(options.cwd ?? '.', dir);

  const folderProblems = await checkOutputFolder(dir, options);
  if (folderProblems.length > 0) return folderProblems;

  const protectedPaths = new Set<string>();
  for (const input of inputs) protectedPaths.add(await canonical(resolve(options.cwd ?? '.', input)));
  for (const f of files) {
    const path = join(target, f.name);
    if (protectedPaths.has(await canonical(path))) {
      return fail(join(shown, f.name), { key: 'problem.output/overwrites-input' }, 'output/overwrites-input');
    }
    if ((await entry(path))?.isDirectory()) {
      return fail(join(shown, f.name), { key: 'problem.output/target-is-folder' }, 'output/target-is-folder');
    }
  }
  if (options.marker === true) {
    const { writeReport } = await import('./report-folder.js');
    return writeReport(target, shown, files, { cwd: resolve(options.cwd ?? '.'), inputs: protectedPaths });
  }
  return writeInPlace(target, shown, files);
}

/**
 * Write files into `target` under temporary names, then rename each into place: each file whole or
 * not at all. Temporaries an interrupted run left for these names are removed first.
 */
async function writeInPlace(target: string, shown: string, files: readonly WritableFile[]): Promise<Problem[]> {
  let created: string[];
  try {
    created = await makeFolders(target);
  } catch (e) {
    return fail(shown, { key: 'problem.output/mkdir', params: { code: String(errorCode(e)) } }, 'output/mkdir');
  }
  await removeStaleTemps(target, new Set(files.map((f) => f.name)));
  const staged = await stageFiles(target, shown, files);
  if (!Array.isArray(staged)) {
    await removeFolders(created);
    return staged.problems;
  }
  return commitStaged(shown, staged);
}

