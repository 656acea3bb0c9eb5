// Loaded with `node --import` by the benchmark: on exit, writes the process's peak resident set
// size (kilobytes; worker threads included, they share the process) to the file named by
// FOKUS_BENCH_RSS.
import { writeFileSync } from 'node:fs';

const file = process.env.FOKUS_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
