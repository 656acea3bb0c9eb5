import { NEGATION_CUES, NEGATION_TRAILERS, NEGATION_SUFFIX, CLAUSE_CONJUNCTIONS, TAG_QUESTIONS } from '../lang/de/negation.js';
import { splitSentences } from '../text/sentences.js';

/**
 * Where the tokens of one text stand: in which sentence and clause, whether the sentence is a
 * question, and which tokens are negation cues. Made only for texts that a guarded term, a split
 * verb or a sentence-scoped rule needs it for (see `match.ts`), once per text.
 */
export interface TokenContext {
  /** Per token: its sentence, numbered from 0 in text order. */
  sentence: Int32Array;
  /** Per token: its clause, numbered from 0 in text order (a sentence holds one or more clauses). */
  clause: Int32Array;
  /** Per sentence: 1 when it is a question (ends with `?`, and is not only a tag such as "…, oder?"). */
  question: Uint8Array;
  /** Per token: 1 for a negation cue ("kein", "nicht", "ohne", …). */
  cue: Uint8Array;
  /** Per clause: the index of its last token. */
  clauseEnd: Int32Array;
  /** Per token: its lower-cased text. */
  lower: string[];
}

/** A clause ends at these characters between two tokens (besides the end of a sentence). */
const CLAUSE_PUNCTUATION = /[,;:()–—"„“”»«]|\s-\s/u;

/** The context of the `count` tokens at `starts`/`ends` in `text`. */
export function tokenContext(text: string, count: number, starts: Int32Array, ends: Int32Array): TokenContext {
  const spans = splitSentences(text);
  const sentence = new Int32Array(count);
  const clause = new Int32Array(count);
  const cue = new Uint8Array(count);
  const lower: string[] = new Array<string>(count);
  const clauseEnds: number[] = [];
  let s = 0;
  let c = 0;
  for (let i = 0; i < count; i++) {
    const start = starts[i]!;
    lower[i] = text.slice(start, ends[i]!).toLowerCase();
    while (s < spans.length - 1 && start >= spans[s]!.end) s++;
    if (i > 0) {
      const newSentence = s !== sentence[i - 1];
      const gap = text.slice(ends[i - 1]!, start);
      if (newSentence || CLAUSE_PUNCTUATION.test(gap) || CLAUSE_CONJUNCTIONS.has(lower[i]!)) {
        clauseEnds.push(i - 1);
        c++;
      }
    }
    sentence[i] = s;
    clause[i] = c;
    if (NEGATION_CUES.has(lower[i]!)) cue[i] = 1;
  }
  if (count > 0) clauseEnds.push(count - 1);
  const question = new Uint8Array(spans.length);
  spans.forEach((span, k) => {
    const body = text.slice(span.start, span.end).replace(/["'“”„»«)\]\s]+$/u, '');
    if (!body.endsWith('?')) return;
    // "Das ist ein Problem, oder?" asks for assent, not about the problem.
    const tail = /[,–—-]\s*([\p{L}']+)\s*\?+$/u.exec(body)?.[1]?.toLowerCase();
    if (tail !== undefined && TAG_QUESTIONS.has(tail)) return;
    question[k] = 1;
  });
  return { sentence, clause, question, cue, clauseEnd: Int32Array.from(clauseEnds), lower };
}

/**
 * Whether a hit on tokens `first…last` is negated: a negation cue stands before it in its clause, or
 * closes its clause after it ("Einen Bedarf sehe ich da eigentlich nicht."), or the hit's own word
 * is negated inside ("problemlos", "hoffnungslose") — unless the term's own text names that ending.
 * Cues inside the hit ("nicht genug", "kein Geld") belong to the term and never negate it.
 */
export function isNegated(ctx: TokenContext, first: number, last: number, termText: string): boolean {
  const cl = ctx.clause[first]!;
  for (let j = first - 1; j >= 0 && ctx.clause[j] === cl; j--) if (ctx.cue[j] === 1) return true;
  const end = ctx.clauseEnd[ctx.clause[last]!]!;
  for (let j = last + 1; j <= end; j++) {
    if (ctx.cue[j] !== 1) continue;
    let k = j + 1;
    while (k <= end && NEGATION_TRAILERS.has(ctx.lower[k]!)) k++;
    if (k > end) return true;
  }
  if (first === last && !termText.toLowerCase().includes('los')) {
    const word = ctx.lower[first]!;
    const m = NEGATION_SUFFIX.exec(word);
    if (m && m.index >= 3) return true;
  }
  return false;
}

/** Whether token `i` stands in a question. */
export function inQuestion(ctx: TokenContext, i: number): boolean {
  return ctx.question[ctx.sentence[i]!] === 1;
}

/** Whether tokens `a` and `b` stand in the same sentence. */
export function sameSentence(ctx: TokenContext, a: number, b: number): boolean {
  return ctx.sentence[a] === ctx.sentence[b];
}
