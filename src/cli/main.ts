import { Command, CommanderError } from 'commander';
import { formatProblem } from '../problems.js';
import { VERSION } from '../version.js';
import { registerAnalyze } from './analyze.js';
import { registerCodebook } from './codebook.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerKwic } from './kwic.js';
import { registerShow } from './show.js';
import { registerSuggest } from './suggest.js';
import { EXIT, type CliIO } from './io.js';

/**
 * Run the fokus command line with `argv` (without node and script) against the given streams;
 * resolves to the exit code. Never throws for user errors; `--debug` adds stacks.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('fokus')
    .description('Code focus-group and interview transcripts with a YAML codebook, transparently and reproducibly.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  let code: number = EXIT.ok;
  const setCode = (c: number): void => {
    code = c;
  };
  registerAnalyze(program, io, setCode);
  registerShow(program, io, setCode);
  registerKwic(program, io, setCode);
  registerExplain(program, io, setCode);
  registerSuggest(program, io, setCode);
  registerCodebook(program, io, setCode);
  registerInit(program, io, setCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    const err = e as Error & { problems?: unknown };
    if (Array.isArray(err.problems)) {
      for (const p of err.problems) io.stderr.write(formatProblem(p) + '\n');
    } else {
      io.stderr.write(`fokus: internal error: ${err.message ?? String(e)}${debug ? '' : ' (run with --debug for the stack)'}\n`);
    }
    if (debug && err.stack) io.stderr.write(err.stack + '\n');
    return EXIT.badInput;
  }
}
