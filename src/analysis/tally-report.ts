import { grown } from '../arrays.js';
import { newRecordStore, pushRecord, type CodeRecord, type RecordStore } from './records.js';
import { isRelated } from '../codebook/flatten.js';
import { cmp } from '../problems.js';
import { lowerWord } from '../text/normalize.js';
import { stemWord } from '../text/stem.js';
import type { Codebook, CodedUnit, PerspectiveResult } from '../types.js';
import { addValueCounts, countByValue, type ValueCounts } from './breakdown.js';
import {
  addCooccurrenceCounts,
  addTranscriptCooccurrence,
  newCooccurrenceCounts,
  type CooccurrenceCounts,
  type CooccurrenceScope,
} from './cooccurrence.js';
import { speakerWords, textWords, usualForms, type WordOptions } from './keyterms.js';
import { findPerspectives } from './perspectives.js';
import type { TallyPlan } from './tally.js';

/**
 * The incremental form of the report parts beyond frequencies: what one transcript adds to the
 * breakdowns and comparisons, co-occurrences, declared perspectives, key terms and the search for
 * emergent perspectives. Every part adds up exactly (counts, unions, lists in report order), so
 * the report equals the one the whole-corpus aggregators make.
 *
 * Key terms leave out the words of every speaker label of the corpus, which are known only at the
 * end; so words are counted by *signature* — the term with the lower-cased forms a unit wrote it
 * in — and a unit counts for a term at the end when one of those forms is not a speaker word.
 */

/** What report tallies need besides the categories. */
export interface ReportPlan extends TallyPlan {
  codebook: Codebook;
  by: string[];
  scope: CooccurrenceScope;
  words: WordOptions;
}

/** One transcript's share of the report parts (plain data, cheap to pass between threads). */
export interface TranscriptReportTally {
  byValue: ValueCounts[];
  cooccurrence: CooccurrenceCounts;
  declared: PerspectiveResult[];
  speakerWords: string[];
  /** Word signatures met, with the number of codable units having each. */
  signatures: string[];
  signatureUnits: number[];
  /** Triples (signature position, flat category position, units), flattened. */
  signatureCategories: number[];
  /** Written forms of the words with how often they occur. */
  forms: string[];
  formCounts: number[];
  records: CodeRecord[];
}

/** Separates the term from its forms in a signature (never part of a word). */
const SEP = '\u0001';

/** The signature of a term as one unit wrote it (see the module note). */
function signature(term: string, written: ReadonlyMap<string, number>, stem: boolean): string {
  if (!stem) return term;
  const lowers = [...new Set([...written.keys()].map(lowerWord))].sort(cmp);
  return term + SEP + lowers.join(SEP);
}

