import type { Category, CodedUnit, Comparison, ComparisonRow } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';
import { countByValue, type ValueCounts } from './breakdown.js';
import { ALPHA, fisherExact, logLikelihood } from './stats.js';

/**
 * Each value of a dimension against all other codable units, category by category: which
 * categories a speaker, group or transcript names clearly more or less often than the rest.
 *
 * The test is on the 2×2 table of codable units (this value / the rest × coded / not coded):
 * `g2` is the log-likelihood ratio G² of the table, a measure of how far the two shares are apart,
 * and `p` is the two-sided p of Fisher's exact test, which stays valid for the small counts of
 * focus groups where the chi-square approximation of G² does not. A row is flagged `more` or
 * `less` when p < 0.05. Values sorted in code-unit order, categories in codebook order; with many
 * values (speakers) some rows will be flagged by chance alone, so the counts are given with it.
 */
export function compareGroups(units: readonly CodedUnit[], categories: readonly Category[], dimension: string): Comparison {
  return comparisonRows(countByValue(units, dimension), categories, dimension);
}

/** The comparison rows of counted units (see `compareGroups`). */
export function comparisonRows(perValue: ValueCounts, categories: readonly Category[], dimension: string): Comparison {
  const flat = flattenCategories(categories);
  const total = new Map<string, number>();
  let codable = 0;
  for (const entry of perValue.values()) {
    codable += entry.units;
    for (const [code, n] of entry.segments) total.set(code, (total.get(code) ?? 0) + n);
  }
  const rows: ComparisonRow[] = [];
  for (const value of [...perValue.keys()].sort(cmp)) {
    const entry = perValue.get(value)!;
    for (const c of flat) {
      const a = entry.segments.get(c.path) ?? 0;
      const restUnits = codable - entry.units;
      const restSegments = (total.get(c.path) ?? 0) - a;
      const share = entry.units === 0 ? 0 : a / entry.units;
      const restShare = restUnits === 0 ? 0 : restSegments / restUnits;
      const table = [a, entry.units - a, restSegments, restUnits - restSegments] as const;
      const p = fisherExact(...table).twoSided;
      rows.push({
        value,
        category: c.path,
        segments: a,
        units: entry.units,
        share,
        restSegments,
        restUnits,
        restShare,
        g2: logLikelihood(...table),
        p,
        flag: p < ALPHA && share !== restShare ? (share > restShare ? 'more' : 'less') : '',
      });
    }
  }
  return { dimension, rows };
}
