import { Command, CommanderError, Help, Option } from 'commander';
import type { Problem } from '../types.js';
import { VERSION } from '../version.js';
import { registerAgree } from './agree.js';
import { registerAnalyze } from './analyze.js';
import { registerCodebook } from './codebook.js';
import { registerEvaluate } from './evaluate.js';
import { registerExplain } from './explain.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { registerKwic } from './kwic.js';
import { registerLearn } from './learn.js';
import { registerPseudonymise } from './pseudonymise.js';
import { registerReport } from './report.js';
import { registerReview } from './review.js';
import { registerShow } from './show.js';
import { registerSuggest } from './suggest.js';
import { EXIT, type CliIO } from './io.js';
import { cliMessages, printProblems, say } from './lang.js';

/**
 * Run the fokus command line with `argv` (without node and script) against the given streams;
 * resolves to the exit code. Never throws for user errors; `--debug` adds stacks.
 */
export async function main(argv: readonly string[], given: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  // The commands' own copy: the language is settled once the command line is parsed (preAction).
  const io: CliIO = { ...given };
  const program = new Command('fokus')
    .description('Code focus-group and interview transcripts with a YAML codebook, transparently and reproducibly.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .addOption(new Option('--lang <lang>', 'language of messages, the table and the reports (default: German when LANG or LC_ALL is de_*, else English)').choices(['de', 'en']))
    .exitOverride()
    // Before any command is registered: subcommands copy the help configuration when created.
    .configureHelp({ optionDescription: describeOption })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
    .hook('preAction', (_program, command) => {
      io.messages = cliMessages(command, io);
    });
  let code: number = EXIT.ok;
  const setCode = (c: number): void => {
    code = c;
  };
  try {
    // The commands in the order `fokus --help` lists them.
    const commands = [registerAnalyze, registerReport, registerShow, registerKwic, registerExplain, registerSuggest, registerAgree, registerEvaluate, registerLearn, registerCodebook, registerExport, registerInit, registerPseudonymise, registerReview];
    for (const register of commands) register(program, io, setCode);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    return reportFailure(e, io, debug);
  }
}

/**
 * An option's line in `--help`: commander's text, with "(required)" after every option made with
 * `requiredOption` (commander enforces them, but does not say so in the help).
 */
function describeOption(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return option.mandatory ? `${text} (required)` : text;
}

/**
 * What an exception that reached the top becomes: a usage error keeps commander's message (already
 * printed), an error carrying input problems prints them, anything else is one line
 * `fokus: internal error: …` (the stack only with `--debug`). Always exit code 2.
 */
function reportFailure(e: unknown, io: CliIO, debug: boolean): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  const problems = (e as { problems?: unknown } | null)?.problems;
  if (Array.isArray(problems) && problems.length > 0) {
    printProblems(io, problems as Problem[]);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    // One line whatever the message holds, so the error never looks like a stack trace.
    const line = message.split(/\r?\n/u).find((l) => l.trim() !== '')?.trim() ?? (e instanceof Error ? e.name : 'unknown error');
    say(io, debug ? 'cli.internal-error' : 'cli.internal-error.debug', { line });
  }
  if (debug && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
  return EXIT.badInput;
}