/** Tally one transcript's units (all of one transcript id, in segment order) for the report parts. */
export function tallyTranscriptReport(units: readonly CodedUnit[], plan: ReportPlan): TranscriptReportTally {
  const codable = units.filter((u) => !u.moderator);
  const cooccurrence = newCooccurrenceCounts(plan.flat.length);
  if (codable.length > 0) addTranscriptCooccurrence(cooccurrence, codable, plan.flat, plan.scope);
  const sigIndex = new Map<string, number>();
  const signatures: string[] = [];
  const signatureUnits: number[] = [];
  const perCategory = new Map<number, number>();
  const forms = new Map<string, number>();
  const records: CodeRecord[] = [];
  const related = (i: number, j: number): boolean => isRelated(plan.flat[i]!.path, plan.flat[j]!.path);
  for (let position = 0; position < codable.length; position++) {
    const u = codable[position]!;
    const codes = [...new Set(u.codings.map((c) => plan.index.get(c.category)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    const unitWords: number[] = [];
    for (const [term, written] of textWords(u.text, plan.words)) {
      const sig = signature(term, written, plan.words.stem);
      let s = sigIndex.get(sig);
      if (s === undefined) {
        s = signatures.length;
        sigIndex.set(sig, s);
        signatures.push(sig);
        signatureUnits.push(0);
      }
      signatureUnits[s]! += 1;
      unitWords.push(s);
      for (const c of codes) {
        const key = s * plan.flat.length + c;
        perCategory.set(key, (perCategory.get(key) ?? 0) + 1);
      }
      for (const [form, n] of written) forms.set(form, (forms.get(form) ?? 0) + n);
    }
    if (codes.some((a, x) => codes.some((b, y) => y > x && !related(a, b)))) {
      const rec: CodeRecord = { position, segment: u.segment, speaker: u.speaker, codes, words: unitWords };
      if (u.attributes.group !== undefined) rec.group = u.attributes.group;
      records.push(rec);
    }
  }
  const signatureCategories: number[] = [];
  for (const [key, n] of perCategory) signatureCategories.push(Math.floor(key / plan.flat.length), key % plan.flat.length, n);
  return {
    byValue: plan.by.map((dim) => countByValue(units, dim)),
    cooccurrence,
    declared: findPerspectives(units, plan.codebook),
    speakerWords: [...speakerWords(units)],
    signatures,
    signatureUnits,
    signatureCategories,
    forms: [...forms.keys()],
    formCounts: [...forms.values()],
    records,
  };
}

/** The running sum of transcript report tallies. */
export interface ReportSum {
  byValue: ValueCounts[];
  cooccurrence: CooccurrenceCounts;
  declared: PerspectiveResult[] | null;
  speakerWords: Set<string>;
  /** Word signatures, numbered in the order met. */
  signatureIds: Map<string, number>;
  signatures: string[];
  signatureUnits: number[];
  /** Per flat category, units per signature id (dense, grown as signatures come). */
  signatureCategories: Int32Array[];
  forms: Map<string, number>;
  /** Emergent-pair candidates in report order, stored compactly (see `recordAt`). */
  records: RecordStore;
}

/** An empty running sum. */
export function newReportSum(plan: ReportPlan): ReportSum {
  return {
    byValue: plan.by.map(() => new Map()),
    cooccurrence: newCooccurrenceCounts(plan.flat.length),
    declared: null,
    speakerWords: new Set(),
    signatureIds: new Map(),
    signatures: [],
    signatureUnits: [],
    signatureCategories: plan.flat.map(() => new Int32Array(1024)),
    forms: new Map(),
    records: newRecordStore(),
  };
}

/** Add one transcript's report tally (transcripts in report order) to the running sum. */
export function addReportTally(sum: ReportSum, t: TranscriptReportTally, transcript: string, order: number): void {
  t.byValue.forEach((counts, i) => addValueCounts(sum.byValue[i]!, counts));
  addCooccurrenceCounts(sum.cooccurrence, t.cooccurrence);
  sum.declared = sum.declared ? sum.declared.map((p, i) => mergePerspective(p, t.declared[i]!)) : t.declared;
  for (const w of t.speakerWords) sum.speakerWords.add(w);
  const ids = t.signatures.map((sig, k) => {
    let id = sum.signatureIds.get(sig);
    if (id === undefined) {
      id = sum.signatures.length;
      sum.signatureIds.set(sig, id);
      sum.signatures.push(sig);
      sum.signatureUnits.push(0);
    }
    sum.signatureUnits[id]! += t.signatureUnits[k]!;
    return id;
  });
  const size = sum.signatures.length;
  if (size > sum.signatureCategories[0]!.length) sum.signatureCategories = sum.signatureCategories.map((a) => grown(a, size));
  const sc = t.signatureCategories;
  for (let i = 0; i < sc.length; i += 3) sum.signatureCategories[sc[i + 1]!]![ids[sc[i]!]!]! += sc[i + 2]!;
  t.forms.forEach((f, k) => sum.forms.set(f, (sum.forms.get(f) ?? 0) + t.formCounts[k]!));
  for (const r of t.records) pushRecord(sum.records, r, transcript, order, ids);
}

/**
 * Declared perspectives of consecutive transcripts taken together: support adds up, evidence is
 * concatenated (it is in report order), transcripts, speakers and groups are united and sorted.
 */
function mergePerspective(a: PerspectiveResult, b: PerspectiveResult): PerspectiveResult {
  const out: PerspectiveResult = {
    ...a,
    support: a.support + b.support,
    transcripts: distinct([...a.transcripts, ...b.transcripts]),
    speakers: distinct([...a.speakers, ...b.speakers]),
    evidence: [...a.evidence, ...b.evidence],
  };
  const groups = distinct([...(a.groups ?? []), ...(b.groups ?? [])]);
  if (groups.length > 0) out.groups = groups;
  else delete out.groups;
  return out;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}

/** Per-term unit counts and written forms of the corpus, with the speaker words left out. */
export interface WordTotals {
  /** Codable units containing each term. */
  frequency: Map<string, number>;
  /** The most frequent written form of each term; ties go to the first in code-unit order. */
  display: Map<string, string>;
  /** The term of each signature id, or undefined when only speaker words make it up. */
  termOf: (string | undefined)[];
  /** The terms numbered (`terms[termIdOf[signature]]`; -1 for a signature without a term), for counting in arrays. */
  terms: string[];
  termIdOf: Int32Array;
}

/** Resolve signatures against the speaker words now that all are known (see the module note). */
export function wordTotals(sum: ReportSum, plan: ReportPlan): WordTotals {
  const ignore = sum.speakerWords;
  const frequency = new Map<string, number>();
  const termOf: (string | undefined)[] = sum.signatures.map((sig, id) => {
    const parts = sig.split(SEP);
    const term = parts[0]!;
    const lowers = plan.words.stem ? parts.slice(1) : [term];
    if (lowers.every((l) => ignore.has(l))) return undefined;
    frequency.set(term, (frequency.get(term) ?? 0) + sum.signatureUnits[id]!);
    return term;
  });
  // Written forms are counted per term first, then the most frequent one is chosen.
  const perTerm = new Map<string, Map<string, number>>();
  for (const [form, n] of sum.forms) {
    const lower = lowerWord(form);
    if (ignore.has(lower)) continue;
    const term = plan.words.stem ? stemWord(lower, plan.words.language) : lower;
    let f = perTerm.get(term);
    if (!f) {
      f = new Map();
      perTerm.set(term, f);
    }
    f.set(form, (f.get(form) ?? 0) + n);
  }
  const display = usualForms(perTerm);
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const termIdOf = Int32Array.from(termOf, (term) => {
    if (term === undefined) return -1;
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      ids.set(term, id);
      terms.push(term);
    }
    return id;
  });
  return { frequency, display, termOf, terms, termIdOf };
}

/**
 * Units containing each term among some records (speaker words left out), for `rankTerms`: the
 * words of an emergent perspective's evidence. A unit has one signature per term, so each record
 * counts once per term.
 */
export function recordTerms(sum: ReportSum, totals: WordTotals, records: readonly number[]): Map<string, number> {
  const store = sum.records;
  const counts = (scratch.length >= totals.terms.length ? scratch : (scratch = new Int32Array(totals.terms.length)));
  const touched: number[] = [];
  for (const k of records) {
    for (let i = store.wordStart[k]!; i < store.wordStart[k + 1]!; i++) {
      const id = totals.termIdOf[store.words[i]!]!;
      if (id < 0) continue;
      if (counts[id] === 0) touched.push(id);
      counts[id]! += 1;
    }
  }
  const inside = new Map<string, number>();
  for (const id of touched) {
    inside.set(totals.terms[id]!, counts[id]!);
    counts[id] = 0;
  }
  return inside;
}

/** Counts per term number, reused by `recordTerms` (all zero between calls). */
let scratch = new Int32Array(0);

/** Units of a category containing each term (speaker words left out), for `rankTerms`. */
export function categoryTerms(sum: ReportSum, totals: WordTotals, category: number): Map<string, number> {
  const counts = sum.signatureCategories[category]!;
  const inside = new Map<string, number>();
  for (let id = 0; id < sum.signatures.length; id++) {
    const n = counts[id]!;
    if (n === 0) continue;
    const term = totals.termOf[id];
    if (term !== undefined) inside.set(term, (inside.get(term) ?? 0) + n);
  }
  return inside;
}
