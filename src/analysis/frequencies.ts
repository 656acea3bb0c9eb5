import type { Category, CodedUnit, FrequencyRow } from '../types.js';
import { flattenCategories } from '../codebook/flatten.js';
import { codableUnits, speakerId } from './units.js';

/** Running totals of one category while counting. */
interface Tally {
  segments: number;
  matches: number;
  transcripts: Set<string>;
  speakers: Set<string>;
}

/**
 * One frequency row per category in codebook order (parents before children, zero rows included);
 * `share` is segments ÷ codable units (0 when there are none), `matches` the sum of Coding.hits.
 */
export function countFrequencies(units: readonly CodedUnit[], categories: readonly Category[]): FrequencyRow[] {
  const flat = flattenCategories(categories);
  const tallies = new Map<string, Tally>(
    flat.map((c) => [c.path, { segments: 0, matches: 0, transcripts: new Set(), speakers: new Set() }]),
  );
  const codable = codableUnits(units);
  for (const unit of codable) {
    // A category is counted once per unit even if a coder emitted it twice.
    const seen = new Set<string>();
    for (const coding of unit.codings) {
      const t = tallies.get(coding.category);
      if (!t) continue;
      t.matches += coding.hits;
      if (seen.has(coding.category)) continue;
      seen.add(coding.category);
      t.segments += 1;
      t.transcripts.add(unit.transcript);
      t.speakers.add(speakerId(unit));
    }
  }
  return flat.map((c) => {
    const t = tallies.get(c.path)!;
    return {
      category: c.path,
      label: c.label,
      level: c.level,
      segments: t.segments,
      share: codable.length === 0 ? 0 : t.segments / codable.length,
      matches: t.matches,
      transcripts: t.transcripts.size,
      speakers: t.speakers.size,
    };
  });
}
