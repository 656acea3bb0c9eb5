import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors, problem, sortProblems } from '../problems.js';
import type { PseudonymEntry } from '../privacy/map.js';
import type { Problem } from '../types.js';
import { INPUTS_HELP, usageError } from './coded-inputs.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, printProblems, say } from './lang.js';

interface PseudonymiseFlags {
  map: string;
  out: string;
  inflections?: boolean;
  ignoreCase?: boolean;
  check?: boolean;
  encoding?: string;
}

/** `fokus pseudonymise INPUT... --map FILE -o DIR`: replace names and places consistently, one `.txt` per input. */
export function registerPseudonymise(program: Command, io: CliIO, setCode: (code: number) => void): void {
  program
    .command('pseudonymise')
    .alias('pseudonymize')
    .description('replace names and places in speaker labels and text by pseudonyms from a map; writes one .txt per input')
    .argument('<input...>', INPUTS_HELP)
    .requiredOption('-m, --map <file>', 'pseudonym map: CSV rows original,pseudonym[,kind] or a YAML mapping')
    .requiredOption('-o, --out <dir>', 'folder for the pseudonymised transcripts (never over an input)')
    .option('--inflections', 'also replace the genitive of a name ("Webers", "Weber’s"); the ending is kept')
    .option('--ignore-case', 'match originals in any case (default: exactly as written in the map)')
    .option('--check', 'after writing, list every original still in the outputs (exit 1 when any) and name labels missing from the map')
    .option('--encoding <name>', 'read transcripts in this encoding instead of detecting it')
    .action(async (inputs: string[], flags: PseudonymiseFlags) => {
      setCode(await runPseudonymise(inputs, flags, io));
    });
}

/** The output file name of a transcript id: `/` as `_`, the extension replaced by `.txt`. */
function outputName(id: string): string {
  return id.replace(/\.[^./]*$/u, '').replace(/[/\\]/gu, '_') + '.txt';
}

/** A left-aligned text table with a header row, columns two spaces apart, no trailing blanks. */
function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length))).join('  ')).join('\n') + '\n';
}

async function runPseudonymise(inputs: string[], flags: PseudonymiseFlags, io: CliIO): Promise<number> {
  const { loadPseudonyms } = await import('../privacy/map.js');
  const { listInputs } = await import('../transcripts/files.js');
  const { readTranscript, parseTranscript } = await import('../transcripts/read.js');
  const { pseudonymiseTranscript } = await import('../privacy/pseudonymise.js');
  const print = (ps: readonly Problem[]): void => {
    printProblems(io, sortProblems(ps));
  };

  const map = await loadPseudonyms(flags.map, io.cwd);
  print(map.problems);
  if (hasErrors(map.problems)) return EXIT.badInput;
  if (map.entries.length === 0) return usageError(io, 'cli.pseudonymise.empty-map', { file: flags.map });

  const listing = await listInputs(inputs, io.cwd);
  print(listing.problems);
  let failed = hasErrors(listing.problems);
  const options = { inflections: flags.inflections === true, ignoreCase: flags.ignoreCase === true };
  const files: { name: string; content: string }[] = [];
  const totals = new Map<string, number>(map.entries.map((e) => [e.original, 0]));
  const sourceOf = new Map<string, string>();

  for (const input of listing.files) {
    const read = await readTranscript(input, { cwd: io.cwd, ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}) });
    print(read.problems);
    if (!read.transcript) {
      failed = true;
      continue;
    }
    const name = outputName(input.id);
    const other = sourceOf.get(name);
    if (other !== undefined) {
      print([problem(input.path, 'error', { key: 'problem.pseudonymise/name-clash', params: { name, other } }, undefined, 'pseudonymise/name-clash')]);
      failed = true;
      continue;
    }
    sourceOf.set(name, input.path);
    const done = pseudonymiseTranscript(read.transcript, map.entries, options);
    for (const [k, n] of Object.entries(done.counts)) totals.set(k, (totals.get(k) ?? 0) + n);
    files.push({ name, content: done.text });

    // The output must read back into blocks like the input's (a speaker where there was one).
    const shown = path.join(flags.out, name);
    const back = parseTranscript(done.text, { path: shown, id: name }, 'text').transcript?.blocks ?? [];
    const before = read.transcript.blocks.filter((b) => b.text.trim() !== '');
    const differs = before.findIndex((b, i) => back[i] === undefined || (b.speaker === null) !== (back[i]!.speaker === null));
    if (differs >= 0 || back.length !== before.length) {
      const at = back[differs >= 0 ? differs : Math.min(before.length, back.length)] ?? back[back.length - 1];
      print([problem(shown, 'warning', { key: 'problem.pseudonymise/round-trip' }, at && { line: at.line, column: 1 }, 'pseudonymise/round-trip')]);
    }
  }
  if (files.length === 0) return EXIT.badInput;

  const written = await writeAll(flags.out, files, listing.files.map((f) => f.path), io);
  if (written.length > 0) {
    print(written);
    return EXIT.badInput;
  }
  const m = messagesOf(io);
  const rows = [[m.t('cli.pseudonymise.head.original'), m.t('cli.pseudonymise.head.pseudonym'), m.t('cli.pseudonymise.head.replacements')], ...map.entries.map((e) => [e.original, e.pseudonym, String(totals.get(e.original) ?? 0)])];
  io.stdout.write(table(rows));
  say(io, 'cli.pseudonymise.wrote', { files: { key: 'count.files', params: { n: files.length } }, folder: flags.out });
  if (flags.check !== true) return failed ? EXIT.badInput : EXIT.ok;

  // --check: originals left in the outputs, and name-like labels the map does not know.
  const remaining = await checkOutputs(files, map.entries, flags.out, options.ignoreCase, print);
  say(io, 'cli.pseudonymise.remaining', { n: remaining });
  if (remaining > 0) return EXIT.checkFailed;
  return failed ? EXIT.badInput : EXIT.ok;
}

