import { InvalidArgumentError, Option, type Command } from 'commander';
import { basename, dirname, resolve } from 'node:path';
import { formatProblem, hasErrors } from '../problems.js';
import { addInputOptions, loadCodedInputs, usageError, type InputFlags } from './coded-inputs.js';
import { EXIT, type CliIO } from './io.js';

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

const whole = (min: number) => (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`'${value}' is not a whole number ≥ ${min}`);
  return Number(value);
};

/** `fokus learn INPUT... --gold CODING -o NEW.yaml`: rules learned from a human coding, written into a copy of the codebook. */
export function registerLearn(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = program
    .command('learn')
    .description('propose terms, phrases, near rules, excludes and negation guards from a human (gold) coding; keep those that help on held-out transcripts and write them into a new codebook')
    .argument('<input...>', 'the transcripts the gold coding was made on (as given to analyze: same paths, same --unit)')
    .requiredOption('--gold <coding>', 'the human coding: a CSV with the columns transcript, segment, category (segments.csv, a review file), or a .qdpx project')
    .option('-o, --out <file>', 'write the new codebook to this file, never over the codebook, the gold coding or a transcript (required unless --dry-run)')
    .option('--dry-run', 'only print the proposals; write nothing')
    .addOption(new Option('-f, --format <format>', 'what goes to stdout').choices(['table', 'csv', 'json']).default('table'))
    .option('--category <code>', 'learn for this category only (full code or an unambiguous own code)')
    .option('--max-kept <n>', 'proposals kept per category at most', whole(1), 15)
    .option('--candidates <n>', 'candidates judged per category at most (the best by estimate)', whole(1), 30)
    .option('--min-support <n>', 'least units a proposal must fix in the data it is learned from', whole(1), 3)
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
  io.stderr.write(formatProblem({ file: out, severity: 'error', message: 'refusing to write over an input file (the new codebook must go to a new file)', ruleId: 'learn/overwrites-input' }) + '\n');
  return EXIT.badInput;
}

