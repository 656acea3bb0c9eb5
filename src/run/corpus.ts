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
import type { CodedUnit, InputFile, Participant, Problem, Report } from '../types.js';
import { VERSION } from '../version.js';
import { groupInputs, type InputGroup } from './groups.js';
import { openInputs, type OpenedInputs } from './inputs.js';
import type { FetchOutcome, FileOutcome, GroupOutcome, RunConfig, Task } from './job.js';
import type { AnalyzeResult, AnalyzeRunOptions } from './options.js';
import { planJobs, runTasks } from './pool.js';
import { reportParts, type ReportParts } from './report-parts.js';

/** Where the parts of a report that grow with the corpus go while it is read (see `analyzeCorpus`). */
export interface CorpusSink {
  /** `segments.csv` rows (no header, no BOM), one transcript at a time, in report order. */
  segments?: { excel: boolean; write(rows: string): void | Promise<void> };
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
  /** Fetch the units the HTML report quotes: this many per perspective (its `maxQuotes`); none by default. */
  quotes?: number;
  /** Keep every coded unit in `report.units` (what `analyze` does; memory then grows with the corpus). */
  keepUnits?: boolean;
}

/** The result of `analyzeCorpus`: that of `analyze`, with the units quoted (when asked for) instead of all units. */
export interface CorpusResult extends AnalyzeResult {
  /** The units the HTML report quotes, coded (of units sharing an id, the last in listing order). */
  quotes: CodedUnit[];
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
    problems.push(...unusedTranscripts(opened.review, new Set(groups.map((g) => g.id))));
  }
  const { inputsRead, skipped } = inputsOf(coded.outcomes, files, cwd, problems);
  const report = reportFrame(opened, options, scope, inputsRead, skipped, coded.tally);
  // A loop, not a spread: a long corpus has more units than a call takes arguments.
  for (const list of coded.kept) if (list) for (const u of list) report.units.push(u);
  let quotes: CodedUnit[] = [];
  if (!options.frequenciesOnly) {
    const parts = reportParts(coded.sum, plan, coded.tally.codableUnits, report.frequencies, options);
    problems.push(...parts.problems);
    Object.assign(report, { breakdowns: parts.breakdowns, comparisons: parts.comparisons, cooccurrence: parts.cooccurrence, keyterms: parts.keyterms });
    // The units the HTML report quotes are fetched with a second look at their transcripts.
    if ((options.quotes ?? 0) > 0) quotes = await fetchQuotes(quotesWanted(parts, coded.sum, groups, options.quotes ?? 0), groups, config, options.jobs);
    report.perspectives = [...parts.declared, ...parts.describe()];
  }
  const sorted = sortProblems(problems);
  // The report names no absolute path, not even of a transcript given as one (messages on stderr keep the path as given).
  report.problems = sorted.map((p) => (isAbsolute(p.file) ? { ...p, file: shownPath(cwd, p.file) } : p));
  return { report, problems: sorted, skipped, inputPaths: files.map((f) => resolve(cwd, f.path)), quotes };
}

/** What the threads need to know of a run (plain data). */
function runConfig(opened: OpenedInputs, options: CorpusOptions, sink: CorpusSink): RunConfig {
  return {
    cwd: opened.cwd,
    codebook: opened.codebook,
    participants: opened.participants,
    withParticipants: options.participants !== undefined && options.participants !== '',
    unit: opened.unit,
    moderators: opened.moderators,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.regexBudget ? { regexBudget: options.regexBudget } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(sink.segments ? { segments: { excel: sink.segments.excel } } : {}),
    ...(sink.units ? { units: true } : {}),
    ...(options.keepUnits ? { keep: true } : {}),
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
}

/** Code and tally every group (on threads when worth it), adding the outcomes up in transcript order as they come. */
async function codeGroups(
  groups: readonly InputGroup[],
  config: RunConfig,
  plan: ReportPlan,
  options: CorpusOptions & { totalFiles: number; totalBytes: number },
  sink: CorpusSink,
): Promise<CodedGroups> {
  const out: CodedGroups = { outcomes: new Array(options.totalFiles), kept: [], tally: newCorpusTally(), sum: newReportSum(plan) };
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
    if (outcome.report) addReportTally(out.sum, outcome.report, group.id, group.order);
    if (outcome.segments) await sink.segments?.write(outcome.segments);
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
    } else {
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

/** The segments each group's quoted units have, by group order. */
function quotesWanted(parts: ReportParts, sum: ReportSum, groups: readonly InputGroup[], maxQuotes: number): Map<number, Set<number>> {
  const wanted = new Map<number, Set<number>>();
  const want = (order: number, segment: number): void => {
    let set = wanted.get(order);
    if (!set) wanted.set(order, (set = new Set()));
    set.add(segment);
  };
  const orderOf = new Map(groups.map((g) => [g.id, g.order]));
  for (const p of parts.declared) {
    for (const id of p.evidence.slice(0, maxQuotes)) {
      const at = id.lastIndexOf('#');
      const order = orderOf.get(id.slice(0, at));
      if (order !== undefined) want(order, Number(id.slice(at + 1)));
    }
  }
  const store = sum.records;
  for (const combo of parts.combos) for (const k of combo.evidence.slice(0, maxQuotes)) want(store.order[k]!, store.segment[k]!);
  return wanted;
}

/** A second look at the groups with quoted units: those units, coded. */
async function fetchQuotes(wanted: Map<number, Set<number>>, groups: readonly InputGroup[], config: RunConfig, jobs: number | undefined): Promise<CodedUnit[]> {
  const again = [...wanted.keys()].sort((a, b) => a - b).map((order) => groups[order]!);
  const fetches: Task[] = again.map((group) => ({ kind: 'fetch', request: { group, quotes: [...wanted.get(group.order)!] } }));
  const { segments: _s, units: _u, report: _r, ...plain } = config;
  const quotes: CodedUnit[] = [];
  await runTasks<FetchOutcome>(fetches, plain, planJobs(again, jobs), (got) => {
    for (const q of got.quotes) quotes.push(q);
  });
  return quotes;
}
