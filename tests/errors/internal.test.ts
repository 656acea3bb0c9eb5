import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCli } from '../cli/run.js';
import { CODEBOOK, project, removeProjects, tree, TRANSCRIPT } from './project.js';

afterAll(removeProjects);

// A bug inside a stage, simulated: what it throws is switched per test.
const failure = vi.hoisted(() => ({ value: undefined as unknown }));
vi.mock('../../src/analysis/tally.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/tally.js')>();
  return {
    ...real,
    tallyFrequencies: (...args: Parameters<typeof real.tallyFrequencies>) => {
      if (failure.value !== undefined) throw failure.value;
      return real.tallyFrequencies(...args);
    },
  };
});

/** Run `analyze` with `thrown` thrown inside the aggregation stage. */
async function crash(thrown: unknown, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string; out: string[] | null }> {
  const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
  failure.value = thrown;
  try {
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q', ...extra], dir);
    return { ...run, out: await tree(`${dir}/out`) };
  } finally {
    failure.value = undefined;
  }
}

describe('an unexpected exception inside a command is one line and exit 2; --debug adds the stack', () => {
  test('an Error: one line, a hint at --debug, no stack, no output', async () => {
    expect(await crash(new TypeError("Cannot read properties of undefined (reading 'path')"))).toEqual({
      code: 2,
      stdout: '',
      stderr: "fokus: internal error: Cannot read properties of undefined (reading 'path') (run with --debug for the stack)\n",
      out: null,
    });
  });

  test('a message of several lines is cut to its first line', async () => {
    expect((await crash(new Error('first line\n    at somewhere (file.js:1:1)'))).stderr).toBe('fokus: internal error: first line (run with --debug for the stack)\n');
  });

  test('something thrown that is no Error', async () => {
    expect((await crash('a string')).stderr).toBe('fokus: internal error: a string (run with --debug for the stack)\n');
  });

  test('with --debug: the line, then the stack', async () => {
    const run = await crash(new RangeError('Maximum call stack size exceeded'), ['--debug']);
    const [first, second, third] = run.stderr.split('\n');
    expect([run.code, first, second, /^\s+at /u.test(third ?? '')]).toEqual([
      2,
      'fokus: internal error: Maximum call stack size exceeded',
      'RangeError: Maximum call stack size exceeded',
      true,
    ]);
  });

  test('the same run without the simulated bug succeeds (the mock is transparent)', async () => {
    const run = await crash(undefined);
    expect([run.code, run.stderr, run.out?.length]).toEqual([0, '', 8]);
  });
});
