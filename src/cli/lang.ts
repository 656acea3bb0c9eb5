import type { Command } from 'commander';
import { localeOf, messagesFor, type Locale, type Messages } from '../lang/catalogue.js';
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
