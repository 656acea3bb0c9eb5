import type { Match, Token } from '../types.js';

/** What matching gives: the public result types of `match.ts`, and the scratch outcome of one call. */

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

/** The categories one text is coded with: `index[0 … count-1]` ascending, with their hits in `hits`. */
export interface CodeCounts {
  count: number;
  index: Int32Array;
  hits: Int32Array;
}

/**
 * What coding one text gives: the coded categories in ascending order with their hits (and, when
 * asked, their evidence), and the blocked categories. Shared scratch space, valid until the next call.
 */
export interface Outcome extends CodeCounts {
  matches: Match[][];
  blocked: BlockedMatch[];
}

