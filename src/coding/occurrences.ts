import { GUARD_NEGATION, GUARD_QUESTION, WILDCARD, ascendingUnique, type Matcher } from '../codebook/compile.js';
import { lowerWord } from '../text/normalize.js';
import { COMPOUND_CONJUNCTIONS, completeTruncated } from '../text/tokenize.js';
import { addAtom, growAtoms } from './atoms.js';
import { inQuestion, isNegated, tokenContext, type TokenContext } from './context.js';
import { detach, patternsOf, reserveIds, type ScannedTokens } from './scan.js';
import { grown } from '../arrays.js';
import type { Derived, Work } from './tables.js';

/** Term occurrences in a scanned text: phrases, guards, separable verbs, completed compound parts. */

/** How many tokens ahead a truncated compound part ("Bildungs-") looks for the word completing it. */
const COMPLETION_REACH = 6;

/**
 * A truncated first part ("Bildungs-" in "Bildungs- und Jugendarbeit") is also matched as completed
 * from the word it shares its end with ("bildungsarbeit"). Tokens gaining patterns join the hits.
 */
export function completeCompounds(text: string, scan: ScannedTokens, matcher: Matcher): void {
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
    const modifier = lower(i).replace(/[-‐‑]$/u, '');
    for (const form of completeTruncated(lower(i), lower(j))) for (const id of matcher.lookupCompound(form, form.slice(modifier.length))) all.push(id);
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
    scan.patternedCount = 0;
    for (let i = 0; i < count; i++) if (scan.idCount[i]! > 0) scan.patterned[scan.patternedCount++] = i;
  }
}
/** The context of the tokens of the text being coded, made on first use. */
export function contextOf(w: Work): TokenContext {
  if (w.context === undefined) {
    const scan = w.scan!;
    w.context = tokenContext(w.text, scan.count, scan.starts, scan.ends);
  }
  return w.context;
}

/** Whether a hit of term `t` on tokens `first…last` passes the term's guards. */
export function guardPasses(w: Work, guard: number, first: number, last: number, termText: string): boolean {
  if (guard === 0) return true;
  const ctx = contextOf(w);
  if ((guard & GUARD_QUESTION) !== 0 && inQuestion(ctx, first)) return false;
  if ((guard & GUARD_NEGATION) !== 0 && isNegated(ctx, first, last, termText)) return false;
  return true;
}
/**
 * Every term that occurs, found from the patterns present at each token (in token order of the
 * element each term is looked up by, so each term's occurrences come in text order), into `work`:
 * an atom for each occurrence of a term some category names among its own terms, and an
 * occurrence record (grouped by term as well) for each of a term some rule or exclude uses.
 * Returns whether any term occurs.
 */
export function findTerms(scan: ScannedTokens, matcher: Matcher, d: Derived, round: number): boolean {
  const { patterned, patternedCount, starts, ends, ids, idStart, idCount } = scan;
  const { atomOff, atomList, occOff, occList, phraseOff, phraseList, elemOff, termRank, hasOwn, needOcc, nPatterns } = d;
  const w = d.work;
  let { aStart, aEnd, aRank, aSrc } = w;
  let atoms = 0;
  let any = false;
  w.empty = false;
  w.occCount = 0;
  w.seenCount = 0;
  for (let h = 0; h < patternedCount; h++) {
    const i = patterned[h]!;
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
        const first = phraseStart(scan, d, termId, i);
        if (first < 0) continue;
        const last = first + elemOff[termId + 1]! - elemOff[termId]! - 1;
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
  groupByTerm(w, d);
  return any;
}

/**
 * Where phrase `termId` starts when its lookup element is at token `i` and every other element
 * (wildcards aside) has its pattern at its token; -1 when it does not occur there.
 */
function phraseStart(scan: ScannedTokens, d: Derived, termId: number, i: number): number {
  const { ids, idStart, idCount } = scan;
  const e0 = d.elemOff[termId]!;
  const at = d.phraseAt[termId]!;
  const size = d.elemOff[termId + 1]! - e0;
  const first = i - at;
  if (first < 0 || first + size - 1 >= scan.count) return -1;
  for (let e = 0; e < size; e++) {
    const el = d.elemList[e0 + e]!;
    if (e === at || el === WILDCARD) continue;
    // Does token first + e have pattern el?
    let ok = false;
    for (let q = idStart[first + e]!, qEnd = q + idCount[first + e]!; q < qEnd && !ok; q++) ok = ids[q] === el;
    if (!ok) return -1;
  }
  return first;
}

/** Group the occurrences by term: each term's run starts at `termOff`, in text order. */
function groupByTerm(w: Work, d: Derived): void {
  const n = w.occCount;
  const { seen, seenCount, occTerm } = w;
  if (w.byTerm.length < n) w.byTerm = new Int32Array(Math.max(n, w.byTerm.length * 2));
  const { termOff, termFill, termCnt } = d;
  let at = 0;
  for (let s = 0; s < seenCount; s++) {
    const t = seen[s]!;
    termOff[t] = at;
    termFill[t] = at;
    at += termCnt[t]!;
  }
  const byTerm = w.byTerm;
  for (let o = 0; o < n; o++) byTerm[termFill[occTerm[o]!]!++] = o;
}

/**
 * Separable verbs standing apart ("Wir arbeiten seit Jahren mit der Schule zusammen"): a finite form
 * of the base verb with the particle after it in the same sentence is a hit of the verb's term, on
 * the finite verb. Returns whether any was found.
 */
function findSplitVerbs(scan: ScannedTokens, matcher: Matcher, d: Derived, round: number): boolean {
  const { patterned, patternedCount, ids, idStart, idCount, count, starts, ends } = scan;
  const w = d.work;
  let any = false;
  for (let h = 0; h < patternedCount; h++) {
    const i = patterned[h]!;
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
export function noteOcc(w: Work, d: Derived, round: number, termId: number, first: number, last: number): void {
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
