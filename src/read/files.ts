import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { cmp, problem } from '../problems.js';
import type { InputFile, Problem } from '../types.js';

/** File extensions (lower case, with dot) taken from folders and globs as transcripts. */
export const TRANSCRIPT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt', '.md', '.markdown', '.vtt', '.srt', '.json', '.html', '.htm', '.docx', '.rtf',
]);

/** The input files found, sorted by path, and the problems met while looking. */
export interface InputListing {
  files: InputFile[];
  problems: Problem[];
}

const GLOB_CHARS = /[*?[\]{}]/u;

/** True when a file name has a transcript extension. */
function isTranscriptName(name: string): boolean {
  return TRANSCRIPT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Node's error code of a failed file-system call, if any. */
function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** What is wrong with a symbolic link that cannot be followed. */
function linkTrouble(err: unknown): string {
  const code = errorCode(err);
  if (code === 'ELOOP') return 'a symbolic link that leads in a loop';
  if (code === 'ENOENT') return 'a symbolic link to a file that does not exist';
  return `a symbolic link that cannot be followed (${code ?? String(err)})`;
}

/** The hidden file `fokus analyze --out` leaves in its output folder; folder walks skip such folders. */
export const OUTPUT_MARKER = '.fokus-output';

/**
 * Walk a folder: transcript files below it as `/`-separated relative paths, in name order. Hidden
 * entries (names starting with `.`) are skipped. A symlinked folder is followed only when it leads
 * outside the folder given (`root`, a real path) and was not walked before: a link back into the
 * folder is an alias or a loop, and the real folder is walked anyway.
 */
async function walk(root: string, dir: string, rel: string, seen: Set<string>, out: string[], problems: Problem[], shown: string): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    // The transcripts in it would be missing from the results without anyone noticing: an error.
    problems.push(problem(shown, 'error', `cannot read this folder (${errorCode(err) ?? String(err)}); the files in it are left out`, undefined, 'read/folder'));
    return;
  }
  // A folder fokus wrote a report into holds report.json/report.html, which are no transcripts.
  if (rel !== '' && entries.some((e) => e.name === OUTPUT_MARKER)) return;
  entries.sort((a, b) => cmp(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = await stat(full);
        isDir = s.isDirectory();
        isFile = s.isFile();
        if (isDir) {
          const real = await realpath(full);
          if (real === root || real.startsWith(root + path.sep)) continue;
        }
      } catch (err) {
        // A dangling link names no file; one named like a transcript was probably meant to be read.
        if (isTranscriptName(e.name)) {
          problems.push(problem(path.join(shown, e.name), 'warning', `${linkTrouble(err)}; left out`, undefined, 'read/link'));
        }
        continue;
      }
    }
    if (isDir) await walk(root, full, childRel, seen, out, problems, path.join(shown, e.name));
    else if (isFile && isTranscriptName(e.name)) out.push(childRel);
  }
}

/**
 * Find the transcript files named by `inputs`, each a file (id = its name), a folder read
 * recursively (hidden entries skipped, transcript extensions only; id = `/`-separated path below the
 * folder) or a glob (transcript extensions only; id = path relative to `cwd`). Relative inputs are
 * resolved against `cwd` and stay relative in `path`. Files are deduplicated by their real path and
 * sorted by path in code-unit order; an input that names nothing is an error problem.
 */
export async function listInputs(inputs: string[], cwd: string): Promise<InputListing> {
  const problems: Problem[] = [];
  const found: InputFile[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      const s = await stat(abs);
      kind = s.isDirectory() ? 'folder' : 'file';
    } catch {
      kind = 'missing';
    }
    if (kind === 'file') {
      found.push({ path: path.normalize(input), id: path.basename(abs) });
    } else if (kind === 'folder') {
      const rels: string[] = [];
      const before = problems.length;
      await walk(await realpath(abs), abs, '', new Set(), rels, problems, path.normalize(input));
      // A folder that could not be read has its error; "no transcript files" would say something else.
      const unreadable = problems.slice(before).some((p) => p.ruleId === 'read/folder' && p.file === path.normalize(input));
      if (rels.length === 0 && !unreadable) {
        problems.push(problem(input, 'warning', 'no transcript files in this folder', undefined, 'read/empty-folder'));
      }
      for (const rel of rels) found.push({ path: path.join(input, ...rel.split('/')), id: rel });
    } else if (GLOB_CHARS.test(input)) {
      const { glob } = await import('tinyglobby'); // loaded only when a glob is given
      const matches = await glob(input, { cwd, dot: false, onlyFiles: true, absolute: path.isAbsolute(input) });
      const names = matches.filter(isTranscriptName);
      if (names.length === 0) {
        problems.push(problem(input, 'error', 'no transcript files match this pattern', undefined, 'read/no-match'));
      }
      for (const name of names) {
        const id = path.isAbsolute(name) ? path.relative(cwd, name).split(path.sep).join('/') : name;
        found.push({ path: path.normalize(name), id });
      }
    } else {
      let message = 'no such file or folder';
      try {
        if ((await lstat(abs)).isSymbolicLink()) message = linkTrouble(await stat(abs).then(() => null, (e: unknown) => e));
      } catch {
        // nothing there at all
      }
      problems.push(problem(input, 'error', message, undefined, 'read/missing'));
    }
  }

  // Sorting before deduplicating keeps the same copy whatever order the inputs came in.
  found.sort((a, b) => cmp(a.path, b.path) || cmp(a.id, b.id));
  const files: InputFile[] = [];
  const seenFiles = new Set<string>();
  for (const f of found) {
    let key: string;
    try {
      key = await realpath(path.resolve(cwd, f.path));
    } catch {
      key = path.resolve(cwd, f.path);
    }
    if (seenFiles.has(key)) continue;
    seenFiles.add(key);
    files.push(f);
  }
  return { files, problems };
}
