import { problem } from '../problems.js';
import { breakdownRows } from '../analysis/breakdown.js';
import { comparisonRows } from '../analysis/compare.js';
import { cooccurrenceRows } from '../analysis/cooccurrence.js';
import { capCombinations, DEFAULT_LABEL_TERMS, MAX_EMERGENT_TESTS, type SearchStats, DEFAULT_MAX_EMERGENT, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT, describeCombination, emergentCombinations } from '../analysis/emergent.js';
import { DEFAULT_TOP_TERMS, rankTerms } from '../analysis/keyterms.js';
import { findPerspectives } from '../analysis/perspectives.js';
import { recordAt, recordHas, recordsOf } from '../analysis/records.js';
import { categoryTerms, recordTerms, wordTotals, type ReportPlan, type ReportSum } from '../analysis/tally-report.js';
import type { PerspectiveResult, Problem, Report } from '../types.js';
import type { AnalyzeRunOptions } from './options.js';

/** The parts of a report made from the corpus sums, beyond totals and frequencies. */
export interface ReportParts {
  breakdowns: Report['breakdowns'];
  comparisons: Report['comparisons'];
  cooccurrence: Report['cooccurrence'];
  keyterms: Report['keyterms'];
  /** The codebook's declared perspectives with their evidence. */
  declared: PerspectiveResult[];
  /** The emergent perspectives, described (labels from their key terms, evidence as unit ids). */
  describe(): PerspectiveResult[];
  problems: Problem[];
}

/** Breakdowns, comparisons, co-occurrence, key terms and perspectives from the sums of a corpus of N codable units. */
export function reportParts(sum: ReportSum, plan: ReportPlan, N: number, frequencies: Report['frequencies'], options: AnalyzeRunOptions): ReportParts {
  const { codebook, flat, by } = plan;
  const n = frequencies.map((f) => f.segments);
  const totals = wordTotals(sum, plan);
  const top = options.keyterms ?? DEFAULT_TOP_TERMS;
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const maxEmergent = options.maxEmergent ?? DEFAULT_MAX_EMERGENT;
  const store = sum.records;
  const search: SearchStats = { tests: 0, minSupport };
  const found = emergentCombinations({ N, n, has: (k, m) => recordHas(store, k, m), unitsOf: recordsOf(store, flat.length) }, codebook, minSupport, minLift, search);
  const combos = capCombinations(found, maxEmergent);
  const problems: Problem[] = [];
  if (search.minSupport > minSupport) {
    const params = { tests: MAX_EMERGENT_TESTS, minSupport, support: search.minSupport };
    problems.push(problem(codebook.source.file, 'warning', { key: 'problem.analyze/emergent-pruned', params }, undefined, 'analyze/emergent-pruned'));
  }
  if (combos.length < found.length) {
    const params = { found: found.length, minSupport, minLift, max: maxEmergent };
    problems.push(problem(codebook.source.file, 'warning', { key: 'problem.analyze/emergent-capped', params }, undefined, 'analyze/emergent-capped'));
  }
  return {
    breakdowns: by.map((dim, i) => breakdownRows(sum.byValue[i]!, codebook.categories, dim)),
    comparisons: by.map((dim, i) => comparisonRows(sum.byValue[i]!, codebook.categories, dim)),
    cooccurrence: cooccurrenceRows(sum.cooccurrence, flat),
    keyterms: flat.flatMap((c, i) =>
      rankTerms(categoryTerms(sum, totals, i), n[i]!, N, totals)
        .slice(0, top)
        .map((t) => ({ category: c.path, term: t.term, units: t.units, otherUnits: t.otherUnits, g2: t.g2 })),
    ),
    declared: sum.declared ?? findPerspectives([], codebook),
    describe: () =>
      combos.map((combo) =>
        describeCombination(
          combo,
          flat,
          minSupport,
          rankTerms(recordTerms(sum, totals, combo.evidence), combo.evidence.length, N, totals),
          DEFAULT_LABEL_TERMS,
          combo.evidence.map((k) => recordAt(store, k)),
        ),
      ),
    problems,
  };
}
