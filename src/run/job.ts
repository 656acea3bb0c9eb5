import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { codeUnits } from '../code/code-units.js';
import type { CooccurrenceScope } from '../aggregate/cooccurrence.js';
import { textWords, type WordOptions } from '../aggregate/keyterms.js';
import { planTally, tallyTranscript, type TallyPlan, type TranscriptTally } from '../aggregate/tally.js';
import { tallyTranscriptReport, type ReportPlan, type TranscriptReportTally } from '../aggregate/tally-report.js';
import { readTranscript } from '../read/index.js';
import { attributesFor, unknownSpeakers } from '../read/participants.js';
import { renderSegmentsRows } from '../render/csv.js';
import { stableStringify } from '../render/json.js';
import { segmentUnits } from '../segment/index.js';
import type { Category, Codebook, CodedUnit, InputFile, Participant, Problem, ReadResult, Transcript, Unit, UnitKind } from '../types.js';
import type { InputGroup } from './groups.js';

/** Everything a worker needs to code transcripts the same way as the main thread (plain data). */
export interface RunConfig {
  cwd: string;
  codebook: Codebook;
  participants: Participant[];
  /** Whether a participants file was given (unknown speakers are then reported). */
  withParticipants: boolean;
  unit: UnitKind;
  moderators: string[];
  encoding?: string;
  format?: string;
  /** Render each transcript's `segments.csv` rows. */
  segments?: { excel: boolean };
  /** Render each file's items of the `units` list of `report.json`. */
  units?: boolean;
  /** Tally the report parts beyond frequencies (see `aggregate/tally-report.ts`). */
  report?: { by: string[]; scope: CooccurrenceScope; words: WordOptions };
}

/** A run's configuration with the codebook compiled (once per thread). */
export interface RunContext {
  config: RunConfig;
  matcher: Matcher;
  /** The categories in flat codebook order (the columns of `segments.csv`). */
  flat: Category[];
  tally: TallyPlan;
  report: ReportPlan | null;
}

/** Compile what a thread needs to work through groups. */
export function prepareRun(config: RunConfig): RunContext {
  const tally = planTally(config.codebook.categories);
  const report = config.report ? { ...tally, codebook: config.codebook, ...config.report } : null;
  return { config, matcher: compileCodebook(config.codebook), flat: tally.flat, tally, report };
}

/** What became of one input file. */
export interface FileOutcome {
  /** Place in the listing, from 0. */
  index: number;
  problems: Problem[];
  /** The transcript's provenance, or null when the file was skipped. */
  transcript: Pick<Transcript, 'id' | 'path' | 'format' | 'encoding' | 'sha256'> | null;
  /** The file's items of the `units` list of `report.json` (2-space indent at depth 2), joined by `,\n`. */
  units?: string;
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
  for (const { index, file } of group.files) {
    const result = await readFile(file, config);
    const problems = [...result.problems];
    const t = result.transcript;
    if (!t) {
      files.push({ index, problems, transcript: null });
      continue;
    }
    read++;
    if (config.withParticipants) problems.push(...unknownSpeakers(config.participants, t));
    const segmented = segmentFile(t, config);
    const coded = codeUnits(segmented, matcher, { file: file.path, onProblem: (p) => problems.push(p) });
    const outcome: FileOutcome = { index, problems, transcript: { id: t.id, path: t.path, format: t.format, encoding: t.encoding, sha256: t.sha256 } };
    if (config.units) outcome.units = coded.map((u) => '    ' + stableStringify(u, '  ', '    ')).join(',\n');
    files.push(outcome);
    if (units.length === 0) units = coded;
    else for (const u of coded) units.push(u);
  }
  if (group.files.length > 1) units.sort((a, b) => a.segment - b.segment);
  const out: GroupOutcome = { order: group.order, files, tally: read > 0 ? tallyTranscript(units, ctx.tally) : null };
  if (ctx.report && read > 0) out.report = tallyTranscriptReport(units, ctx.report);
  if (config.segments && read > 0) out.segments = renderSegmentsRows(units, ctx.flat, config.segments);
  return out;
}

