// `tallyTranscript` as it was before it counted unit by unit, kept as the reference the counting
// must agree with exactly (tests/analysis/tally.test.ts). Test code only.
import type { TallyPlan, TranscriptTally } from '../../src/analysis/tally.js';
import type { CodedUnit } from '../../src/types.js';

export function referenceTallyTranscript(units: readonly CodedUnit[], plan: TallyPlan): TranscriptTally {
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