/**
 * `--check`: print every original left in the written texts (errors) and every name-like speaker
 * label the map does not know (warnings, with how often the text mentions it); returns how many
 * originals remain. Each text is scanned once for all originals, and once for all such labels.
 */
async function checkOutputs(
  files: readonly { name: string; content: string }[],
  entries: readonly PseudonymEntry[],
  out: string,
  ignoreCase: boolean,
  print: (ps: readonly Problem[]) => void,
): Promise<number> {
  const { parseTranscript } = await import('../transcripts/read.js');
  const { findOriginals, countMentions, unmappedNameLabels } = await import('../privacy/pseudonymise.js');
  const remaining: Problem[] = [];
  const labelsAt = new Map<string, { file: string; line: number }>();
  const texts: string[] = [];
  const pseudonymOf = new Map(entries.map((e) => [e.original, e.pseudonym]));
  for (const f of files) {
    const shown = path.join(out, f.name);
    for (const o of findOriginals(f.content, entries, { ignoreCase })) {
      remaining.push(problem(shown, 'error', { key: 'problem.pseudonymise/remaining', params: { found: o.found, original: o.original, pseudonym: pseudonymOf.get(o.original) ?? '' } }, o.position, 'pseudonymise/remaining'));
    }
    for (const b of parseTranscript(f.content, { path: shown, id: f.name }, 'text').transcript?.blocks ?? []) {
      texts.push(b.text);
      if (b.speaker === null) continue;
      const label = b.speaker.trim();
      if (!labelsAt.has(label)) labelsAt.set(label, { file: shown, line: b.line });
    }
  }
  const warnings: Problem[] = [];
  const candidates = unmappedNameLabels(labelsAt.keys(), entries);
  // All candidate labels are counted in one pass over the texts, each as if searched for alone.
  const mentionsOf = countMentions(texts, candidates.map((label) => ({ original: label, pseudonym: '', line: 0, column: 0 })));
  for (const label of candidates) {
    const mentions = mentionsOf.get(label) ?? 0;
    const { file, line } = labelsAt.get(label)!;
    warnings.push(problem(file, 'warning', { key: 'problem.pseudonymise/unmapped-label', params: { label, n: mentions } }, { line, column: 1 }, 'pseudonymise/unmapped-label'));
  }
  print([...remaining, ...warnings]);
  return remaining.length;
}

/** Write the outputs through the shared safe writer (never over an input, all or nothing). */
async function writeAll(dir: string, files: readonly { name: string; content: string }[], inputs: readonly string[], io: CliIO): Promise<Problem[]> {
  const { writeOutputs } = await import('./write.js');
  return writeOutputs(dir, files, inputs, { cwd: io.cwd, shown: dir });
}
