import { Command, InvalidArgumentError, Option } from 'commander';
import { hasErrors } from '../problems.js';
import { parseCooccurrenceScope, UNIT_SCOPE, type CooccurrenceScope } from '../analysis/cooccurrence.js';
import { DEFAULT_MAX_EMERGENT, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT } from '../analysis/emergent.js';
import { DEFAULT_TOP_TERMS } from '../analysis/keyterms.js';
import type { RegexBudget } from '../coding/regex-budget.js';
import type { CorpusOptions, CorpusResult, CorpusSink } from '../run/corpus.js';
import { documentLocale, messagesFor, type Locale, type Messages } from '../lang/catalogue.js';
import type { Problem, Report } from '../types.js';
import type { SpillRange } from './spill.js';
import type { FilePart, WritableFile } from './staging.js';
import { addInputOptions, addReviewOption, type InputFlags, inputOptions, nothingToWrite, readLimitsFromEnv, regexBudgetFromEnv, transcriptsCommand } from './coded-inputs.js';
import { writeStdoutCsv } from './csv-out.js';
import { wholeNumber } from './option-values.js';
import { EXIT, useColor, type CliIO } from './io.js';
import { langFlag, messagesOf, printProblems, say } from './lang.js';

interface AnalyzeFlags extends InputFlags {
  out?: string;
  format: 'table' | 'csv' | 'json';
  by: string[];
  excel?: boolean;
  quiet?: boolean;
  color: boolean;
  cooccurScope: CooccurrenceScope;
  minSupport?: number;
  minLift?: number;
  maxEmergent?: number;
  keyterms?: number;
  jobs?: number;
  review: string[];
}

const dimension = (value: string, previous: string[]): string[] => {
  if (!/^[\p{L}\p{N}_-]+$/u.test(value)) throw new InvalidArgumentError(`'${value}' is not a dimension name (speaker, group, transcript or a participants column)`);
  return previous.includes(value) ? previous : [...previous, value];
};

const scopeOption = (value: string): CooccurrenceScope => {
  const scope = parseCooccurrenceScope(value);
  if (!scope) throw new InvalidArgumentError(`'${value}' is not a scope (unit, transcript or window:N with N ≥ 1)`);
  return scope;
};

const positiveNumber = (value: string): number => {
  const x = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(x > 0)) throw new InvalidArgumentError(`'${value}' is not a positive number`);
  return x;
};

/** `fokus analyze INPUT...`: the main job, wired to the library's `analyze`. */
export function registerAnalyze(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'analyze', 'read transcripts, code them with a codebook, and report frequencies, co-occurrences and perspectives')
    .option('-o, --out <dir>', 'write the report files into this folder (created if missing)')
    .addOption(new Option('-f, --format <format>', 'what goes to stdout').choices(['table', 'csv', 'json']).default('table'));
  addReviewOption(addInputOptions(command))
    .option('--by <dim>', 'also break frequencies down by speaker, group, transcript or a participants column (repeatable)', dimension, [])
    .addOption(new Option('--cooccur-scope <scope>', 'co-occurrence in the same unit, transcript, or window:N consecutive units').argParser(scopeOption).default(UNIT_SCOPE, 'unit'))
    .option('--min-support <n>', `least units an emergent perspective occurs in (default ${DEFAULT_MIN_SUPPORT})`, wholeNumber(1))
    .option('--min-lift <x>', `least lift (observed ÷ expected) of an emergent perspective (default ${DEFAULT_MIN_LIFT})`, positiveNumber)
    .option('--max-emergent <n>', `most emergent perspectives reported, the first in report order (default ${DEFAULT_MAX_EMERGENT}; 0 = all)`, wholeNumber(0))
    .option('--keyterms <n>', `key terms kept per category (default ${DEFAULT_TOP_TERMS})`, wholeNumber(0))
    .option('--excel', 'CSV for Excel in German locales: UTF-8 BOM, ; separator, , decimal mark')
    .option('--jobs <n>', 'threads to code with (default: one per core for large corpora; 1 = no worker threads; env FOKUS_JOBS)', wholeNumber(1))
    .option('-q, --quiet', 'no progress or summary on stderr')
    .option('--no-color', 'no colour in the table')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      setCode(await runAnalyze(inputs, flags, io, messagesOf(io), langFlag(command)));
    });
}

