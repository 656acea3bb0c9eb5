import type { Position } from './problem.js';
import type { UnitKind } from './transcript.js';

// The codebook as parsed and validated: categories, terms, rules, word sets, perspectives, match options.

/** The language of a codebook: tokenizer, stop words and stemmer follow it. */
export type Language = 'de' | 'en';

/** Matching options of a codebook or category. */
export interface MatchOptions {
  /** ä=ae, ö=oe, ü=ue, ß=ss when matching. */
  fold: boolean;
  /** Plain words (without `*`) also match by stem. */
  stem: boolean;
  /**
   * Plain words match the inflected forms of their word from a German lexicon (Jugendamt ~
   * Jugendämtern; separable verbs also split: "arbeiten … zusammen"); a word starting with `*`
   * matches compounds ending in any form of its word.
   */
  lemma: boolean;
  /** A hit is dropped when a negation ("kein", "nicht", "ohne", "-los", …) governs it in its clause. */
  negation: boolean;
  /** Whether hits in questions count (default true); false drops hits inside interrogative sentences. */
  questions: boolean;
}

/**
 * How the parts of a hyphenated compound ("Kita-Leitung") are matched: `parts` (each part and run
 * of parts on its own) or `head` (only runs that end with the last part, the compound's head).
 */
export type CompoundMode = 'parts' | 'head';

/** Where the terms of an `all`, `near` or `not` must occur: anywhere in the unit, or in one sentence. */
export type RuleScope = 'unit' | 'sentence';

/** A term as written in the codebook: one or more words, `*` as glob. */
export interface Term {
  text: string;
  position?: Position;
}

/** A coding rule of a category: one of all / any / near / regex, optionally with exclusions. */
export type Rule =
  | { kind: 'all'; terms: Term[]; not: Term[]; scope: RuleScope; position?: Position }
  | { kind: 'any'; terms: Term[]; not: Term[]; scope: RuleScope; position?: Position }
  | { kind: 'near'; terms: Term[]; within: number; not: Term[]; scope: RuleScope; position?: Position }
  | { kind: 'regex'; pattern: string; not: Term[]; scope: RuleScope; position?: Position };

/** A named word class of a codebook: a term word `$name` matches any of its words. */
export interface WordSet {
  name: string;
  description?: string;
  /** Single words, globs allowed. */
  words: Term[];
  /** Words taken from a lexicon besides `words`: natural's German sentiment lexicon, one polarity, |polarity| ≥ min. */
  from?: { lexicon: 'sentiment-de'; polarity: 'positive' | 'negative'; min: number };
  /** Words (lower-case) left out of the set, e.g. lexicon words that mean something else in the field. */
  except: string[];
  position?: Position;
}

/** A category of the coding frame, with its definition, anchor examples and machine rules. */
export interface Category {
  /** Own code (`personal`). */
  code: string;
  /** Full code including ancestors (`bedarfe/personal`). */
  path: string;
  label: string;
  /** 1 for top-level categories. */
  level: number;
  definition?: string;
  examples: string[];
  counterexamples: string[];
  terms: Term[];
  rules: Rule[];
  exclude: Term[];
  match: MatchOptions;
  /**
   * Codes of sibling categories this one shares terms with on purpose (a coding rule codes both,
   * such as a stated lack being a need and a challenge): `codebook check` does not warn about them.
   */
  sharedWith: string[];
  categories: Category[];
  position?: Position;
}

/** The condition of a development perspective over full category codes. */
export interface PerspectiveCondition {
  all: string[];
  any: string[];
  none: string[];
}

/** A declared development perspective (Entwicklungsperspektive). */
export interface Perspective {
  code: string;
  label: string;
  description?: string;
  when: PerspectiveCondition;
  scope: 'unit' | 'transcript';
  minSupport: number;
  position?: Position;
}

/** A loaded, validated codebook. */
export interface Codebook {
  name: string;
  version?: string;
  language: Language;
  unit: UnitKind;
  match: MatchOptions;
  /** How hyphenated compounds are matched (the codebook's `match.compounds`; default `parts`). */
  compounds: CompoundMode;
  moderators: string[];
  /** Word classes that terms name as `$name`. */
  sets: WordSet[];
  categories: Category[];
  perspectives: Perspective[];
  /** Where it came from: file path (or `<embedded>`) and the hex sha256 of its bytes. */
  source: { file: string; sha256: string };
}
