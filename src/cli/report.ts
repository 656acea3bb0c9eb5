import { Option, type Command } from 'commander';
import { basename, dirname, resolve } from 'node:path';
import { documentLocale } from '../lang/catalogue.js';
import { formatProblem, hasErrors } from '../problems.js';
import type { CategoryReportFormat } from '../report/category/render.js';
import type { Problem } from '../types.js';
import { addInputOptions, addReviewOption, type InputFlags, inputOptions, readLimitsFromEnv, regexBudgetFromEnv, transcriptsCommand } from './coded-inputs.js';
import { EXIT, type CliIO } from './io.js';
import { langFlag, messagesOf } from './lang.js';

interface ReportFlags extends InputFlags {
  out: string;
  format?: CategoryReportFormat;
  quiet?: boolean;
  review: string[];
}

/**
 * `fokus report INPUT... -o bericht.docx|bericht.md|bericht.html`: the category report — per
 * category its definition, anchor examples, coding rules and frequencies (by group with `-p`), and
 * every coded segment as a quotation; the perspectives with all their evidence; a title page with
 * the codebook and the inputs' sha256. German for a German codebook unless `--lang` says otherwise.
 */
export function registerReport(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'report', 'write the category report: per category its definition, anchor examples, coding rules, frequencies and every coded segment as a quotation (.docx, .md or .html)')
    .requiredOption('-o, --out <file>', 'the report file to write: .docx (Word), .md (Markdown) or .html')
    .addOption(new Option('-f, --format <format>', 'the format, over the extension of --out').choices(['docx', 'md', 'html']))
    .option('-q, --quiet', 'no progress or summary on stderr');
  addReviewOption(addInputOptions(command)).action(async (inputs: string[], flags: ReportFlags) => {
    setCode(await runReport(inputs, flags, io, command));
  });
}

async function runReport(inputs: string[], flags: ReportFlags, io: CliIO, command: Command): Promise<number> {
  const print = (problems: readonly Problem[]): void => {
    for (const p of problems) io.stderr.write(formatProblem(p) + '\n');
  };
  const { chooseFormat } = await import('../report/category/render.js');
  const chosen = chooseFormat(flags.out, flags.format);
  print(chosen.problems);
  if (!chosen.format) return EXIT.badInput;
  const budget = regexBudgetFromEnv(io);
  if ('exit' in budget) return budget.exit;
  const limits = readLimitsFromEnv(io);
  if ('exit' in limits) return limits.exit;
  // An output path that cannot take the file stops the run before any work is done.
  const { checkOutputFolder, writeOutputs } = await import('./write.js');
  const folder = await checkOutputFolder(dirname(flags.out), { cwd: io.cwd });
  print(folder);
  if (hasErrors(folder)) return EXIT.badInput;

  const { progressLine } = await import('./progress.js');
  const line = progressLine(io, flags.quiet === true, () => performance.now());
  const { analyzeCorpus } = await import('../run/corpus.js');
  // Every coded unit is kept (it is quoted); uncoded units are not. With participants, the
  // frequencies are broken down by group (a file without a group column gives no group lines).
  const withGroups = flags.participants !== undefined;
  const result = await analyzeCorpus(inputs, {
    ...inputOptions(flags, io),
    by: withGroups ? ['group'] : [],
    ...(budget.regexBudget ? { regexBudget: budget.regexBudget } : {}),
    limits: limits.limits,
    keepUnits: 'coded',
    progress: (p) => line.update(p),
  });
  line.done();
  // The breakdown by group was not asked for by name: no warning that the participants lack the column.
  const problems = withGroups ? result.problems.filter((p) => p.ruleId !== 'input/by-column') : result.problems;
  print(problems);
  const m = messagesOf(io);
  const { report, codebook } = result;
  if (!report || !codebook) return EXIT.badInput;
  if (report.totals.transcripts === 0) {
    io.stderr.write(`fokus: ${m.t('cli.analyze.nothing-read')}\n`);
    return EXIT.badInput;
  }

  const { buildCategoryReport } = await import('../report/category/model.js');
  const { docxSizeProblems, renderCategoryReport } = await import('../report/category/render.js');
  const model = buildCategoryReport(report, codebook, documentLocale(langFlag(command), codebook.language));
  const tooLarge = chosen.format === 'docx' ? docxSizeProblems(model, flags.out) : [];
  print(tooLarge);
  if (hasErrors(tooLarge)) return EXIT.badInput;
  const content = await renderCategoryReport(model, chosen.format);
  const protect = [...result.inputPaths, ...[flags.codebook, flags.participants, ...flags.review].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f))];
  // Text is written part by part (one per heading): a large report is never one string.
  const file = Array.isArray(content) ? { name: basename(flags.out), parts: content } : { name: basename(flags.out), content };
  const written = await writeOutputs(dirname(flags.out), [file], protect, { cwd: io.cwd, shown: dirname(flags.out) });
  print(written);
  if (hasErrors(written)) return EXIT.badInput;
  if (flags.quiet !== true) io.stderr.write(`fokus: ${m.t('cli.report.written', { n: report.units.length, file: flags.out })}\n`);
  return hasErrors(problems) ? EXIT.badInput : EXIT.ok;
}
