import type { Breakdown, BreakdownRow, Category, CodedUnit } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';
import { codableUnits, speakerId, unitCodes } from './units.js';

/** The value a unit has when it lacks the attribute a breakdown asks for. */
export const NO_VALUE = '(none)';

/**
 * The value of one unit in a breakdown dimension: `transcript` → the transcript id, `speaker` →
 * `transcript:speaker`, anything else (`group`, `role`, …) → that attribute, or `(none)` when missing.
 */
export function dimensionValue(unit: CodedUnit, dimension: string): string {
  if (dimension === 'transcript') return unit.transcript;
  if (dimension === 'speaker') return speakerId(unit);
  return Object.hasOwn(unit.attributes, dimension) ? unit.attributes[dimension]! : NO_VALUE;
}

/**
 * Frequencies broken down by a dimension: for each value that has codable units (sorted in
 * code-unit order) one row per category in codebook order; `share` = segments ÷ codable units of
 * that value.
 */
export function breakDown(units: readonly CodedUnit[], categories: readonly Category[], dimension: string): Breakdown {
  const flat = flattenCategories(categories);
  const byValue = new Map<string, { units: number; segments: Map<string, number> }>();
  for (const unit of codableUnits(units)) {
    const value = dimensionValue(unit, dimension);
    let entry = byValue.get(value);
    if (!entry) {
      entry = { units: 0, segments: new Map() };
      byValue.set(value, entry);
    }
    entry.units += 1;
    for (const code of unitCodes(unit)) entry.segments.set(code, (entry.segments.get(code) ?? 0) + 1);
  }
  const rows: BreakdownRow[] = [];
  for (const value of [...byValue.keys()].sort(cmp)) {
    const entry = byValue.get(value)!;
    for (const c of flat) {
      const segments = entry.segments.get(c.path) ?? 0;
      rows.push({ value, category: c.path, segments, share: segments / entry.units });
    }
  }
  return { dimension, rows };
}
