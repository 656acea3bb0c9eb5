import { GUARD_NEGATION, type CompiledRule, type Matcher } from '../codebook/compile.js';
import { addAtom } from './atoms.js';
import { contextOf, guardPasses } from './occurrences.js';
import type { RegexMatches } from './regex-budget.js';
import type { Derived, Work } from './tables.js';

/** Rules and excludes: which categories the occurring terms (and regex hits) code, as atoms of evidence. */

/** Apply the rules of every category whose rules use an occurring term, and of those with regex rules. */
export function applyAllRules(matcher: Matcher, d: Derived, w: Work, round: number, regexMatches: RegexMatches | undefined, starts: Int32Array, ends: Int32Array): void {
  const { seen, seenCount } = w;
  const { ruleOff, ruleList, ruleStamp } = d;
  for (let s = 0; s < seenCount; s++) {
    const t = seen[s]!;
    for (let k = ruleOff[t]!; k < ruleOff[t + 1]!; k++) {
      const c = ruleList[k]!;
      if (ruleStamp[c] === round) continue;
      ruleStamp[c] = round;
      applyRules(c, matcher, d, round, regexMatches, starts, ends);
    }
  }
  for (const c of matcher.regexCategories) {
    if (ruleStamp[c] === round) continue;
    ruleStamp[c] = round;
    applyRules(c, matcher, d, round, regexMatches, starts, ends);
  }
}

/** Mark the categories whose exclude terms occur (`exclStamp`); whether there are any. */
export function markExcludes(d: Derived, w: Work, round: number): boolean {
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
/** Whether term `t` occurs in the current call. */
export function occurs(d: Derived, round: number, t: number): boolean {
  return d.termStamp[t] === round;
}

/** Atoms for every occurrence of term `t`, labelled `rank`, coding category `c`. */
function termAtoms(d: Derived, round: number, t: number, rank: number, c: number, starts: Int32Array, ends: Int32Array): void {
  if (!occurs(d, round, t)) return;
  const w = d.work;
  const off = d.termOff[t]!;
  const cnt = d.termCnt[t]!;
  for (let j = 0; j < cnt; j++) {
    const o = w.byTerm[off + j]!;
    addAtom(w, starts[w.occFirst[o]!]!, ends[w.occLast[o]!]!, rank, d.nTerms + c);
  }
}

/** Token distance between two occurrences: 0 when they overlap, 1 for neighbouring words. */
function distance(w: Work, a: number, b: number): number {
  const { occFirst, occLast } = w;
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
  const w = d.work;
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
    return distance(w, h, s) <= within ? s : -1;
  }
  return -1;
}

/** Apply the rules of category `c`: their hits become atoms coding `c`. */
function applyRules(c: number, matcher: Matcher, d: Derived, round: number, regexMatches: RegexMatches | undefined, starts: Int32Array, ends: Int32Array): void {
  const rules = matcher.categories[c]!.rules;
  const ranks = d.ruleRanks[c]!;
  for (let r = 0; r < rules.length; r++) {
    const rule: CompiledRule = rules[r]!;
    const rank = ranks[r]!;
    if (rule.scope === 'sentence') {
      applySentenceRule(rule, rank, d.termLabelRanks[c]![r]!, c, d, round, starts, ends);
      continue;
    }
    let not = false;
    for (let k = 0; k < rule.not.length && !not; k++) not = occurs(d, round, rule.not[k]!);
    if (not) continue;
    switch (rule.kind) {
      case 'any': {
        const termRanks = d.termLabelRanks[c]![r]!;
        rule.terms.forEach((t, k) => termAtoms(d, round, t, termRanks[k]!, c, starts, ends));
        break;
      }
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
        // Their label is the rule's (see `RegexMatches`).
        const hits = regexMatches?.get(rule);
        if (!hits) break;
        const guard = matcher.categories[c]!.guard;
        for (const m of hits) if (guard === 0 || regexGuardPasses(d.work, guard, m.start, m.end, rule.label)) addAtom(d.work, m.start, m.end, rank, d.nTerms + c);
        break;
      }
    }
  }
}

/**
 * Whether a regex hit on the characters `start…end` passes the category's guards: it is judged on
 * the tokens it covers (a hit between tokens, on punctuation only, on the token after it) as a
 * term's hit is, and a negation inside it counts unless the pattern names that word.
 */
