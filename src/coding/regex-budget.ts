/**
 * Regex rules run with a time budget, so that no codebook regex can hang a run.
 *
 * The static guard (`codebook/regex-guard.ts`) refuses the known shapes of catastrophic
 * backtracking when the codebook loads, but no static check catches every slow pattern, and even a
 * harmless-looking one can be quadratic on a 10 MB unit. So regexes also run under a clock.
 *
 * Why this way: JavaScript cannot interrupt a running `RegExp#exec` from the same thread, except
 * through `vm`'s `timeout`, which stops any script — a regex included — from a watchdog thread. The
 * V8 flag `--enable-experimental-regexp-engine-on-excessive-backtracks` (a linear-time fallback)
 * was tried and rejected: in Node 20 it falls back for no pattern with the `i` or `u` flag, and
 * codebook regexes always carry both. Running regexes on bounded windows would change what they
 * match and still be exponential within a window. A watchdog call costs about 0.3 ms, so the rules
 * run for many texts in one call; only when that call runs out of time is the job it was running
 * re-run alone, to tell a slow job from a long batch. Results are exactly those of plain `exec`;
 * the only difference is that a rule that runs past its budget on a text is stopped, yields no hits
 * there, and is switched off for the rest of the call — one transcript (each further text would cost
 * the budget again). The next call tries it afresh: what a transcript is coded with depends on that
 * transcript alone, never on which transcripts the same worker thread coded before.
 */
import vm from 'node:vm';
import type { CompiledRule, Matcher } from '../codebook/compile.js';
import type { Match } from '../types.js';
import { prefilterOf } from './regex-prefilter.js';

/** The time budget of one regex rule on one text: a base, plus time in proportion to the text's length. */
export interface RegexBudget {
  /** Milliseconds any text gets (default 1000). */
  baseMs: number;
  /** Extra milliseconds per 1000 UTF-16 units of text (default 1), so a 10 MB unit gets 11 s. */
  perThousandMs: number;
}

/** The budget used when none is given. */
export const DEFAULT_REGEX_BUDGET: RegexBudget = { baseMs: 1000, perThousandMs: 1 };

/** A regex rule stopped because it ran past its budget on a text. */
export interface RegexStop {
  /** Full code of the category the rule belongs to. */
  category: string;
  /** The pattern as written in the codebook. */
  pattern: string;
  /** Index of the text (in the `texts` given to `runRegexRules`) the rule was stopped on. */
  text: number;
  /** The budget it ran past, in milliseconds. */
  budgetMs: number;
}

/** The hits of each regex rule on one text, as evidence (`by` is the rule's label). */
export type RegexMatches = ReadonlyMap<CompiledRule, readonly Match[]>;

/** What running the regex rules on some texts gives: the matches per text and the rules stopped in this call. */
export interface RegexRun {
  matches: RegexMatches[];
  stops: RegexStop[];
}

interface Job {
  re: RegExp;
  text: string;
  rule: CompiledRule;
}

/** Progress shared with the script in the vm context: what is done survives a timeout. */
interface Progress {
  jobs: Job[];
  results: (number[] | undefined)[];
  /** Rules switched off: their jobs are skipped. */
  off: Set<CompiledRule>;
  next: number;
  limit: number;
  current: number;
}

// The loop runs inside the context, so the watchdog's timeout covers every exec of every job.
const LOOP = `(function (p) {
  for (let j = p.next; j < p.limit; j++) {
    p.current = j;
    const job = p.jobs[j];
    if (p.off.has(job.rule)) { p.next = j + 1; continue; }
    const re = job.re;
    const text = job.text;
    const hits = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        // Step over a whole surrogate pair: V8 moves a unicode regex back to the pair's start, so a
        // step of one unit into an emoji would find the same empty match again, for ever.
        const c = text.charCodeAt(m.index);
        const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(m.index + 1) & 0xfc00) === 0xdc00;
        re.lastIndex = m.index + (pair ? 2 : 1);
        continue;
      }
      hits.push(m.index, m.index + m[0].length);
    }
    p.results[j] = hits;
    p.next = j + 1;
  }
})`;

let sandbox: { context: vm.Context; call: vm.Script } | undefined;

/** The vm context with the loop in it, made once per process. */
function getSandbox(): { context: vm.Context; call: vm.Script } {
  if (!sandbox) {
    const context = vm.createContext(Object.create(null) as object);
    vm.runInContext(`globalThis.loop = ${LOOP};`, context);
    sandbox = { context, call: new vm.Script('loop(progress)') };
  }
  return sandbox;
}

