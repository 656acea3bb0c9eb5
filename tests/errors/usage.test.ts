import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { CODEBOOK, project, removeProjects, tree, TRANSCRIPT } from './project.js';

afterAll(removeProjects);

const HINT = '(run with --help for usage)\n';

describe('bad usage and bad option values: a message and exit 2, before anything is read or written', () => {
  const cases: [string, string[], string][] = [
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'\n"],
    ['an unknown option', ['analyze', 't.txt', '--bogus'], "error: unknown option '--bogus'\n"],
    ['no input', ['analyze'], "error: missing required argument 'input'\n"],
    ['an option without its value', ['analyze', 't.txt', '-c'], "error: option '-c, --codebook <file>' argument missing\n"],
    ['a unit that does not exist', ['analyze', 't.txt', '--unit', 'word'], "error: option '--unit <unit>' argument 'word' is invalid. Allowed choices are turn, sentence.\n"],
    ['an output format that does not exist', ['analyze', 't.txt', '-f', 'pdf'], "error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are table, csv, json.\n"],
    ['a count below its minimum', ['analyze', 't.txt', '--min-support', '0'], "error: option '--min-support <n>' argument '0' is invalid. '0' is not a whole number ≥ 1\n"],
    ['a count that is no number', ['analyze', 't.txt', '--keyterms', 'x'], "error: option '--keyterms <n>' argument 'x' is invalid. 'x' is not a whole number ≥ 0\n"],
    ['a negative lift', ['analyze', 't.txt', '--min-lift', '-1'], "error: option '--min-lift <x>' argument '-1' is invalid. '-1' is not a positive number\n"],
    ['a co-occurrence scope that does not exist', ['analyze', 't.txt', '--cooccur-scope', 'window:0'], "error: option '--cooccur-scope <scope>' argument 'window:0' is invalid. 'window:0' is not a scope (unit, transcript or window:N with N ≥ 1)\n"],
    ['a dimension name with characters a column cannot have', ['analyze', 't.txt', '--by', 'a.b'], "error: option '--by <dim>' argument 'a.b' is invalid. 'a.b' is not a dimension name (speaker, group, transcript or a participants column)\n"],
  ];
  test.each(cases)('%s', async (_what, args, message) => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    expect(await runCli([args[0]!, '-o', 'out', ...args.slice(1)], dir)).toEqual({ code: 2, stdout: '', stderr: message + HINT });
    expect(await tree(`${dir}/out`)).toBeNull();
  });

  test('--help and --version are no errors', async () => {
    const dir = await project({});
    expect((await runCli(['--version'], dir)).code).toBe(0);
    const help = await runCli(['analyze', '--help'], dir);
    expect([help.code, help.stderr, help.stdout.startsWith('Usage: fokus analyze [options] <input...>\n')]).toEqual([0, '', true]);
  });
});
