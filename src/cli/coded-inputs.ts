import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CodedInputs, CodeInputsOptions } from '../run/options.js';
import { splitWhere } from '../run/where.js';
import { DEFAULT_REGEX_BUDGET, type RegexBudget } from '../coding/regex-budget.js';
import { hasErrors } from '../problems.js';
import type { CodingReadOptions } from '../reliability/codings.js';
import { limitsFromEnv, type ReadLimits } from '../transcripts/limits.js';
import type { Codebook } from '../types.js';
import { EXIT, type CliIO } from './io.js';
import { printProblems, sayText } from './lang.js';
import { english, type Message, type MessageKey, type MessageParams } from '../lang/catalogue.js';

/** The options every retrieval command (show, kwic, explain, suggest) shares with `analyze`. */
export interface InputFlags {
  codebook?: string;
  participants?: string;
  moderator: string[];
  unit?: 'turn' | 'sentence';
  encoding?: string;
  /** Read every transcript as this format instead of by extension and content (`--input-format`). */
  inputFormat?: string;
  /** Review files whose decisions override the rules (`--review`, where a command has it). */
  review?: string[];
  /** `KEY=VALUE` filters (`--where`): the run is narrowed to the units they all hold for. */
  where?: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A `--where` value: KEY=VALUE, collected (whether the key names anything is known once the participants are read). */
const whereArg = (value: string, previous: string[]): string[] => {
  const split = splitWhere(value);
  if ('error' in split) throw new InvalidArgumentError(english(split.error));
  return [...previous, value];
};

/** The library's `where` option from the flags: only when `--where` was given. */
export function whereOption(flags: InputFlags): { where?: string[] } {
  return flags.where !== undefined && flags.where.length > 0 ? { where: flags.where } : {};
}

/**
 * Why a run has nothing to write: no transcript could be read, or (with `--where`, when not every
 * file listed was skipped) the filter keeps no unit of those read.
 */
export function nothingToWrite(flags: InputFlags, skipped: number, listed: number): Message {
  const filtered = flags.where !== undefined && flags.where.length > 0 && skipped < listed;
  return filtered ? { key: 'cli.where.nothing', params: { filter: `--where ${flags.where!.join(' --where ')}` } } : { key: 'cli.analyze.nothing-read' };
}

/** What the `<input...>` argument of a command that reads transcripts takes. */
export const INPUTS_HELP = 'transcript files, folders (read recursively) or globs';

/** A command that reads transcripts: its name, its description and the `<input...>` argument they all take. */
export function transcriptsCommand(program: Command, name: string, description: string, inputs = INPUTS_HELP): Command {
  return program.command(name).description(description).argument('<input...>', inputs);
}

/**
 * Add the input options every command that reads transcripts shares with `analyze` (`-c`, `-p`,
 * `--moderator`, `--unit`, `--encoding`, `--input-format`, `--where`): registered here once, so each
 * command reads and segments the same files into the same units.
 */
export function addInputOptions(command: Command): Command {
  return command
    .option('-c, --codebook <file>', 'the codebook (default: the shipped codebooks/isog-fokusgruppe.yaml)')
    .option('-p, --participants <file>', 'CSV or YAML of speaker attributes (speaker, transcript, group, …)')
    .option('--moderator <label>', 'a speaker label that is never coded (repeatable)', collect, [])
    .addOption(new Option('--unit <unit>', "coding unit, over the codebook's").choices(['turn', 'sentence']))
    .option('--encoding <name>', 'read transcripts in this encoding instead of detecting it')
    .option('--input-format <format>', 'read every transcript as this format (text, markdown, vtt, srt, whisper, noscribe, html, docx, rtf) instead of by extension and content')
    .option('--where <key=value>', 'only the units with this speaker, transcript or participants column value, e.g. group=Praxis (repeatable: values of one key are alternatives, different keys must all hold)', whereArg, []);
}

/** Add `--review FILE` (repeatable): review decisions that override the rules for the units they cover. */
export function addReviewOption(command: Command): Command {
  return command.option('--review <file>', 'a review file (fokus review): its decisions override the rules for the units it covers (repeatable; later files win)', collect, []);
}

/**
 * The library options of the shared input flags (`addInputOptions`, `addReviewOption`): mapped here
 * once, so every command reads, segments, filters and codes the same units as `analyze`.
 */
export function inputOptions(flags: InputFlags, io: CliIO): CodeInputsOptions {
  return {
    cwd: io.cwd,
    ...(flags.codebook !== undefined ? { codebook: flags.codebook } : {}),
    ...(flags.participants !== undefined ? { participants: flags.participants } : {}),
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
    ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
    ...(flags.inputFormat !== undefined ? { format: flags.inputFormat } : {}),
    ...(flags.review !== undefined && flags.review.length > 0 ? { review: flags.review } : {}),
    ...whereOption(flags),
    moderators: flags.moderator,
  };
}

/** Coded inputs for a command, or the exit code to stop with; `failed` is true when a file was skipped. */
export type LoadedInputs = { coded: CodedInputs; failed: boolean } | { exit: number };

/**
 * Read, segment and code the inputs as `analyze` does, printing every problem to stderr; a run
 * that cannot start gives the exit code 2 instead of coded inputs.
 */
export async function loadCodedInputs(inputs: readonly string[], flags: InputFlags, io: CliIO): Promise<LoadedInputs> {
  const budget = regexBudgetFromEnv(io);
  if ('exit' in budget) return budget;
  const limits = readLimitsFromEnv(io);
  if ('exit' in limits) return limits;
  const { codeInputs } = await import('../analyze.js');
  const result = await codeInputs(inputs, { ...inputOptions(flags, io), ...(budget.regexBudget ? { regexBudget: budget.regexBudget } : {}), limits: limits.limits });
  printProblems(io, result.problems);
  if (!result.coded) return { exit: EXIT.badInput };
  return { coded: result.coded, failed: hasErrors(result.problems) };
}

/**
 * The time budget of a regex rule on one unit from env FOKUS_REGEX_BUDGET: the milliseconds any
 * unit gets (whole number ≥ 1; default 1000), plus 1 ms per 1000 characters as always. Unset or
 * empty: the default. Anything else is a usage error (exit 2), never silently the default.
 */
export function regexBudgetFromEnv(io: CliIO): { regexBudget?: RegexBudget } | { exit: number } {
  const env = io.env.FOKUS_REGEX_BUDGET;
  if (env === undefined || env === '') return {};
  if (!/^[1-9]\d*$/u.test(env)) return { exit: usageError(io, 'cli.usage.regex-budget', { value: env }) };
  return { regexBudget: { ...DEFAULT_REGEX_BUDGET, baseMs: Number(env) } };
}

/**
 * The readers' limits from the environment (FOKUS_ZIP_BYTES, FOKUS_ZIP_ENTRIES, FOKUS_MAX_DEPTH,
 * FOKUS_MAX_ELEMENTS, FOKUS_MAX_PROJECT_ELEMENTS, FOKUS_MAX_CODINGS; see docs/errors.md): unset or
 * empty, the default; anything but a whole number ≥ 1 is a usage error (exit 2).
 */
export function readLimitsFromEnv(io: CliIO): { limits: Partial<ReadLimits> } | { exit: number } {
  const read = limitsFromEnv(io.env);
  return 'error' in read ? { exit: usageError(io, read.error) } : read;
}

/**
 * How `agree`, `evaluate` and `learn` read codings: a `.qdpx` project's codes mapped onto the
 * codebook's categories (by the GUIDs fokus gives them first), within the readers' limits.
 */
export async function codingReadOptions(io: CliIO, qdpx: boolean, codebook: Codebook | undefined): Promise<CodingReadOptions | { exit: number }> {
  const limits = readLimitsFromEnv(io);
  if ('exit' in limits) return limits;
  if (!qdpx || !codebook) return { limits: limits.limits };
  const { codeGuid } = await import('../exchange/refi-qda/codebook.js');
  return { codebook, codeGuid, limits: limits.limits };
}

/** Write a usage error the way commands report bad input: `fokus: message` on stderr, in the command's language; returns exit code 2. */
export function usageError(io: CliIO, key: MessageKey | Message, params?: MessageParams): number {
  const message = typeof key === 'string' ? { key, ...(params && { params }) } : key;
  io.stderr.write(`fokus: ${sayText(io, message)}\n`);
  return EXIT.badInput;
}
