import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, progressText } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { BufferStream } from './run.js';

function io(tty: boolean): CliIO & { stderr: BufferStream } {
  return { stdout: new BufferStream(), stderr: new BufferStream(tty), cwd: '.', env: {} };
}

const state = (files: number, bytes: number) => ({ files, totalFiles: 10, bytes, totalBytes: 50_000_000 });

describe('progress on stderr', () => {
  it('says files done, throughput and time left', () => {
    expect(progressText(state(3, 10_000_000), 2000)).toBe('fokus: 3/10 files · 5.0 MB/s · about 8 s left');
    expect(formatDuration(125.4)).toBe('2 min 05 s');
    expect(formatDuration(0.4)).toBe('0 s');
  });

  it('draws on a terminal after a second, at most four times a second, and clears the line at the end', () => {
    const out = io(true);
    let now = 0;
    const line = progressLine(out, false, () => now);
    now = 500;
    line.update(state(1, 1_000_000));
    expect(out.stderr.text).toBe('');
    now = 1000;
    line.update(state(2, 5_000_000));
    expect(out.stderr.text).toBe('\rfokus: 2/10 files · 5.0 MB/s · about 9 s left\u001b[K');
    now = 1100;
    line.update(state(3, 6_000_000));
    expect(out.stderr.text.split('\r').length).toBe(2);
    now = 1400;
    line.update(state(10, 50_000_000));
    expect(out.stderr.text.split('\r').length).toBe(2);
    line.done();
    expect(out.stderr.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('stays silent when stderr is no terminal or with -q', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const out = io(tty);
      let now = 0;
      const line = progressLine(out, quiet, () => now);
      now = 5000;
      line.update(state(2, 5_000_000));
      line.done();
      expect(out.stderr.text).toBe('');
    }
  });
});
