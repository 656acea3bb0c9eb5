import { resolve } from 'node:path';
import type { CooccurrenceScope } from './aggregate/cooccurrence.js';
import { compileCodebook, type Matcher } from './codebook/compile.js';
import { codeUnits } from './code/code-units.js';
import type { RegexBudget } from './code/regex-budget.js';
import { sortProblems } from './problems.js';
import { readTranscript } from './read/index.js';
import { attributesFor, unknownSpeakers } from './read/participants.js';
import { analyzeCorpus } from './run/corpus.js';
import { openInputs } from './run/inputs.js';
import { segmentUnits } from './segment/index.js';
import type { Codebook, CodedUnit, Problem, Report, Transcript, UnitKind } from './types.js';

export { analyzeCorpus, type CorpusOptions, type CorpusProgress, type CorpusResult, type CorpusSink } from './run/corpus.js';

/** Options of `codeInputs`: where inputs, codebook and participants are, and how to segment. */
export interface CodeInputsOptions {
  /** A codebook file, an already loaded Codebook, or nothing for the shipped default. */
  codebook?: string | Codebook;
  /** The folder relative paths are resolved against (default: the process's working folder). */
  cwd?: string;
  /** Coding unit, over the codebook's. */
  unit?: UnitKind;
  /** Speaker labels never coded, on top of the codebook's moderators. */
  moderators?: string[];
  /** A participants file (CSV or YAML) with speaker attributes. */
  participants?: string;
  /** Force an input encoding (`utf-8`, `windows-1252`, …). */
  encoding?: string;
  /** Read every transcript as this format (`vtt`, `docx`, … or an extension) instead of by extension and content. */
  format?: string;
  /** Called after each transcript with the count done, for progress displays. */
  onProgress?: (done: number, total: number, bytes: number) => void;
  /** The time budget of a regex rule on one unit; a rule that runs past it is stopped (default 1 s + 1 ms per 1000 characters). */
  regexBudget?: RegexBudget;
  /** Review files (`fokus review`) whose decisions override the rules for the units they cover, later files winning. */
  review?: readonly string[];
}

/** Options of `analyze`: those of `codeInputs` plus what to aggregate. */
export interface AnalyzeRunOptions extends CodeInputsOptions {
  /** Breakdown and comparison dimensions: `speaker`, `group`, `transcript` or any participant attribute. */
  by?: string[];
  /** Co-occurrence scope: `unit` (default), `transcript`, `window:N`, or the parsed form. */
  cooccurScope?: string | CooccurrenceScope;
  /** Least support (units) of an emergent perspective (default 3). */
  minSupport?: number;
  /** Least lift of an emergent perspective (default 1.5). */
  minLift?: number;
  /** Most emergent perspectives reported, the first in report order (default 50; 0 = all). */
  maxEmergent?: number;
  /** Key terms kept per category (default 10). */
  keyterms?: number;
}

/** Transcripts read, segmented and coded, with everything needed to report on them. */
export interface CodedInputs {
  codebook: Codebook;
  matcher: Matcher;
  /** The unit kind used and the moderators in force (codebook's plus extra). */
  unit: UnitKind;
  moderators: string[];
  transcripts: Transcript[];
  /** Every unit of every transcript read, in input order, moderator units included. */
  units: CodedUnit[];
  /** Input files skipped because of a fatal problem. */
  skipped: string[];
  /** Absolute paths of every transcript file listed. */
  inputPaths: string[];
}

/** The result of `codeInputs`: the coded inputs (null when the run could not start) and every problem met. */
export interface CodeInputsResult {
  coded: CodedInputs | null;
  problems: Problem[];
}

/** The result of `analyze`: a report (null when the run could not start) and every problem met. */
export interface AnalyzeResult {
  report: Report | null;
  problems: Problem[];
  /** Input files skipped because of a fatal problem. */
  skipped: string[];
  /** Absolute paths of every transcript file listed (outputs must never overwrite them). */
  inputPaths: string[];
}

/**
 * Read transcripts, segment them into units and code them with a codebook: the shared first half
 * of `analyze` and of the retrieval commands. A bad transcript is skipped with its problems
 * recorded and the run goes on; problems come back sorted.
 */
export async function codeInputs(inputs: readonly string[], options: CodeInputsOptions = {}): Promise<CodeInputsResult> {
  const problems: Problem[] = [];
  const opened = await openInputs(inputs, options, problems);
  if (!opened) return { coded: null, problems: sortProblems(problems) };
  const { cwd, codebook, participants, unit, moderators, files, review } = opened;
  const matcher = compileCodebook(codebook);
  const transcripts: Transcript[] = [];
  const units: CodedUnit[] = [];
  const skipped: string[] = [];
  const { markRuleSources, reviewer, unusedTranscripts } = await import('./review/apply.js');
  const order = new Map(matcher.categories.map((c, i) => [c.path, i]));
  const reviewers = new Map<string, ReturnType<typeof reviewer>>();
  let done = 0;
  for (const file of files) {
    const read = await readTranscript(file, { cwd, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.format ? { format: options.format } : {}) });
    problems.push(...read.problems);
    done++;
    if (!read.transcript) {
      skipped.push(file.path);
      options.onProgress?.(done, files.length, 0);
      continue;
    }
    const t = read.transcript;
    transcripts.push(t);
    if (options.participants) problems.push(...unknownSpeakers(participants, t));
    const segmented = segmentUnits(t, {
      unit,
      moderators,
      ...(participants.length > 0 ? { attributes: (id: string, speaker: string) => attributesFor(participants, id, speaker) } : {}),
    });
    const coded = codeUnits(segmented, matcher, { file: file.path, onProblem: (p) => problems.push(p), ...(options.regexBudget ? { regexBudget: options.regexBudget } : {}) });
    markRuleSources(coded);
    const decisions = review?.byTranscript[t.id];
    if (decisions) {
      if (!reviewers.has(t.id)) reviewers.set(t.id, reviewer(t.id, decisions, order));
      problems.push(...reviewers.get(t.id)!.apply(coded));
    }
    for (const u of coded) units.push(u); // a loop: a long transcript has more units than a call takes arguments
    options.onProgress?.(done, files.length, 0);
  }
  for (const r of reviewers.values()) problems.push(...r.unmatched());
  if (review) problems.push(...unusedTranscripts(review, new Set(files.map((f) => f.id))));
  return {
    coded: { codebook, matcher, unit, moderators, transcripts, units, skipped, inputPaths: files.map((f) => resolve(cwd, f.path)) },
    problems: sortProblems(problems),
  };
}

/**
 * The main job: read transcripts, segment them into units, code them with a codebook and
 * aggregate frequencies, breakdowns and comparisons, co-occurrences, key terms and perspectives
 * (declared, then emergent). A bad transcript is skipped with its problems recorded and the run
 * goes on. Throws only for an invalid `cooccurScope` string (a programmer error: the CLI checks it).
 * The report holds every unit; for corpora too large for that, `analyzeCorpus` streams them.
 */
export async function analyze(inputs: readonly string[], options: AnalyzeRunOptions = {}): Promise<AnalyzeResult> {
  const { report, problems, skipped, inputPaths } = await analyzeCorpus(inputs, { ...options, jobs: 1, keepUnits: true });
  return { report, problems, skipped, inputPaths };
}
