import { parentPort, workerData } from 'node:worker_threads';
import { prepareRun, runGroup, type RunConfig } from './job.js';
import type { InputGroup } from './groups.js';

/**
 * A worker thread of a parallel run: compiles the codebook once, then works through the groups the
 * main thread sends, one at a time, and sends back each outcome (or the error that stopped it).
 */
const port = parentPort;
if (!port) throw new Error('run/worker.js must be started as a worker thread');
const ctx = prepareRun(workerData as RunConfig);
port.on('message', (group: InputGroup) => {
  runGroup(group, ctx).then(
    (outcome) => port.postMessage({ outcome }),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
