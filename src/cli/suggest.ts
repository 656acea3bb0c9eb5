import { Option, type Command } from 'commander';
import { addInputOptions, loadCodedInputs, type InputFlags } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { wholeNumber } from './option-values.js';
import { EXIT, useColor, type CliIO } from './io.js';
import { messagesOf } from './lang.js';

interface SuggestFlags extends InputFlags {
  top: number;
  minCount: number;
  width: number;
  format: 'text' | 'csv' | 'json';
  excel?: boolean;
  color: boolean;
}

/** `fokus suggest INPUT...`: frequent words no term of the codebook covers yet, for inductive category formation. */
export function registerSuggest(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = program
    .command('suggest')
    .description('list frequent words that no term or rule of the codebook covers yet, each with an example in context')
    .argument('<input...>', 'transcript files, folders (read recursively) or globs')
    .option('--top <n>', 'at most this many words', wholeNumber(1), 30)
    .option('--min-count <n>', 'only words that occur at least this often', wholeNumber(1), 3)
    .option('-w, --width <n>', 'characters of context on each side of the example', wholeNumber(1), 30)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('--no-color', 'mark the word with [[…]] even on a terminal');
  addInputOptions(command).action(async (inputs: string[], flags: SuggestFlags) => {
    setCode(await runSuggest(inputs, flags, io));
  });
}

async function runSuggest(inputs: string[], flags: SuggestFlags, io: CliIO): Promise<number> {
  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { codebook, matcher, units } = loaded.coded;
  const { suggestTerms } = await import('../retrieval/suggest.js');
  const list = suggestTerms(units, matcher, { language: codebook.language, top: flags.top, minCount: flags.minCount });
  const { renderSuggestions, renderSuggestionsCsv, renderSuggestionsJson } = await import('../retrieval/suggest-render.js');
  if (flags.format === 'json') io.stdout.write(renderSuggestionsJson(list, flags.width));
  else if (flags.format === 'csv') writeStdoutCsv(io, flags.excel === true, 'fokus suggest -f json', (o) => renderSuggestionsCsv(list, flags.width, o));
  else {
    const { BRACKETS } = await import('../report/highlight.js');
    const color = useColor(io.stdout, io.env, flags.color);
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level: color ? 1 : 0 });
    io.stdout.write(renderSuggestions(list, flags.width, color ? (s) => chalk.bold.yellow(s) : BRACKETS, messagesOf(io)));
  }
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
