// Loaded with `node --import` by the benchmark: on exit, writes the process's peak resident set
// size (kilobytes) and CPU time (microseconds, user and system; worker threads included, they share
// the process) as JSON to the file named by FOKUS_BENCH_RSS.
import { writeFileSync } from 'node:fs';

const file = process.env.FOKUS_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }));
  });
}
