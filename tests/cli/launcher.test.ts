import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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

  // A real pipe to a reader that exits after one line: fokus must still exit with its own code.
  const temp = mkdtempSync(join(tmpdir(), 'fokus-pipe-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  /** `fokus ARGS | head -n 1` in bash: what head printed, and fokus's exit status from PIPESTATUS and with pipefail. */
  const throughHead = (args: string) =>
    spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" ${args} | head -n 1; echo "status \${PIPESTATUS[0]}"; set -o pipefail; "${process.execPath}" "${bin}" ${args} | head -n 1 >/dev/null; echo "pipefail $?"`],
      { cwd: repo, encoding: 'utf8' },
    );

  it('keeps a failed codebook check at exit 1 when the reader stops after one line', () => {
    // 3 000 anchor examples that fail: far more output than a pipe holds, so writes meet EPIPE.
    const examples = Array.from({ length: 3000 }, (_, i) => `      - "Satz ${i} ohne das gesuchte Wort, dafür lang genug, um die Leitung zu füllen."`);
    const bad = join(temp, 'bad.yaml');
    writeFileSync(bad, ['codebook: Kaputt', 'categories:', '  - code: bedarfe', '    label: Bedarfe', '    terms: [fortbildung*]', '    examples:', ...examples, ''].join('\n'));
    const r = spawnSync(process.execPath, [bin, 'codebook', 'check', bad], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(200_000);
    const piped = throughHead(`codebook check "${bad}"`);
    expect([piped.stdout, piped.stderr]).toEqual([`codebook: Kaputt (${bad})\nstatus 1\npipefail 1\n`, '']);
  });

  it('keeps exit 2 for a missing input when the reader closes the pipe before the run ends', () => {
    // The report goes out in parts: the pipe closes while the run is still going (this gave exit 0).
    const r = throughHead('analyze samples nichtda.txt -f json -q');
    expect(r.stdout).toBe('{\nstatus 2\npipefail 2\n');
    expect(r.stderr).toBe('nichtda.txt: error: no such file or folder\n'.repeat(2));
  });

  it.skipIf(!existsSync('/dev/full'))('says once that the output is lost on a full device, and exits 2 (issue 13)', () => {
    for (const args of ['analyze samples -f json -q', '--help', '--version']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args} >/dev/full`], { cwd: repo, encoding: 'utf8' });
      expect([args, r.status, r.stderr]).toEqual([args, 2, 'fokus: cannot write the output (ENOSPC: no space left on device); it is incomplete\n']);
    }
  });

  it('keeps the exit code when -f json is cut short by head -c 10', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" analyze samples nichtda.txt -f json -q | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: repo, encoding: 'utf8' });
    expect([r.stdout, r.stderr]).toEqual(['exit 2\n', 'nichtda.txt: error: no such file or folder\n']);
  });
});
