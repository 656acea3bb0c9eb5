import { resolve } from 'node:path';
import { formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE } from '../aggregate/cooccurrence.js';
import { DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT } from '../aggregate/emergent.js';
import { addTally, newCorpusTally, tallyFrequencies } from '../aggregate/tally.js';
import type { AnalyzeResult, AnalyzeRunOptions } from '../analyze.js';
import { hasErrors, sortProblems } from '../problems.js';
import { loadCodebook } from '../read/codebook.js';
import { knownEncoding } from '../read/decode.js';
import { listInputs } from '../read/files.js';
import { loadParticipants } from '../read/participants.js';
import { fileSizes } from '../read/sizes.js';
import type { Codebook, Participant, Problem, Report } from '../types.js';
import { VERSION } from '../version.js';
import { groupInputs } from './groups.js';
import type { FileOutcome, RunConfig } from './job.js';
import { planJobs, runGroups } from './pool.js';

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
}

/**
 * `analyze` for corpora of any size: transcripts are read, coded and tallied one at a time (on
 * every core when the corpus is large enough), their tallies added up in transcript order, and what
 * grows with the corpus — the rows of `segments.csv`, the units of `report.json` — handed to the
 * sink instead of being kept. The report comes back with `units` empty; everything else is as
 * `analyze` computes it, byte for byte, however many threads ran.
 */
export async function analyzeCorpus(inputs: readonly string[], options: CorpusOptions = {}): Promise<AnalyzeResult> {
  const scope = typeof options.cooccurScope === 'string' ? parseCooccurrenceScope(options.cooccurScope) : (options.cooccurScope ?? UNIT_SCOPE);
  if (!scope) throw new Error(`invalid co-occurrence scope ${String(options.cooccurScope)}`);
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const stop = (): AnalyzeResult => ({ report: null, problems: sortProblems(problems), skipped: [], inputPaths: [] });
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
  const sizes = await fileSizes(listed.files, cwd);
  const groups = groupInputs(listed.files, sizes);
  const sink = options.sink ?? {};
  const config: RunConfig = {
    cwd,
    codebook,
    participants,
    withParticipants: options.participants !== undefined && options.participants !== '',
    unit,
    moderators,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(sink.segments ? { segments: { excel: sink.segments.excel } } : {}),
    ...(sink.units ? { units: true } : {}),
  };

  const outcomes: (FileOutcome | undefined)[] = new Array(listed.files.length);
  const tally = newCorpusTally();
  const progress = { files: 0, totalFiles: listed.files.length, bytes: 0, totalBytes: sizes.reduce((a, b) => a + b, 0) };
  await runGroups(groups, config, planJobs(groups, options.jobs), async (outcome) => {
    for (const f of outcome.files) {
      if (f.units !== undefined && f.units !== '') await sink.units?.(f.index, f.units);
      delete f.units;
      outcomes[f.index] = f;
    }
    if (outcome.tally) addTally(tally, outcome.tally);
    if (outcome.segments) await sink.segments?.write(outcome.segments);
    const group = groups[outcome.order]!;
    progress.files += group.files.length;
    progress.bytes += group.bytes;
    options.progress?.({ ...progress });
  });

  const inputsRead: Report['inputs'] = [];
  const skipped: string[] = [];
  for (const f of outcomes) {
    if (!f) continue;
    problems.push(...f.problems);
    if (f.transcript) {
      const t = f.transcript;
      inputsRead.push({ path: t.id, id: t.id, format: t.format, encoding: t.encoding, sha256: t.sha256 });
    } else {
      skipped.push(listed.files[f.index]!.path);
    }
  }
  const by = options.by ?? [];
  const frequencies = tallyFrequencies(tally, codebook.categories);
  const report: Report = {
    program: { name: 'fokus', version: VERSION },
    codebook: {
      name: codebook.name,
      ...(codebook.version !== undefined ? { version: codebook.version } : {}),
      file: codebook.source.file,
      sha256: codebook.source.sha256,
    },
    inputs: inputsRead,
    options: {
      unit,
      moderators,
      by,
      cooccurScope: formatCooccurrenceScope(scope),
      minSupport: options.minSupport ?? DEFAULT_MIN_SUPPORT,
      minLift: options.minLift ?? DEFAULT_MIN_LIFT,
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
  const sorted = sortProblems(problems);
  report.problems = sorted;
  return { report, problems: sorted, skipped, inputPaths: listed.files.map((f) => resolve(cwd, f.path)) };
}
