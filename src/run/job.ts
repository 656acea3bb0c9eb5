import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { countUnits } from '../coding/code-units.js';
import type { CooccurrenceScope } from '../analysis/cooccurrence.js';
import type { WordOptions } from '../analysis/keyterms.js';
import { countUnit, finishTally, newTallyCounter, planTally, tallyTranscript, type TallyPlan, type TranscriptTally } from '../analysis/tally.js';
import { tallyTranscriptReport, type ReportPlan, type TranscriptReportTally } from '../analysis/tally-report.js';
import { cellCuts, FULL_CONTENT } from '../report/cell-limit.js';
import { renderSegmentsRows } from '../report/csv.js';
import { briefText } from '../report/evidence.js';
import { stableStringify } from '../report/json.js';
import { reviewer, type ReviewSet } from '../review/apply.js';
import type { Category, Codebook, CodedUnit, Problem, Transcript, Unit } from '../types.js';
import type { InputGroup } from './groups.js';
import { codeRead, readUnits, type ReadConfig } from './pipeline.js';
import { addMatched } from './where.js';

/** Everything a worker needs to code transcripts the same way as the main thread (plain data). */
export interface RunConfig extends ReadConfig {
  codebook: Codebook;
  /** Render each transcript's `segments.csv` rows. */
  segments?: { excel: boolean };
  /** Render each file's items of the `units` list of `report.json`. */
  units?: boolean;
  /** Keep each file's coded units in its outcome: all, or (`'coded'`) those coded with some category. */
  keep?: boolean | 'coded';
  /** Tally the report parts beyond frequencies (see `analysis/tally-report.ts`). */
  report?: { by: string[]; scope: CooccurrenceScope; words: WordOptions };
  /** Review decisions that override the rules (`analyze --review`). */
  review?: ReviewSet;
}

/** A run's configuration with the codebook compiled (once per thread). */
export interface RunContext {
  config: RunConfig;
  matcher: Matcher;
  /** The categories in flat codebook order (the columns of `segments.csv`). */
  flat: Category[];
  tally: TallyPlan;
  report: ReportPlan | null;
  /** Whether the matcher's categories are the tally's, in the same order (so codes can be counted by number). */
  aligned: boolean;
}

/** Compile what a thread needs to work through groups. */
export function prepareRun(config: RunConfig): RunContext {
  const tally = planTally(config.codebook.categories);
  const report = config.report ? { ...tally, codebook: config.codebook, ...config.report } : null;
  const matcher = compileCodebook(config.codebook);
  const aligned = matcher.categories.length === tally.flat.length && matcher.categories.every((c, i) => c.path === tally.flat[i]!.path);
  return { config, matcher, flat: tally.flat, tally, report, aligned };
}

/** What became of one input file. */
export interface FileOutcome {
  /** Place in the listing, from 0. */
  index: number;
  problems: Problem[];
  /** The transcript's provenance, or null when the file was skipped or the `--where` filter kept none of its units. */
  transcript: Pick<Transcript, 'id' | 'path' | 'format' | 'encoding' | 'sha256' | 'meta' | 'moderators'> | null;
  /** True when the file was read but the `--where` filter kept none of its units (so it is not skipped either). */
  filteredOut?: true;
  /** The file's items of the `units` list of `report.json` (2-space indent at depth 2), joined by `,\n`. */
  units?: string;
  /** The file's coded units, when asked to keep them. */
  coded?: CodedUnit[];
}

/** What one group of input files (one transcript id) gives. */
export interface GroupOutcome {
  order: number;
  files: FileOutcome[];
  /** The tally of the transcript's units; null when no file of the group could be read. */
  tally: TranscriptTally | null;
  /** Its share of the report parts, when asked for. */
  report?: TranscriptReportTally;
  /** The transcript's `segments.csv` rows (no header), when asked for. */
  segments?: string;
  /** Cells of `segments` cut to Excel's cell limit (absent when none was). */
  segmentsCut?: number;
  /** With a `--where` filter on units: how many units of the group each of its values matched (see `filterUnits`). */
  matched?: number[][];
}

/**
 * Read, segment and code the files of one group and tally its units: the work of one job, the same
 * in a worker thread and in the main thread. Units of several files with the same id are merged in
 * segment order (a stable sort, so the listing order breaks ties), as the reports order them.
 */
