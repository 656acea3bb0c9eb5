import { isAbsolute, resolve } from 'node:path';
import { formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE, type CooccurrenceScope } from '../analysis/cooccurrence.js';
import { DEFAULT_MAX_EMERGENT, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT } from '../analysis/emergent.js';
import { DEFAULT_TOP_TERMS } from '../analysis/keyterms.js';
import { addTally, newCorpusTally, tallyFrequencies, type CorpusTally } from '../analysis/tally.js';
import { addReportTally, newReportSum, type ReportPlan, type ReportSum } from '../analysis/tally-report.js';
import { flattenCategories } from '../codebook/flatten.js';
import { problem, sortProblems } from '../problems.js';
import { shownPath } from '../transcripts/shown-path.js';
import { fileSizes } from '../transcripts/sizes.js';
import { DEFAULT_MAX_SNIPPETS, splitEvidence, transcriptOf } from '../report/evidence.js';
import type { Codebook, CodedUnit, InputFile, Participant, PerspectiveResult, Problem, Report } from '../types.js';
import { VERSION } from '../version.js';
import { groupInputs, type InputGroup } from './groups.js';
import { openInputs, readConfigOf, type OpenedInputs } from './inputs.js';
import type { FetchOutcome, FileOutcome, GroupOutcome, RunConfig, Task } from './job.js';
import type { AnalyzeResult, AnalyzeRunOptions } from './options.js';
import { planJobs, runTasks } from './pool.js';
import { reportParts } from './report-parts.js';
import { addMatched, whereWarnings } from './where.js';

/** Where the parts of a report that grow with the corpus go while it is read (see `analyzeCorpus`). */
export interface CorpusSink {
  /**
   * `segments.csv` rows (no header, no BOM), one transcript at a time, in report order, with the
   * number of their cells cut to Excel's cell limit (full texts in `report.json`).
   */
  segments?: { excel: boolean; write(rows: string, cut: number): void | Promise<void> };
  /**
   * The items of `report.json`'s `units` list, one input file at a time (its listing index, from 0),
   * each item indented for depth 2 and the items joined by `,\n`; files come in transcript-id order,
   * so the caller puts them back in listing order.
   */
  units?(index: number, items: string): void | Promise<void>;
}

/** Progress of a run: files and bytes done of all. */
export interface CorpusProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** Options of `analyzeCorpus`: those of `analyze`, and how to run. */
export interface CorpusOptions extends AnalyzeRunOptions {
  /** Threads to code with: 1 = the main thread only; undefined or 0 = decided by the corpus size. */
  jobs?: number;
  /** Compute only the totals and `frequencies.csv` (every other part of the report stays empty). */
  frequenciesOnly?: boolean;
  /** Receives the per-unit outputs as they are made. */
  sink?: CorpusSink;
  /** Called after each transcript (group of files with one id) is done. */
  progress?: (p: CorpusProgress) => void;
  /**
   * Fetch the units the HTML report shows: this many of each perspective's evidence to quote in full
   * (its `maxQuotes`), the next `snippets` with the beginning of their text, every other unit of it
   * without its text (speaker and line); none by default.
   */
  quotes?: number;
  /** With `quotes`: how many units of each perspective the HTML report lists with the beginning of their text (its `maxSnippets`, default 50). */
  snippets?: number;
  /**
   * Keep every unit in `report.units` (what `analyze` does; memory then grows with the corpus), or
   * with `'coded'` only the units coded with some category (what the category report quotes).
   */
  keepUnits?: boolean | 'coded';
}

/** The result of `analyzeCorpus`: that of `analyze`, with the units quoted (when asked for) instead of all units. */
export interface CorpusResult extends AnalyzeResult {
  /**
   * The units the HTML report shows: those it quotes coded, the other units of the perspectives'
   * evidence with no codings and the beginning of their text or none (of units sharing an id, the
   * last in listing order).
   */
  quotes: CodedUnit[];
  /** The codebook the units were coded with (absent when the run could not start). */
  codebook?: Codebook;
}

