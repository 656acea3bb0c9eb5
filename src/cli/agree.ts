import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CodingAgreement, RatingsAgreement } from '../reliability/agreement.js';
import type { KappaWeights, Level } from '../reliability/coefficients.js';
import { formatProblem, hasErrors, problem, said } from '../problems.js';
import type { Codebook, CoderCoding, Problem } from '../types.js';
import { codingReadOptions, usageError } from './coded-inputs.js';
import { EXIT, type CliIO } from './io.js';

/** Which overall figure `--min-agreement` checks. */
export type AgreementMetric = 'alpha' | 'kappa' | 'percent';

interface AgreeFlags {
  ratings?: string;
  level?: Level;
  weights?: Exclude<KappaWeights, 'none'>;
  codebook?: string;
  format: 'table' | 'csv' | 'json';
  excel?: boolean;
  showDisagreements?: boolean;
  minAgreement?: number;
  metric: AgreementMetric;
}

const threshold = (value: string): number => {
  const x = Number(value);
  if (!/^-?\d*\.?\d+$/.test(value.trim()) || !Number.isFinite(x) || x < -1 || x > 1) {
    throw new InvalidArgumentError(`'${value}' is not a number from -1 to 1 (percent agreement as a share: 0.8 for 80%)`);
  }
  return x;
};

/** `fokus agree CODING CODING...` and `fokus agree --ratings TABLE`: intercoder agreement. */
export function registerAgree(program: Command, io: CliIO, setCode: (code: number) => void): void {
  program
    .command('agree')
    .description('intercoder agreement between codings (segments.csv columns) or of a unit × coder ratings table')
    .argument('[coding...]', 'one coding per coder: a CSV with the columns transcript, segment, category, or a .qdpx project')
    .option('--ratings <table>', 'a unit × coder ratings CSV instead of codings (first column the unit, one column per coder, empty = missing)')
    .addOption(new Option('--level <level>', 'with --ratings: level of measurement for alpha (default nominal)').choices(['nominal', 'ordinal', 'interval', 'ratio']))
    .addOption(new Option('--weights <weights>', "with --ratings and two coders: weighted Cohen's kappa").choices(['linear', 'quadratic']))
    .option('-c, --codebook <file>', 'with codings: report the categories in codebook order, also those nobody coded')
    .addOption(new Option('-f, --format <format>', 'what goes to stdout').choices(['table', 'csv', 'json']).default('table'))
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('--show-disagreements', `list every disagreement in the table (default: the first 20)`)
    .option('--min-agreement <x>', 'exit 1 when the overall figure (--metric) is below x', threshold)
    .addOption(new Option('--metric <metric>', 'the figure --min-agreement checks').choices(['alpha', 'kappa', 'percent']).default('alpha'))
    .action(async (codings: string[], flags: AgreeFlags) => {
      setCode(await runAgree(codings, flags, io));
    });
}

function printProblems(problems: readonly Problem[], io: CliIO): void {
  for (const p of problems) io.stderr.write(formatProblem(p) + '\n');
}

async function runAgree(files: string[], flags: AgreeFlags, io: CliIO): Promise<number> {
  if (flags.ratings !== undefined) {
    if (files.length > 0) return usageError(io, 'give either coding files or --ratings TABLE, not both');
    if (flags.codebook !== undefined) return usageError(io, '--codebook is for codings, not for --ratings');
    return runRatings(flags.ratings, flags, io);
  }
  if (flags.level !== undefined || flags.weights !== undefined) return usageError(io, '--level and --weights need --ratings TABLE');
  if (files.length === 0) return usageError(io, 'give two or more coding files (transcript,segment,category), or --ratings TABLE');
  if (files.length === 1) return usageError(io, `agreement needs at least two codings, one per coder (got only ${files[0]})`);
  const { resolve } = await import('node:path');
  const absolute = files.map((f) => resolve(io.cwd, f));
  const twice = files.find((_, i) => absolute.indexOf(absolute[i]!) !== i);
  if (twice !== undefined) return usageError(io, `${twice} is given twice; each coder's coding once`);

  let categories: string[] | undefined;
  let codebook: Codebook | undefined;
  if (flags.codebook !== undefined) {
    const { loadCodebook } = await import('../codebook/load.js');
    const loaded = await loadCodebook(resolve(io.cwd, flags.codebook));
    const problems = loaded.problems.map((p) => ({ ...p, file: flags.codebook! }));
    printProblems(problems, io);
    if (!loaded.codebook) return EXIT.badInput;
    const { flattenCategories } = await import('../codebook/flatten.js');
    categories = flattenCategories(loaded.codebook.categories).map((c) => c.path);
    codebook = loaded.codebook;
  }

  const { readCoding } = await import('../reliability/codings.js');
  // A .qdpx project's codes are mapped onto the codebook's categories, by the GUIDs fokus gives them first.
  const qdpx = await codingReadOptions(io, files.some((f) => f.toLowerCase().endsWith('.qdpx')), codebook ?? undefined);
  if ('exit' in qdpx) return qdpx.exit;
  const codings: CoderCoding[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < files.length; i++) {
    const read = await readCoding(absolute[i]!, files[i]!, qdpx);
    problems.push(...read.problems);
    if (read.coding) codings.push(read.coding);
  }
  if (categories) problems.push(...unknownCategories(codings, categories));
  else {
    for (const f of codings.map((c) => c.coder).filter((x) => x.toLowerCase().endsWith('.qdpx'))) {
      problems.push(problem(f, 'warning', { key: 'problem.agree/qdpx-without-codebook' }, undefined, 'agree/qdpx-without-codebook'));
    }
  }
  const { agreeCodings, codingOverlap } = await import('../reliability/agreement.js');
  if (!hasErrors(problems)) problems.push(...codingOverlap(codings));
  printProblems(problems, io);
  if (hasErrors(problems)) return EXIT.badInput;

  const result = agreeCodings(codings, categories ? { categories } : {});
  const render = await import('../reliability/agreement-render.js');
  if (flags.format === 'json') io.stdout.write(render.renderAgreementJson(result));
  else if (flags.format === 'csv') io.stdout.write(render.renderAgreementCsv(result, { excel: flags.excel === true }));
  else io.stdout.write(render.renderAgreementTable(result, { allDisagreements: flags.showDisagreements === true }));
  return checkThreshold(overallFigure(result, flags.metric), flags, io);
}

