import type { Transcript, Unit } from '../types.js';
import { segmentSentences } from './sentences.js';
import { segmentTurns, type SegmentOptions } from './turns.js';

export type { SegmentOptions, Turn } from './turns.js';
export { groupTurns, isModerator, segmentTurns } from './turns.js';
export { segmentSentences } from './sentences.js';

/** Cut a transcript into coding units: speaker turns or sentences, as `opts.unit` says. */
export function segmentUnits(t: Transcript, opts: SegmentOptions): Unit[] {
  return opts.unit === 'sentence' ? segmentSentences(t, opts) : segmentTurns(t, opts);
}