/**
 * `analyze` for corpora of any size: transcripts are read, coded and tallied one at a time (on
 * every core when the corpus is large enough), their tallies added up in transcript order, and what
 * grows with the corpus — the rows of `segments.csv`, the units of `report.json` — handed to the
 * sink instead of being kept. The report comes back with `units` empty (unless `keepUnits`), and is
 * the same, byte for byte, however many threads ran.
 */
export async function analyzeCorpus(inputs: readonly string[], options: CorpusOptions = {}): Promise<CorpusResult> {
  const scope = typeof options.cooccurScope === 'string' ? parseCooccurrenceScope(options.cooccurScope) : (options.cooccurScope ?? UNIT_SCOPE);
  if (!scope) throw new Error(`invalid co-occurrence scope ${String(options.cooccurScope)}`);
  const problems: Problem[] = [];
  const opened = await openInputs(inputs, options, problems);
  if (!opened) return { report: null, problems: sortProblems(problems), skipped: [], inputPaths: [], quotes: [] };
  const { cwd, codebook } = opened;
  const files = opened.files;
  const sizes = await fileSizes(files, cwd);
  const groups = groupInputs(files, sizes);
  const sink = options.sink ?? {};
  const config = runConfig(opened, options, sink);
  const flat = flattenCategories(codebook.categories);
  const by = options.by ?? [];
  problems.push(...byColumnWarnings(by, opened.participants, options.participants));
  const words = { language: codebook.language, stem: codebook.match.stem };
  if (!options.frequenciesOnly) config.report = { by, scope, words };
  const plan: ReportPlan = { flat, index: new Map(flat.map((c, i) => [c.path, i])), codebook, by, scope, words };

  const coded = await codeGroups(groups, config, plan, { ...options, totalFiles: files.length, totalBytes: sizes.reduce((a, b) => a + b, 0) }, sink);
  if (opened.review) {
    const { unusedTranscripts } = await import('../review/apply.js');
    problems.push(...unusedTranscripts(opened.review, new Set(opened.listed.map((f) => f.id))));
  }
  if (opened.where) problems.push(...whereWarnings(opened.where, coded.matched, coded.tally.units, opened.participants));
  const { inputsRead, skipped } = inputsOf(coded.outcomes, files, cwd, problems);
  const report = reportFrame(opened, options, scope, inputsRead, skipped, coded.tally);
  // A loop, not a spread: a long corpus has more units than a call takes arguments.
  for (const list of coded.kept) if (list) for (const u of list) report.units.push(u);
  let quotes: CodedUnit[] = [];
  if (!options.frequenciesOnly) {
    const parts = reportParts(coded.sum, plan, coded.tally.codableUnits, report.frequencies, options);
    problems.push(...parts.problems);
    Object.assign(report, { breakdowns: parts.breakdowns, comparisons: parts.comparisons, cooccurrence: parts.cooccurrence, keyterms: parts.keyterms });
    report.perspectives = [...parts.declared, ...parts.describe()];
    // The units the HTML report shows are fetched with one second look at their transcripts.
    if ((options.quotes ?? 0) > 0) {
      const wanted = quotesWanted(report.perspectives, groups, options.quotes ?? 0, options.snippets ?? DEFAULT_MAX_SNIPPETS);
      quotes = await fetchQuotes(wanted, groups, config, options.jobs);
    }
  }
  const sorted = sortProblems(problems);
  // The report names no absolute path, not even of a transcript given as one (messages on stderr keep the path as given).
  report.problems = sorted.map((p) => (isAbsolute(p.file) ? { ...p, file: shownPath(cwd, p.file) } : p));
  return { report, problems: sorted, skipped, inputPaths: opened.listed.map((f) => resolve(cwd, f.path)), quotes, codebook };
}

/** What the threads need to know of a run (plain data). */
function runConfig(opened: OpenedInputs, options: CorpusOptions, sink: CorpusSink): RunConfig {
  return {
    ...readConfigOf(opened, options),
    codebook: opened.codebook,
    ...(sink.segments ? { segments: { excel: sink.segments.excel } } : {}),
    ...(sink.units ? { units: true } : {}),
    ...(options.keepUnits ? { keep: options.keepUnits } : {}),
    ...(opened.review ? { review: opened.review } : {}),
  };
}

