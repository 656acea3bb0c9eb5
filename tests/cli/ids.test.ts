import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/types.js';
import { CODEBOOK, project, removeProjects, TRANSCRIPT } from '../errors/project.js';
import { runCli } from './run.js';

afterAll(removeProjects);

/** Issue 13: two transcripts named alike in two folders are two transcripts, in every command. */
describe('transcript ids are unique', () => {
  const files = { 'cb.yaml': CODEBOOK, 'A/x.txt': TRANSCRIPT, 'B/x.txt': TRANSCRIPT.replace('Personal', 'Geld') };

  test('analyze A B: two transcripts, each with its folder in its id', async () => {
    const dir = await project(files);
    const run = await runCli(['analyze', 'A', 'B', '-c', 'cb.yaml', '-f', 'json'], dir);
    expect(run.stderr).toBe('fokus: 2 transcripts, 6 units (4 codable, 2 moderator)\n');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.totals.transcripts).toBe(2);
    expect(report.inputs.map((i) => i.id)).toEqual(['A/x.txt', 'B/x.txt']);
    expect([...new Set(report.units.map((u) => u.transcript))]).toEqual(['A/x.txt', 'B/x.txt']);
  });

  test('export A B: every GUID in the project is unique', async () => {
    const dir = await project(files);
    const run = await runCli(['export', 'A', 'B', '-c', 'cb.yaml', '--qdpx', 'p.qdpx', '-q'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const qde = new TextDecoder().decode(unzipSync(await readFile(path.join(dir, 'p.qdpx')))['project.qde']!);
    const guids = [...qde.matchAll(/ guid="([^"]+)"/gu)].map((m) => m[1]);
    expect(guids.length).toBeGreaterThan(4);
    expect(new Set(guids).size).toBe(guids.length);
    expect(qde).toContain('name="A/x.txt"');
    expect(qde).toContain('name="B/x.txt"');
  });
});
