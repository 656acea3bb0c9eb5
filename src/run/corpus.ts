import { resolve } from 'node:path';
import { breakdownRows } from '../aggregate/breakdown.js';
import { comparisonRows } from '../aggregate/compare.js';
import { cooccurrenceRows, formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE } from '../aggregate/cooccurrence.js';
import { DEFAULT_LABEL_TERMS, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT, describeCombination, emergentCombinations } from '../aggregate/emergent.js';
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
  wordTotals,
  type ReportPlan,
} from '../aggregate/tally-report.js';
import type { AnalyzeResult, AnalyzeRunOptions } from '../analyze.js';
import { flattenCategories } from '../codebook/flatten.js';
import { hasErrors, sortProblems } from '../problems.js';
import { loadCodebook } from '../read/codebook.js';
import { knownEncoding } from '../read/decode.js';
import { listInputs } from '../read/files.js';
import { loadParticipants } from '../read/participants.js';
import { fileSizes } from '../read/sizes.js';
import type { Codebook, CodedUnit, Participant, Problem, Report } from '../types.js';
import { VERSION } from '../version.js';
import { groupInputs } from './groups.js';
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
 * sink instead of being kept. The report comes back with `units` empty; everything else is as
 * `analyze` computes it, byte for byte, however many threads ran.
 */
export async function analyzeCorpus(inputs: readonly string[], options: CorpusOptions = {}): Promise<CorpusResult> {
  const scope = typeof options.cooccurScope === 'string' ? parseCooccurrenceScope(options.cooccurScope) : (options.cooccurScope ?? UNIT_SCOPE);
  if (!scope) throw new Error(`invalid co-occurrence scope ${String(options.cooccurScope)}`);
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const stop = (): CorpusResult => ({ report: null, problems: sortProblems(problems), skipped: [], inputPaths: [], quotes: [] });
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

  const flat = flattenCategories(codebook.categories);
  const by = options.by ?? [];
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const words = { language: codebook.language, stem: codebook.match.stem };
  if (!options.frequenciesOnly) config.report = { by, scope, words };
  const plan: ReportPlan = { flat, index: new Map(flat.map((c, i) => [c.path, i])), codebook, by, scope, words };
  const jobs = planJobs(groups, options.jobs);

  const outcomes: (FileOutcome | undefined)[] = new Array(listed.files.length);
  const tally = newCorpusTally();
  const sum = newReportSum(plan);
  const progress = { files: 0, totalFiles: listed.files.length, bytes: 0, totalBytes: sizes.reduce((a, b) => a + b, 0) };
  const tasks: Task[] = groups.map((group) => ({ kind: 'code', group }));
  await runTasks<GroupOutcome>(tasks, config, jobs, async (outcome) => {
    const group = groups[outcome.order]!;
    for (const f of outcome.files) {
      if (f.units !== undefined && f.units !== '') await sink.units?.(f.index, f.units);
      delete f.units;
      outcomes[f.index] = f;
    }
    if (outcome.tally) addTally(tally, outcome.tally);
    if (outcome.report) addReportTally(sum, outcome.report, group.id, group.order);
    if (outcome.segments) await sink.segments?.write(outcome.segments);
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
    options: { unit, moderators, by, cooccurScope: formatCooccurrenceScope(scope), minSupport, minLift },
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
    const combos = emergentCombinations(
      { N, n, has: (k, m) => recordHas(store, k, m), unitsOf: recordsOf(store, flat.length) },
      codebook,
      minSupport,
      minLift,
    );
    // A second look at the transcripts: the words of the emergent perspectives' units, and quotes.
    const requests = new Map<number, { words: Map<number, number[]>; quotes: Set<number> }>();
    const requestFor = (order: number): { words: Map<number, number[]>; quotes: Set<number> } => {
      let r = requests.get(order);
      if (!r) {
        r = { words: new Map(), quotes: new Set() };
        requests.set(order, r);
      }
      return r;
    };
    combos.forEach((combo, c) => {
      for (const k of combo.evidence) {
        const w = requestFor(store.order[k]!).words;
        const position = store.position[k]!;
        const list = w.get(position);
        if (list) list.push(c);
        else w.set(position, [c]);
      }
    });
    const maxQuotes = options.quotes ?? 0;
    if (maxQuotes > 0) {
      const orderOf = new Map(groups.map((g) => [g.id, g.order]));
      for (const p of declared) {
        for (const id of p.evidence.slice(0, maxQuotes)) {
          const at = id.lastIndexOf('#');
          const order = orderOf.get(id.slice(0, at));
          if (order !== undefined) requestFor(order).quotes.add(Number(id.slice(at + 1)));
        }
      }
      for (const combo of combos) for (const k of combo.evidence.slice(0, maxQuotes)) requestFor(store.order[k]!).quotes.add(store.segment[k]!);
    }
    const inside: Map<string, number>[] = combos.map(() => new Map());
    if (requests.size > 0) {
      const ignore = [...sum.speakerWords];
      const fetches: Task[] = [...requests.keys()]
        .sort((a, b) => a - b)
        .map((order) => {
          const r = requests.get(order)!;
          return {
            kind: 'fetch',
            request: {
              group: groups[order]!,
              words: [...r.words].map(([position, list]) => ({ position, combos: list })),
              quotes: [...r.quotes],
              ignore,
              wordOptions: words,
            },
          };
        });
      const { segments: _s, units: _u, report: _r, ...plain } = config;
      await runTasks<FetchOutcome>(fetches, plain, jobs, (got) => {
        for (let i = 0; i < got.counts.length; i += 3) {
          const m = inside[got.counts[i]!]!;
          const term = got.terms[got.counts[i + 1]!]!;
          m.set(term, (m.get(term) ?? 0) + got.counts[i + 2]!);
        }
        for (const q of got.quotes) quotes.push(q);
      });
    }
    const emergent = combos.map((combo, c) =>
      describeCombination(
        combo,
        flat,
        minSupport,
        rankTerms(inside[c]!, combo.evidence.length, N, totals),
        DEFAULT_LABEL_TERMS,
        combo.evidence.map((k) => recordAt(store, k)),
      ),
    );
    report.perspectives = [...declared, ...emergent];
  }
  const sorted = sortProblems(problems);
  report.problems = sorted;
  return { report, problems: sorted, skipped, inputPaths: listed.files.map((f) => resolve(cwd, f.path)), quotes };
}
