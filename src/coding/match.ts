import type { Matcher } from '../codebook/compile.js';
import type { Coding, Match, Token } from '../types.js';
import { countAtoms, giveAtoms, ascending, sortAtoms } from './atoms.js';
import { completeCompounds, findTerms } from './occurrences.js';
import { runRegexRules, type RegexMatches } from './regex-budget.js';
import type { BlockedMatch, CategoryMatch, CodeCounts, Outcome, TextMatch } from './results.js';
import { applyAllRules, markExcludes } from './rules.js';
import { scanTokens, type ScannedTokens } from './scan.js';
import { derived, resetStamps } from './tables.js';

export type { BlockedMatch, CategoryMatch, CodeCounts, TextMatch } from './results.js';
export { lookupElement } from './tables.js';

/**
 * Apply a compiled codebook to one text. Cost grows with the tokens and the hits, not with the
 * number of terms: tokens find their patterns through the matcher's cached word-form lookup, and
 * only categories with a hit (or a regex rule) are evaluated.
 */
export function matchText(text: string, matcher: Matcher, regexMatches?: RegexMatches): TextMatch {
  const scan = scanTokens(text, matcher);
  const tokens: Token[] = [];
  for (let i = 0; i < scan.count; i++) {
    const start = scan.starts[i]!;
    const end = scan.ends[i]!;
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return { tokens, ...matchScanned(text, scan, matcher, regexMatches) };
}

/**
 * The codings of one unit's text, as `codeUnits` lists them: one per coded category, in codebook
 * order. With `evidence` false only the counts are made: every coding's `matches` is then one
 * shared, frozen empty list (for callers that use nothing but the categories and their hits).
 */
export function codingsOf(text: string, matcher: Matcher, regexMatches: RegexMatches | undefined, transcript: string, segment: number, evidence: boolean): Coding[] {
  const r = codeScanned(text, scanTokens(text, matcher), matcher, regexMatches, evidence, false);
  const out: Coding[] = [];
  for (let k = 0; k < r.count; k++) {
    const index = r.index[k]!;
    out.push({ transcript, segment, category: matcher.categories[index]!.path, matches: evidence ? r.matches[k]! : NO_MATCHES, hits: r.hits[k]! });
  }
  return out;
}

/**
 * The categories a text is coded with and their hits, as `codingsOf` finds them, without evidence.
 * The result is shared space, valid until the next call.
 */
export function countCodes(text: string, matcher: Matcher, regexMatches: RegexMatches | undefined): CodeCounts {
  return codeScanned(text, scanTokens(text, matcher), matcher, regexMatches, false, false);
}

/** The evidence of every coding made without evidence: empty, and frozen so that nobody adds to it. */
const NO_MATCHES = Object.freeze([]) as unknown as Match[];

function matchScanned(text: string, scan: ScannedTokens, matcher: Matcher, given?: RegexMatches): Pick<TextMatch, 'coded' | 'blocked'> {
  const r = codeScanned(text, scan, matcher, given, true, true);
  const coded: CategoryMatch[] = [];
  for (let k = 0; k < r.count; k++) {
    const index = r.index[k]!;
    coded.push({ index, path: matcher.categories[index]!.path, matches: r.matches[k]!, hits: r.hits[k]! });
  }
  return { coded, blocked: r.blocked };
}

const NONE_YET = Object.freeze([]) as unknown as Match[][];
const NONE_BLOCKED = Object.freeze([]) as unknown as BlockedMatch[];

/**
 * The coding of one text, computed without a match object per hit until the evidence is asked for.
 *
 * Every piece of evidence is an "atom": a span of text (start, end) with its label (a term as
 * written, or a rule's short form), coming either from an occurring term (for each category naming
 * it among its own terms) or from a rule of one category. Atoms are sorted once, by start, end and
 * label (labels compare by their rank among all labels of the codebook, which orders them as the
 * strings do); each atom is then handed to every category it codes — its own categories and their
 * ancestors, unless an exclude blocks them — so each category's evidence arrives sorted: identical
 * hits are adjacent, and the distinct occurrences (overlapping spans count once) are counted on the fly.
 *
 * Without evidence only the counts are needed, and they depend on the starts' order alone: a span
 * counts when it starts at or after the end of every span before it, which holds for the first of
 * spans starting at one place whatever their order, and never for a repeated non-empty span. So
 * atoms are then sorted by start only and repeats are not looked for (unless some span is empty).
 */
function codeScanned(text: string, scan: ScannedTokens, matcher: Matcher, given: RegexMatches | undefined, evidence: boolean, withBlocked: boolean): Outcome {
  const d = derived(matcher);
  const out = d.outcome;
  out.count = 0;
  // Fresh lists only when they will be filled (and handed out).
  out.matches = evidence ? [] : NONE_YET;
  out.blocked = withBlocked ? [] : NONE_BLOCKED;
  if (scan.truncated) completeCompounds(text, scan, matcher);
  const hasRegex = matcher.regexCategories.length > 0;
  if (scan.patternedCount === 0 && !hasRegex) return out;
  if (d.round >= 0x3fffffff) resetStamps(d);
  const round = ++d.round;
  const w = d.work;
  // Atoms of the terms categories name among their own; occurrences of those rules and excludes use.
  w.text = text;
  w.context = undefined;
  w.scan = scan;
  const found = findTerms(scan, matcher, d, round);
  if (!found && !hasRegex) return out;
  const regexMatches = hasRegex ? (given ?? runRegexRules([text], matcher).matches[0]) : undefined;
  const { starts, ends } = scan;

  // Rules, of the categories whose rules use an occurring term, and of those with regex rules.
  applyAllRules(matcher, d, w, round, regexMatches, starts, ends);
  // Exclusions: a category's exclude blocks it and every subcategory.
  const blocking = d.hasExcludes && markExcludes(d, w, round);

  const n = w.atoms;
  if (n === 0) return out;
  const full = evidence || w.empty;
  const order = sortAtoms(w, n, full);
  if (w.touched.length < matcher.categories.length) w.touched = new Int32Array(matcher.categories.length);
  // The common case, counts only and nothing blocked, has a loop of its own (kept small for the compiler).
  const touched = !blocking && !full ? countAtoms(d, w, order, n, round) : giveAtoms({ matcher, d, w, order, n, round, full, evidence, withBlocked, out, starts, ends }, blocking);
  const { catStamp, catCount } = d;
  const lists = d.lists;
  const touchedList = w.touched;

  // The coded categories, in codebook order.
  const cats = ascending(touchedList, touched, catStamp, round);
  if (out.index.length < touched) {
    out.index = new Int32Array(touched * 2);
    out.hits = new Int32Array(touched * 2);
  }
  for (let k = 0; k < touched; k++) {
    const x = cats[k]!;
    out.index[k] = x;
    out.hits[k] = catCount[x]!;
    if (evidence) {
      out.matches.push(lists[x]!);
      lists[x] = undefined;
    }
  }
  out.count = touched;
  return out;
}