/** Warnings for categories the codings use that the codebook does not have (first row of each, per file). */
function unknownCategories(codings: readonly CoderCoding[], categories: readonly string[]): Problem[] {
  const known = new Set(categories);
  const out: Problem[] = [];
  for (const coding of codings) {
    const warned = new Set<string>();
    for (const row of coding.rows) {
      if (row.category === '' || known.has(row.category) || warned.has(row.category)) continue;
      warned.add(row.category);
      const at = row.line !== undefined ? { line: row.line, column: 1 } : {};
      out.push({ file: coding.coder, ...at, severity: 'warning', ...said({ key: 'problem.agree/unknown-category', params: { category: row.category } }), ruleId: 'agree/unknown-category' });
    }
  }
  return out;
}

/** The overall figure a metric names: alpha, the kappa (Cohen's for two coders, Fleiss' for more) or percent agreement. */
function overallFigure(result: CodingAgreement, metric: AgreementMetric): { name: string; value: number | null; reason?: string } {
  const o = result.overall;
  const two = result.coders.length === 2;
  const pick = (name: string, key: 'alpha' | 'cohen' | 'fleiss' | 'percent'): { name: string; value: number | null; reason?: string } => {
    const reason = o.reasons[key];
    return { name, value: o[key], ...(reason !== undefined ? { reason } : {}) };
  };
  if (metric === 'alpha') return pick("overall Krippendorff's alpha", 'alpha');
  if (metric === 'percent') return pick('overall percent agreement', 'percent');
  return two ? pick("overall Cohen's kappa", 'cohen') : pick("overall Fleiss' kappa", 'fleiss');
}

/** The figure of a ratings agreement a metric names. */
function ratingsFigure(result: RatingsAgreement, metric: AgreementMetric): { name: string; value: number | null; reason?: string } {
  const with_ = (name: string, value: number | null, reason: string | undefined): { name: string; value: number | null; reason?: string } => ({
    name,
    value,
    ...(reason !== undefined ? { reason } : {}),
  });
  if (metric === 'alpha') return with_(`Krippendorff's alpha (${result.level})`, result.alpha.value, result.reasons.alpha);
  if (metric === 'percent') return with_('percent agreement', result.percent, result.reasons.percent);
  return result.coders.length === 2
    ? with_("Cohen's kappa", result.cohen?.value ?? null, result.reasons.cohen)
    : with_("Fleiss' kappa", result.fleiss?.value ?? null, result.reasons.fleiss);
}

/** Exit 1 when `--min-agreement` is given and the figure is below it or undefined; else 0. */
function checkThreshold(figure: { name: string; value: number | null; reason?: string }, flags: AgreeFlags, io: CliIO): number {
  const min = flags.minAgreement;
  if (min === undefined) return EXIT.ok;
  if (figure.value === null) {
    io.stderr.write(`fokus: ${figure.name} is undefined (${figure.reason ?? 'no data'}), so --min-agreement ${min} is not met\n`);
    return EXIT.checkFailed;
  }
  const shown = figure.value.toFixed(4);
  if (figure.value < min) {
    io.stderr.write(`fokus: ${figure.name} ${shown} is below --min-agreement ${min}\n`);
    return EXIT.checkFailed;
  }
  io.stderr.write(`fokus: ${figure.name} ${shown} reaches --min-agreement ${min}\n`);
  return EXIT.ok;
}

async function runRatings(file: string, flags: AgreeFlags, io: CliIO): Promise<number> {
  const level = flags.level ?? 'nominal';
  const weights = flags.weights ?? 'none';
  const { resolve } = await import('node:path');
  const { readRatings } = await import('../reliability/codings.js');
  const read = await readRatings(resolve(io.cwd, file), file, { numeric: level !== 'nominal' || weights !== 'none' });
  printProblems(read.problems, io);
  if (!read.table) return EXIT.badInput;
  if (weights !== 'none' && read.table.coders.length !== 2) {
    return usageError(io, `--weights is for Cohen's kappa of exactly two coders (${file} has ${read.table.coders.length})`);
  }
  const { rateAgreement } = await import('../reliability/agreement.js');
  const result = rateAgreement(read.table, { level, weights });
  const render = await import('../reliability/agreement-render.js');
  if (flags.format === 'json') io.stdout.write(render.renderRatingsJson(result, file));
  else if (flags.format === 'csv') io.stdout.write(render.renderRatingsCsv(result, { excel: flags.excel === true }));
  else io.stdout.write(render.renderRatingsTable(result, file, { allDisagreements: flags.showDisagreements === true }));
  return checkThreshold(ratingsFigure(result, flags.metric), flags, io);
}
