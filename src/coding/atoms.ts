import type { Matcher } from '../codebook/compile.js';
import type { Match } from '../types.js';
import type { BlockedMatch, Outcome } from './results.js';
import { grown, insertionSort } from '../arrays.js';
import type { Derived, Work } from './tables.js';

/** Atoms of evidence: collected, sorted, and handed to the categories they code, counting hits. */

export function growAtoms(w: Work, need: number): void {
  w.aStart = grown(w.aStart, need);
  w.aEnd = grown(w.aEnd, need);
  w.aRank = grown(w.aRank, need);
  w.aSrc = grown(w.aSrc, need);
}

export function addAtom(w: Work, start: number, end: number, rank: number, src: number): void {
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
export function sortAtoms(w: Work, n: number, full: boolean): Int32Array {
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
 * Hand each atom, in sorted order (by start), to the categories it codes, counting their hits:
 * the case of counts only with nothing blocked. Returns how many categories were given atoms
 * (listed in `work.touched`).
 */
export function countAtoms(d: Derived, w: Work, order: Int32Array, n: number, round: number): number {
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

/** One call's hand-out of atoms to categories (see `giveAtoms`). */
export interface Giving {
  matcher: Matcher;
  d: Derived;
  w: Work;
  /** The atoms' numbers in sorted order, the first `n` of them used. */
  order: Int32Array;
  n: number;
  round: number;
  /** Whether the order is the full one (start, end, label): repeats of a hit are then left out. */
  full: boolean;
  /** Whether codings carry their evidence. */
  evidence: boolean;
  /** Whether blocked categories are listed in `out.blocked`. */
  withBlocked: boolean;
  out: Outcome;
  /** Token starts and ends of the text (for the evidence of exclusions). */
  starts: Int32Array;
  ends: Int32Array;
}

/** Gives atoms to categories, counting hits, stamping the categories touched and listing evidence. */
class Giver {
  touched = 0;
  private readonly objects: (Match | undefined)[];
  constructor(private readonly g: Giving) {
    this.objects = g.evidence ? new Array<Match | undefined>(g.n) : [];
  }

  /** Give atom `a` to category `x` (a repeat of the category's last hit is left out). */
  give(x: number, a: number): void {
    const { d, w, round, full, evidence } = this.g;
    const { aStart, aEnd, aRank } = w;
    const { catStamp, catLast, catReach, catCount } = d;
    const start = aStart[a]!;
    const end = aEnd[a]!;
    if (catStamp[x] !== round) {
      catStamp[x] = round;
      w.touched[this.touched++] = x;
      catLast[x] = a;
      catReach[x] = end;
      catCount[x] = 1;
      if (evidence) d.lists[x] = [(this.objects[a] ??= { by: d.labels[aRank[a]!]!, start, end })];
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
    if (evidence) d.lists[x]!.push((this.objects[a] ??= { by: d.labels[aRank[a]!]!, start, end }));
  }

  /** Give atom `a` to every category in the packed chain of `c` (the category and its ancestors). */
  giveChain(c: number, a: number): void {
    const { chainOff, chainList } = this.g.d;
    for (let j = chainOff[c]!; j < chainOff[c + 1]!; j++) this.give(chainList[j]!, a);
  }
}

/**
 * Hand each atom, in sorted order, to the categories it codes: with their evidence (when asked),
 * repeats left out (when the order is the full one), and blocked categories left out (listed in
 * `out.blocked` when asked). Returns how many categories were given atoms (see `countAtoms`).
 */
export function giveAtoms(g: Giving, blocking: boolean): number {
  const giver = new Giver(g);
  const { d, w, order, n } = g;
  if (!blocking) {
    const { targetOff, targetList } = d;
    for (let k = 0; k < n; k++) {
      const a = order[k]!;
      const src = w.aSrc[a]!;
      for (let j = targetOff[src]!; j < targetOff[src + 1]!; j++) giver.give(targetList[j]!, a);
    }
    return giver.touched;
  }
  const ownBlocked: number[] = [];
  const notBlocked = (c: number): boolean => {
    if (blockerOf(g, c) < 0) return true;
    if (d.ownStamp[c] !== g.round) {
      d.ownStamp[c] = g.round;
      ownBlocked.push(c);
    }
    return false;
  };
  const { ownOff, ownList, nTerms } = d;
  for (let k = 0; k < n; k++) {
    const a = order[k]!;
    const src = w.aSrc[a]!;
    if (src < nTerms) {
      for (let i = ownOff[src]!; i < ownOff[src + 1]!; i++) if (notBlocked(ownList[i]!)) giver.giveChain(ownList[i]!, a);
    } else if (notBlocked(src - nTerms)) {
      giver.giveChain(src - nTerms, a);
    }
  }
  // Blocked categories are few: their evidence is gathered plainly.
  if (g.withBlocked) for (const c of ownBlocked.sort((x, y) => x - y)) g.out.blocked.push(blockedMatch(g, c));
  return giver.touched;
}

/** The category of `c`'s chain whose exclusion blocks it this round, or -1 (remembered per round). */
function blockerOf(g: Giving, c: number): number {
  const { d, round } = g;
  if (d.blockStamp[c] !== round) {
    d.blockStamp[c] = round;
    let b = -1;
    for (let j = d.chainOff[c]!; j < d.chainOff[c + 1]!; j++) {
      if (d.exclStamp[d.chainList[j]!] === round) {
        b = d.chainList[j]!;
        break;
      }
    }
    d.blockedBy[c] = b;
  }
  return d.blockedBy[c]!;
}

/** What a blocked category would have been coded with, and the exclusion that blocked it. */
function blockedMatch(g: Giving, c: number): BlockedMatch {
  const { matcher, d, w, order, n, round, starts, ends } = g;
  const { aStart, aEnd, aRank, aSrc } = w;
  const { ownOff, ownList, nTerms } = d;
  const blocker = blockerOf(g, c);
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
  return { path: matcher.categories[c]!.path, by: matcher.categories[blocker]!.path, exclude: sortMatches(exclude), matches };
}

/**
 * The first `n` numbers of `list` (categories, each once, all stamped `round`) in ascending order:
 * sorted by insertion when they are few, else read off the stamps.
 */
export function ascending(list: Int32Array, n: number, stamps: Int32Array, round: number): Int32Array {
  if (n <= 1) return list;
  if (n > 32 || n * 8 >= stamps.length) {
    let k = 0;
    for (let c = 0; c < stamps.length && k < n; c++) if (stamps[c] === round) list[k++] = c;
    return list;
  }
  return insertionSort(list, n);
}
/** Sort hits by start, end and `by`, listing identical hits once. */
export function sortMatches(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  return sorted.filter((m, i) => {
    const p = sorted[i - 1];
    return !p || p.start !== m.start || p.end !== m.end || p.by !== m.by;
  });
}
