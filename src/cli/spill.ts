import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pid } from 'node:process';
import { isRunning, namesIn } from './staging.js';

/** A stretch of bytes of a spill file: from `start` to `end` (exclusive). */
export interface SpillRange {
  file: string;
  start: number;
  end: number;
}

/**
 * A temporary file that text is appended to while a run goes on, so what grows with the corpus
 * (the rows of `segments.csv`, the units of `report.json`) waits on disk, not in memory, until the
 * report around it is known. Remove it when done, also after a failure.
 */
export interface Spill {
  /** Append text (UTF-8); resolves to where its bytes are. */
  append(text: string): Promise<SpillRange>;
  /** Bytes written so far. */
  size(): number;
  /** Close and delete the file. */
  remove(): Promise<void>;
}

/** The temporary folders this process has already cleaned of stale spill folders. */
const cleaned = new Set<string>();

/** Spill folders are named `fokus-PID-XXXXXX`, so one left by a run that was killed can be told and removed. */
const SPILL_DIR = /^fokus-(\d+)-[A-Za-z0-9]{6}$/u;

/**
 * Open a spill file in the system's temporary folder (`fokus-PID-XXXXXX/NAME`). Spill folders of runs
 * that were killed before they could remove theirs (their process is gone) are removed first.
 */
export async function openSpill(name: string, root: string = tmpdir()): Promise<Spill> {
  // Once per process and folder: a run opens several spill files.
  if (!cleaned.has(root)) {
    cleaned.add(root);
    await removeStaleSpills(root);
  }
  const dir = await mkdtemp(join(root, `fokus-${pid}-`));
  const file = join(dir, name);
  let handle: FileHandle | null = await open(file, 'w+');
  let offset = 0;
  return {
    async append(text) {
      const bytes = Buffer.from(text, 'utf8');
      const start = offset;
      let done = 0;
      while (done < bytes.length) done += (await handle!.write(bytes, done, bytes.length - done, start + done)).bytesWritten;
      offset += bytes.length;
      return { file, start, end: offset };
    },
    size: () => offset,
    async remove() {
      if (handle) await handle.close().catch(() => undefined);
      handle = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Stretches of spill files that follow each other, joined into one list (adjacent stretches merged). */
export function joinRanges(ranges: readonly SpillRange[]): SpillRange[] {
  const out: SpillRange[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && last.file === r.file && last.end === r.start) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

/** The text of a stretch of a spill file (UTF-8; a stretch always holds whole characters). */
export async function readRange(range: SpillRange): Promise<string> {
  const handle = await open(range.file, 'r');
  try {
    const buffer = Buffer.alloc(range.end - range.start);
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, range.start + done);
      if (bytesRead === 0) throw new Error(`spill file ${range.file} ends early`);
      done += bytesRead;
    }
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Remove the spill folders of fokus processes that are gone. Never throws. */
export async function removeStaleSpills(root: string): Promise<void> {
  for (const n of await namesIn(root)) {
    const m = SPILL_DIR.exec(n);
    if (m && Number(m[1]) !== pid && !isRunning(Number(m[1]))) await rm(join(root, n), { recursive: true, force: true }).catch(() => undefined);
  }
}
