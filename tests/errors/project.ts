import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small, valid codebook: one category with a term, a rule and a regex. */
export const CODEBOOK = `codebook: Test
moderators: [I]
categories:
  - code: bedarf
    label: Bedarf
    terms: [brauch*]
    rules:
      - regex: '\\bes fehlt an\\b'
  - code: personal
    label: Personal
    terms: [personal*]
`;

/** A small, valid transcript: a moderator question and two answers. */
export const TRANSCRIPT = 'I: Was brauchen Sie?\n\nB1: Wir brauchen mehr Personal.\n\nB2: Es fehlt an Räumen.\n';

const made: string[] = [];

/** A temporary project folder holding `files` (paths relative to it; folders are made as needed). */
export async function project(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fokus-errors-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/** Remove every folder `project` made (for afterAll). */
export async function removeProjects(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Every file and folder below `dir`, `/`-separated and sorted (hidden ones too), or null when `dir` does not exist. */
export async function tree(dir: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { recursive: true });
    return entries.map((e) => e.split(path.sep).join('/')).sort();
  } catch {
    return null;
  }
}

/** True when the test process runs as root, which reads files whatever their permissions say. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
