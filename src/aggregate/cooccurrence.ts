import type { Category, CodedUnit, CooccurrenceRow } from '../types.js';
import { flattenCategories, isRelated } from '../codebook/flatten.js';
import { codableUnits, unitCodes } from './units.js';

/**
 * Category pairs coded together in at least one codable unit, `a` before `b` in codebook order
 * and ordered by `a` then `b`; pairs of a category with its own ancestor are left out because
 * roll-up makes them co-occur by construction. `jaccard` = units with both ÷ units with either.
 */
export function countCooccurrence(units: readonly CodedUnit[], categories: readonly Category[]): CooccurrenceRow[] {
  const flat = flattenCategories(categories);
  const index = new Map(flat.map((c, i) => [c.path, i]));
  const single = new Array<number>(flat.length).fill(0);
  // Key i * n + j (i < j) keeps pair counts in one flat map.
  const pairs = new Map<number, number>();
  const n = flat.length;
  for (const unit of codableUnits(units)) {
    const present = [...unitCodes(unit)]
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined)
      .sort((x, y) => x - y);
    for (const i of present) single[i]! += 1;
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const i = present[x]!;
        const j = present[y]!;
        if (isRelated(flat[i]!.path, flat[j]!.path)) continue;
        pairs.set(i * n + j, (pairs.get(i * n + j) ?? 0) + 1);
      }
    }
  }
  return [...pairs.entries()]
    .sort(([k1], [k2]) => k1 - k2)
    .map(([key, both]) => {
      const i = Math.floor(key / n);
      const j = key % n;
      const either = single[i]! + single[j]! - both;
      return { a: flat[i]!.path, b: flat[j]!.path, segments: both, jaccard: both / either };
    });
}
