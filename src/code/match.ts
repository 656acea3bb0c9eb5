import { GUARD_NEGATION, GUARD_QUESTION, WILDCARD, ascendingUnique, type CompiledRule, type Matcher } from '../codebook/compile.js';
import { lowerWord } from '../text/normalize.js';
import { COMPOUND_CONJUNCTIONS, completeTruncated } from '../text/tokenize.js';
import { inQuestion, isNegated, tokenContext, type TokenContext } from './context.js';
import { runRegexRules, type RegexHits } from './regex-budget.js';
import { detach, patternsOf, reserveIds, scanTokens, type ScannedTokens } from './scan.js';
import type { Coding, Match, Token } from '../types.js';

/** A category coded in one text, with all its evidence (own hits and those of coded subcategories). */
export interface CategoryMatch {
  index: number;
  path: string;
  matches: Match[];
  hits: number;
}

/** A category that had hits but was not coded because an `exclude` term (its own or an ancestor's) matched. */
export interface BlockedMatch {
  path: string;
  /** The category whose exclude matched (the category itself or an ancestor). */
  by: string;
  exclude: Match[];
  matches: Match[];
}

/** Everything matching found in one text. */
export interface TextMatch {
  tokens: Token[];
  coded: CategoryMatch[];
  blocked: BlockedMatch[];
}

/** How many tokens ahead a truncated compound part ("Bildungs-") looks for the word completing it. */
const COMPLETION_REACH = 6;

/**
 * Apply a compiled codebook to one text. Cost grows with the tokens and the hits, not with the
 * number of terms: tokens find their patterns through the matcher's cached word-form lookup, and
 * only categories with a hit (or a regex rule) are evaluated.
 */