function readFile(file: InputFile, config: RunConfig): Promise<ReadResult> {
  return readTranscript(file, {
    cwd: config.cwd,
    ...(config.encoding ? { encoding: config.encoding } : {}),
    ...(config.format ? { format: config.format } : {}),
  });
}

function segmentFile(t: Transcript, config: RunConfig): Unit[] {
  return segmentUnits(t, {
    unit: config.unit,
    moderators: config.moderators,
    ...(config.participants.length > 0 ? { attributes: (id: string, speaker: string) => attributesFor(config.participants, id, speaker) } : {}),
  });
}

/**
 * A second look at one group, after all groups were tallied: the words of some of its codable
 * units (for the labels of emergent perspectives) and some units to quote (for the HTML report).
 */
export interface FetchRequest {
  group: InputGroup;
  /** Positions among the group's codable units in report order, each with the combinations it supports. */
  words: { position: number; combos: number[] }[];
  /** Segment numbers of the units to quote. */
  quotes: number[];
  /** Lower-cased words not counted: the words of the corpus's speaker labels. */
  ignore: string[];
  wordOptions: WordOptions;
}

/** What a second look gives. */
export interface FetchOutcome {
  /** Triples (combination, position in `terms`, units), flattened. */
  counts: number[];
  terms: string[];
  /** The units quoted, coded; of units sharing an id the one of the last file in listing order. */
  quotes: CodedUnit[];
}

/** Re-read one group's files (they give the same units) and collect what `request` asks for. */
export async function fetchGroup(request: FetchRequest, ctx: RunContext): Promise<FetchOutcome> {
  const { config } = ctx;
  const all: { unit: Unit; file: number }[] = [];
  for (let f = 0; f < request.group.files.length; f++) {
    const t = (await readFile(request.group.files[f]!.file, config)).transcript;
    if (t) for (const unit of segmentFile(t, config)) all.push({ unit, file: f });
  }
  if (request.group.files.length > 1) all.sort((a, b) => a.unit.segment - b.unit.segment);
  const codable = all.filter((u) => !u.unit.moderator);
  const ignore = new Set(request.ignore);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const perCombo = new Map<number, Map<number, number>>();
  for (const { position, combos } of request.words) {
    const unit = codable[position]?.unit;
    if (!unit) continue;
    for (const term of textWords(unit.text, { ...request.wordOptions, ignore }).keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
      }
      for (const c of combos) {
        let m = perCombo.get(c);
        if (!m) {
          m = new Map();
          perCombo.set(c, m);
        }
        m.set(id, (m.get(id) ?? 0) + 1);
      }
    }
  }
  const counts: number[] = [];
  for (const [c, m] of perCombo) for (const [id, n] of m) counts.push(c, id, n);
  const wanted = new Set(request.quotes);
  const last = new Map<number, { unit: Unit; file: number }>();
  for (const u of all) {
    if (!wanted.has(u.unit.segment)) continue;
    const seen = last.get(u.unit.segment);
    if (!seen || u.file >= seen.file) last.set(u.unit.segment, u);
  }
  const quoted = [...last.values()].map((u) => u.unit);
  return { counts, terms, quotes: quoted.length > 0 ? codeUnits(quoted, ctx.matcher) : [] };
}

/** One piece of work for a thread: tally a group, or take a second look at one. */
export type Task = { kind: 'code'; group: InputGroup } | { kind: 'fetch'; request: FetchRequest };

/** What a task gives. */
export type TaskOutcome = GroupOutcome | FetchOutcome;

/** Run a task in this thread. */
export function runTask(task: Task, ctx: RunContext): Promise<TaskOutcome> {
  return task.kind === 'code' ? runGroup(task.group, ctx) : fetchGroup(task.request, ctx);
}
