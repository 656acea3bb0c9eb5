import type { Command } from 'commander';
import { localeOf, messagesFor, type Locale, type Message, type MessageKey, type MessageParams, type Messages } from '../lang/catalogue.js';
import { problemFormatter } from '../problems.js';
import type { Problem } from '../types.js';
import type { CliIO } from './io.js';

/**
 * The language a command speaks: the global `--lang` when given, else the locale of the environment
 * (LC_ALL, LC_MESSAGES, LANG): German for `de_*`, English otherwise.
 */
export function cliLocale(command: Command, io: CliIO): Locale {
  return localeOf(io.env, langFlag(command));
}

/** The `--lang` given on the command line, if any. */
export function langFlag(command: Command): Locale | undefined {
  return (command.optsWithGlobals() as { lang?: Locale }).lang;
}

/** The messages of the language a command speaks (see `cliLocale`). */
export function cliMessages(command: Command, io: CliIO): Messages {
  return messagesFor(cliLocale(command, io));
}

/** The messages of the running command (`io.messages`, set by `main`), else of the environment's locale. */
export function messagesOf(io: CliIO): Messages {
  return io.messages ?? messagesFor(localeOf(io.env));
}

/** Print problems to stderr as `file:line:col: severity: message`, in the command's language. */
export function printProblems(io: CliIO, problems: readonly Problem[]): void {
  const format = problemFormatter(messagesOf(io));
  for (const p of problems) io.stderr.write(format(p) + '\n');
}

/** Write `fokus: MESSAGE` on stderr, in the command's language. */
export function say(io: CliIO, key: MessageKey, params?: MessageParams): void {
  io.stderr.write(`fokus: ${messagesOf(io).t(key, params)}\n`);
}

/** Write `FILE: error: MESSAGE` on stderr, in the command's language (an error about a file named on the command line). */
export function sayError(io: CliIO, file: string, key: MessageKey, params?: MessageParams): void {
  const m = messagesOf(io);
  io.stderr.write(`${file}: ${m.t('cli.severity.error')}: ${m.t(key, params)}\n`);
}

/** A message in the command's language. */
export function sayText(io: CliIO, message: Message): string {
  return messagesOf(io).say(message);
}
