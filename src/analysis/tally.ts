import type { Category, CodedUnit, FrequencyRow, Unit } from '../types.js';
import { flattenCategories } from '../codebook/flatten.js';
import { countFrequencies } from './frequencies.js';

/**
 * Incremental aggregation: each transcript (one transcript id, its units in segment order) is
 * tallied on its own — in a worker thread, possibly — and the tallies are added up in transcript
 * order, so a corpus is aggregated without keeping its units. Every figure of a tally is a count
 * or a list that adds up exactly, so the totals equal those of the whole-corpus aggregators.
 */

/** What one transcript adds to the totals and to `frequencies.csv`. */
export interface TranscriptTally {
  units: number;
  codableUnits: number;
  /** Distinct speakers among the codable units (speaker ids include the transcript, so they add up). */
  speakers: number;
  /** The transcript's frequency rows (codebook order; `share` is recomputed at the end). */
  frequencies: FrequencyRow[];
}

/** The categories a tally counts, in flat codebook order, and each full code's position. */
export interface TallyPlan {
  flat: Category[];
  index: Map<string, number>;
}

/** Prepare tallying for a codebook's category tree. */
export function planTally(categories: readonly Category[]): TallyPlan {
  const flat = flattenCategories(categories);
  return { flat, index: new Map(flat.map((c, i) => [c.path, i])) };
}

/**
 * Tally one transcript's units (all of one transcript id). The frequency rows are those
 * `countFrequencies` gives for these units: a category counts once per unit, its matches are the
 * sum of its codings' hits, codes outside the codebook are left out.
 */
export function tallyTranscript(units: readonly CodedUnit[], plan: TallyPlan): TranscriptTally {
  const counter = newTallyCounter(plan);
  const index: number[] = [];
  const hits: number[] = [];
  for (const unit of units) {
    index.length = 0;
    hits.length = 0;
    for (const coding of unit.codings) {
      const i = plan.index.get(coding.category);
      if (i === undefined) continue;
      index.push(i);
      hits.push(coding.hits);
    }
    countUnit(counter, unit, index, hits, index.length);
  }
  return finishTally(counter);
}

/** A transcript's tally being made one unit at a time (`countUnit`), for callers that have no codings to keep. */
export interface TallyCounter {
  plan: TallyPlan;
  units: number;
  codable: number;
  /** The codable units' speakers, numbered as met. */
  speakers: Map<string, number>;
  /** Per category (flat codebook order): units, hits, distinct speakers. */
  segments: Int32Array;
  matches: Float64Array;
  speakerCounts: Int32Array;
  /** Per category: the number of the unit last counted (units are numbered from 1). */
  lastUnit: Int32Array;
  /**
   * Marks at speaker number × categories + category, of each speaker counted for a category; pairs
   * beyond `MARKS_LIMIT` marks go to a set.
   */
  marks: Uint8Array;
  pairs: Set<number>;
}

/** Most marks a tally counter keeps in its array (the rest, for transcripts with very many speakers, in a set). */
const MARKS_LIMIT = 1 << 22;

/** A tally of no units yet. */
export function newTallyCounter(plan: TallyPlan): TallyCounter {
  const n = plan.flat.length;
  return {
    plan,
    units: 0,
    codable: 0,
    speakers: new Map(),
    segments: new Int32Array(n),
    matches: new Float64Array(n),
    speakerCounts: new Int32Array(n),
    lastUnit: new Int32Array(n),
    marks: new Uint8Array(Math.min(MARKS_LIMIT, n * 16)),
    pairs: new Set(),
  };
}

/**
 * Count one unit, coded with the categories `index[0 … count-1]` (positions in the plan's flat
 * order) with hits `hits[…]`; a moderator unit's codings are not counted.
 */
export function countUnit(counter: TallyCounter, unit: Unit, index: ArrayLike<number>, hits: ArrayLike<number>, count: number): void {
  const u = ++counter.units;
  if (unit.moderator) return;
  counter.codable++;
  let speaker = counter.speakers.get(unit.speaker);
  if (speaker === undefined) {
    speaker = counter.speakers.size;
    counter.speakers.set(unit.speaker, speaker);
    const need = (speaker + 1) * counter.segments.length;
    if (need > counter.marks.length && need <= MARKS_LIMIT) {
      const marks = new Uint8Array(Math.min(MARKS_LIMIT, Math.max(need, counter.marks.length * 2)));
      marks.set(counter.marks);
      counter.marks = marks;
    }
  }
  const { segments, matches, lastUnit, marks, speakerCounts } = counter;
  const n = segments.length;
  const base = speaker * n;
  const inMarks = base + n <= marks.length;
  for (let k = 0; k < count; k++) {
    const i = index[k]!;
    matches[i]! += hits[k]!;
    if (lastUnit[i] === u) continue;
    lastUnit[i] = u;
    segments[i]! += 1;
    if (inMarks) {
      if (marks[base + i] === 0) {
        marks[base + i] = 1;
        speakerCounts[i]! += 1;
      }
    } else if (!counter.pairs.has(base + i)) {
      counter.pairs.add(base + i);
      speakerCounts[i]! += 1;
    }
  }
}

/** The tally of the units counted. */
export function finishTally(counter: TallyCounter): TranscriptTally {
  const { segments, matches, speakerCounts } = counter;
  return {
    units: counter.units,
    codableUnits: counter.codable,
    speakers: counter.speakers.size,
    frequencies: counter.plan.flat.map((c, i) => ({
      category: c.path,
      label: c.label,
      level: c.level,
      segments: segments[i]!,
      share: 0,
      matches: matches[i]!,
      transcripts: segments[i]! > 0 ? 1 : 0,
      speakers: speakerCounts[i]!,
    })),
  };
}

/** The running sum of transcript tallies. */
export interface CorpusTally {
  units: number;
  codableUnits: number;
  speakers: number;
  frequencies: FrequencyRow[] | null;
}

/** An empty running sum. */
export function newCorpusTally(): CorpusTally {
  return { units: 0, codableUnits: 0, speakers: 0, frequencies: null };
}

/** Add one transcript's tally to the running sum. */
export function addTally(sum: CorpusTally, t: TranscriptTally): void {
  sum.units += t.units;
  sum.codableUnits += t.codableUnits;
  sum.speakers += t.speakers;
  if (!sum.frequencies) {
    sum.frequencies = t.frequencies.map((r) => ({ ...r }));
    return;
  }
  t.frequencies.forEach((r, i) => {
    const s = sum.frequencies![i]!;
    s.segments += r.segments;
    s.matches += r.matches;
    s.transcripts += r.transcripts;
    s.speakers += r.speakers;
  });
}

/** The frequency rows of the sum, with `share` = segments ÷ codable units (0 when there are none). */
export function tallyFrequencies(sum: CorpusTally, categories: readonly Category[]): FrequencyRow[] {
  const rows = sum.frequencies ?? countFrequencies([], categories);
  return rows.map((r) => ({ ...r, share: sum.codableUnits === 0 ? 0 : r.segments / sum.codableUnits }));
}