async function runAnalyze(inputs: string[], flags: AnalyzeFlags, io: CliIO, m: Messages, lang: Locale | undefined): Promise<number> {
  const budget = regexBudgetFromEnv(io);
  if ('exit' in budget) return budget.exit;
  const limits = readLimitsFromEnv(io);
  if ('exit' in limits) return limits.exit;
  if (flags.out) {
    // An output path that cannot take the report stops the run before any work is done.
    const { checkOutputFolder } = await import('./write.js');
    const bad = await checkOutputFolder(flags.out, { cwd: io.cwd, marker: true });
    printProblems(io, bad);
    if (hasErrors(bad)) return EXIT.badInput;
  }
  const { progressLine } = await import('./progress.js');
  const line = progressLine(io, flags.quiet === true, () => performance.now());
  // What grows with the corpus is written to spill files while the corpus is read, and copied into
  // place once the report around it is known; `-f csv` alone needs neither.
  const spills = await openSpills(flags);
  try {
    const { analyzeCorpus } = await import('../run/corpus.js');
    const { DEFAULT_MAX_QUOTES } = await import('../report/html.js');
    const result = await analyzeCorpus(inputs, {
      ...corpusOptions(flags, io, budget.regexBudget),
      limits: limits.limits,
      frequenciesOnly: flags.format === 'csv' && !flags.out,
      sink: spills.sink,
      quotes: flags.out ? DEFAULT_MAX_QUOTES : 0,
      progress: (p) => line.update(p),
    });
    line.done();
    printProblems(io, result.problems);
    const report = result.report;
    if (!report) return EXIT.badInput;
    if (report.totals.transcripts === 0) {
      // An empty report would look like a result: nothing is printed or written (each file's error is above).
      const nothing = nothingToWrite(flags, result.skipped.length, result.inputPaths.length);
      say(io, nothing.key, nothing.params);
      return EXIT.badInput;
    }
    if (flags.out && !(await writeReportFolder(flags, io, result, spills, lang))) return EXIT.badInput;
    if (flags.format === 'json') {
      const { readRange } = await import('./spill.js');
      for (const part of await spills.jsonParts(report)) io.stdout.write(typeof part === 'string' ? part : await readRange(part));
    } else if (flags.format === 'csv') {
      const { renderFrequenciesCsv } = await import('../report/csv.js');
      writeStdoutCsv(io, flags.excel === true, 'fokus analyze -f json', (o) => renderFrequenciesCsv(report.frequencies, o));
    } else {
      io.stdout.write(await renderTable(report, flags, io, m));
    }
    if (!flags.quiet) io.stderr.write(summary(report, result.skipped, flags.out, m));
    return hasErrors(result.problems) ? EXIT.badInput : EXIT.ok;
  } finally {
    line.done();
    await spills.remove();
  }
}

/** The library options of an `analyze` run from its flags. */
function corpusOptions(flags: AnalyzeFlags, io: CliIO, regexBudget: RegexBudget | undefined): CorpusOptions {
  return {
    ...inputOptions(flags, io),
    by: flags.by,
    cooccurScope: flags.cooccurScope,
    ...(flags.minSupport !== undefined ? { minSupport: flags.minSupport } : {}),
    ...(flags.minLift !== undefined ? { minLift: flags.minLift } : {}),
    ...(flags.maxEmergent !== undefined ? { maxEmergent: flags.maxEmergent } : {}),
    ...(flags.keyterms !== undefined ? { keyterms: flags.keyterms } : {}),
    ...(regexBudget ? { regexBudget } : {}),
    jobs: jobsWanted(flags, io),
  };
}

/** The spill files of a run: the sink that fills them, and the report parts made of them. */
interface Spills {
  sink: CorpusSink;
  segmentParts(): FilePart[];
  /** Cells of `segments.csv` cut to Excel's cell limit. */
  segmentsCut(): number;
  jsonParts(report: Report): Promise<FilePart[]>;
  remove(): Promise<void>;
}

async function openSpills(flags: AnalyzeFlags): Promise<Spills> {
  const { openSpill, joinRanges } = await import('./spill.js');
  const segments = flags.out ? await openSpill('segments.csv') : null;
  const units = flags.out || flags.format === 'json' ? await openSpill('units.json') : null;
  const segmentRanges: SpillRange[] = [];
  const unitRanges: SpillRange[] = [];
  const sink: CorpusSink = {};
  let segmentsCut = 0;
  if (segments) {
    sink.segments = {
      excel: flags.excel === true,
      write: async (rows, cut) => {
        segmentRanges.push(await segments.append(rows));
        segmentsCut += cut;
      },
    };
  }
  if (units) sink.units = async (index, items) => void (unitRanges[index] = await units.append(items));
  return {
    sink,
    segmentParts: () => joinRanges(segmentRanges),
    segmentsCut: () => segmentsCut,
    async jsonParts(report) {
      const { renderJson, renderJsonFrame } = await import('../report/json.js');
      const ranges = unitRanges.filter((r) => r !== undefined);
      if (ranges.length === 0) return [renderJson(report)];
      const { head, tail } = renderJsonFrame(report);
      return [head, ...ranges.flatMap((r, i) => (i === 0 ? [r] : [',\n', r])), tail];
    },
    async remove() {
      await segments?.remove();
      await units?.remove();
    },
  };
}

