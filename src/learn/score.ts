/** Counts and F1 of one category's coding against the gold coding, and how candidates change them. */

/** tp, fp, fn of a coding. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** F1 = 2tp / (2tp + fp + fn); null when all three are 0. */
export function f1(c: Counts): number | null {
  const d = 2 * c.tp + c.fp + c.fn;
  return d > 0 ? (2 * c.tp) / d : null;
}

/**
 * The change of F1 from `before` to `after`. An undefined F1 (nothing coded, nothing to find) counts
 * as 1 — nothing was missed and nothing was coded wrongly — so coding a unit where the gold coding
 * has nothing is a loss.
 */
export function deltaF1(before: Counts, after: Counts): number {
  return (f1(after) ?? 1) - (f1(before) ?? 1);
}

/** `a + d` for counts. */
export function plus(a: Counts, d: Counts): Counts {
  return { tp: a.tp + d.tp, fp: a.fp + d.fp, fn: a.fn + d.fn };
}

/** Zero counts. */
export function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Whether counts are all zero. */
export function isZero(c: Counts): boolean {
  return c.tp === 0 && c.fp === 0 && c.fn === 0;
}

/**
 * The change of the counts when a unit's coding goes from `was` to `now` (gold: `gold`): a gold unit
 * coded turns an fn into a tp, a unit not in the gold coding coded is an fp more, and back.
 */
export function changeOf(gold: boolean, was: boolean, now: boolean, into: Counts): void {
  if (was === now) return;
  const sign = now ? 1 : -1;
  if (gold) {
    into.tp += sign;
    into.fn -= sign;
  } else {
    into.fp += sign;
  }
}

/** Counts of a coding (`coded`) against `gold` over the units `from` (all units when left out). */
export function countsOf(coded: Uint8Array, gold: Uint8Array, from?: Iterable<number>): Counts {
  const c = zero();
  const add = (u: number): void => {
    if (coded[u]) {
      if (gold[u]) c.tp++;
      else c.fp++;
    } else if (gold[u]) c.fn++;
  };
  if (from) for (const u of from) add(u);
  else for (let u = 0; u < coded.length; u++) add(u);
  return c;
}

/** Units of an ascending list where `coded` is 0 (`want` false) or 1 (`want` true). */
export function where(list: Int32Array, coded: Uint8Array, want: boolean): number[] {
  const out: number[] = [];
  for (const u of list) if ((coded[u] === 1) === want) out.push(u);
  return out;
}
