import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openSpill } from '../../src/cli/spill.js';

const root = mkdtempSync(path.join(tmpdir(), 'fokus-spill-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Issue 13: a run killed with `kill -9` cannot remove its spill files; the next run does. */
describe('spill files', () => {
  test('a new spill removes the spill folders of processes that are gone, and only those', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has ended
    for (const name of [`fokus-${gone}-aB3dE9`, `fokus-${process.pid}-Xy12Zq`, 'fokus-notes', 'other-123-abcdef']) mkdirSync(path.join(root, name));
    const spill = await openSpill('units.json', root);
    const range = await spill.append('{"a": 1}');
    const names = readdirSync(root).sort();
    expect(names.filter((n) => n !== path.basename(path.dirname(range.file)))).toEqual([`fokus-${process.pid}-Xy12Zq`, 'fokus-notes', 'other-123-abcdef']);
    expect(path.basename(path.dirname(range.file))).toMatch(new RegExp(`^fokus-${process.pid}-[A-Za-z0-9]{6}$`));
    expect(readFileSync(range.file, 'utf8')).toBe('{"a": 1}');
    await spill.remove();
    expect(readdirSync(root).sort()).toEqual([`fokus-${process.pid}-Xy12Zq`, 'fokus-notes', 'other-123-abcdef']);
  });
});