/** Milliseconds a rule may run on a text of `length` UTF-16 units. */
export function budgetFor(length: number, budget: RegexBudget = DEFAULT_REGEX_BUDGET): number {
  return Math.ceil(budget.baseMs + (length / 1000) * budget.perThousandMs);
}

/** The prefilter of each regex rule (`regex-prefilter.ts`), null when it has none; made once per rule. */
const prefilters = new WeakMap<CompiledRule, RegExp | null>();

function prefilterFor(rule: CompiledRule): RegExp | null {
  let pre = prefilters.get(rule);
  if (pre === undefined) {
    pre = prefilterOf(patternOf(rule)) ?? null;
    prefilters.set(rule, pre);
  }
  return pre;
}

/** The regex rules of a matcher with the full code of their category, in codebook order. */
function regexRules(matcher: Matcher): { rule: CompiledRule; category: string }[] {
  const out: { rule: CompiledRule; category: string }[] = [];
  for (const index of matcher.regexCategories) {
    const cat = matcher.categories[index]!;
    for (const rule of cat.rules) if (rule.kind === 'regex' && rule.regex) out.push({ rule, category: cat.path });
  }
  return out;
}

/**
 * Run every regex rule of `matcher` on each text, each rule on each text within its budget
 * (`budgetFor`). A rule that runs past it is stopped, reported once in `stops`, and gives no hits on
 * that text and on every later one of this call (callers pass one transcript's texts per call).
 */
export function runRegexRules(texts: readonly string[], matcher: Matcher, budget: RegexBudget = DEFAULT_REGEX_BUDGET): RegexRun {
  const rules = regexRules(matcher);
  const matches: Map<CompiledRule, Match[]>[] = texts.map(() => new Map());
  if (rules.length === 0) return { matches, stops: [] };
  const off = new Set<CompiledRule>();
  const jobs: Job[] = [];
  const textOf: number[] = [];
  // Every (text, rule) pair in order: the index of its job, or -1 when the prefilter ruled it out.
  const pairs: { text: number; rule: CompiledRule; job: number }[] = [];
  texts.forEach((text, t) => {
    for (const { rule } of rules) {
      if (off.has(rule)) continue;
      const pre = prefilterFor(rule);
      if (pre && !pre.test(text)) {
        pairs.push({ text: t, rule, job: -1 });
        continue;
      }
      pairs.push({ text: t, rule, job: jobs.length });
      jobs.push({ re: rule.regex!, text, rule });
      textOf.push(t);
    }
  });
  const progress: Progress = { jobs, results: [], off, next: 0, limit: jobs.length, current: -1 };
  const stops: RegexStop[] = [];
  const { context, call } = getSandbox();
  context.progress = progress;
  try {
    while (progress.next < jobs.length) {
      const first = progress.next;
      let longest = 0;
      for (let j = first; j < progress.limit; j++) longest = Math.max(longest, jobs[j]!.text.length);
      const timeout = budgetFor(longest, budget);
      try {
        call.runInContext(context, { timeout });
        progress.limit = jobs.length;
      } catch (e) {
        if ((e as { code?: string } | null)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
        const j = progress.current;
        if (j < first || progress.next > j) {
          // Out of time between two jobs: nothing was cut short, go on from where it stopped.
          progress.limit = jobs.length;
        } else if (j === first) {
          // The job had the whole budget to itself: it is too slow.
          const job = jobs[j]!;
          off.add(job.rule);
          stops.push({ category: rules.find((r) => r.rule === job.rule)!.category, pattern: patternOf(job.rule), text: textOf[j]!, budgetMs: timeout });
          progress.next = j + 1;
          progress.limit = jobs.length;
        } else {
          // Jobs before it shared the budget: give this one a run of its own.
          progress.next = j;
          progress.limit = j + 1;
        }
      }
    }
  } finally {
    context.progress = undefined;
  }
  for (const { text, rule, job } of pairs) {
    if (job < 0) {
      // The rule's required literals do not occur in the text: it cannot match there.
      matches[text]!.set(rule, []);
      continue;
    }
    const flat = progress.results[job];
    if (!flat) continue;
    const found: Match[] = [];
    for (let k = 0; k < flat.length; k += 2) found.push({ by: rule.label, start: flat[k]!, end: flat[k + 1]! });
    matches[text]!.set(rule, found);
  }
  return { matches, stops };
}

/** The pattern of a regex rule as written (its label is `regex: PATTERN`). */
function patternOf(rule: CompiledRule): string {
  return rule.label.replace(/^regex: /u, '');
}