/** A dimension no participants column gives leaves every unit at "(none)": say so, and name the columns there are. */
function byColumnWarnings(by: readonly string[], participants: readonly Participant[], file: string | undefined): Problem[] {
  const columns = [...new Set(participants.flatMap((p) => Object.keys(p.attributes)))].sort();
  const out: Problem[] = [];
  for (const dim of by) {
    if (dim === 'speaker' || dim === 'transcript') continue;
    if (!file) {
      out.push(problem('--by', 'warning', { key: 'problem.input/by-column.no-file', params: { dim } }, undefined, 'input/by-column'));
    } else if (!columns.includes(dim.toLowerCase())) {
      out.push(problem(file, 'warning', { key: 'problem.input/by-column', params: { dim, columns: columns.length > 0 ? columns.join(', ') : { key: 'part.by.no-columns' } } }, undefined, 'input/by-column'));
    }
  }
  return out;
}

/** What coding every group gave: each file's outcome, the units kept, and the tallies added up. */
interface CodedGroups {
  outcomes: (FileOutcome | undefined)[];
  kept: (CodedUnit[] | undefined)[];
  tally: CorpusTally;
  sum: ReportSum;
  /** How many units each value of the `--where` filter matched (see `filterUnits`). */
  matched: number[][];
}

/** Code and tally every group (on threads when worth it), adding the outcomes up in transcript order as they come. */
async function codeGroups(
  groups: readonly InputGroup[],
  config: RunConfig,
  plan: ReportPlan,
  options: CorpusOptions & { totalFiles: number; totalBytes: number },
  sink: CorpusSink,
): Promise<CodedGroups> {
  const out: CodedGroups = { outcomes: new Array(options.totalFiles), kept: [], tally: newCorpusTally(), sum: newReportSum(plan), matched: [] };
  const progress = { files: 0, totalFiles: options.totalFiles, bytes: 0, totalBytes: options.totalBytes };
  const tasks: Task[] = groups.map((group) => ({ kind: 'code', group }));
  await runTasks<GroupOutcome>(tasks, config, planJobs(groups, options.jobs), async (outcome) => {
    const group = groups[outcome.order]!;
    for (const f of outcome.files) {
      if (f.units !== undefined && f.units !== '') await sink.units?.(f.index, f.units);
      if (f.coded) out.kept[f.index] = f.coded;
      delete f.units;
      delete f.coded;
      out.outcomes[f.index] = f;
    }
    if (outcome.tally) addTally(out.tally, outcome.tally);
    if (outcome.matched) addMatched(out.matched, outcome.matched);
    if (outcome.report) addReportTally(out.sum, outcome.report, group.id, group.order);
    if (outcome.segments) await sink.segments?.write(outcome.segments, outcome.segmentsCut ?? 0);
    progress.files += group.files.length;
    progress.bytes += group.bytes;
    options.progress?.({ ...progress });
    options.onProgress?.(progress.files, progress.totalFiles, progress.bytes);
  });
  return out;
}

/** The report's list of transcripts read, and the files skipped; every file's problems go to `problems`. */
function inputsOf(outcomes: readonly (FileOutcome | undefined)[], files: readonly InputFile[], cwd: string, problems: Problem[]): { inputsRead: Report['inputs']; skipped: string[] } {
  const inputsRead: Report['inputs'] = [];
  const skipped: string[] = [];
  for (const f of outcomes) {
    if (!f) continue;
    problems.push(...f.problems);
    if (f.transcript) {
      const t = f.transcript;
      const input: Report['inputs'][number] = { path: shownPath(cwd, t.path), id: t.id, format: t.format, encoding: t.encoding, sha256: t.sha256 };
      // Metadata (front matter, the preamble before the first label) and the legend's moderators, where there are any.
      if (t.meta && Object.keys(t.meta).length > 0) input.meta = t.meta;
      if (t.moderators && t.moderators.length > 0) input.moderators = t.moderators;
      inputsRead.push(input);
    } else if (!f.filteredOut) {
      skipped.push(files[f.index]!.path);
    }
  }
  return { inputsRead, skipped };
}

