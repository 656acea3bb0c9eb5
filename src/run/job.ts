import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { codeUnits } from '../code/code-units.js';
import { planTally, tallyTranscript, type TallyPlan, type TranscriptTally } from '../aggregate/tally.js';
import { readTranscript } from '../read/index.js';
import { attributesFor, unknownSpeakers } from '../read/participants.js';
import { renderSegmentsRows } from '../render/csv.js';
import { stableStringify } from '../render/json.js';
import { segmentUnits } from '../segment/index.js';
import type { Category, Codebook, CodedUnit, Participant, Problem, Transcript, UnitKind } from '../types.js';
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
}

/** A run's configuration with the codebook compiled (once per thread). */
export interface RunContext {
  config: RunConfig;
  matcher: Matcher;
  /** The categories in flat codebook order (the columns of `segments.csv`). */
  flat: Category[];
  tally: TallyPlan;
}

/** Compile what a thread needs to work through groups. */
export function prepareRun(config: RunConfig): RunContext {
  const tally = planTally(config.codebook.categories);
  return { config, matcher: compileCodebook(config.codebook), flat: tally.flat, tally };
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
    const result = await readTranscript(file, {
      cwd: config.cwd,
      ...(config.encoding ? { encoding: config.encoding } : {}),
      ...(config.format ? { format: config.format } : {}),
    });
    const problems = [...result.problems];
    const t = result.transcript;
    if (!t) {
      files.push({ index, problems, transcript: null });
      continue;
    }
    read++;
    if (config.withParticipants) problems.push(...unknownSpeakers(config.participants, t));
    const segmented = segmentUnits(t, {
      unit: config.unit,
      moderators: config.moderators,
      ...(config.participants.length > 0 ? { attributes: (id: string, speaker: string) => attributesFor(config.participants, id, speaker) } : {}),
    });
    const coded = codeUnits(segmented, matcher, { file: file.path, onProblem: (p) => problems.push(p) });
    const outcome: FileOutcome = { index, problems, transcript: { id: t.id, path: t.path, format: t.format, encoding: t.encoding, sha256: t.sha256 } };
    if (config.units) outcome.units = coded.map((u) => '    ' + stableStringify(u, '  ', '    ')).join(',\n');
    files.push(outcome);
    if (units.length === 0) units = coded;
    else for (const u of coded) units.push(u);
  }
  if (group.files.length > 1) units.sort((a, b) => a.segment - b.segment);
  const out: GroupOutcome = { order: group.order, files, tally: read > 0 ? tallyTranscript(units, ctx.tally) : null };
  if (config.segments && read > 0) out.segments = renderSegmentsRows(units, ctx.flat, config.segments);
  return out;
}