function regexGuardPasses(w: Work, guard: number, start: number, end: number, label: string): boolean {
  const scan = w.scan!;
  if (scan.count === 0) return true;
  // The first token ending after `start`, and the last token starting before `end`.
  let lo = 0;
  let hi = scan.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scan.ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last + 1 < scan.count && scan.starts[last + 1]! < end) last++;
  const first = Math.min(lo, last);
  if ((guard & GUARD_NEGATION) !== 0) {
    // Inside the hit, a negation the pattern does not spell out ("läuft nicht gut" for `läuft (?:\w+ )?gut`) negates it.
    const ctx = contextOf(w);
    const pattern = label.toLowerCase();
    for (let k = first; k <= last; k++) if (ctx.cue[k] === 1 && !pattern.includes(ctx.lower[k]!)) return false;
  }
  return guardPasses(w, guard, first, last, label);
}

/**
 * Atoms of a `near` rule: for each occurrence of its first term, one occurrence of every other term
 * within `within` tokens — in the same sentence when `sentences` is not -1 (then only head
 * occurrences in a sentence without a `not` term count).
 */
function nearAtoms(rule: CompiledRule, rank: number, c: number, d: Derived, round: number, starts: Int32Array, ends: Int32Array, sentences: number): void {
  const head = rule.terms[0]!;
  if (!occurs(d, round, head)) return;
  const w = d.work;
  const off = d.termOff[head]!;
  const cnt = d.termCnt[head]!;
  const partners: number[] = [];
  for (let j = 0; j < cnt; j++) {
    const h = w.byTerm[off + j]!;
    if (sentences !== -1 && notInSentence(rule, d, round, sentenceOfOcc(d.work, h))) continue;
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
function sentenceOfOcc(w: Work, o: number): number {
  return contextOf(w).sentence[w.occFirst[o]!]!;
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
  for (let j = 0; j < d.termCnt[t]!; j++) if (sentenceOfOcc(d.work, d.work.byTerm[off + j]!) === sentence) return true;
  return false;
}

/** An occurrence of term `t` other than `h`, in the sentence of `h` and at most `within` tokens from it, or -1. */
function nearInSentence(d: Derived, round: number, t: number, h: number, within: number): number {
  if (!occurs(d, round, t)) return -1;
  const sentence = sentenceOfOcc(d.work, h);
  const off = d.termOff[t]!;
  for (let j = 0; j < d.termCnt[t]!; j++) {
    const o = d.work.byTerm[off + j]!;
    if (o !== h && sentenceOfOcc(d.work, o) === sentence && distance(d.work, h, o) <= within) return o;
  }
  return -1;
}

/**
 * A rule with `scope: sentence`: `all` needs every term in one sentence, `near` its partners in the
 * head's sentence, and `any` counts each occurrence; a `not` term blocks only the sentence it is in.
 */
function applySentenceRule(rule: CompiledRule, rank: number, termRanks: Int32Array, c: number, d: Derived, round: number, starts: Int32Array, ends: Int32Array): void {
  const w = d.work;
  if (rule.kind === 'near') {
    nearAtoms(rule, rank, c, d, round, starts, ends, 0);
    return;
  }
  const give = (t: number, sentence: number, label: number): void => {
    if (!occurs(d, round, t)) return;
    const off = d.termOff[t]!;
    for (let j = 0; j < d.termCnt[t]!; j++) {
      const o = w.byTerm[off + j]!;
      if (sentence === -1 ? !notInSentence(rule, d, round, sentenceOfOcc(d.work, o)) : sentenceOfOcc(d.work, o) === sentence) {
        addAtom(w, starts[w.occFirst[o]!]!, ends[w.occLast[o]!]!, label, d.nTerms + c);
      }
    }
  };
  if (rule.kind === 'any') {
    rule.terms.forEach((t, k) => give(t, -1, termRanks[k]!));
    return;
  }
  // all: the sentences holding the first term, each tried once.
  const first = rule.terms[0]!;
  if (!occurs(d, round, first)) return;
  const off = d.termOff[first]!;
  let last = -1;
  for (let j = 0; j < d.termCnt[first]!; j++) {
    const sentence = sentenceOfOcc(w, w.byTerm[off + j]!);
    if (sentence === last) continue;
    last = sentence;
    if (notInSentence(rule, d, round, sentence)) continue;
    if (!rule.terms.every((t) => occursInSentence(d, round, t, sentence))) continue;
    for (const t of rule.terms) give(t, sentence, rank);
  }
}
