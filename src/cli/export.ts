import type { Command } from 'commander';
import { basename, dirname, extname, resolve } from 'node:path';
import { hasErrors } from '../problems.js';
import { addInputOptions, addReviewOption, type InputFlags, loadCodedInputs, nothingToWrite, transcriptsCommand, usageError } from './coded-inputs.js';
import { EXIT, type CliIO } from './io.js';
import { printProblems, say } from './lang.js';

interface ExportFlags extends InputFlags {
  qdpx: string;
  name?: string;
  quiet?: boolean;
}

/**
 * `fokus export INPUT... --qdpx OUT`: code the transcripts and write them with their codings as a
 * REFI-QDA project for MAXQDA, ATLAS.ti, NVivo and QualCoder.
 */
export function registerExport(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'export', 'write transcripts and their codings as a REFI-QDA project (.qdpx) for MAXQDA, ATLAS.ti, NVivo, QualCoder')
    .requiredOption('--qdpx <out>', 'the .qdpx file to write')
    .option('--name <name>', "the project's name (default: the file name without .qdpx)")
    .option('-q, --quiet', 'no summary on stderr');
  addReviewOption(addInputOptions(command)).action(async (inputs: string[], flags: ExportFlags) => {
    setCode(await runExport(inputs, flags, io));
  });
}

async function runExport(inputs: string[], flags: ExportFlags, io: CliIO): Promise<number> {
  const { stat } = await import('node:fs/promises');
  const out = resolve(io.cwd, flags.qdpx);
  if (await stat(out).then((s) => s.isDirectory(), () => false)) return usageError(io, 'cli.export.folder', { file: flags.qdpx });

  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  if (coded.transcripts.length === 0) return usageError(io, nothingToWrite(flags, coded.skipped.length, coded.inputPaths.length));

  const { renderQdpx } = await import('../exchange/refi-qda/write.js');
  const { VERSION } = await import('../version.js');
  const name = flags.name ?? basename(flags.qdpx, extname(flags.qdpx));
  const bytes = renderQdpx(coded.units, coded.codebook, { origin: `fokus ${VERSION}`, name, unit: coded.unit });

  const { writeOutputs } = await import('./write.js');
  const protect = [...coded.inputPaths, ...[flags.codebook, flags.participants, ...(flags.review ?? [])].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f))];
  const written = await writeOutputs(dirname(out), [{ name: basename(out), content: bytes }], protect, { shown: dirname(flags.qdpx) });
  printProblems(io, written);
  if (hasErrors(written)) return EXIT.badInput;

  if (flags.quiet === true) return loaded.failed ? EXIT.badInput : EXIT.ok;
  const t = coded.transcripts.length;
  const selections = coded.units.filter((u) => u.codings.length > 0).length;
  const codings = coded.units.reduce((n, u) => n + u.codings.length, 0);
  const params = {
    transcripts: { key: 'count.transcripts', params: { n: t } },
    units: { key: 'count.coded-units', params: { n: selections } },
    codings: { key: 'count.codings', params: { n: codings } },
    file: flags.qdpx,
    skipped: { key: 'table.skipped', params: { n: coded.skipped.length } },
  } as const;
  say(io, coded.skipped.length > 0 ? 'cli.export.written.skipped' : 'cli.export.written', params);
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
