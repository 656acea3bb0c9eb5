import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { pid } from 'node:process';
import { hasErrors } from '../problems.js';
import { markerNames, markerText, OUTPUT_MARKER } from '../transcripts/files.js';
import type { Problem } from '../types.js';
import {
  commitStaged,
  discard,
  entry,
  errorCode,
  fail,
  isRunning,
  makeFolders,
  removeFolders,
  removeStaleTemps,
  stageFiles,
  tempName,
  TEMP,
  writeWritable,
  type WritableFile,
} from './staging.js';

/** What `writeReport` needs besides the files: the working folder and the inputs (real paths) it must not touch. */
export interface ReportContext {
  cwd: string;
  inputs: ReadonlySet<string>;
}

/** The lock a run holds while it writes a report folder: in the folder, or beside a folder it replaces whole. */
const LOCK = '.fokus-lock';

/** The files of a report, known by their names in a folder whose marker names none (it holds nothing but the report). */
const OLD_REPORT_FILES = /^(?:report\.(?:json|html)|(?:frequencies|frequencies_by_[^/]+|comparison_by_[^/]+|segments|cooccurrence|perspectives|keyterms)\.csv)$/u;

/**
 * Write a report folder: afterwards it holds exactly the files of this run, never a mix with an
 * earlier one. A folder that holds nothing but fokus's report (or does not exist yet) is written
 * beside the old one as a hidden sibling and renamed into place, so a reader sees the old report or
 * the new one; a folder that also holds other files (transcripts, `-o .`) gets the new files one by
 * one and loses the old run's files that the new run has not, its marker naming the run's files.
 * Either way the `.fokus-output` marker is written before any report file, a lock (with the process
 * id) keeps a second run out, and what an interrupted run left is cleaned up. Returns problems
 * instead of throwing.
 */
export async function writeReport(target: string, shown: string, files: readonly WritableFile[], ctx: ReportContext): Promise<Problem[]> {
  let created: string[];
  try {
    // The folder itself too: a path no folder can be made at fails here, before a lock is taken.
    created = await makeFolders(target);
  } catch (e) {
    return fail(shown, { key: 'problem.output/mkdir', params: { code: String(errorCode(e)) } }, 'output/mkdir');
  }
  const whole = await replaceableWhole(target, ctx);
  const lockPath = whole ? join(dirname(target), `.${basename(target)}${LOCK}`) : join(target, LOCK);
  const lock = await takeLock(lockPath, shown);
  if ('problems' in lock) {
    await removeFolders(created);
    return lock.problems;
  }
  try {
    const problems = whole ? await replaceWhole(target, shown, files) : await replaceFiles(target, shown, files, ctx.inputs);
    if (hasErrors(problems)) await removeFolders(created);
    return problems;
  } finally {
    await discard(lockPath);
  }
}

/**
 * True when `target` can be replaced as a whole: it does not exist, or it is a plain folder (no link,
 * no mount point, not the working folder or above it) holding only a report fokus wrote and
 * temporaries, and no input.
 */
async function replaceableWhole(target: string, ctx: ReportContext): Promise<boolean> {
  const here = await lstat(target).catch(() => null);
  if (!here) return true;
  if (!here.isDirectory()) return false;
  const real = await realpath(target);
  const cwd = await realpath(ctx.cwd).catch(() => ctx.cwd);
  if (cwd === real || cwd.startsWith(real + sep)) return false;
  if ((await entry(dirname(target)))?.dev !== here.dev) return false;
  if ([...ctx.inputs].some((i) => i.startsWith(real + sep))) return false;
  const names = await readdir(target);
  const listed = names.includes(OUTPUT_MARKER) ? await listedNames(target) : null;
  if (names.length > 0 && !listed) return false;
  return names.every((n) => n === OUTPUT_MARKER || n === LOCK || TEMP.test(n) || (listed?.has(n) ?? false));
}

/** The files the marker in `dir` names (for a marker that names none, the report files present); null without a marker. */
async function listedNames(dir: string): Promise<Set<string> | null> {
  let text: string;
  try {
    text = await readFile(join(dir, OUTPUT_MARKER), 'utf8');
  } catch {
    return null;
  }
  const named = markerNames(text);
  if (named) return new Set(named);
  return new Set((await readdir(dir)).filter((n) => OLD_REPORT_FILES.test(n)));
}

