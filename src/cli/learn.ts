import { Option, type Command } from 'commander';
import { basename, dirname, resolve } from 'node:path';
import type { LearnInput, LearnResult } from '../learn/index.js';
import { hasErrors, problem } from '../problems.js';
import type { Codebook, CoderCoding } from '../types.js';
import { addInputOptions, codingReadOptions, type InputFlags, loadCodedInputs, transcriptsCommand, usageError } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { wholeNumber } from './option-values.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, printProblems, say, sayText } from './lang.js';

interface LearnFlags extends InputFlags {
  gold: string;
  out?: string;
  dryRun?: boolean;
  format: 'table' | 'csv' | 'json';
  category?: string;
  maxKept: number;
  candidates: number;
  minSupport: number;
  excel?: boolean;
  quiet?: boolean;
}

/** `fokus learn INPUT... --gold CODING -o NEW.yaml`: rules learned from a human coding, written into a copy of the codebook. */
export function registerLearn(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'learn', 'propose terms, phrases, near rules, excludes and negation guards from a human (gold) coding; keep those that help on held-out transcripts and write them into a new codebook', 'the transcripts the gold coding was made on (as given to analyze: same paths, same --unit)')
    .requiredOption('--gold <coding>', 'the human coding: a CSV with the columns transcript, segment, category (segments.csv, a review file), or a .qdpx project')
    .option('-o, --out <file>', 'write the new codebook to this file, never over the codebook, the gold coding or a transcript (required unless --dry-run)')
    .option('--dry-run', 'only print the proposals; write nothing')
    .addOption(new Option('-f, --format <format>', 'what goes to stdout').choices(['table', 'csv', 'json']).default('table'))
    .option('--category <code>', 'learn for this category only (full code or an unambiguous own code)')
    .option('--max-kept <n>', 'proposals kept per category at most', wholeNumber(1), 15)
    .option('--candidates <n>', 'candidates judged per category at most (the best by estimate)', wholeNumber(1), 30)
    .option('--min-support <n>', 'least units a proposal must fix in the data it is learned from', wholeNumber(1), 3)
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('-q, --quiet', 'no progress and no summary on stderr');
  addInputOptions(command).action(async (inputs: string[], flags: LearnFlags) => {
    setCode(await runLearn(inputs, flags, io));
  });
}

