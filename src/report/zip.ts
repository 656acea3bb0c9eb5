import { zipSync } from '../deps.js';

/**
 * The modification time of every zip entry fokus writes: 1980-01-01 12:00, so an archive's bytes
 * never depend on the clock. Zip stores local DOS times and fflate reads the Date's local parts, so
 * the Date is built from local parts at each call: the time zone in force cannot shift it.
 */
export function zipTime(): Date {
  return new Date(1980, 0, 1, 12, 0, 0);
}

/** A zip archive of `entries`, in their order, every entry stamped with `zipTime()`: the same entries give the same bytes. */
export function zipFixed(entries: Record<string, Uint8Array>, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 9): Uint8Array {
  return zipSync(entries, { level, mtime: zipTime() });
}