/** The report with its provenance, options, totals and frequencies; the other parts empty. */
function reportFrame(opened: OpenedInputs, options: CorpusOptions, scope: CooccurrenceScope, inputsRead: Report['inputs'], skipped: readonly string[], tally: CorpusTally): Report {
  const { codebook, cwd } = opened;
  const frequencies = tallyFrequencies(tally, codebook.categories);
  return {
    program: { name: 'fokus', version: VERSION },
    codebook: {
      name: codebook.name,
      ...(codebook.version !== undefined ? { version: codebook.version } : {}),
      language: codebook.language,
      // A codebook object handed in by a caller may name an absolute file: the report records none.
      file: isAbsolute(codebook.source.file) ? shownPath(cwd, codebook.source.file) : codebook.source.file,
      sha256: codebook.source.sha256,
    },
    inputs: inputsRead,
    options: {
      unit: opened.unit,
      moderators: opened.moderators,
      by: options.by ?? [],
      cooccurScope: formatCooccurrenceScope(scope),
      minSupport: options.minSupport ?? DEFAULT_MIN_SUPPORT,
      minLift: options.minLift ?? DEFAULT_MIN_LIFT,
      maxEmergent: options.maxEmergent ?? DEFAULT_MAX_EMERGENT,
      keyterms: options.keyterms ?? DEFAULT_TOP_TERMS,
      ...(opened.participantsFile ? { participants: opened.participantsFile } : {}),
      ...(opened.review ? { review: opened.review.files } : {}),
      ...(opened.where ? { where: opened.where.shown } : {}),
    },
    totals: { transcripts: inputsRead.length, units: tally.units, codableUnits: tally.codableUnits, speakers: tally.speakers, skipped: skipped.length },
    categories: frequencies.map((f) => ({ path: f.category, label: f.label, level: f.level })),
    frequencies,
    breakdowns: [],
    comparisons: [],
    cooccurrence: [],
    perspectives: [],
    keyterms: [],
    units: [],
    problems: [],
  };
}

/** How a unit of the evidence is fetched: coded (quoted), with the beginning of its text (listed), without its text (referred to). */
const enum Fetch {
  Ref = 0,
  Snippet = 1,
  Quote = 2,
}

/** The segments of each group (by group order) the HTML report shows, and how: the same split as the report's (report/evidence.ts). */
function quotesWanted(perspectives: readonly PerspectiveResult[], groups: readonly InputGroup[], quotes: number, snippets: number): Map<number, Map<number, Fetch>> {
  const wanted = new Map<number, Map<number, Fetch>>();
  const orderOf = new Map(groups.map((g) => [g.id, g.order]));
  const want = (id: string, how: Fetch): void => {
    const order = orderOf.get(transcriptOf(id));
    if (order === undefined) return;
    let segments = wanted.get(order);
    if (!segments) wanted.set(order, (segments = new Map()));
    const segment = Number(id.slice(id.lastIndexOf('#') + 1));
    segments.set(segment, Math.max(how, segments.get(segment) ?? Fetch.Ref));
  };
  for (const p of perspectives) {
    const split = splitEvidence(p.evidence, quotes, snippets);
    for (const id of split.quoted) want(id, Fetch.Quote);
    for (const id of split.listed) want(id, split.snippets.has(id) ? Fetch.Snippet : Fetch.Ref);
  }
  return wanted;
}

/** One second look at the groups with units the HTML report shows: those it quotes coded, the others cut short. */
async function fetchQuotes(wanted: Map<number, Map<number, Fetch>>, groups: readonly InputGroup[], config: RunConfig, jobs: number | undefined): Promise<CodedUnit[]> {
  const again = [...wanted.keys()].sort((a, b) => a - b).map((order) => groups[order]!);
  const fetches: Task[] = again.map((group) => {
    const segments = [...wanted.get(group.order)!];
    const of = (how: Fetch): number[] => segments.filter(([, h]) => h === how).map(([s]) => s);
    return { kind: 'fetch', request: { group, quotes: of(Fetch.Quote), snippets: of(Fetch.Snippet), refs: of(Fetch.Ref) } };
  });
  const { segments: _s, units: _u, report: _r, ...plain } = config;
  const quotes: CodedUnit[] = [];
  await runTasks<FetchOutcome>(fetches, plain, planJobs(again, jobs), (got) => {
    for (const q of got.quotes) quotes.push(q);
  });
  return quotes;
}
