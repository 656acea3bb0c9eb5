import type { Matcher } from '../codebook/compile.js';
import { flattenCategories } from '../codebook/flatten.js';
import { matchText } from '../coding/match.js';
import { DEFAULT_REGEX_BUDGET, runRegexRules, type RegexBudget } from '../coding/regex-budget.js';
import type { Category, Match, Unit } from '../types.js';

/** A match with the words it covers in the unit's text. */
export interface QuotedMatch extends Match {
  text: string;
}

/** A category coded in the unit, with its evidence. */
export interface ExplainedCoding {
  path: string;
  label: string;
  /** Distinct occurrences (overlapping hits once). */
  hits: number;
  /** Hits of the category's own terms and rules. */
  own: QuotedMatch[];
  /** Coded direct subcategories whose evidence rolled up into this category. */
  from: string[];
}

/** A category that had hits but was blocked by an exclude term of itself or an ancestor. */
export interface ExplainedBlock {
  path: string;
  label: string;
  /** The category whose exclude matched. */
  by: string;
  exclude: QuotedMatch[];
  /** The hits that would have coded it. */
  matches: QuotedMatch[];
}

/** Everything that decided the coding of one unit. */
export interface Explanation {
  unit: Unit;
  /** Moderator units are never coded: both lists are empty. */
  coded: ExplainedCoding[];
  blocked: ExplainedBlock[];
  /** Regex rules stopped by their time budget on this unit: their hits are missing above (absent when none). */
  stopped?: { category: string; pattern: string }[];
}

/**
 * Why a unit is coded as it is: every coded category (codebook order) with the terms and rules of
 * its own that matched and where, the subcategories it was rolled up from, and every category an
 * exclude term blocked, with the exclude's match and the hits it overruled.
 */
export function explainUnit(unit: Unit, matcher: Matcher, categories: readonly Category[], regexBudget: RegexBudget = DEFAULT_REGEX_BUDGET): Explanation {
  if (unit.moderator) return { unit, coded: [], blocked: [] };
  const labels = new Map(flattenCategories(categories).map((c) => [c.path, c.label]));
  const quote = (m: Match): QuotedMatch => ({ ...m, text: unit.text.slice(m.start, m.end) });
  const regex = runRegexRules([unit.text], matcher, regexBudget);
  const result = matchText(unit.text, matcher, regex.matches[0]);
  const byPath = new Map(result.coded.map((c) => [c.path, c]));
  const key = (m: Match): string => `${m.start}:${m.end}:${m.by}`;
  const coded = result.coded.map((c) => {
    const children = result.coded.filter((k) => k.path.startsWith(c.path + '/') && !k.path.slice(c.path.length + 1).includes('/'));
    const inherited = new Set(
      result.coded.filter((k) => k.path.startsWith(c.path + '/')).flatMap((k) => byPath.get(k.path)!.matches.map(key)),
    );
    return {
      path: c.path,
      label: labels.get(c.path) ?? c.path,
      hits: c.hits,
      own: c.matches.filter((m) => !inherited.has(key(m))).map(quote),
      from: children.map((k) => k.path),
    };
  });
  const blocked = result.blocked.map((b) => ({
    path: b.path,
    label: labels.get(b.path) ?? b.path,
    by: b.by,
    exclude: b.exclude.map(quote),
    matches: b.matches.map(quote),
  }));
  const stopped = regex.stops.map((s) => ({ category: s.category, pattern: s.pattern }));
  return stopped.length > 0 ? { unit, coded, blocked, stopped } : { unit, coded, blocked };
}
