import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CodingAgreement, RatingsAgreement } from '../reliability/agreement.js';
import type { KappaWeights, Level } from '../reliability/coefficients.js';
import { hasErrors, problem, said } from '../problems.js';
import type { Codebook, CoderCoding, Problem } from '../types.js';
import { codingReadOptions, usageError } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, printProblems, say } from './lang.js';
import type { MessageKey } from '../lang/catalogue.js';

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

async function runAgree(files: string[], flags: AgreeFlags, io: CliIO): Promise<number> {
  if (flags.ratings !== undefined) {
    if (files.length > 0) return usageError(io, 'cli.agree.both');
    if (flags.codebook !== undefined) return usageError(io, 'cli.agree.codebook-with-ratings');
    return runRatings(flags.ratings, flags, io);
  }
  if (flags.level !== undefined || flags.weights !== undefined) return usageError(io, 'cli.agree.level-needs-ratings');
  if (files.length === 0) return usageError(io, 'cli.agree.no-codings');
  if (files.length === 1) return usageError(io, 'cli.agree.one-coding', { file: files[0]! });
  const { resolve } = await import('node:path');
  const absolute = files.map((f) => resolve(io.cwd, f));
  const twice = files.find((_, i) => absolute.indexOf(absolute[i]!) !== i);
  if (twice !== undefined) return usageError(io, 'cli.agree.twice', { file: twice });

  let categories: string[] | undefined;
  let codebook: Codebook | undefined;
  if (flags.codebook !== undefined) {
    const { loadCodebook } = await import('../codebook/load.js');
    const loaded = await loadCodebook(resolve(io.cwd, flags.codebook));
    const problems = loaded.problems.map((p) => ({ ...p, file: flags.codebook! }));
    printProblems(io, problems);
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
  printProblems(io, problems);
  if (hasErrors(problems)) return EXIT.badInput;

  const result = agreeCodings(codings, categories ? { categories } : {});
  const render = await import('../reliability/agreement-render.js');
  if (flags.format === 'json') io.stdout.write(render.renderAgreementJson(result));
  else if (flags.format === 'csv') writeStdoutCsv(io, flags.excel === true, 'fokus agree -f json', (o) => render.renderAgreementCsv(result, o));
  else io.stdout.write(render.renderAgreementTable(result, { allDisagreements: flags.showDisagreements === true, messages: messagesOf(io) }));
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

/** The figure `--min-agreement` checks: its name (a catalogue key and params), value, and why it is undefined. */
interface CheckedFigure {
  name: { key: MessageKey; params?: { level: string } };
  value: number | null;
  reason?: string;
}

/** The overall figure a metric names: alpha, the kappa (Cohen's for two coders, Fleiss' for more) or percent agreement. */
function overallFigure(result: CodingAgreement, metric: AgreementMetric): CheckedFigure {
  const o = result.overall;
  const two = result.coders.length === 2;
  const pick = (key: MessageKey, figure: 'alpha' | 'cohen' | 'fleiss' | 'percent'): CheckedFigure => {
    const reason = o.reasons[figure];
    return { name: { key }, value: o[figure], ...(reason !== undefined ? { reason } : {}) };
  };
  if (metric === 'alpha') return pick('cli.agree.figure.overall-alpha', 'alpha');
  if (metric === 'percent') return pick('cli.agree.figure.overall-percent', 'percent');
  return two ? pick('cli.agree.figure.overall-cohen', 'cohen') : pick('cli.agree.figure.overall-fleiss', 'fleiss');
}

/** The figure of a ratings agreement a metric names. */
function ratingsFigure(result: RatingsAgreement, metric: AgreementMetric): CheckedFigure {
  const with_ = (name: CheckedFigure['name'], value: number | null, reason: string | undefined): CheckedFigure => ({
    name,
    value,
    ...(reason !== undefined ? { reason } : {}),
  });
  if (metric === 'alpha') return with_({ key: 'cli.agree.figure.alpha', params: { level: result.level } }, result.alpha.value, result.reasons.alpha);
  if (metric === 'percent') return with_({ key: 'cli.agree.figure.percent' }, result.percent, result.reasons.percent);
  return result.coders.length === 2
    ? with_({ key: 'cli.agree.figure.cohen' }, result.cohen?.value ?? null, result.reasons.cohen)
    : with_({ key: 'cli.agree.figure.fleiss' }, result.fleiss?.value ?? null, result.reasons.fleiss);
}

/** Exit 1 when `--min-agreement` is given and the figure is below it or undefined; else 0. */
async function checkThreshold(figure: CheckedFigure, flags: AgreeFlags, io: CliIO): Promise<number> {
  const min = flags.minAgreement;
  if (min === undefined) return EXIT.ok;
  const m = messagesOf(io);
  const name = m.say(figure.name);
  if (figure.value === null) {
    const { reasonText } = await import('../reliability/agreement-render.js');
    const reason = figure.reason === undefined ? m.t('cli.agree.no-data') : reasonText(m, figure.reason);
    say(io, 'cli.agree.undefined', { name, reason, min });
    return EXIT.checkFailed;
  }
  const shown = figure.value.toFixed(4);
  say(io, figure.value < min ? 'cli.agree.below' : 'cli.agree.reaches', { name, value: shown, min });
  return figure.value < min ? EXIT.checkFailed : EXIT.ok;
}

async function runRatings(file: string, flags: AgreeFlags, io: CliIO): Promise<number> {
  const level = flags.level ?? 'nominal';
  const weights = flags.weights ?? 'none';
  const { resolve } = await import('node:path');
  const { readRatings } = await import('../reliability/codings.js');
  const read = await readRatings(resolve(io.cwd, file), file, { numeric: level !== 'nominal' || weights !== 'none' });
  printProblems(io, read.problems);
  if (!read.table) return EXIT.badInput;
  if (weights !== 'none' && read.table.coders.length !== 2) {
    return usageError(io, 'cli.agree.weights-two', { file, n: read.table.coders.length });
  }
  const { rateAgreement } = await import('../reliability/agreement.js');
  const result = rateAgreement(read.table, { level, weights });
  const render = await import('../reliability/agreement-render.js');
  if (flags.format === 'json') io.stdout.write(render.renderRatingsJson(result, file));
  else if (flags.format === 'csv') writeStdoutCsv(io, flags.excel === true, 'fokus agree -f json', (o) => render.renderRatingsCsv(result, o));
  else io.stdout.write(render.renderRatingsTable(result, file, { allDisagreements: flags.showDisagreements === true, messages: messagesOf(io) }));
  return checkThreshold(ratingsFigure(result, flags.metric), flags, io);
}
