import type { Breakdown, BreakdownRow, Category, CodedUnit } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';
import { codableUnits, speakerId, unitCodes } from './units.js';

/** The value a unit has when it lacks the attribute a breakdown asks for. */
export const NO_VALUE = '(none)';

/**
 * The value of one unit in a breakdown dimension: `transcript` → the transcript id, `speaker` →
 * `transcript:speaker`, anything else (`group`, `role`, …) → that attribute, or `(none)` when missing.
 * Attributes are looked up as own keys only (a column may be called `constructor` or `__proto__`),
 * as written and then lower-cased, as the participants reader stores column names (`--by Group`).
 */
export function dimensionValue(unit: CodedUnit, dimension: string): string {
  if (dimension === 'transcript') return unit.transcript;
  if (dimension === 'speaker') return speakerId(unit);
  const attributes = unit.attributes;
  if (Object.hasOwn(attributes, dimension)) return attributes[dimension]!;
  const lower = dimension.toLowerCase();
  return Object.hasOwn(attributes, lower) ? attributes[lower]! : NO_VALUE;
}

/** Per value of a dimension: its codable units, and how many of them carry each full code. */
export type ValueCounts = Map<string, { units: number; segments: Map<string, number> }>;

/** Count codable units per value of a dimension into `into` (a new map by default); moderator units are skipped. */
export function countByValue(units: readonly CodedUnit[], dimension: string, into: ValueCounts = new Map()): ValueCounts {
  for (const unit of codableUnits(units)) {
    const value = dimensionValue(unit, dimension);
    let entry = into.get(value);
    if (!entry) {
      entry = { units: 0, segments: new Map() };
      into.set(value, entry);
    }
    entry.units += 1;
    for (const code of unitCodes(unit)) entry.segments.set(code, (entry.segments.get(code) ?? 0) + 1);
  }
  return into;
}

/** Add the counts of `from` to `into` (counts of disjoint sets of units add up). */
export function addValueCounts(into: ValueCounts, from: ValueCounts): void {
  for (const [value, e] of from) {
    let entry = into.get(value);
    if (!entry) {
      entry = { units: 0, segments: new Map() };
      into.set(value, entry);
    }
    entry.units += e.units;
    for (const [code, n] of e.segments) entry.segments.set(code, (entry.segments.get(code) ?? 0) + n);
  }
}

/**
 * Frequencies broken down by a dimension: for each value that has codable units (sorted in
 * code-unit order) one row per category in codebook order; `share` = segments ÷ codable units of
 * that value.
 */
export function breakDown(units: readonly CodedUnit[], categories: readonly Category[], dimension: string): Breakdown {
  return breakdownRows(countByValue(units, dimension), categories, dimension);
}

/** The breakdown rows of counted units (see `breakDown`). */
export function breakdownRows(byValue: ValueCounts, categories: readonly Category[], dimension: string): Breakdown {
  const flat = flattenCategories(categories);
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
