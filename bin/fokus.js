#!/usr/bin/env node
// The installed command: a thin launcher for the compiled CLI. It is CommonJS on purpose (see
// bin/package.json): `fokus --version` then starts without the ES module loader, about 10 ms less.
'use strict';
const args = process.argv.slice(2);

// A reader that stops early (`fokus analyze … | head`) closes the pipe: that ends the output, not the
// run, and not in a stack trace. What is still written goes nowhere; the command runs to its end and
// fokus exits with its own code (a failed check stays exit 1 for scripts that read PIPESTATUS or use
// `set -o pipefail`). Exiting at once would give 0, or whatever code was set so far.
// Any other failure to write (a full device: `>/dev/full`, ENOSPC; EIO) loses output: it is said once
// on stderr, the rest of the output is dropped, and fokus exits 2 (or the higher code of the run).
const closed = new Set();
let lost = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    const first = !closed.has(stream);
    closed.add(stream);
    if (e.code === 'EPIPE' || !first) return;
    lost = true;
    process.exitCode = 2;
    if (stream === process.stdout && !closed.has(process.stderr)) {
      process.stderr.write(`fokus: cannot write the output (${e.code ?? 'error'}${e.code === 'ENOSPC' ? ': no space left on device' : ''}); it is incomplete\n`);
    }
  });
}
/** The stream as the CLI sees it: writes after the reader has gone are dropped. */
const guarded = (stream) =>
  new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return (chunk, ...rest) => (closed.has(target) ? true : target.write(chunk, ...rest));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
    .then(({ main }) => main(args, { stdout: guarded(process.stdout), stderr: guarded(process.stderr), cwd: process.cwd(), env: process.env, stdin: process.stdin }))
    .then((code) => {
      process.exitCode = lost ? Math.max(code, 2) : code;
    }, last);
}
