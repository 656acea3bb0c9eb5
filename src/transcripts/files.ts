import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../lang/catalogue.js';
import { cmp, problem } from '../problems.js';
import type { InputFile, Problem } from '../types.js';
import { errorCode, fileTrouble } from './read-file.js';

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


/** What is wrong with a symbolic link that cannot be followed. */
function linkTrouble(err: unknown): Message {
  const code = errorCode(err);
  if (code === 'ELOOP') return { key: 'part.link.loop' };
  if (code === 'ENOENT') return { key: 'part.link.missing' };
  return { key: 'part.link.other', params: { code: code ?? String(err) } };
}

/**
 * The hidden file `fokus analyze --out` leaves in its output folder, written before any report
 * file: it names the files of the run, which are never read as transcripts.
 */
export const OUTPUT_MARKER = '.fokus-output';

/** The text of the marker in a folder that holds nothing but a report. */
const REPORT_ONLY = 'This folder holds a fokus report; fokus skips it when it reads transcripts from a folder above it.\n';

/** The first line of a marker that names its run's files, in a folder that holds other files too. */
const MARKER_HEAD = '# fokus report: fokus never reads the files named below as transcripts and replaces them all on its next run here.';

/**
 * The text of a marker: naming `names`, the files of one run, in a folder that holds other files
 * too; without names, for a folder that holds nothing but the report (whose report files are known
 * by their names).
 */
export function markerText(names?: readonly string[]): string {
  return names ? [MARKER_HEAD, ...[...names].sort(cmp)].join('\n') + '\n' : REPORT_ONLY;
}

/**
 * The files a marker names, or null for a marker of a folder that holds nothing but a report (or of
 * an older fokus), which names none.
 */
export function markerNames(text: string): string[] | null {
  const lines = text.split('\n');
  if (lines[0] !== MARKER_HEAD) return null;
  return lines.slice(1).filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * The report files of a folder with a marker: those it names, with `whole` false; for a marker that
 * names none, the report's transcript-like files, with `whole` true (the folder holds nothing else).
 */
async function ownOutputs(dir: string): Promise<{ names: Set<string>; whole: boolean }> {
  let text = '';
  try {
    const s = await stat(path.join(dir, OUTPUT_MARKER));
    if (s.isFile() && s.size < 1 << 20) text = await readFile(path.join(dir, OUTPUT_MARKER), 'utf8');
  } catch {
    // a marker that cannot be read names nothing: a folder with nothing but a report
  }
  const named = markerNames(text);
  return { names: new Set(named ?? ['report.json', 'report.html']), whole: named === null };
}

/** The warning that files of a report fokus wrote are left out. */
function ownOutputWarning(shown: string, names: readonly string[]): Problem {
  return problem(shown, 'warning', { key: 'problem.read/own-output', params: { n: names.length, names: names.join(', '), marker: OUTPUT_MARKER } }, undefined, 'read/own-output');
}

/**
 * Walk a folder: transcript files below it as `/`-separated relative paths, in name order. Hidden
 * entries (names starting with `.`) are skipped. A symlinked folder is followed only when it leads
 * outside the folder given (`root`, a real path) and was not walked before: a link back into the
 * folder is an alias or a loop, and the real folder is walked anyway.
 */
async function walk(root: string, dir: string, rel: string, seen: Set<string>, out: Found[], problems: Problem[], shown: string): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    // The transcripts in it would be missing from the results without anyone noticing: an error.
    problems.push(problem(shown, 'error', { key: 'problem.read/folder', params: { code: errorCode(err) ?? String(err) } }, undefined, 'read/folder'));
    return;
  }
  // A folder fokus wrote a report into holds report.json/report.html, which are no transcripts; below
  // the folder given, one that holds nothing but a report is left out whole, as it always was.
  const marked = entries.some((e) => e.name === OUTPUT_MARKER) ? await ownOutputs(dir) : null;
  if (marked?.whole && rel !== '') return;
  const own = marked?.names ?? new Set<string>();
  const skipped = entries.filter((e) => own.has(e.name) && isTranscriptName(e.name)).map((e) => e.name).sort(cmp);
  // A report folder below the one given is left out quietly; said is when the report lies among transcripts (`-o` into an input folder) or was given.
  const amongTranscripts = rel === '' || entries.some((e) => !e.name.startsWith('.') && !own.has(e.name) && isTranscriptName(e.name));
  if (skipped.length > 0 && amongTranscripts) problems.push(ownOutputWarning(shown, skipped));
  entries.sort((a, b) => cmp(a.name, b.name));
  const rawNames = entries.some((e) => e.name.includes('\uFFFD')) ? await undecodableNames(dir) : new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.startsWith('.') || own.has(e.name)) continue;
    const raw = rawNames.get(e.name);
    if (raw) {
      // A name in another encoding: shown as Latin-1, opened by its bytes.
      const name = raw.toString('latin1');
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (e.isFile() && isTranscriptName(name)) {
        problems.push(problem(path.join(shown, name), 'warning', { key: 'problem.read/file-name' }, undefined, 'read/file-name'));
        out.push({ rel: childRel, raw: Buffer.concat([Buffer.from(dir + path.sep), raw]) });
      }
      continue;
    }
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
          problems.push(problem(path.join(shown, e.name), 'warning', { key: 'problem.read/link', params: { reason: linkTrouble(err) } }, undefined, 'read/link'));
        }
        continue;
      }
    }
    if (isDir) await walk(root, full, childRel, seen, out, problems, path.join(shown, e.name));
    else if (isFile && isTranscriptName(e.name)) out.push({ rel: childRel });
  }
}

