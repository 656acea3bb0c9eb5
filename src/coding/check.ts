/**
 * `fokus codebook check`: a codebook tested like code. Its anchor examples must be coded with their
 * category and its counterexamples must not, through the same matcher `analyze` uses; on top of the
 * loader's errors it warns about rules that cannot do anything useful.
 */
import { matchText } from './match.js';
import { DEFAULT_REGEX_BUDGET, runRegexRules, type RegexBudget, type RegexStop } from './regex-budget.js';
import type { Message } from '../lang/catalogue.js';
import { problem, sortProblems } from '../problems.js';
import { foldWord, lowerWord } from '../text/normalize.js';
import type { Category, Codebook, Match, Problem, Term } from '../types.js';
import { compileCodebook } from '../codebook/compile.js';
import { unmatchable } from '../codebook/terms.js';
import { flattenCategories } from '../codebook/flatten.js';
import type { ParsedCodebook } from '../codebook/parse.js';

/** A piece of evidence with the text it covers in the example (`start`/`end` are UTF-16 offsets). */
export interface QuotedMatch extends Match {
  text: string;
}

/** The outcome of one anchor example or counterexample. */
export interface ExampleCheck {
  kind: 'example' | 'counterexample';
  /** 1-based number among the category's examples (or counterexamples). */
  number: number;
  text: string;
  /** Examples pass when coded with the category (roll-up counts), counterexamples when not. */
  passed: boolean;
  /** Evidence that coded the category (own and rolled-up hits); empty when it was not coded. */
  matches: QuotedMatch[];
  /** Hits of the category or its subcategories that an `exclude` stopped. */
  blocked: { path: string; by: string; exclude: QuotedMatch[]; matches: QuotedMatch[] }[];
  /** Every category the text was coded with (full codes, codebook order). */
  codedWith: string[];
  /**
   * Regex rules of the category or its subcategories stopped by their time budget on this text
   * (`regex: PATTERN`); when any is, the example was not judged and does not pass.
   */
  stopped: string[];
}

/** The anchor-example results of one category. */
export interface CategoryCheck {
  path: string;
  label: string;
  level: number;
  examples: ExampleCheck[];
  counterexamples: ExampleCheck[];
  /** True when every example and counterexample passed (also when there are none). */
  passed: boolean;
}

/** Everything `fokus codebook check` found. */
export interface CodebookCheck {
  file: string;
  /** The codebook's name; null when it could not be loaded. */
  name: string | null;
  /** False when the loader found errors; then `categories` is empty. */
  valid: boolean;
  /** The loader's problems and the check's warnings, sorted by position. */
  problems: Problem[];
  categories: CategoryCheck[];
  totals: { examples: number; counterexamples: number; passed: number; failed: number; warnings: number };
}

/**
 * Check a parsed codebook: keep the loader's problems, and when it is valid run every anchor example
 * and counterexample through the compiled matcher and add the warnings of `lintCodebook`.
 */
