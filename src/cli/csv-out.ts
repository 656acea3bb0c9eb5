import { formatProblem } from '../problems.js';
import { cellCutProblem, cellCuts } from '../report/cell-limit.js';
import type { CsvOptions } from '../report/format.js';
import type { CliIO } from './io.js';

/** How messages name what a command writes to stdout. */
export const STDOUT_NAME = '<stdout>';

/**
 * Write a CSV to stdout (`-f csv`), its cells cut to Excel's cell limit counted: when any was, one
 * warning (`report/cell-cut`) on stderr says how many and that the full content is in `fullIn`
 * (e.g. `fokus show -f json`), which each cut cell's marker names too.
 */
export function writeStdoutCsv(io: CliIO, excel: boolean, fullIn: string, render: (opts: CsvOptions) => string): void {
  const cuts = cellCuts(fullIn);
  io.stdout.write(render({ excel, cuts }));
  const cut = cellCutProblem(STDOUT_NAME, cuts);
  if (cut) io.stderr.write(formatProblem(cut) + '\n');
}