/** A file found in a folder: its `/`-separated path below the folder, and its path's bytes when its name is not UTF-8. */
interface Found {
  rel: string;
  raw?: Buffer;
}

/** The names of a folder that are not valid UTF-8, by the string Node makes of them (with U+FFFD), as their bytes. */
async function undecodableNames(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const name of await readdir(dir, { encoding: 'buffer' })) {
    try {
      utf8.decode(name);
    } catch {
      out.set(name.toString('utf8'), name);
    }
  }
  return out;
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
      // Given by name, a named pipe or a device would block or never end: only regular files are read.
      found.push({ path: path.normalize(input), id: path.basename(abs) });
    } else if (kind === 'folder') {
      const rels: Found[] = [];
      const before = problems.length;
      await walk(await realpath(abs), abs, '', new Set(), rels, problems, path.normalize(input));
      // A folder that could not be read has its error; "no transcript files" would say something else.
      const unreadable = problems.slice(before).some((p) => p.ruleId === 'read/folder' && p.file === path.normalize(input));
      if (rels.length === 0 && !unreadable) {
        problems.push(problem(input, 'warning', { key: 'problem.read/empty-folder' }, undefined, 'read/empty-folder'));
      }
      for (const { rel, raw } of rels) found.push({ path: path.join(input, ...rel.split('/')), id: rel, ...(raw ? { raw } : {}) });
    } else if (GLOB_CHARS.test(input)) {
      const { glob } = await import('tinyglobby'); // loaded only when a glob is given
      const matches = await glob(input, { cwd, dot: false, onlyFiles: true, absolute: path.isAbsolute(input) });
      const names = await withoutOwnOutputs(matches.filter(isTranscriptName), cwd, problems);
      if (names.length === 0) {
        problems.push(problem(input, 'error', { key: 'problem.read/no-match' }, undefined, 'read/no-match'));
      }
      for (const name of names) {
        const id = path.isAbsolute(name) ? path.relative(cwd, name).split(path.sep).join('/') : name;
        found.push({ path: path.normalize(name), id });
      }
    } else {
      // Node reads arguments as UTF-8: a name in another encoding cannot be opened as given, only found in its folder.
      let message: Message = input.includes('\uFFFD') ? { key: 'problem.read/missing.not-utf8' } : { key: 'problem.read/missing' };
      try {
        if ((await lstat(abs)).isSymbolicLink()) message = { key: 'problem.read/missing.link', params: { reason: linkTrouble(await stat(abs).then(() => null, (e: unknown) => e)) } };
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
    const trouble = await fileTrouble(f.raw ? Buffer.from(f.raw) : path.resolve(cwd, f.path));
    if (trouble) problems.push(problem(f.path, 'error', trouble.message, undefined, trouble.ruleId));
    else files.push(f);
  }
  return { files: distinctIds(files, cwd), problems };
}

/** The `/`-separated segments of a file's path: relative to `cwd` when below it, else absolute. */
function pathSegments(file: InputFile, cwd: string): string[] {
  const abs = path.resolve(cwd, file.path);
  const rel = path.relative(cwd, abs);
  const shown = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).filter((s, i) => s !== '' || i === 0);
}

/**
 * Give files that share an id (the same name in two folders given) the shortest distinguishing
 * path: their ids grow by one folder of their path at a time until no two are alike. Files whose ids
 * are already unique keep them, so reports over such inputs never change.
 */
export function distinctIds(files: readonly InputFile[], cwd: string): InputFile[] {
  const ids = files.map((f) => f.id);
  const segments = files.map((f) => pathSegments(f, cwd));
  for (;;) {
    const byId = new Map<string, number[]>();
    ids.forEach((id, i) => byId.set(id, [...(byId.get(id) ?? []), i]));
    let grown = false;
    for (const same of byId.values()) {
      if (same.length < 2) continue;
      for (const i of same) {
        const segs = segments[i]!;
        const depth = ids[i]!.split('/').length + 1;
        const longer = segs.slice(Math.max(0, segs.length - depth)).join('/');
        if (longer === ids[i] || depth > segs.length + 1) continue;
        ids[i] = longer;
        grown = true;
      }
    }
    // Whole paths of different files differ, so the loop ends with every id unique.
    if (!grown) break;
  }
  return files.map((f, i) => (ids[i] === f.id ? f : { ...f, id: ids[i]! }));
}

/** Glob matches without the files of reports fokus wrote (named in their folder's marker), with a warning per folder. */
async function withoutOwnOutputs(names: readonly string[], cwd: string, problems: Problem[]): Promise<string[]> {
  const byFolder = new Map<string, Set<string> | null>();
  const skipped = new Map<string, string[]>();
  const kept: string[] = [];
  for (const name of names) {
    const folder = path.dirname(name);
    if (!byFolder.has(folder)) {
      const abs = path.resolve(cwd, folder);
      byFolder.set(folder, (await stat(path.join(abs, OUTPUT_MARKER)).then(() => true, () => false)) ? (await ownOutputs(abs)).names : null);
    }
    const own = byFolder.get(folder);
    if (own?.has(path.basename(name))) skipped.set(folder, [...(skipped.get(folder) ?? []), path.basename(name)]);
    else kept.push(name);
  }
  for (const [folder, list] of skipped) problems.push(ownOutputWarning(folder, list.sort(cmp)));
  return kept;
}
