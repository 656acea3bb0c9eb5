import { resolve } from 'node:path';
import { breakDown } from './aggregate/breakdown.js';
import { countCooccurrence } from './aggregate/cooccurrence.js';
import { countFrequencies } from './aggregate/frequencies.js';
import { findPerspectives } from './aggregate/perspectives.js';
import { compileCodebook } from './codebook/compile.js';
import { codeUnits } from './code/code-units.js';
import { hasErrors, sortProblems } from './problems.js';
import { loadCodebook } from './read/codebook.js';
import { listInputs } from './read/files.js';
import { readTranscript } from './read/index.js';
import { attributesFor, loadParticipants } from './read/participants.js';
import { segmentUnits } from './segment/index.js';
import type { Codebook, CodedUnit, Participant, Problem, Report, Transcript, UnitKind } from './types.js';
import { VERSION } from './version.js';

/** Options of `analyze`; paths are resolved against `cwd`. */
export interface AnalyzeRunOptions {
  /** A codebook file, an already loaded Codebook, or nothing for the shipped default. */
  codebook?: string | Codebook;
  /** The folder relative paths are resolved against (default: the process's working folder). */
  cwd?: string;
  /** Coding unit, over the codebook's. */
  unit?: UnitKind;
  /** Speaker labels never coded, on top of the codebook's moderators. */
  moderators?: string[];
  /** Breakdown dimensions: `speaker`, `group`, `transcript` or any participant attribute. */
  by?: string[];
  /** A participants file (CSV or YAML) with speaker attributes. */
  participants?: string;
  /** Force an input encoding (`utf-8`, `windows-1252`, …). */
  encoding?: string;
  /** Called after each transcript with the count done, for progress displays. */
  onProgress?: (done: number, total: number, bytes: number) => void;
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
 * The main job: read transcripts, segment them into units, code them with a codebook and
 * aggregate frequencies, breakdowns, co-occurrences and perspectives. A bad transcript is
 * skipped with its problems recorded and the run goes on.
 */
export async function analyze(inputs: readonly string[], options: AnalyzeRunOptions = {}): Promise<AnalyzeResult> {
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];

  let codebook: Codebook;
  if (typeof options.codebook === 'object') {
    codebook = options.codebook;
  } else {
    const loaded = await loadCodebook(options.codebook === undefined ? undefined : resolve(cwd, options.codebook));
    problems.push(...loaded.problems.map((p) => (options.codebook === undefined ? p : { ...p, file: options.codebook })));
    if (!loaded.codebook) return { report: null, problems: sortProblems(problems), skipped: [], inputPaths: [] };
    codebook = loaded.codebook;
  }

  let participants: Participant[] = [];
  if (options.participants) {
    const loaded = await loadParticipants(resolve(cwd, options.participants));
    problems.push(...loaded.problems.map((p) => ({ ...p, file: options.participants! })));
    if (hasErrors(loaded.problems)) return { report: null, problems: sortProblems(problems), skipped: [], inputPaths: [] };
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
    const read = await readTranscript(file, options.encoding ? { encoding: options.encoding } : {});
    problems.push(...read.problems);
    done++;
    if (!read.transcript) {
      skipped.push(file.path);
      options.onProgress?.(done, listed.files.length, 0);
      continue;
    }
    const t = read.transcript;
    transcripts.push(t);
    const segmented = segmentUnits(t, {
      unit,
      moderators,
      attributes: participants.length > 0 ? (id, speaker) => attributesFor(participants, id, speaker) : undefined,
    });
    units.push(...codeUnits(segmented, matcher));
    options.onProgress?.(done, listed.files.length, 0);
  }

  const categories = codebook.categories;
  const codable = units.filter((u) => !u.moderator);
  const report: Report = {
    program: { name: 'fokus', version: VERSION },
    codebook: {
      name: codebook.name,
      ...(codebook.version !== undefined ? { version: codebook.version } : {}),
      file: codebook.source.file,
      sha256: codebook.source.sha256,
    },
    inputs: transcripts.map((t) => ({ path: t.id, id: t.id, format: t.format, encoding: t.encoding, sha256: t.sha256 })),
    options: { unit, moderators, by: options.by ?? [] },
    totals: {
      transcripts: transcripts.length,
      units: units.length,
      codableUnits: codable.length,
      speakers: new Set(codable.map((u) => `${u.transcript}\u0000${u.speaker}`)).size,
      skipped: skipped.length,
    },
    categories: [],
    frequencies: countFrequencies(units, categories),
    breakdowns: (options.by ?? []).map((dim) => breakDown(units, categories, dim)),
    cooccurrence: countCooccurrence(units, categories),
    perspectives: findPerspectives(units, codebook),
    units,
    problems: [],
  };
  report.categories = report.frequencies.map((f) => ({ path: f.category, label: f.label, level: f.level }));
  report.problems = sortProblems(problems);
  return { report, problems: report.problems, skipped, inputPaths: listed.files.map((f) => resolve(cwd, f.path)) };
}