export function matchText(text: string, matcher: Matcher, regexHits?: RegexHits): TextMatch {
  const scan = scanTokens(text, matcher);
  const tokens: Token[] = [];
  for (let i = 0; i < scan.count; i++) {
    const start = scan.starts[i]!;
    const end = scan.ends[i]!;
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return { tokens, ...matchScanned(text, scan, matcher, regexHits) };
}

/**
 * The codings of one unit's text, as `codeUnits` lists them: one per coded category, in codebook
 * order. With `evidence` false only the counts are made: every coding's `matches` is then one
 * shared, frozen empty list (for callers that use nothing but the categories and their hits).
 */
export function codingsOf(text: string, matcher: Matcher, regexHits: RegexHits | undefined, transcript: string, segment: number, evidence: boolean): Coding[] {
  const r = codeScanned(text, scanTokens(text, matcher), matcher, regexHits, evidence, false);
  const out: Coding[] = [];
  for (let k = 0; k < r.count; k++) {
    const index = r.index[k]!;
    out.push({ transcript, segment, category: matcher.categories[index]!.path, matches: evidence ? r.matches[k]! : NO_MATCHES, hits: r.hits[k]! });
  }
  return out;
}

/** The categories one text is coded with: `index[0 … count-1]` ascending, with their hits in `hits`. */
export interface CodeCounts {
  count: number;
  index: Int32Array;
  hits: Int32Array;
}

/**
 * The categories a text is coded with and their hits, as `codingsOf` finds them, without evidence.
 * The result is shared space, valid until the next call.
 */
export function countCodes(text: string, matcher: Matcher, regexHits: RegexHits | undefined): CodeCounts {
  return codeScanned(text, scanTokens(text, matcher), matcher, regexHits, false, false);
}

/** The evidence of every coding made without evidence: empty, and frozen so that nobody adds to it. */
const NO_MATCHES = Object.freeze([]) as unknown as Match[];

function matchScanned(text: string, scan: ScannedTokens, matcher: Matcher, given?: RegexHits): Pick<TextMatch, 'coded' | 'blocked'> {
  const r = codeScanned(text, scan, matcher, given, true, true);
  const coded: CategoryMatch[] = [];
  for (let k = 0; k < r.count; k++) {
    const index = r.index[k]!;
    coded.push({ index, path: matcher.categories[index]!.path, matches: r.matches[k]!, hits: r.hits[k]! });
  }
  return { coded, blocked: r.blocked };
}

/**
 * What coding one text gives: the coded categories in ascending order with their hits (and, when
 * asked, their evidence), and the blocked categories. Shared scratch space, valid until the next call.
 */
interface Outcome extends CodeCounts {
  matches: Match[][];
  blocked: BlockedMatch[];
}

const NONE_YET = Object.freeze([]) as unknown as Match[][];
const NONE_BLOCKED = Object.freeze([]) as unknown as BlockedMatch[];

const outcome: Outcome = { count: 0, index: new Int32Array(64), hits: new Int32Array(64), matches: [], blocked: [] };

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
function codeScanned(text: string, scan: ScannedTokens, matcher: Matcher, given: RegexHits | undefined, evidence: boolean, withBlocked: boolean): Outcome {
  const out = outcome;
  out.count = 0;
  // Fresh lists only when they will be filled (and handed out).
  out.matches = evidence ? [] : NONE_YET;
  out.blocked = withBlocked ? [] : NONE_BLOCKED;
  if (scan.truncated) completeCompounds(text, scan, matcher);
  const hasRegex = matcher.regexCategories.length > 0;
  if (scan.hitCount === 0 && !hasRegex) return out;
  const d = derived(matcher);
  if (d.round >= 0x3fffffff) resetStamps(d);
  const round = ++d.round;
  const w = work;
  // Atoms of the terms categories name among their own; occurrences of those rules and excludes use.
  w.text = text;
  w.context = undefined;
  w.scan = scan;
  const found = findTerms(scan, matcher, d, round);
  if (!found && !hasRegex) return out;
  const regexHits = hasRegex ? (given ?? runRegexRules([text], matcher).hits[0]) : undefined;
  const { starts, ends } = scan;

  // Rules, of the categories whose rules use an occurring term, and of those with regex rules.
  applyAllRules(matcher, d, w, round, regexHits, starts, ends);
  // Exclusions: a category's exclude blocks it and every subcategory.
  const blocking = d.hasExcludes && markExcludes(d, w, round);

  const n = w.atoms;
  if (n === 0) return out;
  const full = evidence || w.empty;
  const order = sortAtoms(w, n, full);
  if (w.touched.length < matcher.categories.length) w.touched = new Int32Array(matcher.categories.length);
  // The common case, counts only and nothing blocked, has a loop of its own (kept small for the compiler).
  const touched = !blocking && !full ? countAtoms(d, w, order, n, round) : giveAtoms(matcher, d, w, order, n, round, full, evidence, blocking, withBlocked, out, starts, ends);
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

/** Apply the rules of every category whose rules use an occurring term, and of those with regex rules. */
function applyAllRules(matcher: Matcher, d: Derived, w: Work, round: number, regexHits: RegexHits | undefined, starts: Int32Array, ends: Int32Array): void {
  const { seen, seenCount } = w;
  const { ruleOff, ruleList, ruleStamp } = d;
  for (let s = 0; s < seenCount; s++) {
    const t = seen[s]!;
    for (let k = ruleOff[t]!; k < ruleOff[t + 1]!; k++) {
      const c = ruleList[k]!;
      if (ruleStamp[c] === round) continue;
      ruleStamp[c] = round;
      applyRules(c, matcher, d, round, regexHits, starts, ends);
    }
  }
  for (const c of matcher.regexCategories) {
    if (ruleStamp[c] === round) continue;
    ruleStamp[c] = round;
    applyRules(c, matcher, d, round, regexHits, starts, ends);
  }
}

/** Mark the categories whose exclude terms occur (`exclStamp`); whether there are any. */
function markExcludes(d: Derived, w: Work, round: number): boolean {
  const { seen, seenCount } = w;
  const { exclOff, exclList, exclStamp } = d;
  let any = false;
  for (let s = 0; s < seenCount; s++) {
    const t = seen[s]!;
    for (let k = exclOff[t]!; k < exclOff[t + 1]!; k++) {
      exclStamp[exclList[k]!] = round;
      any = true;
    }
  }
  return any;
}

/**
 * Hand each atom, in sorted order (by start), to the categories it codes, counting their hits:
 * the case of counts only with nothing blocked. Returns how many categories were given atoms
 * (listed in `work.touched`).
 */
function countAtoms(d: Derived, w: Work, order: Int32Array, n: number, round: number): number {
  const { catStamp, catReach, catCount, targetOff, targetList } = d;
  const { aStart, aEnd, aSrc } = w;
  const touchedList = w.touched;
  let touched = 0;
  for (let k = 0; k < n; k++) {
    const a = order[k]!;
    const src = aSrc[a]!;
    const start = aStart[a]!;
    const end = aEnd[a]!;
    for (let j = targetOff[src]!, jEnd = targetOff[src + 1]!; j < jEnd; j++) {
      const x = targetList[j]!;
      if (catStamp[x] !== round) {
        catStamp[x] = round;
        touchedList[touched++] = x;
        catReach[x] = end;
        catCount[x] = 1;
      } else if (start >= catReach[x]!) {
        catCount[x]! += 1;
        catReach[x] = end;
      } else if (end > catReach[x]!) {
        catReach[x] = end;
      }
    }
  }
  return touched;
}

/**
 * Hand each atom, in sorted order, to the categories it codes: with their evidence (when asked),
 * repeats left out (when the order is the full one), and blocked categories left out (listed in
 * `out.blocked` when asked). Returns how many categories were given atoms (see `countAtoms`).
 */
function giveAtoms(
  matcher: Matcher,
  d: Derived,
  w: Work,
  order: Int32Array,
  n: number,
  round: number,
  full: boolean,
  evidence: boolean,
  blocking: boolean,
  withBlocked: boolean,
  out: Outcome,
  starts: Int32Array,
  ends: Int32Array,
): number {
  const { aStart, aEnd, aRank, aSrc } = w;
  const objects: (Match | undefined)[] = evidence ? new Array<Match | undefined>(n) : [];

  // Hand each atom, in sorted order, to the categories it codes.
  const { catStamp, catLast, catReach, catCount, targetOff, targetList, chainOff, chainList, ownOff, ownList, nTerms } = d;
  const lists = d.lists;
  let touched = 0;
  const touchedList = w.touched;
  /** Give atom `a` to category `x` (a repeat of the category's last hit is left out). */
  const give = (x: number, a: number): void => {
    const start = aStart[a]!;
    const end = aEnd[a]!;
    if (catStamp[x] !== round) {
      catStamp[x] = round;
      touchedList[touched++] = x;
      catLast[x] = a;
      catReach[x] = end;
      catCount[x] = 1;
      if (evidence) lists[x] = [(objects[a] ??= { by: d.labels[aRank[a]!]!, start, end })];
      return;
    }
    if (full) {
      // The same hit again (same span and label): listed and counted once.
      const l = catLast[x]!;
      if (aStart[l] === start && aEnd[l] === end && aRank[l] === aRank[a]) return;
      catLast[x] = a;
    }
    const reach = catReach[x]!;
    if (start >= reach) {
      catCount[x]! += 1;
      catReach[x] = end;
    } else if (end > reach) {
      catReach[x] = end;
    }
    if (evidence) lists[x]!.push((objects[a] ??= { by: d.labels[aRank[a]!]!, start, end }));
  };
  if (!blocking) {
    for (let k = 0; k < n; k++) {
      const a = order[k]!;
      const src = aSrc[a]!;
      for (let j = targetOff[src]!; j < targetOff[src + 1]!; j++) give(targetList[j]!, a);
    }
  } else {
    const blockerOf = (c: number): number => {
      if (d.blockStamp[c] !== round) {
        d.blockStamp[c] = round;
        let b = -1;
        for (let j = chainOff[c]!; j < chainOff[c + 1]!; j++) {
          if (d.exclStamp[chainList[j]!] === round) {
            b = chainList[j]!;
            break;
          }
        }
        d.blockedBy[c] = b;
      }
      return d.blockedBy[c]!;
    };
    const ownBlocked: number[] = [];
    const notBlocked = (c: number): boolean => {
      if (blockerOf(c) < 0) return true;
      if (d.ownStamp[c] !== round) {
        d.ownStamp[c] = round;
        ownBlocked.push(c);
      }
      return false;
    };
    for (let k = 0; k < n; k++) {
      const a = order[k]!;
      const src = aSrc[a]!;
      if (src < nTerms) {
        for (let i = ownOff[src]!; i < ownOff[src + 1]!; i++) {
          const c = ownList[i]!;
          if (notBlocked(c)) for (let j = chainOff[c]!; j < chainOff[c + 1]!; j++) give(chainList[j]!, a);
        }
      } else if (notBlocked(src - nTerms)) {
        for (let j = chainOff[src - nTerms]!; j < chainOff[src - nTerms + 1]!; j++) give(chainList[j]!, a);
      }
    }
    if (withBlocked && ownBlocked.length > 0) {
      // Blocked categories are few: their evidence is gathered plainly.
      ownBlocked.sort((a, b) => a - b);
      for (const c of ownBlocked) {
        const blocker = blockerOf(c);
        const matches: Match[] = [];
        let last = -1;
        for (let k = 0; k < n; k++) {
          const a = order[k]!;
          const src = aSrc[a]!;
          if (src < nTerms ? !ownList.subarray(ownOff[src]!, ownOff[src + 1]!).includes(c) : src !== nTerms + c) continue;
          if (last >= 0 && aStart[last] === aStart[a] && aEnd[last] === aEnd[a] && aRank[last] === aRank[a]) continue;
          last = a;
          matches.push({ by: d.labels[aRank[a]!]!, start: aStart[a]!, end: aEnd[a]! });
        }
        const exclude: Match[] = [];
        for (const t of matcher.categories[blocker]!.exclude) {
          if (d.termStamp[t] !== round) continue;
          const by = matcher.terms[t]!.text;
          const off = d.termOff[t]!;
          for (let j = 0; j < d.termCnt[t]!; j++) {
            const o = w.byTerm[off + j]!;
            exclude.push({ by, start: starts[w.occFirst[o]!]!, end: ends[w.occLast[o]!]! });
          }
        }
        out.blocked.push({ path: matcher.categories[c]!.path, by: matcher.categories[blocker]!.path, exclude: sortMatches(exclude), matches });
      }
    }
  }
  return touched;
}

/**
 * The first `n` numbers of `list` (categories, each once, all stamped `round`) in ascending order:
 * sorted by insertion when they are few, else read off the stamps.
 */
function ascending(list: Int32Array, n: number, stamps: Int32Array, round: number): Int32Array {
  if (n <= 1) return list;
  if (n > 32 || n * 8 >= stamps.length) {
    let k = 0;
    for (let c = 0; c < stamps.length && k < n; c++) if (stamps[c] === round) list[k++] = c;
    return list;
  }
  for (let k = 1; k < n; k++) {
    const x = list[k]!;
    let j = k - 1;
    while (j >= 0 && list[j]! > x) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}

/**
 * A truncated first part ("Bildungs-" in "Bildungs- und Jugendarbeit") is also matched as completed
 * from the word it shares its end with ("bildungsarbeit"). Tokens gaining patterns join the hits.
 */
function completeCompounds(text: string, scan: ScannedTokens, matcher: Matcher): void {
  const { count, starts, ends } = scan;
  const lowers = new Map<number, string>();
  const lower = (i: number): string => {
    let l = lowers.get(i);
    if (l === undefined) {
      l = detach(lowerWord(text.slice(starts[i]!, ends[i]!)));
      lowers.set(i, l);
    }
    return l;
  };
  // Lower-casing keeps a final hyphen, so the written token tells whether it is truncated.
  const truncatedAt = (i: number): boolean => {
    const c = text.charCodeAt(ends[i]! - 1);
    return ends[i]! - starts[i]! > 1 && (c === 0x2d || c === 0x2010 || c === 0x2011);
  };
  let added = false;
  for (let i = 0; i < count; i++) {
    if (!truncatedAt(i)) continue;
    let j = i + 1;
    while (j < count && j <= i + COMPLETION_REACH && (truncatedAt(j) || COMPOUND_CONJUNCTIONS.has(lower(j)))) j++;
    if (j >= count || j > i + COMPLETION_REACH) continue;
    const had = scan.idCount[i]!;
    const all = patternsOf(scan, i);
    for (const form of completeTruncated(lower(i), lower(j))) for (const id of matcher.lookupForm(form, false)) all.push(id);
    const ids = all.length > had ? ascendingUnique(all) : all;
    if (ids.length > had) {
      if (had === 0) added = true;
      // The token's ids, now more, go after all others.
      reserveIds(scan, ids.length);
      scan.ids.set(ids, scan.idUsed);
      scan.idStart[i] = scan.idUsed;
      scan.idCount[i] = ids.length;
      scan.idUsed += ids.length;
    }
  }
  if (added) {
    scan.hitCount = 0;
    for (let i = 0; i < count; i++) if (scan.idCount[i]! > 0) scan.hits[scan.hitCount++] = i;
  }
}

/** Scratch space of one call, shared by all matchers (a call runs to its end before the next starts). */
interface Work {
  /** Term occurrences in the order found (token order of their trigger): term id, first and last token. */
  occTerm: Int32Array;
  occFirst: Int32Array;
  occLast: Int32Array;
  occCount: number;
  /** The distinct terms that occur, in the order first met. */
  seen: Int32Array;
  seenCount: number;
  /** Occurrence numbers grouped by term (each group in text order); see `Derived.termOff`. */
  byTerm: Int32Array;
  /** Atoms: span, label rank, and source (a term id, or `nTerms` + category for a rule's hit). */
  aStart: Int32Array;
  aEnd: Int32Array;
  aRank: Int32Array;
  aSrc: Int32Array;
  atoms: number;
  /** Whether some atom has an empty span (then repeats matter even to the counts). */
  empty: boolean;
  /** Atom numbers in sorted order, and room for merging. */
  order: Int32Array;
  spare: Int32Array;
  /** Categories given at least one atom. */
  touched: Int32Array;
  /** The text being coded, and its tokens' context once some guard, split verb or sentence scope asked for it. */
  text: string;
  context: TokenContext | undefined;
  scan: ScannedTokens | undefined;
}

/** The context of the tokens of the text being coded, made on first use. */
function contextOf(w: Work): TokenContext {
  if (w.context === undefined) {
    const scan = w.scan!;
    w.context = tokenContext(w.text, scan.count, scan.starts, scan.ends);
  }
  return w.context;
}

/** Whether a hit of term `t` on tokens `first…last` passes the term's guards. */
function guardPasses(w: Work, guard: number, first: number, last: number, termText: string): boolean {
  if (guard === 0) return true;
  const ctx = contextOf(w);
  if ((guard & GUARD_QUESTION) !== 0 && inQuestion(ctx, first)) return false;
  if ((guard & GUARD_NEGATION) !== 0 && isNegated(ctx, first, last, termText)) return false;
  return true;
}

const work: Work = {
  occTerm: new Int32Array(256),
  occFirst: new Int32Array(256),
  occLast: new Int32Array(256),
  occCount: 0,
  seen: new Int32Array(256),
  seenCount: 0,
  byTerm: new Int32Array(256),
  aStart: new Int32Array(256),
  aEnd: new Int32Array(256),
  aRank: new Int32Array(256),
  aSrc: new Int32Array(256),
  atoms: 0,
  empty: false,
  order: new Int32Array(256),
  spare: new Int32Array(256),
  touched: new Int32Array(64),
  text: '',
  context: undefined,
  scan: undefined,
};

/** A copy of `a` with room for at least `need` items. */
function grown(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

function growAtoms(w: Work, need: number): void {
  w.aStart = grown(w.aStart, need);
  w.aEnd = grown(w.aEnd, need);
  w.aRank = grown(w.aRank, need);
  w.aSrc = grown(w.aSrc, need);
}

function addAtom(w: Work, start: number, end: number, rank: number, src: number): void {
  const k = w.atoms;
  if (k === w.aStart.length) growAtoms(w, k + 1);
  w.aStart[k] = start;
  w.aEnd[k] = end;
  w.aRank[k] = rank;
  w.aSrc[k] = src;
  if (end <= start) w.empty = true;
  w.atoms = k + 1;
}

/**
 * The atoms' numbers sorted by start, end and label rank when `full`, else by start alone (ties in
 * any order). Atoms come mostly in order (terms in token order), so an insertion sort is tried
 * first; when it has to move too much, a merge sort takes over.
 */
function sortAtoms(w: Work, n: number, full: boolean): Int32Array {
  if (w.order.length < n) {
    w.order = new Int32Array(Math.max(n, w.order.length * 2));
    w.spare = new Int32Array(w.order.length);
  }
  const order = w.order;
  const { aStart, aEnd, aRank } = w;
  for (let k = 0; k < n; k++) order[k] = k;
  let budget = 4 * n + 64;
  for (let k = 1; k < n; k++) {
    const a = order[k]!;
    let j = k - 1;
    while (j >= 0) {
      const b = order[j]!;
      const before = full
        ? aStart[a]! < aStart[b]! || (aStart[a] === aStart[b] && (aEnd[a]! < aEnd[b]! || (aEnd[a] === aEnd[b] && aRank[a]! < aRank[b]!)))
        : aStart[a]! < aStart[b]!;
      if (!before) break;
      order[j + 1] = b;
      j--;
    }
    order[j + 1] = a;
    budget -= k - 1 - j;
    if (budget < 0) return mergeSort(w, n, full);
  }
  return order;
}

/** Bottom-up merge sort of the atoms' numbers (stable; see `sortAtoms`). */
function mergeSort(w: Work, n: number, full: boolean): Int32Array {
  const { aStart, aEnd, aRank } = w;
  let from = w.order;
  let to = w.spare;
  for (let k = 0; k < n; k++) from[k] = k;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = from[j]!;
        const b = from[i]!;
        const before = full
          ? aStart[a]! < aStart[b]! || (aStart[a] === aStart[b] && (aEnd[a]! < aEnd[b]! || (aEnd[a] === aEnd[b] && aRank[a]! < aRank[b]!)))
          : aStart[a]! < aStart[b]!;
        if (before) {
          to[k++] = a;
          j++;
        } else {
          to[k++] = b;
          i++;
        }
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  w.order = from;
  w.spare = to;
  return from;
}

/**
 * Every term that occurs, found from the patterns present at each token (in token order of the
 * element each term is looked up by, so each term's occurrences come in text order), into `work`:
 * an atom for each occurrence of a term some category names among its own terms, and an
 * occurrence record (grouped by term as well) for each of a term some rule or exclude uses.
 * Returns whether any term occurs.
 */
function findTerms(scan: ScannedTokens, matcher: Matcher, d: Derived, round: number): boolean {
  const { count, hits, hitCount, starts, ends, ids, idStart, idCount } = scan;
  const { atomOff, atomList, occOff, occList, phraseOff, phraseList, phraseAt, elemOff, elemList, termCnt, termRank, hasOwn, needOcc, nPatterns } = d;
  const w = work;
  let { aStart, aEnd, aRank, aSrc } = w;
  let atoms = 0;
  let any = false;
  w.empty = false;
  w.occCount = 0;
  w.seenCount = 0;
  for (let h = 0; h < hitCount; h++) {
    const i = hits[h]!;
    for (let k = idStart[i]!, kEnd = k + idCount[i]!; k < kEnd; k++) {
      const id = ids[k]!;
      if (id >= nPatterns) continue;
      const a0 = atomOff[id]!;
      const a1 = atomOff[id + 1]!;
      if (a0 < a1) {
        any = true;
        if (atoms + (a1 - a0) > aStart.length) {
          growAtoms(w, atoms + (a1 - a0));
          ({ aStart, aEnd, aRank, aSrc } = w);
        }
        const start = starts[i]!;
        const end = ends[i]!;
        for (let p = a0; p < a1; p++) {
          const t = atomList[p]!;
          aStart[atoms] = start;
          aEnd[atoms] = end;
          aRank[atoms] = termRank[t]!;
          aSrc[atoms] = t;
          atoms++;
        }
      }
      for (let p = occOff[id]!, pEnd = occOff[id + 1]!; p < pEnd; p++) {
        any = true;
        noteOcc(w, d, round, occList[p]!, i, i);
      }
      for (let p = phraseOff[id]!, pEnd = phraseOff[id + 1]!; p < pEnd; p++) {
        const termId = phraseList[p]!;
        const e0 = elemOff[termId]!;
        const at = phraseAt[termId]!;
        const size = elemOff[termId + 1]! - e0;
        const first = i - at;
        const last = first + size - 1;
        if (first < 0 || last >= count) continue;
        let ok = true;
        for (let e = 0; e < size && ok; e++) {
          const el = elemList[e0 + e]!;
          if (e === at || el === WILDCARD) continue;
          // Does token first + e have pattern el?
          ok = false;
          for (let q = idStart[first + e]!, qEnd = q + idCount[first + e]!; q < qEnd && !ok; q++) ok = ids[q] === el;
        }
        if (!ok) continue;
        const guard = d.guard[termId]!;
        if (guard !== 0 && !guardPasses(w, guard, first, last, matcher.terms[termId]!.text)) continue;
        any = true;
        if (hasOwn[termId] === 1) {
          if (atoms === aStart.length) {
            growAtoms(w, atoms + 1);
            ({ aStart, aEnd, aRank, aSrc } = w);
          }
          aStart[atoms] = starts[first]!;
          aEnd[atoms] = ends[last]!;
          aRank[atoms] = termRank[termId]!;
          aSrc[atoms] = termId;
          atoms++;
        }
        if (needOcc[termId] === 1) noteOcc(w, d, round, termId, first, last);
      }
    }
  }
  w.atoms = atoms;
  if (d.splitList.length > 0 && findSplitVerbs(scan, matcher, d, round)) any = true;
  // Group the occurrences by term: each term's run starts at termOff, in text order.
  const n = w.occCount;
  const { seen, seenCount, occTerm } = w;
  if (w.byTerm.length < n) w.byTerm = new Int32Array(Math.max(n, w.byTerm.length * 2));
  const { termOff, termFill } = d;
  let at = 0;
  for (let s = 0; s < seenCount; s++) {
    const t = seen[s]!;
    termOff[t] = at;
    termFill[t] = at;
    at += termCnt[t]!;
  }
  const byTerm = w.byTerm;
  for (let o = 0; o < n; o++) byTerm[termFill[occTerm[o]!]!++] = o;
  return any;
}

/**
 * Separable verbs standing apart ("Wir arbeiten seit Jahren mit der Schule zusammen"): a finite form
 * of the base verb with the particle after it in the same sentence is a hit of the verb's term, on
 * the finite verb. Returns whether any was found.
 */
function findSplitVerbs(scan: ScannedTokens, matcher: Matcher, d: Derived, round: number): boolean {
  const { hits, hitCount, ids, idStart, idCount, count, starts, ends } = scan;
  const w = work;
  let any = false;
  for (let h = 0; h < hitCount; h++) {
    const i = hits[h]!;
    for (let k = idStart[i]!, kEnd = k + idCount[i]!; k < kEnd; k++) {
      const id = ids[k]!;
      if (id >= d.nPatterns) continue;
      for (let p = d.splitOff[id]!, pEnd = d.splitOff[id + 1]!; p < pEnd; p++) {
        const term = matcher.terms[d.splitList[p]!]!;
        const ctx = contextOf(w);
        const particle = term.split!.particle;
        let found = false;
        for (let j = i + 1; j < count && ctx.sentence[j] === ctx.sentence[i] && !found; j++) {
          for (let q = idStart[j]!, qEnd = q + idCount[j]!; q < qEnd && !found; q++) found = ids[q] === particle;
        }
        if (!found || !guardPasses(w, term.guard, i, i, term.text)) continue;
        any = true;
        if (d.hasOwn[term.id] === 1) addAtom(w, starts[i]!, ends[i]!, d.termRank[term.id]!, term.id);
        if (d.needOcc[term.id] === 1) noteOcc(w, d, round, term.id, i, i);
      }
    }
  }
  return any;
}

/** Record an occurrence of a term (see `Work`). */
function noteOcc(w: Work, d: Derived, round: number, termId: number, first: number, last: number): void {
  const n = w.occCount;
  if (n === w.occTerm.length) {
    w.occTerm = grown(w.occTerm, n + 1);
    w.occFirst = grown(w.occFirst, n + 1);
    w.occLast = grown(w.occLast, n + 1);
  }
  w.occTerm[n] = termId;
  w.occFirst[n] = first;
  w.occLast[n] = last;
  w.occCount = n + 1;
  if (d.termStamp[termId] !== round) {
    d.termStamp[termId] = round;
    d.termCnt[termId] = 1;
    if (w.seenCount === w.seen.length) w.seen = grown(w.seen, w.seenCount + 1);
    w.seen[w.seenCount++] = termId;
  } else {
    d.termCnt[termId]! += 1;
  }
}

/**
 * Lookup tables derived once per matcher. Lists per pattern, term or category are kept in one
 * array each, the items of number `i` at `list[off[i]]` up to (not including) `list[off[i + 1]]`.
 */
interface Derived {
  /** Patterns with an id at or above this name no term. */
  nPatterns: number;
  /** Per pattern: the one-word terms it is that categories name among their own terms (an atom each). */
  atomOff: Int32Array;
  atomList: Int32Array;
  /** Per pattern: the one-word terms it is that rules or excludes use (an occurrence record each). */
  occOff: Int32Array;
  occList: Int32Array;
  /** Per term: 1 when a category names it among its own terms; 1 when a rule or exclude uses it. */
  hasOwn: Uint8Array;
  needOcc: Uint8Array;
  /** Per term: its guard bits (see `CompiledTerm.guard`). */
  guard: Uint8Array;
  /** Per pattern: the separable verbs whose finite forms it is. */
  splitOff: Int32Array;
  splitList: Int32Array;
  /** Per pattern: the phrases looked up by it. */
  phraseOff: Int32Array;
  phraseList: Int32Array;
  /** Per phrase: the element it is looked up by (see `lookupElement`). */
  phraseAt: Int32Array;
  /** Per term: its elements. */
  elemOff: Int32Array;
  elemList: Int32Array;
  /** Per term: the categories naming it among their own terms (ascending). */
  ownOff: Int32Array;
  ownList: Int32Array;
  nTerms: number;
  /**
   * Per atom source — a term, then (from `nTerms` on) a category's rules — the categories its atoms
   * code: a term's own categories and all their ancestors, each once; a category and its ancestors.
   */
  targetOff: Int32Array;
  targetList: Int32Array;
  /** Per term: the categories with a rule using it (not counting `not`). */
  ruleOff: Int32Array;
  ruleList: Int32Array;
  /** Per term: the categories naming it in their `exclude`. */
  exclOff: Int32Array;
  exclList: Int32Array;
  hasExcludes: boolean;
  /** Per category: itself, its parent, and so on up to the top level. */
  chainOff: Int32Array;
  chainList: Int32Array;
  /** Every label (term text or rule label) by rank: the ranks order them as strings. */
  labels: string[];
  /** Per term: the rank of its text. */
  termRank: Int32Array;
  /** Per category: the rank of each rule's label. */
  ruleRanks: Int32Array[];
  /** Per term, valid where `termStamp` is the current round: occurrences, and where its run starts in `work.byTerm`. */
  termStamp: Int32Array;
  termCnt: Int32Array;
  termOff: Int32Array;
  termFill: Int32Array;
  /** Per category, valid where the stamp is the current round. */
  ruleStamp: Int32Array;
  exclStamp: Int32Array;
  blockStamp: Int32Array;
  blockedBy: Int32Array;
  ownStamp: Int32Array;
  catStamp: Int32Array;
  /** The last atom given, the end of the spans counted so far, and the count. */
  catLast: Int32Array;
  catReach: Int32Array;
  catCount: Int32Array;
  /** Evidence being collected, per category. */
  lists: (Match[] | undefined)[];
  /** The current call's mark in the stamps. */
  round: number;
}

function resetStamps(d: Derived): void {
  for (const a of [d.termStamp, d.ruleStamp, d.exclStamp, d.blockStamp, d.ownStamp, d.catStamp]) a.fill(0);
  d.round = 0;
}

const derivedOf = new WeakMap<Matcher, Derived>();

function derived(matcher: Matcher): Derived {
  let d = derivedOf.get(matcher);
  if (!d) {
    d = derive(matcher);
    derivedOf.set(matcher, d);
  }
  return d;
}

/** Lists per number `0 … count-1` packed into one array (see `Derived`). */
function packed(count: number, lists: readonly (readonly number[] | undefined)[]): { off: Int32Array; list: Int32Array } {
  const off = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) off[i + 1] = off[i]! + (lists[i]?.length ?? 0);
  const list = new Int32Array(off[count]!);
  for (let i = 0; i < count; i++) list.set(lists[i] ?? [], off[i]!);
  return { off, list };
}

/**
 * The element a phrase is looked up by: the one with the longest literal text (a phrase is tried
 * wherever that element's pattern occurs, and long words are rarer than short ones such as "die"
 * or "nicht"); ties go to the first. Which element it is does not change what is found.
 */
export function lookupElement(text: string, elements: readonly number[]): number {
  const words = text.split(' ');
  let best = -1;
  let bestLength = -1;
  for (let e = 0; e < elements.length; e++) {
    if (elements[e] === WILDCARD) continue;
    const length = (words[e] ?? '').replace(/\*/g, '').length;
    if (length > bestLength) {
      best = e;
      bestLength = length;
    }
  }
  return best;
}

function derive(matcher: Matcher): Derived {
  const nTerms = matcher.terms.length;
  const nCats = matcher.categories.length;
  const nPatterns = matcher.patternCount;
  const own: number[][] = [];
  const rules: number[][] = [];
  const excl: number[][] = [];
  const needOcc = new Uint8Array(nTerms);
  for (const cat of matcher.categories) {
    for (const t of new Set(cat.terms)) (own[t] ??= []).push(cat.index);
    const used = new Set<number>();
    for (const rule of cat.rules) {
      for (const t of rule.terms) used.add(t);
      for (const t of [...rule.terms, ...rule.not]) needOcc[t] = 1;
    }
    for (const t of used) (rules[t] ??= []).push(cat.index);
    for (const t of new Set(cat.exclude)) {
      (excl[t] ??= []).push(cat.index);
      needOcc[t] = 1;
    }
  }
  const hasOwn = Uint8Array.from(matcher.terms, (t) => (own[t.id] ? 1 : 0));
  const atomSingles: number[][] = [];
  const occSingles: number[][] = [];
  const phrases: number[][] = [];
  const phraseAt = new Int32Array(nTerms);
  const splits: number[][] = [];
  for (const term of matcher.terms) {
    if (term.split) (splits[term.split.finite] ??= []).push(term.id);
    // Guarded terms go the phrase way, where each hit is checked on its own.
    if (term.elements.length === 1 && term.guard === 0) {
      if (hasOwn[term.id] === 1) (atomSingles[term.elements[0]!] ??= []).push(term.id);
      if (needOcc[term.id] === 1) (occSingles[term.elements[0]!] ??= []).push(term.id);
    } else {
      const at = lookupElement(term.text, term.elements);
      phraseAt[term.id] = at;
      (phrases[term.elements[at]!] ??= []).push(term.id);
    }
  }
  const chains: number[][] = matcher.categories.map((c) => {
    const chain: number[] = [];
    for (let i = c.index; i >= 0; i = matcher.categories[i]!.parent) chain.push(i);
    return chain;
  });
  const roll: number[][] = [];
  for (let t = 0; t < nTerms; t++) {
    const o = own[t];
    if (!o) continue;
    const targets = new Set<number>();
    for (const c of o) for (const x of chains[c]!) targets.add(x);
    roll[t] = [...targets];
  }
  const labels = [...new Set([...matcher.terms.map((t) => t.text), ...matcher.categories.flatMap((c) => c.rules.map((r) => r.label))])].sort();
  const rank = new Map(labels.map((l, i) => [l, i]));
  const atomP = packed(nPatterns, atomSingles);
  const occP = packed(nPatterns, occSingles);
  const phrase = packed(nPatterns, phrases);
  const splitP = packed(nPatterns, splits);
  const ownP = packed(nTerms, own);
  const targetP = packed(nTerms + nCats, [...Array.from({ length: nTerms }, (_, t) => roll[t]), ...chains]);
  const ruleP = packed(nTerms, rules);
  const exclP = packed(nTerms, excl);
  const chainP = packed(nCats, chains);
  const elemP = packed(nTerms, matcher.terms.map((t) => t.elements));
  return {
    nPatterns,
    atomOff: atomP.off,
    atomList: atomP.list,
    occOff: occP.off,
    occList: occP.list,
    hasOwn,
    needOcc,
    guard: Uint8Array.from(matcher.terms, (t) => t.guard),
    splitOff: splitP.off,
    splitList: splitP.list,
    phraseOff: phrase.off,
    phraseList: phrase.list,
    phraseAt,
    elemOff: elemP.off,
    elemList: elemP.list,
    ownOff: ownP.off,
    ownList: ownP.list,
    nTerms,
    targetOff: targetP.off,
    targetList: targetP.list,
    ruleOff: ruleP.off,
    ruleList: ruleP.list,
    exclOff: exclP.off,
    exclList: exclP.list,
    hasExcludes: exclP.list.length > 0,
    chainOff: chainP.off,
    chainList: chainP.list,
    labels,
    termRank: Int32Array.from(matcher.terms, (t) => rank.get(t.text)!),
    ruleRanks: matcher.categories.map((c) => Int32Array.from(c.rules, (r) => rank.get(r.label)!)),
    termStamp: new Int32Array(nTerms),
    termCnt: new Int32Array(nTerms),
    termOff: new Int32Array(nTerms),
    termFill: new Int32Array(nTerms),
    ruleStamp: new Int32Array(nCats),
    exclStamp: new Int32Array(nCats),
    blockStamp: new Int32Array(nCats),
    blockedBy: new Int32Array(nCats),
    ownStamp: new Int32Array(nCats),
    catStamp: new Int32Array(nCats),
    catLast: new Int32Array(nCats),
    catReach: new Int32Array(nCats),
    catCount: new Int32Array(nCats),
    lists: new Array<Match[] | undefined>(nCats),
    round: 0,
  };
}

/** Whether term `t` occurs in the current call. */
function occurs(d: Derived, round: number, t: number): boolean {
  return d.termStamp[t] === round;
}

/** Atoms for every occurrence of term `t`, labelled `rank`, coding category `c`. */
function termAtoms(d: Derived, round: number, t: number, rank: number, c: number, starts: Int32Array, ends: Int32Array): void {
  if (!occurs(d, round, t)) return;
  const w = work;
  const off = d.termOff[t]!;
  const cnt = d.termCnt[t]!;
  for (let j = 0; j < cnt; j++) {
    const o = w.byTerm[off + j]!;
    addAtom(w, starts[w.occFirst[o]!]!, ends[w.occLast[o]!]!, rank, d.nTerms + c);
  }
}

/** Token distance between two occurrences: 0 when they overlap, 1 for neighbouring words. */
function distance(a: number, b: number): number {
  const { occFirst, occLast } = work;
  if (occLast[a]! < occFirst[b]!) return occFirst[b]! - occLast[a]!;
  if (occLast[b]! < occFirst[a]!) return occFirst[a]! - occLast[b]!;
  return 0;
}

/**
 * The first occurrence of term `t` (sorted by position, all of one length) other than occurrence
 * `h` that lies at most `within` tokens from `h`, or -1; found by binary search: a linear scan per
 * occurrence made a `near` rule quadratic on a long unit.
 */
function firstNear(d: Derived, round: number, t: number, h: number, within: number): number {
  if (!occurs(d, round, t)) return -1;
  const w = work;
  const off = d.termOff[t]!;
  const cnt = d.termCnt[t]!;
  const from = w.occFirst[h]! - within;
  let lo = 0;
  let hi = cnt;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (w.occLast[w.byTerm[off + mid]!]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cnt && i <= lo + 1; i++) {
    const s = w.byTerm[off + i]!;
    if (s === h) continue;
    return distance(h, s) <= within ? s : -1;
  }
  return -1;
}

/** Apply the rules of category `c`: their hits become atoms coding `c`. */
function applyRules(c: number, matcher: Matcher, d: Derived, round: number, regexHits: RegexHits | undefined, starts: Int32Array, ends: Int32Array): void {
  const rules = matcher.categories[c]!.rules;
  const ranks = d.ruleRanks[c]!;
  for (let r = 0; r < rules.length; r++) {
    const rule: CompiledRule = rules[r]!;
    const rank = ranks[r]!;
    if (rule.scope === 'sentence') {
      applySentenceRule(rule, rank, c, d, round, starts, ends);
      continue;
    }
    let not = false;
    for (let k = 0; k < rule.not.length && !not; k++) not = occurs(d, round, rule.not[k]!);
    if (not) continue;
    switch (rule.kind) {
      case 'any':
        for (const t of rule.terms) termAtoms(d, round, t, rank, c, starts, ends);
        break;
      case 'all': {
        let all = true;
        for (let k = 0; k < rule.terms.length && all; k++) all = occurs(d, round, rule.terms[k]!);
        if (all) for (const t of rule.terms) termAtoms(d, round, t, rank, c, starts, ends);
        break;
      }
      case 'near':
        nearAtoms(rule, rank, c, d, round, starts, ends, -1);
        break;
      case 'regex': {
        // Run beforehand under a time budget (see regex-budget.ts); a stopped rule has no hits.
        // Their label is the rule's (see `RegexHits`).
        const hits = regexHits?.get(rule);
        if (hits) for (const m of hits) addAtom(work, m.start, m.end, rank, d.nTerms + c);
        break;
      }
    }
  }
}

/**
 * Atoms of a `near` rule: for each occurrence of its first term, one occurrence of every other term
 * within `within` tokens — in the same sentence when `sentences` is not -1 (then only head
 * occurrences in a sentence without a `not` term count).
 */
function nearAtoms(rule: CompiledRule, rank: number, c: number, d: Derived, round: number, starts: Int32Array, ends: Int32Array, sentences: number): void {
  const head = rule.terms[0]!;
  if (!occurs(d, round, head)) return;
  const w = work;
  const off = d.termOff[head]!;
  const cnt = d.termCnt[head]!;
  const partners: number[] = [];
  for (let j = 0; j < cnt; j++) {
    const h = w.byTerm[off + j]!;
    if (sentences !== -1 && notInSentence(rule, d, round, sentenceOfOcc(h))) continue;
    partners.length = 0;
    for (let k = 1; k < rule.terms.length; k++) {
      const q = sentences === -1 ? firstNear(d, round, rule.terms[k]!, h, rule.within) : nearInSentence(d, round, rule.terms[k]!, h, rule.within);
      if (q < 0) break;
      partners.push(q);
    }
    if (partners.length !== rule.terms.length - 1) continue;
    // The same occurrence may be given twice: identical atoms count once.
    addAtom(w, starts[w.occFirst[h]!]!, ends[w.occLast[h]!]!, rank, d.nTerms + c);
    for (const q of partners) addAtom(w, starts[w.occFirst[q]!]!, ends[w.occLast[q]!]!, rank, d.nTerms + c);
  }
}

/** The sentence of occurrence `o` (its first token's). */
function sentenceOfOcc(o: number): number {
  return contextOf(work).sentence[work.occFirst[o]!]!;
}

/** Whether some `not` term of the rule occurs in sentence `sentence`. */
function notInSentence(rule: CompiledRule, d: Derived, round: number, sentence: number): boolean {
  for (const t of rule.not) if (occursInSentence(d, round, t, sentence)) return true;
  return false;
}

/** Whether term `t` occurs in sentence `sentence`. */
function occursInSentence(d: Derived, round: number, t: number, sentence: number): boolean {
  if (!occurs(d, round, t)) return false;
  const off = d.termOff[t]!;
  for (let j = 0; j < d.termCnt[t]!; j++) if (sentenceOfOcc(work.byTerm[off + j]!) === sentence) return true;
  return false;
}

/** An occurrence of term `t` other than `h`, in the sentence of `h` and at most `within` tokens from it, or -1. */
function nearInSentence(d: Derived, round: number, t: number, h: number, within: number): number {
  if (!occurs(d, round, t)) return -1;
  const sentence = sentenceOfOcc(h);
  const off = d.termOff[t]!;
  for (let j = 0; j < d.termCnt[t]!; j++) {
    const o = work.byTerm[off + j]!;
    if (o !== h && sentenceOfOcc(o) === sentence && distance(h, o) <= within) return o;
  }
  return -1;
}

/**
 * A rule with `scope: sentence`: `all` needs every term in one sentence, `near` its partners in the
 * head's sentence, and `any` counts each occurrence; a `not` term blocks only the sentence it is in.
 */
function applySentenceRule(rule: CompiledRule, rank: number, c: number, d: Derived, round: number, starts: Int32Array, ends: Int32Array): void {
  const w = work;
  if (rule.kind === 'near') {
    nearAtoms(rule, rank, c, d, round, starts, ends, 0);
    return;
  }
  const give = (t: number, sentence: number): void => {
    if (!occurs(d, round, t)) return;
    const off = d.termOff[t]!;
    for (let j = 0; j < d.termCnt[t]!; j++) {
      const o = w.byTerm[off + j]!;
      if (sentence === -1 ? !notInSentence(rule, d, round, sentenceOfOcc(o)) : sentenceOfOcc(o) === sentence) {
        addAtom(w, starts[w.occFirst[o]!]!, ends[w.occLast[o]!]!, rank, d.nTerms + c);
      }
    }
  };
  if (rule.kind === 'any') {
    for (const t of rule.terms) give(t, -1);
    return;
  }
  // all: the sentences holding the first term, each tried once.
  const first = rule.terms[0]!;
  if (!occurs(d, round, first)) return;
  const off = d.termOff[first]!;
  let last = -1;
  for (let j = 0; j < d.termCnt[first]!; j++) {
    const sentence = sentenceOfOcc(w.byTerm[off + j]!);
    if (sentence === last) continue;
    last = sentence;
    if (notInSentence(rule, d, round, sentence)) continue;
    if (!rule.terms.every((t) => occursInSentence(d, round, t, sentence))) continue;
    for (const t of rule.terms) give(t, sentence);
  }
}

/** Sort hits by start, end and `by`, listing identical hits once. */
function sortMatches(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  return sorted.filter((m, i) => {
    const p = sorted[i - 1];
    return !p || p.start !== m.start || p.end !== m.end || p.by !== m.by;
  });
}