/** The lock file taken, or the problem that another run holds it. A lock of a process that is gone is taken over. */
async function takeLock(path: string, shown: string): Promise<{ problems: Problem[] } | { path: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, `${pid}\n`, { flag: 'wx' });
      return { path };
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') return { problems: fail(shown, { key: 'problem.output/write.report', params: { code: String(errorCode(e)) } }, 'output/write') };
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && isRunning(holder)) {
      return { problems: fail(shown, { key: 'problem.output/locked', params: { holder: String(holder), lock: basename(path) } }, 'output/locked') };
    }
    // A lock of a run that ended without removing it (killed): stale.
    await discard(path);
  }
  return { problems: fail(shown, { key: 'problem.output/locked.cannot-lock' }, 'output/locked') };
}

/** Replace `target` whole: the new report is written into a hidden sibling folder and renamed into place. */
async function replaceWhole(target: string, shown: string, files: readonly WritableFile[]): Promise<Problem[]> {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.fokus-`;
  // Under the lock, siblings of an earlier run are stale: it was interrupted.
  for (const n of await readdir(parent)) if (n.startsWith(prefix) && !n.endsWith(LOCK)) await rm(join(parent, n), { recursive: true, force: true }).catch(() => undefined);
  const tag = `${pid}-${randomBytes(6).toString('hex')}`;
  const fresh = join(parent, `${prefix}new-${tag}`);
  const old = join(parent, `${prefix}old-${tag}`);
  const drop = (): Promise<void> => rm(fresh, { recursive: true, force: true }).catch(() => undefined);
  let at = shown;
  try {
    await mkdir(fresh);
    // The marker first: a walk that meets the folder half-written never reads its files.
    await writeFile(join(fresh, OUTPUT_MARKER), markerText());
    for (const f of files) {
      at = join(shown, f.name);
      await writeWritable(join(fresh, f.name), f);
    }
  } catch (e) {
    await drop();
    return fail(at, { key: 'problem.output/write', params: { code: String(errorCode(e)) } }, 'output/write');
  }
  const had = (await entry(target)) !== null;
  try {
    if (had) await rename(target, old);
  } catch (e) {
    await drop();
    return fail(shown, { key: 'problem.output/write.replace', params: { code: String(errorCode(e)) } }, 'output/write');
  }
  try {
    await rename(fresh, target);
  } catch (e) {
    if (had) await rename(old, target).catch(() => undefined);
    await drop();
    return fail(shown, { key: 'problem.output/write.replace', params: { code: String(errorCode(e)) } }, 'output/write');
  }
  if (had) await rm(old, { recursive: true, force: true }).catch(() => undefined);
  return [];
}

/**
 * Replace the report files in a folder that holds other files too: the marker names the old and the
 * new files while they change places, the old run's files the new one has not are removed (never an
 * input), and at last the marker names the new files only.
 */
async function replaceFiles(target: string, shown: string, files: readonly WritableFile[], inputs: ReadonlySet<string>): Promise<Problem[]> {
  await removeStaleTemps(target);
  const before = (await listedNames(target)) ?? new Set<string>();
  const names = files.map((f) => f.name);
  const restore = async (): Promise<void> => {
    if (before.size > 0) await putMarker(target, [...before]).catch(() => undefined);
    else await discard(join(target, OUTPUT_MARKER));
  };
  try {
    await putMarker(target, [...new Set([...before, ...names])]);
  } catch (e) {
    return fail(join(shown, OUTPUT_MARKER), { key: 'problem.output/write', params: { code: String(errorCode(e)) } }, 'output/write');
  }
  const staged = await stageFiles(target, shown, files);
  if (!Array.isArray(staged)) {
    await restore();
    return staged.problems;
  }
  const problems = await commitStaged(shown, staged);
  if (hasErrors(problems)) return problems;
  const kept = new Set(names);
  const real = await realpath(target).catch(() => target);
  for (const name of before) {
    const path = join(real, name);
    if (!kept.has(name) && !inputs.has(path) && name !== OUTPUT_MARKER && name !== LOCK) await discard(path);
  }
  try {
    await putMarker(target, names);
  } catch (e) {
    return fail(join(shown, OUTPUT_MARKER), { key: 'problem.output/write.marker', params: { code: String(errorCode(e)) } }, 'output/write');
  }
  return [];
}

/** Write the marker naming `names`, whole (a temporary file renamed into place). */
async function putMarker(dir: string, names: readonly string[]): Promise<void> {
  const tmp = join(dir, tempName(OUTPUT_MARKER));
  try {
    await writeFile(tmp, markerText(names), { flag: 'wx' });
    await rename(tmp, join(dir, OUTPUT_MARKER));
  } catch (e) {
    await discard(tmp);
    throw e;
  }
}
