import type { Matcher } from '../codebook/compile.js';
import { problem } from '../problems.js';
import type { CodedUnit, Problem, Unit } from '../types.js';
import { codingsOf, countCodes, type CodeCounts } from './match.js';
import { runRegexRules, type RegexBudget, type RegexMatches } from './regex-budget.js';

/** Options of `codeUnits`. */
export interface CodeUnitsOptions {
  /** The file the units come from, named in problems (default: each unit's transcript id). */
  file?: string;
  /** Called with each problem met: a regex rule stopped because it ran past its time budget. */
  onProblem?: (problem: Problem) => void;
  /** The time budget of a regex rule on one unit (default `DEFAULT_REGEX_BUDGET`). */
  regexBudget?: RegexBudget;
  /**
   * Whether codings carry their evidence (default true). Without it every coding's `matches` is
   * empty, and coding costs less: for callers that use only the categories and their hits.
   */
  evidence?: boolean;
}

/**
 * Code units with a compiled codebook; moderator units are kept with no codings. Regex rules run
 * for all units at once under a time budget per rule and unit; a rule that runs past it is stopped
 * and reported through `onProblem` as an error at the unit, and is off for the rest of these units
 * (callers pass one transcript at a time).
 */
export function codeUnits(units: readonly Unit[], matcher: Matcher, options: CodeUnitsOptions = {}): CodedUnit[] {
  const evidence = options.evidence ?? true;
  const out: CodedUnit[] = [];
  eachUnit(units, matcher, options, (unit, hits) => {
    out.push({ ...unit, codings: unit.moderator ? [] : codingsOf(unit.text, matcher, hits, unit.transcript, unit.segment, evidence) });
  });
  return out;
}

/**
 * Code units for counting only: each unit in turn is handed to `each` with the categories it is
 * coded with (numbers into `matcher.categories`, ascending) and their hits — null for a moderator
 * unit. Codings are the same as `codeUnits` gives, and problems are reported the same way; the
 * counts are shared space, valid only during the call of `each`.
 */
export function countUnits(units: readonly Unit[], matcher: Matcher, each: (unit: Unit, counts: CodeCounts | null) => void, options: CodeUnitsOptions = {}): void {
  eachUnit(units, matcher, options, (unit, hits) => each(unit, unit.moderator ? null : countCodes(unit.text, matcher, hits)));
}

/** Run the regex rules for the units (see `codeUnits`), then hand each unit, with its regex hits, to `each`. */
function eachUnit(units: readonly Unit[], matcher: Matcher, options: CodeUnitsOptions, each: (unit: Unit, regexMatches: RegexMatches | undefined) => void): void {
  const codable = units.filter((u) => !u.moderator);
  let regexMatches: RegexMatches[] = [];
  if (matcher.regexCategories.length > 0) {
    const run = runRegexRules(codable.map((u) => u.text), matcher, options.regexBudget);
    regexMatches = run.matches;
    for (const stop of run.stops) {
      const unit = codable[stop.text]!;
      const params = { pattern: stop.pattern, category: stop.category, ms: stop.budgetMs, segment: unit.segment };
      const p = problem(options.file ?? unit.transcript, 'error', { key: 'problem.code/regex-timeout', params }, undefined, 'code/regex-timeout');
      options.onProblem?.({ ...p, line: unit.line });
    }
  }
  let next = 0;
  for (const unit of units) each(unit, unit.moderator || matcher.regexCategories.length === 0 ? undefined : regexMatches[next++]);
}
