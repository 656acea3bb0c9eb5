#!/usr/bin/env node
// The installed command: a thin launcher for the compiled CLI. It is CommonJS on purpose (see
// bin/package.json): `fokus --version` then starts without the ES module loader, about 10 ms less.
'use strict';
const args = process.argv.slice(2);

// A reader that stops early (`fokus analyze … | head`) closes the pipe: that ends the output, not in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// Nothing may escape as a stack trace: `main` handles every error of a command; this is the last guard.
const last = (e) => {
  const debug = process.argv.includes('--debug');
  process.stderr.write(`fokus: internal error: ${String(e?.message ?? e).split('\n')[0]}${debug ? '' : ' (run with --debug for the stack)'}\n`);
  if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(2);
};
process.on('uncaughtException', last);
process.on('unhandledRejection', last);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Needs nothing but the version, from the one place it is kept (as dist/version.js reads it too).
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  import('../dist/cli/main.js')
    .then(({ main }) => main(args, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, stdin: process.stdin }))
    .then((code) => {
      process.exitCode = code;
    }, last);
}
