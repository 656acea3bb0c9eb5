import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readRegularFile } from '../../src/transcripts/read-file.js';
import { CODEBOOK, project, removeProjects, TRANSCRIPT } from '../errors/project.js';
import { runCli } from './run.js';

afterAll(removeProjects);

const HAS_DEVICES = existsSync('/dev/zero') && process.platform !== 'win32';

/** Issue 13: a named pipe or a device is never read (it would block or never end); a clear error instead. */
describe.skipIf(!HAS_DEVICES)('only regular files are read', () => {
  test('a FIFO given by name, a link to /dev/zero named like a transcript: errors, the rest is read', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    await symlink('/dev/zero', path.join(dir, 'zero.docx'));
    const run = await runCli(['analyze', 't.txt', 'pipe.txt', 'zero.docx', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pipe.txt: error: is a named pipe (FIFO), not a regular file; fokus reads only regular files\n' +
        'zero.docx: error: is a device, not a regular file; fokus reads only regular files\n',
    );
    expect(run.stdout.split('\n').length).toBeGreaterThan(2);
  }, 10_000);

  test('-c /dev/zero, -p a FIFO: one error each before any transcript is read', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    execFileSync('mkfifo', [path.join(dir, 'p.csv')]);
    expect(await runCli(['analyze', 't.txt', '-c', '/dev/zero', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: '/dev/zero: error: is a device, not a regular file; fokus reads only regular files\n',
    });
    expect(await runCli(['show', 't.txt', '-c', 'cb.yaml', '-p', 'p.csv', '--category', 'bedarf'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'p.csv: error: is a named pipe (FIFO), not a regular file; fokus reads only regular files\n',
    });
  }, 10_000);

  test('readRegularFile: never blocks on a FIFO, never reads past its limit', async () => {
    const dir = await project({ 'small.txt': 'abc' });
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    await expect(readRegularFile(path.join(dir, 'fifo'))).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(readRegularFile('/dev/zero')).rejects.toMatchObject({ code: 'ENOTREG' });
    await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(100));
    await expect(readRegularFile(path.join(dir, 'big.txt'), 10)).rejects.toMatchObject({ code: 'EFBIG', message: 'is 100 bytes, more than the 10 bytes fokus reads from one file' });
    expect((await readRegularFile(path.join(dir, 'small.txt'))).toString()).toBe('abc');
  });
});
