import type { Command } from 'commander';
import type { Codebook } from '../types.js';
import { addInputOptions, addReviewOption, type InputFlags, loadCodedInputs, transcriptsCommand, usageError } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { addViewOptions, marks, type ViewFlags } from './marks.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, say } from './lang.js';
import type { Message } from '../lang/catalogue.js';

interface ShowFlags extends InputFlags, ViewFlags {
  category: string;
}

/** `fokus show INPUT... --category CODE`: the coded units of one category with the matched words marked. */
export function registerShow(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = addViewOptions(
    transcriptsCommand(program, 'show', 'list the units coded with one category, with transcript, speaker, time and line, matched words marked').requiredOption(
      '--category <code>',
      'the category: its full code (bedarfe/personal) or an unambiguous own code (personal)',
    ),
    'matches',
  );
  addReviewOption(addInputOptions(command)).action(async (inputs: string[], flags: ShowFlags) => {
    setCode(await runShow(inputs, flags, io));
  });
}

/**
 * A category named on the command line: a full code, or an own code that only one category has.
 * Returns the full code, or an error message naming the nearest codes.
 */
export function resolveCategory(codebook: Codebook, name: string, paths: readonly string[]): { path: string } | { error: Message } {
  if (paths.includes(name)) return { path: name };
  const byOwn = paths.filter((p) => p.split('/').at(-1) === name || p.endsWith('/' + name));
  if (byOwn.length === 1) return { path: byOwn[0]! };
  if (byOwn.length > 1) return { error: { key: 'cli.category.ambiguous', params: { name, paths: byOwn.join(', ') } } };
  const near = paths.filter((p) => p.includes(name) || name.includes(p.split('/').at(-1)!)).slice(0, 5);
  const params = { name, codebook: codebook.name, near: near.join(', ') };
  return { error: { key: near.length > 0 ? 'cli.category.unknown.near' : 'cli.category.unknown', params } };
}

async function runShow(inputs: string[], flags: ShowFlags, io: CliIO): Promise<number> {
  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  const { flattenCategories } = await import('../codebook/flatten.js');
  const paths = flattenCategories(coded.codebook.categories).map((c) => c.path);
  const resolved = resolveCategory(coded.codebook, flags.category, paths);
  if ('error' in resolved) return usageError(io, resolved.error);
  const { renderShow, renderShowJson, unitsWithCategory } = await import('../retrieval/show.js');
  if (flags.format === 'json') {
    io.stdout.write(renderShowJson(coded.units, resolved.path));
  } else if (flags.format === 'csv') {
    const { renderSegmentsCsv } = await import('../report/csv.js');
    writeStdoutCsv(io, flags.excel === true, 'fokus show -f json', (o) => renderSegmentsCsv(unitsWithCategory(coded.units, resolved.path), [{ path: resolved.path }], o));
  } else {
    const m = await marks(io, flags.color);
    io.stdout.write(renderShow(coded.units, resolved.path, m.mark, m.dim, messagesOf(io)));
  }
  const n = unitsWithCategory(coded.units, resolved.path).length;
  say(io, 'cli.show.summary', { n, category: resolved.path });
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
