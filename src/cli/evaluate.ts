import { InvalidArgumentError, Option, type Command } from 'commander';
import { hasErrors } from '../problems.js';
import { addInputOptions, codingReadOptions, type InputFlags, loadCodedInputs, transcriptsCommand, usageError } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { wholeNumber } from './option-values.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, printProblems, say } from './lang.js';

interface EvaluateFlags extends InputFlags {
  gold: string;
  format: 'table' | 'csv' | 'json';
  errors?: boolean;
  excel?: boolean;
  limit?: number;
  depth?: number[];
  minF1?: number;
  minMacroF1?: number;
}

/** `--depth 1,2` (repeatable): the levels, each a whole number ≥ 1, added to those of earlier `--depth`s. */
const depthList = (value: string, previous: number[] | undefined): number[] => {
  const levels = value.split(',').map((part) => {
    const t = part.trim();
    if (!/^\d+$/.test(t) || Number(t) < 1) throw new InvalidArgumentError(`'${value}' is not a level ≥ 1 or a comma-separated list of them (1 = top-level categories)`);
    return Number(t);
  });
  return [...(previous ?? []), ...levels];
};

const share = (value: string): number => {
  const x = Number(value);
  if (!/^\d*\.?\d+$/.test(value.trim()) || !(x >= 0 && x <= 1)) throw new InvalidArgumentError(`'${value}' is not a number from 0 to 1`);
  return x;
};

/** `fokus evaluate INPUT... --gold CODING`: precision, recall, F1 and Cohen's kappa of the codebook's rules against a human coding. */
export function registerEvaluate(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'evaluate', "precision, recall, F1 and Cohen's kappa of the codebook's rules against a human (gold) coding, with the units they get wrong", 'the transcripts the gold coding was made on (as given to analyze: same paths, same --unit)')
    .requiredOption('--gold <coding>', 'the human coding: a CSV with the columns transcript, segment, category (as segments.csv), or a .qdpx project')
    .addOption(new Option('-f, --format <format>', 'what goes to stdout').choices(['table', 'csv', 'json']).default('table'))
    .option('--errors', 'with --format csv: every false positive and false negative instead of the figures')
    .option('--limit <n>', 'false positives and negatives the table lists per category and kind (default 5)', wholeNumber(0))
    .option('--depth <levels>', 'compare only categories at these levels of the code tree (1 = top level; repeatable or comma-separated: 1,2); default: the levels the gold coding codes', depthList)
    .option('--min-f1 <x>', 'exit 1 when the micro-averaged F1 is below x', share)
    .option('--min-macro-f1 <x>', 'exit 1 when the macro-averaged F1 is below x', share)
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark');
  addInputOptions(command).action(async (inputs: string[], flags: EvaluateFlags) => {
    setCode(await runEvaluate(inputs, flags, io));
  });
}

async function runEvaluate(inputs: string[], flags: EvaluateFlags, io: CliIO): Promise<number> {
  if (flags.errors && flags.format !== 'csv') return usageError(io, 'cli.evaluate.errors-csv');
  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  const { resolve } = await import('node:path');
  const { readCoding } = await import('../reliability/codings.js');
  // A .qdpx gold coding's codes are mapped onto the codebook's categories, by the GUIDs fokus gives them first.
  const qdpx = await codingReadOptions(io, flags.gold.toLowerCase().endsWith('.qdpx'), coded.codebook);
  if ('exit' in qdpx) return qdpx.exit;
  const gold = await readCoding(resolve(io.cwd, flags.gold), flags.gold, qdpx);
  printProblems(io, gold.problems);
  if (!gold.coding || hasErrors(gold.problems)) return EXIT.badInput;
  const { flattenCategories } = await import('../codebook/flatten.js');
  const categories = flattenCategories(coded.codebook.categories).map((c) => ({ path: c.path, label: c.label }));
  const { categoryDepth, evaluateCoding, goldWithinRun } = await import('../reliability/evaluation.js');
  if (flags.depth !== undefined) {
    const levels = [...new Set(categories.map((c) => categoryDepth(c.path)))].sort((a, b) => a - b);
    const missing = [...new Set(flags.depth)].filter((d) => !levels.includes(d));
    if (missing.length > 0) {
      return usageError(io, 'cli.evaluate.depth', { n: missing.length, depths: missing.join(','), levels: levels.join(', ') });
    }
  }
  const goldCoding = coded.outside ? goldWithinRun(gold.coding, coded.outside) : gold.coding;
  const ev = evaluateCoding(coded.units, goldCoding, categories, flags.depth !== undefined ? { depths: flags.depth } : {});
  printProblems(io, ev.problems);

  const render = await import('../reliability/evaluation-render.js');
  const excel = flags.excel === true;
  if (flags.format === 'json') io.stdout.write(render.renderEvaluationJson(ev));
  else if (flags.format === 'csv') writeStdoutCsv(io, excel, 'fokus evaluate -f json', (o) => (flags.errors ? render.renderEvaluationErrorsCsv(ev, o) : render.renderEvaluationCsv(ev, o)));
  else io.stdout.write(render.renderEvaluationTable(ev, { codebook: coded.codebook.name, messages: messagesOf(io), ...(flags.limit !== undefined ? { limit: flags.limit } : {}) }));

  if (ev.units === 0) say(io, 'cli.evaluate.no-unit', { gold: flags.gold });
  if (loaded.failed) return EXIT.badInput;
  // Both thresholds are checked (and both failures reported) before exiting 1.
  let failed = false;
  const check = (name: 'micro' | 'macro', f1: number | null, option: string, min: number | undefined): void => {
    if (min === undefined || (f1 !== null && f1 >= min)) return;
    if (f1 === null) say(io, 'cli.evaluate.f1-undefined', { name, option, min });
    else say(io, 'cli.evaluate.f1-below', { name, value: f1.toFixed(4), option, min });
    failed = true;
  };
  check('micro', ev.micro.f1, '--min-f1', flags.minF1);
  check('macro', ev.macro.f1, '--min-macro-f1', flags.minMacroF1);
  return failed ? EXIT.checkFailed : EXIT.ok;
}
