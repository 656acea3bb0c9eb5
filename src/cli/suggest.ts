import type { Command } from 'commander';
import { addInputOptions, type InputFlags, loadCodedInputs, transcriptsCommand } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { wholeNumber } from './option-values.js';
import { addViewOptions, marks, type ViewFlags } from './marks.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf } from './lang.js';

interface SuggestFlags extends InputFlags, ViewFlags {
  top: number;
  minCount: number;
  width: number;
}

/** `fokus suggest INPUT...`: frequent words no term of the codebook covers yet, for inductive category formation. */
export function registerSuggest(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'suggest', 'list frequent words that no term or rule of the codebook covers yet, each with an example in context')
    .option('--top <n>', 'at most this many words', wholeNumber(1), 30)
    .option('--min-count <n>', 'only words that occur at least this often', wholeNumber(1), 3)
    .option('-w, --width <n>', 'characters of context on each side of the example', wholeNumber(1), 30);
  addInputOptions(addViewOptions(command, 'the word')).action(async (inputs: string[], flags: SuggestFlags) => {
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
    const m = await marks(io, flags.color);
    io.stdout.write(renderSuggestions(list, flags.width, m.mark, messagesOf(io)));
  }
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
