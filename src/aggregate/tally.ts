import type { Category, CodedUnit, FrequencyRow } from '../types.js';
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

/** Tally one transcript's units (all of one transcript id). */
export function tallyTranscript(units: readonly CodedUnit[], categories: readonly Category[]): TranscriptTally {
  const codable = units.filter((u) => !u.moderator);
  return {
    units: units.length,
    codableUnits: codable.length,
    speakers: new Set(codable.map((u) => u.speaker)).size,
    frequencies: countFrequencies(units, categories),
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
