import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputGroup } from './groups.js';
import { prepareRun, runTask, type RunConfig, type Task, type TaskOutcome } from './job.js';

/** Fewer files than this (and fewer bytes than `PARALLEL_BYTES`) are coded in the main thread. */
export const PARALLEL_FILES = 8;

/** A corpus of at least this many bytes is worth worker threads even with few files. */
export const PARALLEL_BYTES = 5_000_000;

/** Most worker threads started, however many cores there are. */
export const MAX_WORKERS = 8;

/**
 * How many threads to code with: `requested` when given (≥ 1; 1 = the main thread only), else one
 * per core when the corpus is large enough (enough files or bytes) to repay starting them, capped
 * by the number of groups, since a group is never split.
 */
export function planJobs(groups: readonly InputGroup[], requested?: number): number {
  if (requested !== undefined && requested >= 1) return Math.max(1, Math.min(Math.floor(requested), MAX_WORKERS, groups.length));
  const files = groups.reduce((n, g) => n + g.files.length, 0);
  const bytes = groups.reduce((n, g) => n + g.bytes, 0);
  if (files < PARALLEL_FILES && bytes < PARALLEL_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, groups.length));
}

/**
 * Heap limits of a worker. V8 sizes a heap by its limit, and a worker's defaults would let two
 * workers grow to a few hundred megabytes between collections; with these, a worker collects
 * earlier (peak memory at 50 MB of corpus fell from about 260 MB to 200 MB), while 1 GB still holds
 * a very long transcript, and caches are bounded anyway. A 32 MB young generation ran about 8 %
 * faster for about 25 MB more memory.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** Where the worker script is: beside this module, once compiled (tests run the sources: no workers). */
const WORKER_URL = new URL('./worker.js', import.meta.url);
const WORKERS_AVAILABLE = !import.meta.url.endsWith('.ts');

/**
 * Run the tasks with `jobs` threads and hand every outcome to `deliver` in task order, one at a
 * time (each awaited), exactly as a single-threaded run would: workers take the next task as soon
 * as they are free, and outcomes that arrive early wait in a small window so memory stays
 * bounded. With `jobs` ≤ 1 (or when running from the TypeScript sources) everything runs here.
 */
export async function runTasks<T extends TaskOutcome>(
  tasks: readonly Task[],
  config: RunConfig,
  jobs: number,
  deliver: (outcome: T, index: number) => void | Promise<void>,
): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1 || !WORKERS_AVAILABLE) {
    const ctx = prepareRun(config);
    for (let i = 0; i < tasks.length; i++) await deliver((await runTask(tasks[i]!, ctx)) as T, i);
    return;
  }
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => new Worker(WORKER_URL, { workerData: config, resourceLimits: WORKER_LIMITS }));
  // At most this many tasks are sent out or waiting to be delivered at any time.
  const window = jobs * 2 + 2;
  const waiting = new Map<number, T>();
  let next = 0;
  let delivered = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown): void => {
        if (failed) return;
        failed = true;
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      const idle: Worker[] = [];
      const dispatch = (): void => {
        while (!failed && idle.length > 0 && next < tasks.length && next - delivered < window) {
          idle.pop()!.postMessage({ index: next, task: tasks[next] });
          next++;
        }
      };
      let draining = false;
      const drain = async (): Promise<void> => {
        if (draining) return;
        draining = true;
        try {
          while (!failed && waiting.has(delivered)) {
            const outcome = waiting.get(delivered)!;
            waiting.delete(delivered);
            await deliver(outcome, delivered);
            delivered++;
            dispatch();
          }
        } catch (e) {
          fail(e);
        } finally {
          draining = false;
        }
        if (!failed && delivered === tasks.length) resolve();
      };
      for (const w of workers) {
        w.on('message', (msg: { index: number; outcome?: T; error?: string }) => {
          if (msg.error !== undefined || !msg.outcome) return fail(new Error(msg.error ?? 'worker sent nothing'));
          waiting.set(msg.index, msg.outcome);
          idle.push(w);
          dispatch();
          void drain();
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && delivered < tasks.length) fail(new Error(`worker thread stopped with exit code ${code}`));
        });
        idle.push(w);
      }
      dispatch();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
