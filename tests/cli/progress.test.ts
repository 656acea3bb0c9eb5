import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, progressText } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { BufferStream } from './run.js';

function io(tty: boolean): CliIO & { stderr: BufferStream } {
  return { stdout: new BufferStream(), stderr: new BufferStream(tty), cwd: '.', env: {} };
}

const state = (files: number, bytes: number) => ({ files, totalFiles: 10, bytes, totalBytes: 50_000_000 });

describe('progress on stderr', () => {
  it('says files done and the share of the bytes, then throughput and time left once enough is seen', () => {
    // 20 % of the bytes after 3 s: 3.3 MB/s over the whole run so far, 40 MB left.
    expect(progressText(state(3, 10_000_000), 3000)).toBe('fokus: 3/10 files · 20 % · 3.3 MB/s · about 12 s left');
    expect(progressText(state(3, 10_000_000), 2999)).toBe('fokus: 3/10 files · 20 %');
    // 3 s passed, but under a tenth of the bytes done: no estimate yet.
    expect(progressText(state(1, 4_999_999), 60_000)).toBe('fokus: 1/10 files · 9 %');
    expect(progressText(state(1, 5_000_000), 60_000)).toBe('fokus: 1/10 files · 10 % · 0.1 MB/s · about 9 min 00 s left');
    // The share is cut down: 100 % only when all is done; without bytes (empty files) it counts files.
    expect(progressText(state(9, 49_999_999), 10_000)).toBe('fokus: 9/10 files · 99 % · 5.0 MB/s · about 0 s left');
    expect(progressText({ files: 1, totalFiles: 4, bytes: 0, totalBytes: 0 }, 10_000)).toBe('fokus: 1/4 files · 25 %');
    expect(formatDuration(125.4)).toBe('2 min 05 s');
    expect(formatDuration(0.4)).toBe('0 s');
  });

  it('gives no estimate one second into a 33 s run (it said "about 5 min 25 s"), and a steady one later', () => {
    const out = io(true);
    let now = 0;
    const line = progressLine(out, false, () => now);
    const at = (ms: number, files: number, bytes: number): string => {
      now = ms;
      line.update({ files, totalFiles: 30, bytes, totalBytes: 30_000_000 });
      return out.stderr.text.slice(out.stderr.text.lastIndexOf('\r') + 1).replace('\u001b[K', '');
    };
    expect(at(1000, 1, 92_000)).toBe('fokus: 1/30 files · 0 %');
    expect(at(2000, 2, 2_000_000)).toBe('fokus: 2/30 files · 6 %');
    expect(at(3000, 3, 2_900_000)).toBe('fokus: 3/30 files · 9 %');
    expect(at(4000, 4, 4_000_000)).toBe('fokus: 4/30 files · 13 % · 1.0 MB/s · about 26 s left');
    expect(at(16_000, 15, 15_000_000)).toBe('fokus: 15/30 files · 50 % · 0.9 MB/s · about 16 s left');
    expect(at(32_000, 29, 29_000_000)).toBe('fokus: 29/30 files · 96 % · 0.9 MB/s · about 1 s left');
    line.done();
    expect(out.stderr.text.endsWith('\r\u001b[K')).toBe(true);
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
    expect(out.stderr.text).toBe('\rfokus: 2/10 files · 10 %\u001b[K');
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
