import type { Transcript, Unit } from '../types.js';
import { segmentSentences } from './sentence-units.js';
import { segmentTurns, type SegmentOptions } from './turns.js';

export type { SegmentOptions, Turn } from './turns.js';
export { groupTurns, isModerator, segmentTurns } from './turns.js';
export { segmentSentences } from './sentence-units.js';

/** Cut a transcript into coding units: speaker turns or sentences, as `opts.unit` says. */
export function segmentUnits(t: Transcript, options: SegmentOptions): Unit[] {
  // A legend in the transcript's preamble may name moderators of its own (`P = Protokollant`).
  const opts = t.moderators && t.moderators.length > 0 ? { ...options, moderators: [...options.moderators, ...t.moderators] } : options;
  return opts.unit === 'sentence' ? segmentSentences(t, opts) : segmentTurns(t, opts);
}
