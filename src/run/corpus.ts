import { isAbsolute, resolve } from 'node:path';
import { breakdownRows } from '../aggregate/breakdown.js';
import { comparisonRows } from '../aggregate/compare.js';
import { cooccurrenceRows, formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE } from '../aggregate/cooccurrence.js';
import { capCombinations, DEFAULT_LABEL_TERMS, DEFAULT_MAX_EMERGENT, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT, describeCombination, emergentCombinations } from '../aggregate/emergent.js';
import { DEFAULT_TOP_TERMS, rankTerms } from '../aggregate/keyterms.js';
import { findPerspectives } from '../aggregate/perspectives.js';
import { addTally, newCorpusTally, tallyFrequencies } from '../aggregate/tally.js';
import {
  addReportTally,
  categoryTerms,
  newReportSum,
  recordAt,
  recordHas,
  recordsOf,
  recordTerms,
  wordTotals,
  type ReportPlan,
} from '../aggregate/tally-report.js';
import type { AnalyzeResult, AnalyzeRunOptions } from './options.js';
import { flattenCategories } from '../codebook/flatten.js';
import { problem, sortProblems } from '../problems.js';
import { shownPath } from '../read/shown-path.js';
import { fileSizes } from '../read/sizes.js';
import type { CodedUnit, Problem, Report } from '../types.js';
import { VERSION } from '../version.js';
import { groupInputs } from './groups.js';
import { openInputs } from './inputs.js';
import type { FetchOutcome, FileOutcome, GroupOutcome, RunConfig, Task } from './job.js';
import { planJobs, runTasks } from './pool.js';

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
  const { cwd, codebook, participants, unit, moderators } = opened;
  const listed = { files: opened.files };
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
    ...(options.regexBudget ? { regexBudget: options.regexBudget } : {}),
    ...(sink.segments ? { segments: { excel: sink.segments.excel } } : {}),
    ...(sink.units ? { units: true } : {}),
    ...(options.keepUnits ? { keep: true } : {}),
    ...(opened.review ? { review: opened.review } : {}),
  };

  const flat = flattenCategories(codebook.categories);
  const by = options.by ?? [];
  // A dimension no participants column gives leaves every unit at "(none)": say so, and name the columns there are.
  const columns = [...new Set(participants.flatMap((p) => Object.keys(p.attributes)))].sort();
  for (const dim of by) {
    if (dim === 'speaker' || dim === 'transcript') continue;
    const where = options.participants ? options.participants : '--by';
    if (!options.participants) {
      problems.push(problem(where, 'warning', `--by ${dim}: no participants file (-p), so every unit is "(none)"; without one --by takes speaker or transcript`, undefined, 'input/by-column'));
    } else if (!columns.includes(dim.toLowerCase())) {
      problems.push(problem(where, 'warning', `--by ${dim}: the participants file has no column "${dim}" (columns: ${columns.length > 0 ? columns.join(', ') : 'none besides speaker and transcript'})`, undefined, 'input/by-column'));
    }
  }
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const maxEmergent = options.maxEmergent ?? DEFAULT_MAX_EMERGENT;
  const words = { language: codebook.language, stem: codebook.match.stem };
  if (!options.frequenciesOnly) config.report = { by, scope, words };
  const plan: ReportPlan = { flat, index: new Map(flat.map((c, i) => [c.path, i])), codebook, by, scope, words };
  const jobs = planJobs(groups, options.jobs);

  const outcomes: (FileOutcome | undefined)[] = new Array(listed.files.length);
  const kept: (CodedUnit[] | undefined)[] = [];
  const tally = newCorpusTally();
  const sum = newReportSum(plan);
  const progress = { files: 0, totalFiles: listed.files.length, bytes: 0, totalBytes: sizes.reduce((a, b) => a + b, 0) };
  const tasks: Task[] = groups.map((group) => ({ kind: 'code', group }));
  await runTasks<GroupOutcome>(tasks, config, jobs, async (outcome) => {
    const group = groups[outcome.order]!;
    for (const f of outcome.files) {
      if (f.units !== undefined && f.units !== '') await sink.units?.(f.index, f.units);
      if (f.coded) kept[f.index] = f.coded;
      delete f.units;
      delete f.coded;
      outcomes[f.index] = f;
    }
    if (outcome.tally) addTally(tally, outcome.tally);
    if (outcome.report) addReportTally(sum, outcome.report, group.id, group.order);
    if (outcome.segments) await sink.segments?.write(outcome.segments);
    progress.files += group.files.length;
    progress.bytes += group.bytes;
    options.progress?.({ ...progress });
    options.onProgress?.(progress.files, progress.totalFiles, progress.bytes);
  });

  if (opened.review) {
    const { unusedTranscripts } = await import('../review/apply.js');
    problems.push(...unusedTranscripts(opened.review, new Set(groups.map((g) => g.id))));
  }
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
      skipped.push(listed.files[f.index]!.path);
    }
  }
  const frequencies = tallyFrequencies(tally, codebook.categories);
  const report: Report = {
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
      unit,
      moderators,
      by,
      cooccurScope: formatCooccurrenceScope(scope),
      minSupport,
      minLift,
      maxEmergent,
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
  // A loop, not a spread: a long corpus has more units than a call takes arguments.
  for (const list of kept) if (list) for (const u of list) report.units.push(u);
  let quotes: CodedUnit[] = [];
  if (!options.frequenciesOnly) {
    const N = tally.codableUnits;
    const n = frequencies.map((f) => f.segments);
    report.breakdowns = by.map((dim, i) => breakdownRows(sum.byValue[i]!, codebook.categories, dim));
    report.comparisons = by.map((dim, i) => comparisonRows(sum.byValue[i]!, codebook.categories, dim));
    report.cooccurrence = cooccurrenceRows(sum.cooccurrence, flat);
    const declared = sum.declared ?? findPerspectives([], codebook);
    const totals = wordTotals(sum, plan);
    const top = options.keyterms ?? DEFAULT_TOP_TERMS;
    report.keyterms = flat.flatMap((c, i) =>
      rankTerms(categoryTerms(sum, totals, i), n[i]!, N, totals)
        .slice(0, top)
        .map((t) => ({ category: c.path, term: t.term, units: t.units, otherUnits: t.otherUnits, g2: t.g2 })),
    );
    const store = sum.records;
    const found = emergentCombinations(
      { N, n, has: (k, m) => recordHas(store, k, m), unitsOf: recordsOf(store, flat.length) },
      codebook,
      minSupport,
      minLift,
    );
    const combos = capCombinations(found, maxEmergent);
    if (combos.length < found.length) {
      problems.push({
        file: codebook.source.file,
        severity: 'warning',
        message:
          `${found.length} emergent perspectives pass min-support ${minSupport} and min-lift ${minLift}; the first ${maxEmergent} ` +
          '(pairs, then triples, by lift) are reported: raise --min-support or --min-lift, or --max-emergent (0 = all)',
        ruleId: 'analyze/emergent-capped',
      });
    }
    // The units the HTML report quotes are fetched with a second look at their transcripts.
    const maxQuotes = options.quotes ?? 0;
    if (maxQuotes > 0) {
      const wanted = new Map<number, Set<number>>();
      const want = (order: number, segment: number): void => {
        let set = wanted.get(order);
        if (!set) {
          set = new Set();
          wanted.set(order, set);
        }
        set.add(segment);
      };
      const orderOf = new Map(groups.map((g) => [g.id, g.order]));
      for (const p of declared) {
        for (const id of p.evidence.slice(0, maxQuotes)) {
          const at = id.lastIndexOf('#');
          const order = orderOf.get(id.slice(0, at));
          if (order !== undefined) want(order, Number(id.slice(at + 1)));
        }
      }
      for (const combo of combos) for (const k of combo.evidence.slice(0, maxQuotes)) want(store.order[k]!, store.segment[k]!);
      const again = [...wanted.keys()].sort((a, b) => a - b).map((order) => groups[order]!);
      const fetches: Task[] = again.map((group) => ({ kind: 'fetch', request: { group, quotes: [...wanted.get(group.order)!] } }));
      const { segments: _s, units: _u, report: _r, ...plain } = config;
      await runTasks<FetchOutcome>(fetches, plain, planJobs(again, options.jobs), (got) => {
        for (const q of got.quotes) quotes.push(q);
      });
    }
    const emergent = combos.map((combo) =>
      describeCombination(
        combo,
        flat,
        minSupport,
        rankTerms(recordTerms(sum, totals, combo.evidence), combo.evidence.length, N, totals),
        DEFAULT_LABEL_TERMS,
        combo.evidence.map((k) => recordAt(store, k)),
      ),
    );
    report.perspectives = [...declared, ...emergent];
  }
  const sorted = sortProblems(problems);
  // The report names no absolute path, not even of a transcript given as one (messages on stderr keep the path as given).
  report.problems = sorted.map((p) => (isAbsolute(p.file) ? { ...p, file: shownPath(cwd, p.file) } : p));
  return { report, problems: sorted, skipped, inputPaths: listed.files.map((f) => resolve(cwd, f.path)), quotes };
}
