import { english, type MessageKey } from '../lang/catalogue.js';
import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { TERM_PATTERN } from '../codebook/shape.js';
import { matchText } from '../coding/match.js';
import type { Language, MatchOptions, Unit } from '../types.js';
import { codableUnits, sortUnits } from '../analysis/units.js';

/** One keyword-in-context hit: the unit and the matched span in its text (UTF-16 offsets, end exclusive). */
export interface ConcordanceHit {
  unit: Unit;
  start: number;
  end: number;
}

const TERM_RE = new RegExp(TERM_PATTERN, 'u');

/**
 * Why a text is not a term of the codebook term language, or undefined when it is one: letters,
 * digits, `-`, `'`, `*` and single spaces, with at least one word that is not only `*`.
 */
export function termProblem(term: string): string | undefined {
  const key = termProblemKey(term);
  return key && english({ key });
}

/** Why a text is not a term (see `termProblem`), as a catalogue key; undefined when it is one. */
export function termProblemKey(term: string): MessageKey | undefined {
  if (term.trim() === '') return 'part.kwic.empty';
  if (!TERM_RE.test(term)) return 'part.kwic.characters';
  const words = term.trim().split(/ +/);
  if (words.every((w) => /^\*+$/.test(w))) return 'part.kwic.only-stars';
  return undefined;
}

/**
 * A matcher for one term of the codebook term language (globs, phrases, compounds, folding and
 * stems as the options say), as a one-category codebook; the term must pass `termProblem`.
 */
export function compileTerm(term: string, match: MatchOptions, language: Language): Matcher {
  const text = term.trim().split(/ +/).join(' ');
  return compileCodebook({
    name: 'kwic',
    language,
    unit: 'turn',
    match,
    compounds: 'parts',
    moderators: [],
    sets: [],
    categories: [
      {
        code: 'term',
        path: 'term',
        label: text,
        level: 1,
        examples: [],
        counterexamples: [],
        terms: [{ text }],
        rules: [],
        exclude: [],
        sharedWith: [],
        match,
        categories: [],
      },
    ],
    perspectives: [],
    source: { file: '<term>', sha256: '' },
  });
}

/**
 * Every occurrence of a compiled term in the units — moderator units too (their hits carry
 * `unit.moderator`), unless `moderators: false` — in transcript, segment and text order.
 */
export function findConcordance(units: readonly Unit[], matcher: Matcher, options: { moderators?: boolean } = {}): ConcordanceHit[] {
  const hits: ConcordanceHit[] = [];
  for (const unit of sortUnits(options.moderators === false ? codableUnits(units) : units)) {
    const coded = matchText(unit.text, matcher).coded[0];
    if (!coded) continue;
    let reach = -1;
    for (const m of coded.matches) {
      // A phrase and a glob can report overlapping spans of one occurrence; list it once.
      if (m.start < reach) continue;
      hits.push({ unit, start: m.start, end: m.end });
      reach = m.end;
    }
  }
  return hits;
}