export function checkCodebook(parsed: ParsedCodebook, file: string, budget: RegexBudget = DEFAULT_REGEX_BUDGET): CodebookCheck {
  const codebook = parsed.codebook;
  if (!codebook) {
    const problems = sortProblems(parsed.problems);
    return {
      file,
      name: null,
      valid: false,
      problems,
      categories: [],
      totals: { examples: 0, counterexamples: 0, passed: 0, failed: 0, warnings: problems.filter((p) => p.severity === 'warning').length },
    };
  }
  const stops: Problem[] = [];
  const categories = runExamples(codebook, budget, stops);
  const problems = sortProblems([...parsed.problems, ...lintCodebook(codebook), ...stops]);
  const all = categories.flatMap((c) => [...c.examples, ...c.counterexamples]);
  const passed = all.filter((e) => e.passed).length;
  return {
    file,
    name: codebook.name,
    valid: true,
    problems,
    categories,
    totals: {
      examples: categories.reduce((n, c) => n + c.examples.length, 0),
      counterexamples: categories.reduce((n, c) => n + c.counterexamples.length, 0),
      passed,
      failed: all.length - passed,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/**
 * Run every category's anchor examples and counterexamples through the codebook's matcher, each
 * regex rule under its time budget; a rule stopped on a text is reported in `problems` (when given)
 * and the examples of the categories it codes with that text are not judged (`stopped`).
 */
export function runExamples(codebook: Codebook, budget: RegexBudget = DEFAULT_REGEX_BUDGET, problems?: Problem[]): CategoryCheck[] {
  const matcher = compileCodebook(codebook);
  const results = new Map<string, ReturnType<typeof matchText> & { stops: RegexStop[] }>();
  const matchOnce = (text: string): ReturnType<typeof matchText> & { stops: RegexStop[] } => {
    let r = results.get(text);
    if (!r) {
      const regex = runRegexRules([text], matcher, budget);
      r = { ...matchText(text, matcher, regex.matches[0]), stops: regex.stops };
      results.set(text, r);
      for (const stop of regex.stops) problems?.push(stopProblem(codebook, stop, text));
    }
    return r;
  };
  return flattenCategories(codebook.categories).map((cat) => {
    const run = (kind: ExampleCheck['kind'], text: string, i: number): ExampleCheck => {
      const r = matchOnce(text);
      const coded = r.coded.find((c) => c.path === cat.path);
      const quote = (m: Match): QuotedMatch => ({ by: m.by, start: m.start, end: m.end, text: text.slice(m.start, m.end) });
      const within = (b: { path: string }): boolean => b.path === cat.path || b.path.startsWith(cat.path + '/');
      const stopped = r.stops.filter((s) => within({ path: s.category })).map((s) => `regex: ${s.pattern}`);
      return {
        kind,
        number: i + 1,
        text,
        passed: stopped.length === 0 && (kind === 'example' ? coded !== undefined : coded === undefined),
        matches: (coded?.matches ?? []).map(quote),
        blocked: coded ? [] : r.blocked.filter(within).map((b) => ({ path: b.path, by: b.by, exclude: b.exclude.map(quote), matches: b.matches.map(quote) })),
        codedWith: r.coded.map((c) => c.path),
        stopped,
      };
    };
    const examples = cat.examples.map((t, i) => run('example', t, i));
    const counterexamples = cat.counterexamples.map((t, i) => run('counterexample', t, i));
    return {
      path: cat.path,
      label: cat.label,
      level: cat.level,
      examples,
      counterexamples,
      passed: [...examples, ...counterexamples].every((e) => e.passed),
    };
  });
}

/** The error for a regex rule stopped on an example's text, at the rule's position in the codebook. */
function stopProblem(codebook: Codebook, stop: RegexStop, text: string): Problem {
  const cat = flattenCategories(codebook.categories).find((c) => c.path === stop.category);
  const rule = cat?.rules.find((r) => r.kind === 'regex' && r.pattern === stop.pattern);
  const flat = text.replace(/\s+/gu, ' ').trim();
  const quote = flat.length <= 40 ? flat : `${flat.slice(0, 39)}…`;
  return problem(
    codebook.source.file,
    'error',
    { key: 'problem.code/regex-timeout.example', params: { pattern: stop.pattern, category: stop.category, ms: stop.budgetMs, quote } },
    rule?.position,
    'code/regex-timeout',
  );
}

/**
 * Warnings about a valid codebook: terms that can never match, categories that can never be coded
 * (no term, no rule, no subcategory), and terms that sibling categories share.
 */
export function lintCodebook(codebook: Codebook): Problem[] {
  const file = codebook.source.file;
  const out: Problem[] = [];
  const flat = flattenCategories(codebook.categories);
  for (const cat of flat) {
    for (const { term, where } of termsOf(cat)) {
      const reason = unmatchable(term.text);
      if (reason) out.push(problem(file, 'warning', { key: 'problem.codebook/term-never-matches', params: { term: term.text, where, path: cat.path, reason } }, term.position, 'codebook/term-never-matches'));
    }
    if (cat.terms.length === 0 && cat.rules.length === 0 && cat.categories.length === 0) {
      out.push(problem(file, 'warning', { key: 'problem.codebook/category-never-coded', params: { path: cat.path } }, cat.position, 'codebook/category-never-coded'));
    }
  }
  for (const siblings of [codebook.categories, ...flat.map((c) => c.categories)]) out.push(...sharedTerms(siblings, file));
  return out;
}

/** Every term of a category with the place it is used (`terms`, `exclude`, `rule 2`, `not of rule 2`). */
function termsOf(cat: Category): { term: Term; where: Message }[] {
  const out: { term: Term; where: Message }[] = [];
  for (const term of cat.terms) out.push({ term, where: { key: 'part.check.terms' } });
  cat.rules.forEach((rule, i) => {
    if (rule.kind !== 'regex') for (const term of rule.terms) out.push({ term, where: { key: 'part.check.rule', params: { n: i + 1 } } });
    for (const term of rule.not) out.push({ term, where: { key: 'part.check.not-of-rule', params: { n: i + 1 } } });
  });
  for (const term of cat.exclude) out.push({ term, where: { key: 'part.check.exclude' } });
  return out;
}


/**
 * Warnings for terms that two or more sibling categories list among their `terms`. Two terms share
 * their matches when they are equal, or equal after umlaut folding while either category folds.
 */
function sharedTerms(siblings: readonly Category[], file: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, { cat: Category; term: Term; lower: string }[]>();
  for (const cat of siblings) {
    const own = new Set<string>();
    for (const term of cat.terms) {
      const lower = lowerWord(term.text);
      const key = foldWord(lower);
      if (own.has(lower)) continue;
      own.add(lower);
      const list = seen.get(key) ?? [];
      const intended = (e: { cat: Category }): boolean => e.cat.sharedWith.includes(cat.code) || cat.sharedWith.includes(e.cat.code);
      const earlier = list.find((e) => e.cat !== cat && (e.lower === lower || e.cat.match.fold || cat.match.fold) && !intended(e));
      list.push({ cat, term, lower });
      seen.set(key, list);
      if (!earlier) continue;
      const params = { term: term.text, path: cat.path, sibling: earlier.cat.path, line: earlier.term.position?.line ?? 0 };
      out.push(
        problem(
          file,
          'warning',
          { key: earlier.term.position ? 'problem.codebook/shared-term.line' : 'problem.codebook/shared-term', params },
          term.position,
          'codebook/shared-term',
        ),
      );
    }
  }
  return out;
}
