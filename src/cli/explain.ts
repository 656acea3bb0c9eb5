import { Option, type Command } from 'commander';
import type { CodedUnit } from '../types.js';
import { cmp } from '../problems.js';
import { addInputOptions, type InputFlags, loadCodedInputs, regexBudgetFromEnv, transcriptsCommand, usageError } from './coded-inputs.js';
import { marks } from './marks.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf } from './lang.js';
import type { Message } from '../lang/catalogue.js';

interface ExplainFlags extends InputFlags {
  segment: string;
  format: 'text' | 'json';
  color: boolean;
}

/** `fokus explain INPUT... --segment TRANSCRIPT#N`: every category of one unit and what decided it. */
export function registerExplain(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'explain', 'show for one unit every category, which term or rule matched where, and which excludes blocked a category')
    .requiredOption('--segment <id>', 'the unit as TRANSCRIPT#N (as in segments.csv; a unique file name is enough)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'mark matches with [[…]] even on a terminal');
  addInputOptions(command).action(async (inputs: string[], flags: ExplainFlags) => {
    setCode(await runExplain(inputs, flags, io));
  });
}

/**
 * The unit a `TRANSCRIPT#N` id names: the transcript by its id, or by a file name or path ending
 * that only one transcript has; N is the unit number. Returns the unit or an error message.
 */
export function findUnit(units: readonly CodedUnit[], id: string): { unit: CodedUnit } | { error: Message } {
  const m = /^(.+)#(\d+)$/.exec(id);
  if (!m) return { error: { key: 'cli.explain.not-an-id', params: { id } } };
  const [, name, number] = m as unknown as [string, string, string];
  const ids = [...new Set(units.map((u) => u.transcript))].sort(cmp);
  let transcript = ids.find((t) => t === name);
  if (transcript === undefined) {
    const matching = ids.filter((t) => t.endsWith('/' + name));
    if (matching.length > 1) return { error: { key: 'cli.explain.ambiguous', params: { name, transcripts: matching.join(', ') } } };
    transcript = matching[0];
  }
  if (transcript === undefined) {
    // The name without its extension (`interview#3` for interview.txt), alone or as a path ending.
    const stem = (t: string): string => t.replace(/\.[^./]+$/u, '');
    const matching = ids.filter((t) => stem(t) === name || stem(t).endsWith('/' + name));
    if (matching.length > 1) return { error: { key: 'cli.explain.ambiguous', params: { name, transcripts: matching.join(', ') } } };
    transcript = matching[0];
  }
  if (transcript === undefined) return { error: { key: 'cli.explain.no-transcript', params: { name, transcripts: ids.join(', ') || { key: 'part.none' } } } };
  const segment = Number(number);
  const unit = units.find((u) => u.transcript === transcript && u.segment === segment);
  if (!unit) {
    const count = units.filter((u) => u.transcript === transcript).length;
    return { error: { key: 'cli.explain.no-unit', params: { transcript, segment, count } } };
  }
  return { unit };
}

async function runExplain(inputs: string[], flags: ExplainFlags, io: CliIO): Promise<number> {
  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { codebook, matcher, units } = loaded.coded;
  const found = findUnit(units, flags.segment);
  if ('error' in found) return usageError(io, found.error);
  const { explainUnit } = await import('../retrieval/explain.js');
  const budget = regexBudgetFromEnv(io);
  if ('exit' in budget) return budget.exit;
  const explanation = explainUnit(found.unit, matcher, codebook.categories, budget.regexBudget);
  const { renderExplanation, renderExplanationJson } = await import('../retrieval/explain-render.js');
  if (flags.format === 'json') io.stdout.write(renderExplanationJson(explanation));
  else {
    const m = await marks(io, flags.color);
    io.stdout.write(renderExplanation(explanation, m.mark, messagesOf(io)));
  }
  // A stopped regex rule leaves the explanation incomplete: an error, as in analyze.
  for (const s of explanation.stopped ?? []) {
    const m = messagesOf(io);
    io.stderr.write(`${found.unit.transcript}#${found.unit.segment}: ${m.t('cli.severity.error')}: ${m.t('cli.explain.stopped', { pattern: s.pattern, category: s.category })}\n`);
  }
  return loaded.failed || explanation.stopped ? EXIT.badInput : EXIT.ok;
}
