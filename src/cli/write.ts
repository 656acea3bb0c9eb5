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
  if (here && !here.isDirectory()) return fail(shown, 'the output path is a file, not a folder', 'output/not-a-folder');
  if (here) {
    const marker = options.marker === true ? await lstat(join(target, OUTPUT_MARKER)).catch(() => null) : null;
    if (marker && !marker.isFile()) return fail(join(shown, OUTPUT_MARKER), `is ${marker.isDirectory() ? 'a folder' : 'no regular file'}; fokus keeps the marker of its report under this name, so nothing can be written here (move it away)`, 'output/marker');
    return [];
  }
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
      return fail(join(shown, f.name), 'refusing to write over an input file', 'output/overwrites-input');
    }
    if ((await entry(path))?.isDirectory()) {
      return fail(join(shown, f.name), 'is a folder; refusing to put an output file in its place', 'output/target-is-folder');
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
    return fail(shown, `cannot create the output folder (${errorCode(e)})`, 'output/mkdir');
  }
  await removeStaleTemps(target, new Set(files.map((f) => f.name)));
  const staged = await stageFiles(target, shown, files);
  if (!Array.isArray(staged)) {
    await removeFolders(created);
    return staged.problems;
  }
  return commitStaged(shown, staged);
}

