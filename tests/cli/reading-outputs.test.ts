import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { runCli } from './run.js';

/** Issue 17, outputs and commands: `--by` without a column, `export -q`, the preamble in report.json. */

const here = resolve(import.meta.dirname, '../fixtures/cli/retrieval');
const reads = resolve(import.meta.dirname, '../fixtures/read');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('--by a participants column', () => {
  it('without -p: a warning that says what --by can take', async () => {
    const run = await runCli(['analyze', 'a.txt', '-c', 'cb.yaml', '--by', 'group', '-q', '-f', 'json'], here);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('--by: warning: --by group: no participants file (-p), so every unit is "(none)"; without one --by takes speaker or transcript\n');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.problems.map((p) => p.ruleId)).toEqual(['input/by-column']);
  });

  it('with a column the participants file lacks: a warning naming the columns it has; speaker and transcript never warn', async () => {
    const run = await runCli(['analyze', 'a.txt', '-c', 'cb.yaml', '-p', 'participants.csv', '--by', 'role', '--by', 'group', '--by', 'speaker', '-q', '-f', 'json'], here);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('participants.csv: warning: --by role: the participants file has no column "role" (columns: group)\n');
  });
});

describe('export -q', () => {
  it('writes the project and says nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-export-q-'));
    temps.push(dir);
    const run = await runCli(['export', 'a.txt', '-c', 'cb.yaml', '-q', '--qdpx', join(dir, 'a.qdpx')], here);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect((await stat(join(dir, 'a.qdpx'))).size).toBeGreaterThan(0);
  });
});

describe('the preamble in report.json', () => {
  it("is the transcript's metadata among the inputs, with the legend's moderators in force", async () => {
    const run = await runCli(['analyze', 'real/nnprof4-head.md', '-q', '-f', 'json'], reads);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.inputs[0]?.meta).toMatchObject({ Ort: 'BigBlueButton-Meeting', preamble: 'Transkript nnProf4\nDatum 10.05.2021 10 Uhr\nOrt: BigBlueButton-Meeting\nI = Interviewer\nB = Befragte\nP = Protokollant' });
    expect(report.inputs[0]?.moderators).toEqual(['I', 'P']);
    expect(report.units.map((u) => [u.speaker, u.moderator])).toEqual([
      ['I', true],
      ['B', false],
      ['I', true],
    ]);
  });
});
