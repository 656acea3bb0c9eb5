import { InvalidArgumentError, Option, type Command } from 'commander';
import { addInputOptions, type InputFlags, INPUTS_HELP, loadCodedInputs, usageError } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { marks } from './marks.js';
import { EXIT, type CliIO } from './io.js';
import { say } from './lang.js';

interface KwicFlags extends InputFlags {
  width: number;
  format: 'text' | 'csv' | 'json';
  fold?: boolean;
  stem?: boolean;
  excel?: boolean;
  color: boolean;
  moderators: boolean;
}

const width = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw new InvalidArgumentError(`'${value}' is not a width from 1 to 1000`);
  return Number(value);
};

/** `fokus kwic TERM INPUT...`: keyword in context for any term of the codebook term language. */
export function registerKwic(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = program
    .command('kwic')
    .description('keyword in context for a term of the codebook term language (globs, phrases, compounds, folding)')
    .argument('<term>', 'a term as in a codebook: "vernetz*", "es fehlt", "*leitung"')
    .argument('<input...>', INPUTS_HELP)
    .option('-w, --width <n>', 'characters of context on each side', width, 40)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .option('--fold', "ä=ae, ö=oe, ü=ue, ß=ss (default: the codebook's setting)")
    .option('--no-fold', 'match umlauts and ß only as written')
    .option('--stem', "plain words also match by stem (default: the codebook's setting)")
    .option('--no-stem', 'plain words match only as written, even when the codebook stems')
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('--no-color', 'mark the keyword with [[…]] even on a terminal')
    .option('--no-moderators', 'leave moderator turns out (by default they are searched too and marked)');
  addInputOptions(command).action(async (term: string, inputs: string[], flags: KwicFlags) => {
    setCode(await runKwic(term, inputs, flags, io));
  });
}

async function runKwic(term: string, inputs: string[], flags: KwicFlags, io: CliIO): Promise<number> {
  const { compileTerm, findConcordance, termProblemKey } = await import('../retrieval/kwic.js');
  const problem = termProblemKey(term);
  if (problem) return usageError(io, 'cli.kwic.not-a-term', { term, reason: { key: problem } });
  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { codebook, units } = loaded.coded;
  const match = { ...codebook.match, fold: flags.fold ?? codebook.match.fold, stem: flags.stem ?? codebook.match.stem };
  const hits = findConcordance(units, compileTerm(term, match, codebook.language), { moderators: flags.moderators });
  const { renderKwic, renderKwicCsv, renderKwicJson } = await import('../retrieval/kwic-render.js');
  if (flags.format === 'json') io.stdout.write(renderKwicJson(hits, flags.width));
  else if (flags.format === 'csv') writeStdoutCsv(io, flags.excel === true, 'fokus kwic -f json', (o) => renderKwicCsv(hits, flags.width, o));
  else {
    const m = await marks(io, flags.color);
    io.stdout.write(renderKwic(hits, flags.width, m.mark));
  }
  const n = new Set(hits.map((h) => `${h.unit.transcript}#${h.unit.segment}`)).size;
  say(io, 'cli.kwic.summary', { hits: { key: 'count.hits', params: { n: hits.length } }, units: { key: 'count.units', params: { n } } });
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
