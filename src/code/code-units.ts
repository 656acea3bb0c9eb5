import type { Matcher } from '../codebook/compile.js';
import type { CodedUnit, Problem, Unit } from '../types.js';
import { matchCodes } from './match.js';
import { runRegexRules, type RegexBudget, type RegexHits } from './regex-budget.js';

/** Options of `codeUnits`. */
export interface CodeUnitsOptions {
  /** The file the units come from, named in problems (default: each unit's transcript id). */
  file?: string;
  /** Called with each problem met: a regex rule stopped because it ran past its time budget. */
  onProblem?: (problem: Problem) => void;
  /** The time budget of a regex rule on one unit (default `DEFAULT_REGEX_BUDGET`). */
  regexBudget?: RegexBudget;
}

/**
 * Code units with a compiled codebook; moderator units are kept with no codings. Regex rules run
 * for all units at once under a time budget per rule and unit; a rule that runs past it is stopped
 * and reported through `onProblem` as an error at the unit, and is off for the rest of the run.
 */
export function codeUnits(units: readonly Unit[], matcher: Matcher, options: CodeUnitsOptions = {}): CodedUnit[] {
  const codable = units.filter((u) => !u.moderator);
  let regexHits: RegexHits[] = [];
  if (matcher.regexCategories.length > 0) {
    const run = runRegexRules(codable.map((u) => u.text), matcher, options.regexBudget);
    regexHits = run.hits;
    for (const stop of run.stops) {
      const unit = codable[stop.text]!;
      options.onProblem?.({
        file: options.file ?? unit.transcript,
        line: unit.line,
        severity: 'error',
        message:
          `regex '${stop.pattern}' of category '${stop.category}' ran longer than ${stop.budgetMs} ms on segment ${unit.segment} and was stopped; ` +
          `it is left out from here on, so '${stop.category}' may be coded too rarely (rewrite the regex without nested or overlapping repetition)`,
        ruleId: 'code/regex-timeout',
      });
    }
  }
  let next = 0;
  return units.map((unit) => {
    if (unit.moderator) return { ...unit, codings: [] };
    const { coded } = matchCodes(unit.text, matcher, matcher.regexCategories.length > 0 ? regexHits[next++] : undefined);
    return {
      ...unit,
      codings: coded.map((c) => ({
        transcript: unit.transcript,
        segment: unit.segment,
        category: c.path,
        matches: c.matches,
        hits: c.hits,
      })),
    };
  });
}
