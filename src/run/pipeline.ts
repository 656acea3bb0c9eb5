import type { Matcher } from '../codebook/compile.js';
import { codeUnits } from '../coding/code-units.js';
import type { RegexBudget } from '../coding/regex-budget.js';
import { readTranscript } from '../transcripts/read.js';
import type { ReadLimits } from '../transcripts/limits.js';
import { attributesFor, unknownSpeakers } from '../transcripts/participants.js';
import { markRuleSources, type Reviewer } from '../review/apply.js';
import { segmentUnits } from '../transcripts/segment.js';
import type { CodedUnit, InputFile, Participant, Problem, Transcript, Unit, UnitKind } from '../types.js';
import { filterUnits, type WhereFilter } from './where.js';

// The pipeline of one transcript file — read, segment, code — written once: `codeInputs` (the
// retrieval commands, evaluate, export, learn, review) and the corpus jobs of `analyze` (main thread
// and workers) all go through these two steps.

/** How files are read and segmented: the same for every command (plain data, passed to workers). */
export interface ReadConfig {
  cwd: string;
  participants: Participant[];
  /** Whether a participants file was given (unknown speakers are then reported). */
  withParticipants: boolean;
  unit: UnitKind;
  moderators: string[];
  encoding?: string;
  format?: string;
  regexBudget?: RegexBudget;
  /** Limits of the readers (bytes inflated, entries, depth, elements), over the defaults. */
  limits?: Partial<ReadLimits>;
  /** Words that head the transcripts' sections, from the codebook (`headingWords`): such a label is no speaker. */
  headings?: string[];
  /** The `--where` filter: only the units it keeps are segmented out (its transcript key is applied to the listing). */
  where?: WhereFilter;
}

/** A file read and segmented: its transcript (null when it could not be read), units and problems. */
export interface ReadUnits {
  transcript: Transcript | null;
  /** The units (with a `--where` filter, those it keeps). */
  units: Unit[];
  problems: Problem[];
  /** With a `--where` filter on units: the segments it left out, and how many units each of its values matched. */
  filtered?: { left: number[]; matched: number[][] };
}

/**
 * Read one file and segment it into units (moderators marked, participant attributes joined); with
 * a `--where` filter, the units it leaves out are dropped here, before anything codes or counts them.
 */
export async function readUnits(file: InputFile, config: ReadConfig): Promise<ReadUnits> {
  const read = await readTranscript(file, {
    cwd: config.cwd,
    ...(config.encoding ? { encoding: config.encoding } : {}),
    ...(config.format ? { format: config.format } : {}),
    ...(config.limits ? { limits: config.limits } : {}),
    ...(config.headings && config.headings.length > 0 ? { headings: new Set(config.headings) } : {}),
  });
  const problems = [...read.problems];
  const t = read.transcript;
  if (!t) return { transcript: null, units: [], problems };
  if (config.withParticipants) problems.push(...unknownSpeakers(config.participants, t));
  const units = segmentUnits(t, {
    unit: config.unit,
    moderators: config.moderators,
    ...(config.participants.length > 0 ? { attributes: (id: string, speaker: string) => attributesFor(config.participants, id, speaker) } : {}),
  });
  if (!config.where || config.where.units.length === 0) return { transcript: t, units, problems };
  const { kept, left, matched } = filterUnits(units, config.where);
  return { transcript: t, units: kept, problems, filtered: { left, matched } };
}

/** Options of `codeRead`. */
export interface CodeReadOptions {
  /** The file named in problems. */
  file?: string;
  /** Whether codings carry their evidence (default true). */
  evidence?: boolean;
  /** Review decisions of the unit's transcript, applied after the rules; their problems go to `problems`. */
  review?: Reviewer | null;
  /** Segments of the transcript a `--where` filter left out: their review decisions are not stale. */
  left?: readonly number[];
}

/**
 * Code segmented units with the matcher, mark the codings as the rules', and apply review decisions
 * over them. Problems (a regex rule stopped by its budget, a decision that fits no unit) are pushed
 * to `problems`.
 */
export function codeRead(units: readonly Unit[], matcher: Matcher, config: Pick<ReadConfig, 'regexBudget'>, problems: Problem[], options: CodeReadOptions = {}): CodedUnit[] {
  const coded = codeUnits(units, matcher, {
    onProblem: (p) => problems.push(p),
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.evidence !== undefined ? { evidence: options.evidence } : {}),
    ...(config.regexBudget ? { regexBudget: config.regexBudget } : {}),
  });
  markRuleSources(coded);
  if (options.review) {
    if (options.left) options.review.skip(options.left);
    problems.push(...options.review.apply(coded));
  }
  return coded;
}
