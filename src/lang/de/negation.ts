/**
 * German words that negate, and the words around them, for the negation guard of the matcher
 * (`match.negation`) and the question filter (`match.questions: false`). Lower-case.
 */

/** Words that negate what follows them in their clause ("kein Problem", "ohne Schwierigkeiten"). */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'keinerlei',
  'nicht',
  'nichts',
  'ohne',
  'nie',
  'niemals',
  'weder',
  'niemand',
  'nirgends',
  'nirgendwo',
]);

/**
 * Words that may follow a clause-final negation ("Probleme gibt es da keine mehr", "einen Bedarf
 * sehe ich nicht wirklich"): a cue followed only by these still closes its clause.
 */
export const NEGATION_TRAILERS: ReadonlySet<string> = new Set(['mehr', 'wirklich', 'unbedingt', 'so', 'gerade', 'direkt', 'groß', 'gross', 'viel', 'da', 'hier', 'mal']);

/** A word negated inside: "problemlos", "hoffnungslose", "reibungslosen" (the stem must keep three letters). */
export const NEGATION_SUFFIX = /los(?:e|en|er|es|em)?$/u;

/** Words that open a new clause: a negation before them does not reach past them. */
export const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(['aber', 'sondern', 'jedoch', 'doch', 'und', 'oder', 'weil', 'dass', 'wenn', 'obwohl', 'denn']);

/** Tags that turn a statement into a request for assent ("…, oder?", "…, ne?"): no question. */
export const TAG_QUESTIONS: ReadonlySet<string> = new Set(['oder', 'ne', 'nee', 'gell', 'gelle', 'nicht', 'nich', 'woll', 'ja', 'stimmt', "stimmt's", 'right', 'richtig', 'näh', 'wa']);
