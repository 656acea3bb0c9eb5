import { resolve } from 'node:path';
import { breakDown } from './aggregate/breakdown.js';
import { compareGroups } from './aggregate/compare.js';
import { countCooccurrence, formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE, type CooccurrenceScope } from './aggregate/cooccurrence.js';
import { DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT, findEmergentPerspectives } from './aggregate/emergent.js';
import { countFrequencies } from './aggregate/frequencies.js';
import { findKeyTerms } from './aggregate/keyterms.js';
import { findPerspectives } from './aggregate/perspectives.js';
import { compileCodebook, type Matcher } from './codebook/compile.js';
import { codeUnits } from './code/code-units.js';
import type { RegexBudget } from './code/regex-budget.js';
import { hasErrors, sortProblems } from './problems.js';
import { loadCodebook } from './read/codebook.js';
import { knownEncoding } from './read/decode.js';
import { listInputs } from './read/files.js';
import { readTranscript } from './read/index.js';
import { attributesFor, loadParticipants, unknownSpeakers } from './read/participants.js';
import { segmentUnits } from './segment/index.js';
import type { Codebook, CodedUnit, Participant, Problem, Report, Transcript, UnitKind } from './types.js';
import { VERSION } from './version.js';

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
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const stop = (): CodeInputsResult => ({ coded: null, problems: sortProblems(problems) });
  // A bad encoding name would fail every file alike: one error, before anything is read.
  if (options.encoding !== undefined && options.encoding.trim() !== '' && !knownEncoding(options.encoding)) {
    const message = `unknown encoding "${options.encoding}" (for example utf-8, windows-1252, latin1, utf-16le)`;
    problems.push({ file: '--encoding', severity: 'error', message, ruleId: 'options/encoding' });
    return stop();
  }

  let codebook: Codebook;
  if (typeof options.codebook === 'object') {
    codebook = options.codebook;
  } else {
    const file = options.codebook;
    const loaded = await loadCodebook(file === undefined ? undefined : resolve(cwd, file));
    problems.push(...loaded.problems.map((p) => (file === undefined ? p : { ...p, file })));
    if (!loaded.codebook) return stop();
    codebook = loaded.codebook;
  }

  let participants: Participant[] = [];
  if (options.participants) {
    const file = options.participants;
    const loaded = await loadParticipants(resolve(cwd, file));
    problems.push(...loaded.problems.map((p) => ({ ...p, file })));
    if (hasErrors(loaded.problems)) return stop();
    participants = loaded.participants;
  }

  const listed = await listInputs([...inputs], cwd);
  problems.push(...listed.problems);
  if (listed.files.length === 0 && !hasErrors(listed.problems)) {
    problems.push({ file: inputs.join(' '), severity: 'error', message: 'no transcripts found', ruleId: 'input/none' });
  }

  const unit = options.unit ?? codebook.unit;
  const moderators = [...codebook.moderators, ...(options.moderators ?? [])];
  const matcher = compileCodebook(codebook);
  const transcripts: Transcript[] = [];
  const units: CodedUnit[] = [];
  const skipped: string[] = [];
  let done = 0;
  for (const file of listed.files) {
    const read = await readTranscript(file, { cwd, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.format ? { format: options.format } : {}) });
    problems.push(...read.problems);
    done++;
    if (!read.transcript) {
      skipped.push(file.path);
      options.onProgress?.(done, listed.files.length, 0);
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
    for (const u of coded) units.push(u); // a loop: a long transcript has more units than a call takes arguments
    options.onProgress?.(done, listed.files.length, 0);
  }
  return {
    coded: { codebook, matcher, unit, moderators, transcripts, units, skipped, inputPaths: listed.files.map((f) => resolve(cwd, f.path)) },
    problems: sortProblems(problems),
  };
}

/**
 * The main job: read transcripts, segment them into units, code them with a codebook and
 * aggregate frequencies, breakdowns and comparisons, co-occurrences, key terms and perspectives
 * (declared, then emergent). A bad transcript is skipped with its problems recorded and the run
 * goes on. Throws only for an invalid `cooccurScope` string (a programmer error: the CLI checks it).
 */
export async function analyze(inputs: readonly string[], options: AnalyzeRunOptions = {}): Promise<AnalyzeResult> {
  const scope = typeof options.cooccurScope === 'string' ? parseCooccurrenceScope(options.cooccurScope) : (options.cooccurScope ?? UNIT_SCOPE);
  if (!scope) throw new Error(`invalid co-occurrence scope ${String(options.cooccurScope)}`);
  const { coded, problems } = await codeInputs(inputs, options);
  if (!coded) return { report: null, problems, skipped: [], inputPaths: [] };
  const { codebook, transcripts, units, unit, moderators, skipped } = coded;

  const categories = codebook.categories;
  const codable = units.filter((u) => !u.moderator);
  const by = options.by ?? [];
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const words = { language: codebook.language, stem: codebook.match.stem };
  const report: Report = {
    program: { name: 'fokus', version: VERSION },
    codebook: {
      name: codebook.name,
      ...(codebook.version !== undefined ? { version: codebook.version } : {}),
      file: codebook.source.file,
      sha256: codebook.source.sha256,
    },
    inputs: transcripts.map((t) => ({ path: t.id, id: t.id, format: t.format, encoding: t.encoding, sha256: t.sha256 })),
    options: { unit, moderators, by, cooccurScope: formatCooccurrenceScope(scope), minSupport, minLift },
    totals: {
      transcripts: transcripts.length,
      units: units.length,
      codableUnits: codable.length,
      speakers: new Set(codable.map((u) => `${u.transcript}\u0000${u.speaker}`)).size,
      skipped: skipped.length,
    },
    categories: [],
    frequencies: countFrequencies(units, categories),
    breakdowns: by.map((dim) => breakDown(units, categories, dim)),
    comparisons: by.map((dim) => compareGroups(units, categories, dim)),
    cooccurrence: countCooccurrence(units, categories, scope),
    perspectives: [...findPerspectives(units, codebook), ...findEmergentPerspectives(units, codebook, { ...words, minSupport, minLift })],
    keyterms: findKeyTerms(units, categories, { ...words, ...(options.keyterms !== undefined ? { top: options.keyterms } : {}) }),
    units,
    problems: [],
  };
  report.categories = report.frequencies.map((f) => ({ path: f.category, label: f.label, level: f.level }));
  report.problems = problems;
  return { report, problems, skipped, inputPaths: coded.inputPaths };
}
