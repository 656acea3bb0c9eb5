import type { Category, CodedUnit, FrequencyRow } from '../types.js';
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
  const n = plan.flat.length;
  const segments = new Array<number>(n).fill(0);
  const matches = new Array<number>(n).fill(0);
  const lastUnit = new Array<number>(n).fill(-1);
  const speakersOf: (Set<string> | undefined)[] = new Array(n);
  const speakers = new Set<string>();
  let codable = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.moderator) continue;
    codable++;
    speakers.add(unit.speaker);
    for (const coding of unit.codings) {
      const i = plan.index.get(coding.category);
      if (i === undefined) continue;
      matches[i]! += coding.hits;
      if (lastUnit[i] === u) continue;
      lastUnit[i] = u;
      segments[i]! += 1;
      (speakersOf[i] ??= new Set()).add(unit.speaker);
    }
  }
  return {
    units: units.length,
    codableUnits: codable,
    speakers: speakers.size,
    frequencies: plan.flat.map((c, i) => ({
      category: c.path,
      label: c.label,
      level: c.level,
      segments: segments[i]!,
      share: 0,
      matches: matches[i]!,
      transcripts: segments[i]! > 0 ? 1 : 0,
      speakers: speakersOf[i]?.size ?? 0,
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