async function runLearn(inputs: string[], flags: LearnFlags, io: CliIO): Promise<number> {
  if (flags.out === undefined && !flags.dryRun) return usageError(io, 'learn needs -o NEW.yaml to write the new codebook to (or --dry-run to only print the proposals)');
  if (flags.out !== undefined && flags.dryRun) return usageError(io, '--dry-run writes nothing: leave out -o, or leave out --dry-run');
  const { DEFAULT_CODEBOOK_PATH, DEFAULT_CODEBOOK_NAME } = await import('../read/codebook.js');
  const codebookPath = flags.codebook !== undefined ? resolve(io.cwd, flags.codebook) : DEFAULT_CODEBOOK_PATH;
  const goldPath = resolve(io.cwd, flags.gold);
  const outPath = flags.out !== undefined ? resolve(io.cwd, flags.out) : null;
  // Refuse before any work: the new codebook never replaces the codebook or the gold coding.
  if (outPath !== null && flags.out !== undefined) {
    const target = await canonical(outPath);
    const guarded = [codebookPath, goldPath, ...(flags.participants !== undefined ? [resolve(io.cwd, flags.participants)] : [])];
    for (const g of guarded) if ((await canonical(g)) === target) return refuse(io, flags.out);
    const { stat } = await import('node:fs/promises');
    if (await stat(outPath).then((s) => s.isDirectory(), () => false)) {
      io.stderr.write(formatProblem({ file: flags.out, severity: 'error', message: 'is a folder; name the file to write', ruleId: 'learn/out-is-folder' }) + '\n');
      return EXIT.badInput;
    }
  }

  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  if (outPath !== null && flags.out !== undefined) {
    const target = await canonical(outPath);
    for (const p of coded.inputPaths) if ((await canonical(p)) === target) return refuse(io, flags.out);
  }

  const { readCoding } = await import('../read/coding.js');
  const qdpx = flags.gold.toLowerCase().endsWith('.qdpx') ? { codebook: coded.codebook, codeGuid: (await import('../render/qdc.js')).codeGuid } : {};
  const gold = await readCoding(goldPath, flags.gold, qdpx);
  for (const p of gold.problems) io.stderr.write(formatProblem(p) + '\n');
  if (!gold.coding || hasErrors(gold.problems)) return EXIT.badInput;

  // The codebook's text, decoded as the loader decodes it.
  const { readFile } = await import('node:fs/promises');
  const { decodeBytes } = await import('../read/decode.js');
  const shownCodebook = flags.codebook ?? DEFAULT_CODEBOOK_NAME;
  const text = decodeBytes(await readFile(codebookPath), shownCodebook).text;

  let category: string | undefined;
  if (flags.category !== undefined) {
    const { flattenCategories } = await import('../codebook/flatten.js');
    const { resolveCategory } = await import('./show.js');
    const resolved = resolveCategory(
      coded.codebook,
      flags.category,
      flattenCategories(coded.codebook.categories).map((c) => c.path),
    );
    if ('error' in resolved) return usageError(io, resolved.error);
    category = resolved.path;
  }

  const { learnRules } = await import('../learn/index.js');
  const progress = !flags.quiet && io.stderr.isTTY === true;
  const result = learnRules(
    { codebook: coded.codebook, text, units: coded.units, gold: gold.coding },
    {
      ...(category !== undefined ? { category } : {}),
      maxKept: flags.maxKept,
      candidates: flags.candidates,
      minSupport: flags.minSupport,
      ...(progress ? { onProgress: (stage, done, total) => io.stderr.write(`\rfokus: learning · ${stage} ${done}/${total}\u001b[K`) } : {}),
    },
  );
  if (progress) io.stderr.write('\r\u001b[K');
  for (const p of result.problems) io.stderr.write(formatProblem(p) + '\n');
  if (hasErrors(result.problems)) return EXIT.badInput;
  if (result.evaluation.units === 0) {
    io.stderr.write(`fokus: no unit of the inputs is in ${flags.gold}: are the transcript names the same as in its transcript column?\n`);
    return EXIT.badInput;
  }

  if (outPath !== null && flags.out !== undefined) {
    const { writeOutputs } = await import('./write.js');
    const written = await writeOutputs(dirname(outPath), [{ name: basename(outPath), content: result.yaml }], [codebookPath, goldPath, ...coded.inputPaths], {
      shown: dirname(flags.out),
    });
    for (const p of written) io.stderr.write(formatProblem(p) + '\n');
    if (hasErrors(written)) return EXIT.badInput;
  }

  const render = await import('../learn/render.js');
  const ctx = { codebook: coded.codebook.name, gold: flags.gold, out: flags.out ?? null };
  if (flags.format === 'json') io.stdout.write(render.renderLearnJson(result, ctx));
  else if (flags.format === 'csv') io.stdout.write(render.renderLearnCsv(result, { excel: flags.excel === true }));
  else io.stdout.write(render.renderLearnTable(result, ctx));

  if (result.check.failedAfter > result.check.failedBefore) {
    io.stderr.write(`fokus: warning: the new codebook fails ${result.check.failedAfter} anchor example(s) or counterexample(s), the old one ${result.check.failedBefore}; run fokus codebook check\n`);
  }
  if (!flags.quiet) {
    const kept = result.proposals.filter((p) => p.status === 'kept').length;
    const f = (x: number | null): string => (x === null ? '—' : x.toFixed(4));
    io.stderr.write(
      `fokus: ${kept} of ${result.proposals.length} proposals kept for ${result.categories.length} categor${result.categories.length === 1 ? 'y' : 'ies'}; ` +
        `macro F1 ${f(result.macro.before)} → ${f(result.macro.after)} (whole coding), held-out ${f(result.macro.heldOutBefore)} → ${f(result.macro.heldOutAfter)}` +
        (flags.out !== undefined ? `; written to ${flags.out}` : '; dry run, nothing written') +
        '\n',
    );
  }
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
