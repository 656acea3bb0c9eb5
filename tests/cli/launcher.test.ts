import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The installed command, bin/fokus.js, run as a user runs it (it starts the compiled CLI in dist/).
const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin/fokus.js');
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

describe('bin/fokus.js', () => {
  it('answers --version and -V with the version of package.json', () => {
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' });
      expect([r.status, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
    }
  });

  it('runs a command through the compiled CLI and passes on its exit code', () => {
    const ok = spawnSync(process.execPath, [bin, 'analyze', 'samples', '-f', 'csv', '-q'], { cwd: repo, encoding: 'utf8' });
    expect([ok.status, ok.stdout.split('\n')[1], ok.stderr]).toEqual([0, 'bedarfe,Bedarfe,1,52,0.3355,84,3,17', '']);
    const bad = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: repo, encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([2, "error: unknown command 'frobnicate'\n(run with --help for usage)\n"]);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" analyze samples -f json -q | head -c 20 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: repo, encoding: 'utf8' });
    expect([r.stdout, r.stderr]).toEqual(['exit 0\n', '']);
  });
});
