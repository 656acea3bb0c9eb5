import { Option, type Command } from 'commander';
import type { CliIO } from './io.js';
import { useColor } from './io.js';

/** How the terminal views mark matched words and dim the rest: colour when allowed, else `[[…]]` and plain. */
export interface Marks {
  mark(text: string): string;
  dim(text: string): string;
}

/**
 * The marks of show, kwic, explain and suggest: bold yellow matches and dim text on a colour
 * terminal (chalk, loaded here only), `[[match]]` otherwise (`--no-color`, `NO_COLOR`, a pipe).
 */
export async function marks(io: CliIO, colorFlag: boolean): Promise<Marks> {
  const { BRACKETS } = await import('../report/highlight.js');
  if (!useColor(io.stdout, io.env, colorFlag)) return { mark: BRACKETS, dim: (s) => s };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { mark: (s) => chalk.bold.yellow(s), dim: (s) => chalk.dim(s) };
}

/** The output flags of the passage views (show, kwic, suggest): text, CSV or JSON, CSV for Excel, colour. */
export interface ViewFlags {
  format: 'text' | 'csv' | 'json';
  excel?: boolean;
  color: boolean;
}

/** Add `-f text|csv|json`, `--excel` and `--no-color` (what it marks with `[[…]]`: `marked`) to a view. */
export function addViewOptions(command: Command, marked: string): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('--no-color', `mark ${marked} with [[…]] even on a terminal`);
}
