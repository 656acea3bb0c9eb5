import { parentPort, workerData } from 'node:worker_threads';
import { prepareRun, runTask, type RunConfig, type Task } from './job.js';

/**
 * A worker thread of a parallel run: compiles the codebook once, then works through the groups the
 * main thread sends (groups to tally, or to look at again), one at a time, and sends back each
 * outcome (or the error that stopped it).
 */
const port = parentPort;
if (!port) throw new Error('run/worker.js must be started as a worker thread');
const ctx = prepareRun(workerData as RunConfig);
port.on('message', ({ index, task }: { index: number; task: Task }) => {
  runTask(task, ctx).then(
    (outcome) => port.postMessage({ index, outcome }),
    (e: unknown) => port.postMessage({ index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