/** The real path of a file, or its resolved path when it does not exist. */
async function canonical(path: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  try {
    return await realpath(path);
  } catch {
    try {
      return resolve(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** The refusal to write the new codebook over an input (the codebook, the gold coding, a transcript, the participants file): exit 2. */
function refuse(io: CliIO, out: string): number {
  printProblems(io, [problem(out, 'error', { key: 'problem.learn/overwrites-input' }, undefined, 'learn/overwrites-input')]);
  return EXIT.badInput;
}

/** Where `learn` reads and writes, resolved against the working folder. */
interface LearnPaths {
  codebook: string;
  gold: string;
  /** The new codebook; null with --dry-run. */
  out: string | null;
}

/** Whether `target` is one of `paths` (links followed). */
async function isAnyOf(target: string, paths: readonly string[]): Promise<boolean> {
  const canonicalTarget = await canonical(target);
  for (const p of paths) if ((await canonical(p)) === canonicalTarget) return true;
  return false;
}

/** Before any work: refuse an -o that is the codebook, the gold coding, the participants file, or a folder. The exit code, or null to go on. */
async function checkOut(io: CliIO, flags: LearnFlags, paths: LearnPaths): Promise<number | null> {
  if (paths.out === null || flags.out === undefined) return null;
  const guarded = [paths.codebook, paths.gold, ...(flags.participants !== undefined ? [resolve(io.cwd, flags.participants)] : [])];
  if (await isAnyOf(paths.out, guarded)) return refuse(io, flags.out);
  const { stat } = await import('node:fs/promises');
  if (await stat(paths.out).then((s) => s.isDirectory(), () => false)) {
    printProblems(io, [problem(flags.out, 'error', { key: 'problem.learn/out-is-folder' }, undefined, 'learn/out-is-folder')]);
    return EXIT.badInput;
  }
  return null;
}

/** The gold coding (its problems on stderr); null when it cannot be used. */
async function readGold(io: CliIO, flags: LearnFlags, path: string, codebook: Codebook): Promise<CoderCoding | null> {
  const { readCoding } = await import('../reliability/codings.js');
  const qdpx = await codingReadOptions(io, flags.gold.toLowerCase().endsWith('.qdpx'), codebook);
  if ('exit' in qdpx) return null;
  const gold = await readCoding(path, flags.gold, qdpx);
  printProblems(io, gold.problems);
  return !gold.coding || hasErrors(gold.problems) ? null : gold.coding;
}

/** The full code of --category (none without it), or the exit code of a usage error. */
async function learnCategory(io: CliIO, flags: LearnFlags, codebook: Codebook): Promise<{ category?: string } | { exit: number }> {
  if (flags.category === undefined) return {};
  const { flattenCategories } = await import('../codebook/flatten.js');
  const { resolveCategory } = await import('./show.js');
  const resolved = resolveCategory(
    codebook,
    flags.category,
    flattenCategories(codebook.categories).map((c) => c.path),
  );
  return 'error' in resolved ? { exit: usageError(io, resolved.error) } : { category: resolved.path };
}

/** `learnRules` with the flags' options and, on a terminal, progress on stderr. */
async function learn(io: CliIO, flags: LearnFlags, input: LearnInput, category: string | undefined): Promise<LearnResult> {
  const { learnRules } = await import('../learn/index.js');
  const progress = !flags.quiet && io.stderr.isTTY === true;
  const result = learnRules(input, {
    ...(category !== undefined ? { category } : {}),
    maxKept: flags.maxKept,
    candidates: flags.candidates,
    minSupport: flags.minSupport,
    ...(progress ? { onProgress: (stage, done, total) => io.stderr.write(`\rfokus: ${sayText(io, { key: 'cli.learn.progress', params: { stage: { key: `cli.learn.stage.${stage}` }, done, total } })}\u001b[K`) } : {}),
  });
  if (progress) io.stderr.write('\r\u001b[K');
  return result;
}

/** The proposals on stdout in the chosen format. */
async function printProposals(io: CliIO, flags: LearnFlags, result: LearnResult, codebookName: string): Promise<void> {
  const render = await import('../learn/render.js');
  const ctx = { codebook: codebookName, gold: flags.gold, out: flags.out ?? null };
  if (flags.format === 'json') io.stdout.write(render.renderLearnJson(result, ctx));
  else if (flags.format === 'csv') writeStdoutCsv(io, flags.excel === true, 'fokus learn -f json', (o) => render.renderLearnCsv(result, o));
  else io.stdout.write(render.renderLearnTable(result, ctx, messagesOf(io)));
}

/** The warning about anchor examples the new codebook fails, and (unless --quiet) the summary, on stderr. */
function reportEnd(io: CliIO, flags: LearnFlags, result: LearnResult): void {
  if (result.check.failedAfter > result.check.failedBefore) {
    say(io, 'cli.learn.fails-examples', { after: result.check.failedAfter, before: result.check.failedBefore });
  }
  if (flags.quiet) return;
  const kept = result.proposals.filter((p) => p.status === 'kept').length;
  const m = messagesOf(io);
  const f = (x: number | null): string => (x === null ? '—' : m.number(x, 4));
  const params = {
    kept,
    proposals: result.proposals.length,
    categories: { key: 'count.categories', params: { n: result.categories.length } },
    before: f(result.macro.before),
    after: f(result.macro.after),
    heldBefore: f(result.macro.heldOutBefore),
    heldAfter: f(result.macro.heldOutAfter),
    ...(flags.out !== undefined ? { out: flags.out } : {}),
  } as const;
  say(io, flags.out !== undefined ? 'cli.learn.summary.written' : 'cli.learn.summary.dry-run', params);
}

async function runLearn(inputs: string[], flags: LearnFlags, io: CliIO): Promise<number> {
  if (flags.out === undefined && !flags.dryRun) return usageError(io, 'cli.learn.no-out');
  if (flags.out !== undefined && flags.dryRun) return usageError(io, 'cli.learn.dry-run-out');
  const { DEFAULT_CODEBOOK_PATH, DEFAULT_CODEBOOK_NAME } = await import('../codebook/load.js');
  const paths: LearnPaths = {
    codebook: flags.codebook !== undefined ? resolve(io.cwd, flags.codebook) : DEFAULT_CODEBOOK_PATH,
    gold: resolve(io.cwd, flags.gold),
    out: flags.out !== undefined ? resolve(io.cwd, flags.out) : null,
  };
  const refused = await checkOut(io, flags, paths);
  if (refused !== null) return refused;

  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  if (paths.out !== null && flags.out !== undefined && (await isAnyOf(paths.out, coded.inputPaths))) return refuse(io, flags.out);
  const gold = await readGold(io, flags, paths.gold, coded.codebook);
  if (gold === null) return EXIT.badInput;

  // The codebook's text, decoded as the loader decodes it.
  const { readFile } = await import('node:fs/promises');
  const { decodeBytes } = await import('../transcripts/decode.js');
  const text = decodeBytes(await readFile(paths.codebook), flags.codebook ?? DEFAULT_CODEBOOK_NAME).text;
  const chosen = await learnCategory(io, flags, coded.codebook);
  if ('exit' in chosen) return chosen.exit;

  const { goldWithinRun } = await import('../reliability/evaluation.js');
  const within = coded.outside ? goldWithinRun(gold, coded.outside) : gold;
  const result = await learn(io, flags, { codebook: coded.codebook, text, units: coded.units, gold: within }, chosen.category);
  printProblems(io, result.problems);
  if (hasErrors(result.problems)) return EXIT.badInput;
  if (result.evaluation.units === 0) {
    say(io, 'cli.evaluate.no-unit', { gold: flags.gold });
    return EXIT.badInput;
  }
  if (paths.out !== null && flags.out !== undefined) {
    const { writeOutputs } = await import('./write.js');
    const written = await writeOutputs(dirname(paths.out), [{ name: basename(paths.out), content: result.yaml }], [paths.codebook, paths.gold, ...coded.inputPaths], {
      shown: dirname(flags.out),
    });
    printProblems(io, written);
    if (hasErrors(written)) return EXIT.badInput;
  }
  await printProposals(io, flags, result, coded.codebook.name);
  reportEnd(io, flags, result);
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
