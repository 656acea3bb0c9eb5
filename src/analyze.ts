import { resolve } from 'node:path';
import { compileCodebook } from './codebook/compile.js';
import { sortProblems } from './problems.js';
import { analyzeCorpus } from './run/corpus.js';
import { openInputs, readConfigOf } from './run/inputs.js';
import type { AnalyzeResult, AnalyzeRunOptions, CodeInputsOptions, CodeInputsResult } from './run/options.js';
import { codeRead, readUnits } from './run/pipeline.js';
import { addMatched, whereWarnings } from './run/where.js';
import { unitId } from './analysis/units.js';
import type { CodedUnit, Problem, Transcript } from './types.js';

export { analyzeCorpus, type CorpusOptions, type CorpusProgress, type CorpusResult, type CorpusSink } from './run/corpus.js';
export type { AnalyzeResult, AnalyzeRunOptions, CodedInputs, CodeInputsOptions, CodeInputsResult } from './run/options.js';

/**
 * Read transcripts, segment them into units and code them with a codebook: the shared first half
 * of `analyze` and of the retrieval commands. A bad transcript is skipped with its problems
 * recorded and the run goes on; problems come back sorted.
 */
export async function codeInputs(inputs: readonly string[], options: CodeInputsOptions = {}): Promise<CodeInputsResult> {
  const problems: Problem[] = [];
  const opened = await openInputs(inputs, options, problems);
  if (!opened) return { coded: null, problems: sortProblems(problems) };
  const { cwd, codebook, unit, moderators, files, review, where } = opened;
  const matcher = compileCodebook(codebook);
  const config = readConfigOf(opened, options);
  const transcripts: Transcript[] = [];
  const units: CodedUnit[] = [];
  const skipped: string[] = [];
  const { reviewer, unusedTranscripts } = await import('./review/apply.js');
  const order = new Map(matcher.categories.map((c, i) => [c.path, i]));
  const reviewers = new Map<string, ReturnType<typeof reviewer>>();
  const matched: number[][] = [];
  const read = new Set(files);
  const outside = { transcripts: new Set(opened.listed.filter((f) => !read.has(f)).map((f) => f.id)), units: new Set<string>() };
  let done = 0;
  for (const file of files) {
    const read = await readUnits(file, config);
    problems.push(...read.problems);
    done++;
    const t = read.transcript;
    if (read.filtered) addMatched(matched, read.filtered.matched);
    if (t) {
      const decisions = review?.byTranscript[t.id];
      if (decisions && !reviewers.has(t.id)) reviewers.set(t.id, reviewer(t.id, decisions, order));
      const left = read.filtered ? { left: read.filtered.left } : {};
      for (const segment of read.filtered?.left ?? []) outside.units.add(unitId({ transcript: t.id, segment }));
      const coded = codeRead(read.units, matcher, config, problems, { file: file.path, review: reviewers.get(t.id) ?? null, ...left });
      // A transcript the --where filter keeps no unit of is not among those read.
      if (!read.filtered || coded.length > 0) transcripts.push(t);
      for (const u of coded) units.push(u); // a loop: a long transcript has more units than a call takes arguments
    } else {
      skipped.push(file.path);
    }
    options.onProgress?.(done, files.length, 0);
  }
  for (const r of reviewers.values()) problems.push(...r.unmatched());
  if (review) problems.push(...unusedTranscripts(review, new Set(opened.listed.map((f) => f.id))));
  if (where) problems.push(...whereWarnings(where, matched, units.length, opened.participants));
  return {
    coded: { codebook, matcher, unit, moderators, transcripts, units, skipped, inputPaths: opened.listed.map((f) => resolve(cwd, f.path)), ...(where ? { outside } : {}) },
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
