#!/usr/bin/env node
// The installed command: a thin launcher for the compiled CLI (kept tiny so `fokus --version` starts fast).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