export async function runGroup(group: InputGroup, ctx: RunContext): Promise<GroupOutcome> {
  const { config, matcher } = ctx;
  const files: FileOutcome[] = [];
  let units: CodedUnit[] = [];
  let read = 0;
  // Review decisions for this transcript (`--review`) need the codings with their evidence: it tells a
  // parent's own hits from those rolled up from a subcategory.
  const decisions = config.review?.byTranscript[group.id];
  const review = decisions ? reviewer(group.id, decisions, new Map(ctx.flat.map((c, i) => [c.path, i]))) : null;
  // When only the frequencies are made, units are counted as they are coded, without codings.
  const counter = ctx.aligned && !ctx.report && !needsEvidence(config) && !review ? newTallyCounter(ctx.tally) : null;
  const matched: number[][] = [];
  for (const { index, file } of group.files) {
    const { transcript: t, units: segmented, problems, filtered } = await readUnits(file, config);
    if (filtered) addMatched(matched, filtered.matched);
    if (!t || (filtered && segmented.length === 0)) {
      // A file the filter keeps nothing of counts nowhere: neither among the inputs read nor among those skipped.
      if (t) review?.skip(filtered!.left);
      files.push({ index, problems, transcript: null, ...(t ? { filteredOut: true as const } : {}) });
      continue;
    }
    read++;
    if (counter) {
      const options = { file: file.path, onProblem: (p: Problem) => problems.push(p), ...(config.regexBudget ? { regexBudget: config.regexBudget } : {}) };
      countUnits(segmented, matcher, (unit, counts) => countUnit(counter, unit, counts?.index ?? NO_CODES, counts?.hits ?? NO_CODES, counts?.count ?? 0), options);
      files.push({ index, problems, transcript: provenance(t) });
      continue;
    }
    // The tallies use only the categories and hits: evidence is made only for outputs that show it.
    const coded = codeRead(segmented, matcher, config, problems, { file: file.path, evidence: needsEvidence(config) || review !== null, review, ...(filtered ? { left: filtered.left } : {}) });
    const outcome: FileOutcome = { index, problems, transcript: provenance(t) };
    if (config.units) outcome.units = coded.map((u) => '    ' + stableStringify(u, '  ', '    ')).join(',\n');
    if (config.keep) outcome.coded = config.keep === 'coded' ? coded.filter((u) => u.codings.length > 0) : coded;
    files.push(outcome);
    // One file's list is used as it is; several are merged into a new list (each file's stays as it is).
    if (group.files.length === 1) units = coded;
    else for (const u of coded) units.push(u);
  }
  if (group.files.length > 1) units.sort((a, b) => a.segment - b.segment);
  if (review && read > 0) files.findLast((f) => f.transcript !== null)!.problems.push(...review.unmatched());
  const out: GroupOutcome = { order: group.order, files, tally: read === 0 ? null : counter ? finishTally(counter) : tallyTranscript(units, ctx.tally) };
  if (ctx.report && read > 0) out.report = tallyTranscriptReport(units, ctx.report);
  if (config.segments && read > 0) {
    const cuts = cellCuts(FULL_CONTENT);
    out.segments = renderSegmentsRows(units, ctx.flat, { excel: config.segments.excel, cuts });
    if (cuts.cells > 0) out.segmentsCut = cuts.cells;
  }
  if (config.where && config.where.units.length > 0) out.matched = matched;
  return out;
}

const NO_CODES = new Int32Array(0);

/** Whether a run's outputs show the evidence of codings (`segments.csv`, the units of `report.json`, kept units). */
export function needsEvidence(config: RunConfig): boolean {
  return config.segments !== undefined || config.units === true || Boolean(config.keep);
}

/** A second look at one group, after all groups were tallied: the units of its evidence the HTML report shows. */
export interface FetchRequest {
  group: InputGroup;
  /** Segment numbers of the units to quote in full. */
  quotes: number[];
  /** Segment numbers of the units listed with the beginning of their text. */
  snippets?: number[];
  /** Segment numbers of the units named by speaker and line only. */
  refs?: number[];
}

/** What a second look gives. */
export interface FetchOutcome {
  /**
   * The units quoted, coded, then the others with no codings and only the beginning of their text
   * (`briefText`) or none; of units sharing an id the one of the last file in listing order.
   */
  quotes: CodedUnit[];
}

/** Re-read one group's files (they give the same units) and code the units `request` quotes; the others only cut short. */
export async function fetchGroup(request: FetchRequest, ctx: RunContext): Promise<FetchOutcome> {
  const { config } = ctx;
  const quoted = new Set(request.quotes);
  const snippets = new Set(request.snippets);
  const wanted = new Set([...request.quotes, ...snippets, ...(request.refs ?? [])]);
  const last = new Map<number, Unit>();
  for (const { file } of request.group.files) {
    for (const unit of (await readUnits(file, config)).units) if (wanted.has(unit.segment)) last.set(unit.segment, unit);
  }
  const full = [...last.values()].filter((u) => quoted.has(u.segment));
  const short = [...last.values()].filter((u) => !quoted.has(u.segment)).map((u): CodedUnit => ({ ...u, text: snippets.has(u.segment) ? briefText(u.text) : '', codings: [] }));
  // The quotes show the codings the report counted: with the decisions applied (their warnings were given already).
  const decisions = config.review?.byTranscript[request.group.id];
  const review = decisions ? reviewer(request.group.id, decisions, new Map(ctx.flat.map((c, i) => [c.path, i]))) : null;
  return { quotes: [...(full.length > 0 ? codeRead(full, ctx.matcher, config, [], { review }) : []), ...short] };
}

/** One piece of work for a thread: tally a group, or take a second look at one. */
export type Task = { kind: 'code'; group: InputGroup } | { kind: 'fetch'; request: FetchRequest };

/** What a task gives. */
export type TaskOutcome = GroupOutcome | FetchOutcome;

/** Run a task in this thread. */
export function runTask(task: Task, ctx: RunContext): Promise<TaskOutcome> {
  return task.kind === 'code' ? runGroup(task.group, ctx) : fetchGroup(task.request, ctx);
}

/** What `report.json` lists of a transcript: where it came from, its metadata (front matter, preamble) and its legend's moderators. */
function provenance(t: Transcript): NonNullable<FileOutcome['transcript']> {
  const p: NonNullable<FileOutcome['transcript']> = { id: t.id, path: t.path, format: t.format, encoding: t.encoding, sha256: t.sha256, meta: t.meta };
  if (t.moderators && t.moderators.length > 0) p.moderators = t.moderators;
  return p;
}