/** Write the report folder (`-o`), the HTML report in `--lang` or else the codebook's language; false when it could not be written (the problems are on stderr). */
async function writeReportFolder(flags: AnalyzeFlags, io: CliIO, result: CorpusResult, spills: Spills, lang: Locale | undefined): Promise<boolean> {
  const report = result.report!;
  const excel = flags.excel === true;
  const { reportFiles } = await import('../report/files.js');
  const { SEGMENTS_HEADER } = await import('../report/csv.js');
  const { toCsv } = await import('../report/format.js');
  const { writeOutputs } = await import('./write.js');
  const { resolve } = await import('node:path');
  const messages = messagesFor(documentLocale(lang, report.codebook.language ?? 'de'));
  const files: WritableFile[] = reportFiles({ ...report, units: result.quotes }, { excel, streamed: true, html: { messages } });
  files.push({ name: 'segments.csv', parts: [toCsv(SEGMENTS_HEADER, [], { excel }), ...spills.segmentParts()] });
  files.push({ name: 'report.json', parts: await spills.jsonParts(report) });
  const protect = [...report.inputs.map((i) => i.path), ...(flags.codebook ? [flags.codebook] : []), ...(flags.participants ? [flags.participants] : []), ...flags.review];
  const inputPaths = [...result.inputPaths, ...protect.map((p) => resolve(io.cwd, p))];
  const written = await writeOutputs(flags.out!, files, inputPaths, { cwd: io.cwd, marker: true });
  printProblems(io, written);
  if (hasErrors(written)) return false;
  printProblems(io, await cutProblems(flags.out!, files, spills.segmentsCut()));
  return true;
}

/** The warnings for the files of a report folder with cells cut to Excel's cell limit, in file order. */
async function cutProblems(out: string, files: readonly WritableFile[], segmentsCut: number): Promise<Problem[]> {
  const { cellCutProblem, FULL_CONTENT } = await import('../report/cell-limit.js');
  const { join } = await import('node:path');
  const problems: Problem[] = [];
  for (const f of files) {
    const cuts = f.name === 'segments.csv' ? { fullIn: FULL_CONTENT, cells: segmentsCut } : 'cuts' in f ? f.cuts : undefined;
    const p = cuts ? cellCutProblem(join(out, f.name), cuts) : null;
    if (p) problems.push(p);
  }
  return problems;
}

/** Threads asked for: `--jobs`, else a whole number ≥ 1 in FOKUS_JOBS, else undefined (fokus decides). */
function jobsWanted(flags: AnalyzeFlags, io: CliIO): number | undefined {
  if (flags.jobs !== undefined) return flags.jobs;
  const env = io.env.FOKUS_JOBS;
  return env !== undefined && /^[1-9]\d*$/.test(env) ? Number(env) : undefined;
}

async function renderTable(report: Report, flags: AnalyzeFlags, io: CliIO, m: Messages): Promise<string> {
  const { renderTable } = await import('../report/table.js');
  return renderTable(report, { color: useColor(io.stdout, io.env, flags.color), ...(io.stdout.columns ? { width: io.stdout.columns } : {}), messages: m });
}

/** How many skipped files the summary names before it only counts the rest. */
const SKIPPED_NAMED = 5;

function summary(report: Report, skipped: readonly string[], out: string | undefined, m: Messages): string {
  const t = report.totals;
  let s = `fokus: ${m.t('count.transcripts', { n: t.transcripts })}, ${m.t('count.units', { n: t.units })} (${m.t('table.codable', { n: t.codableUnits })}, ${m.t('cli.analyze.moderator', { n: t.units - t.codableUnits })})`;
  if (skipped.length > 0) {
    const named = skipped.slice(0, SKIPPED_NAMED).join(', ') + (skipped.length > SKIPPED_NAMED ? `, ${m.t('cli.analyze.more', { n: skipped.length - SKIPPED_NAMED })}` : '');
    s += `; ${m.t('cli.analyze.skipped', { n: skipped.length, names: named })}`;
  }
  if (out) s += `; ${m.t('cli.analyze.written', { folder: out })}`;
  return s + '\n';
}
