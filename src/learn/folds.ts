/**
 * The folds of the cross-validation: by transcript (dealt round-robin into at most `maxFolds`), or,
 * with one transcript, contiguous blocks of units.
 */
import type { Unit } from '../types.js';

/** The compared units and the fold of each. */
export interface FoldSplit {
  /** The compared units, in order: their indexes are the unit numbers used everywhere. */
  units: readonly Unit[];
  /** Fold of each unit (0 … folds−1). */
  fold: Int32Array;
  folds: number;
}

/** How the units were split. */
export type FoldsBy = 'transcript' | 'units';

/** The folds of `units` (compared units of `transcripts`, in order). */
export function splitFolds(units: readonly Unit[], transcripts: readonly string[], maxFolds: number, unitFolds: number): FoldSplit & { by: FoldsBy } {
  const N = units.length;
  const fold = new Int32Array(N);
  if (transcripts.length >= 2) {
    const K = Math.min(transcripts.length, maxFolds);
    const of = new Map(transcripts.map((t, i) => [t, i % K]));
    units.forEach((u, i) => (fold[i] = of.get(u.transcript)!));
    return { units, fold, folds: K, by: 'transcript' };
  }
  const K = Math.min(unitFolds, N);
  for (let i = 0; i < N; i++) fold[i] = Math.floor((i * K) / N);
  return { units, fold, folds: K, by: 'units' };
}
