/**
 * The second layer of the static ReDoS guard: scslre (on the regexpp AST) finds quantifiers that can
 * trade characters with themselves or with another quantifier. The hand-written guard in
 * `regex-guard.ts` knows the common shapes and words its messages for them; this layer catches what it
 * cannot see, such as a bounded repetition of a group with an unbounded loop inside whose loop can
 * reach itself (`(.*a){10}x`, `(a+){10}b`: polynomial of degree 10).
 *
 * Refused: every exponential report, and a quantifier that reaches itself inside a parent repeated
 * three times or more (degree ≥ 3). Allowed, and left to the run-time budget: adjacent repetitions
 * (`\w*\w*$`, a "trade" of polynomial degree) and a self-reaching loop repeated at most twice
 * (`(a+){2}`, quadratic like `a*a*`), since codebooks use such shapes harmlessly.
 */
import { analyseRegex } from '../deps.js';
import type { Message } from '../lang/catalogue.js';

/** A self-reaching loop repeated this many times or more is refused: the backtracking grows as n^count. */
export const MAX_SELF_DEGREE = 3;

/**
 * Why a pattern (flags `iu`, as codebook regexes run) backtracks super-linearly to a degree the
 * guard refuses, or undefined. A pattern the analysis cannot handle is left to the run-time budget.
 */
export function superLinearReason(pattern: string): Message | undefined {
  let reports: ReturnType<typeof analyseRegex>['reports'];
  try {
    reports = analyseRegex({ source: pattern, flags: 'iu' }, { reportTypes: { Move: false, Self: true, Trade: true } }).reports;
  } catch {
    return undefined;
  }
  for (const r of reports) {
    if (r.type === 'Self' && (r.exponential || r.parentQuant.max >= MAX_SELF_DEGREE)) {
      const times: Message = r.parentQuant.max === Infinity ? { key: 'part.regex.without-bound' } : { key: 'part.regex.times', params: { n: r.parentQuant.max } };
      return { key: 'part.regex.nested-self', params: { quantifier: r.quant.raw, parent: r.parentQuant.raw, times } };
    }
    if (r.type === 'Trade' && r.exponential) {
      return { key: 'part.regex.trade', params: { first: r.startQuant.raw, second: r.endQuant.raw } };
    }
  }
  return undefined;
}
