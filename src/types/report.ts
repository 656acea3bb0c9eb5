import type { Language } from './codebook.js';
import type { Problem } from './problem.js';
import type { Unit, UnitKind } from './transcript.js';

// What coding and aggregating give: codings with their evidence, and the report with its rows.

/** One piece of evidence: which term or rule matched, and where in the unit's text. */
export interface Match {
  /** The term as written, or the rule in short form (`all: mehr, personal*`, `regex: …`). */
  by: string;
  /** Offset of the first UTF-16 unit in the unit's text. */
  start: number;
  /** Offset one past the last UTF-16 unit. */
  end: number;
}

/** A unit coded with one category (own match or rolled up from a subcategory). */
export interface Coding {
  transcript: string;
  segment: number;
  /** Full code of the category. */
  category: string;
  /** Every term and rule hit, sorted by start, end, then `by` (identical hits listed once). */
  matches: Match[];
  /** Number of distinct occurrences: hits whose spans overlap count once (no double counting). */
  hits: number;
  /**
   * Where the coding comes from: `rule` (a term or rule of the codebook matched; what an absent
   * value means too) or `review` (a person's decision in a review file, `analyze --review`).
   */
  source?: CodingSource;
}

/** Where a coding comes from: the codebook's rules, or a person's review decision. */
export type CodingSource = 'rule' | 'review';

/** A unit with the codings it received (empty for moderator units). */
export interface CodedUnit extends Unit {
  codings: Coding[];
}

// ---------------------------------------------------------------- aggregate

/** One row of `frequencies.csv`. */
export interface FrequencyRow {
  category: string;
  label: string;
  level: number;
  segments: number;
  /** segments ÷ codable units (unrounded). */
  share: number;
  /** Term and rule hits, overlapping hits counted once (sum of Coding.hits). */
  matches: number;
  transcripts: number;
  speakers: number;
}

/** One row of `frequencies_by_DIM.csv`. */
export interface BreakdownRow {
  /** The value of the dimension (a speaker, group or transcript). */
  value: string;
  category: string;
  segments: number;
  /** segments ÷ codable units of that value (unrounded). */
  share: number;
}

/** Frequencies broken down by one dimension (`speaker`, `group`, `transcript`, or any attribute). */
export interface Breakdown {
  dimension: string;
  rows: BreakdownRow[];
}

/** One row of `cooccurrence.csv`. */
export interface CooccurrenceRow {
  a: string;
  b: string;
  /** Units coded with `a` or `b` that have the other category in their scope (unit scope: units with both). */
  segments: number;
  /** segments ÷ units coded with `a` or `b` (0…1). */
  jaccard: number;
  /** ATLAS.ti's c-coefficient n12 ÷ (n1 + n2 − n12) over the scope's contexts (units, windows or transcripts). */
  c?: number;
  /** The context counts `c` is computed from: contexts with `a`, with `b`, and with both. */
  contexts?: { a: number; b: number; both: number };
}

/** One row of `comparison_by_DIM.csv`: one value of a dimension against all other units, for one category. */
export interface ComparisonRow {
  /** The value of the dimension (a speaker, group, transcript or attribute value). */
  value: string;
  category: string;
  /** Codable units of that value coded with the category. */
  segments: number;
  /** Codable units of that value. */
  units: number;
  /** segments ÷ units (0 when there are no units). */
  share: number;
  /** Codable units of all other values coded with the category. */
  restSegments: number;
  /** Codable units of all other values. */
  restUnits: number;
  /** restSegments ÷ restUnits (0 when there are none). */
  restShare: number;
  /** Log-likelihood ratio G² of the 2×2 table (value/rest × coded/not coded). */
  g2: number;
  /** Two-sided p of Fisher's exact test on the same table. */
  p: number;
  /** `more` or `less` when p < 0.05 (the value names the category more or less often than the rest), else ''. */
  flag: 'more' | 'less' | '';
}

/** A dimension's values each compared with the rest (see ComparisonRow). */
export interface Comparison {
  dimension: string;
  rows: ComparisonRow[];
}

/** One row of `keyterms.csv`: a word that distinguishes the units of a category from the other units. */
export interface KeyTermRow {
  category: string;
  /** Lower-cased word form, or its stem when the codebook matches by stem. */
  term: string;
  /** Codable units of the category that contain the term. */
  units: number;
  /** Other codable units that contain it. */
  otherUnits: number;
  /** Dunning's log-likelihood G² of the 2×2 table of units (category/other × with/without the term). */
  g2: number;
}

/** A perspective with the units that support it. */
export interface PerspectiveResult {
  code: string;
  label: string;
  kind: 'declared' | 'emergent';
  description?: string;
  scope: 'unit' | 'transcript';
  support: number;
  minSupport: number;
  transcripts: string[];
  /** `transcript:speaker` pairs, sorted. */
  speakers: string[];
  categories: string[];
  /** Supporting unit ids `transcript#segment`, in transcript and segment order. */
  evidence: string[];
  /** Distinct `group` attribute values of the supporting units, sorted (set when any unit has a group). */
  groups?: string[];
  /** Emergent only: observed ÷ expected support if the categories occurred independently. */
  lift?: number;
  /** Emergent only: one-sided p that the categories meet this often by chance (hypergeometric). */
  p?: number;
  /** Emergent only: the words that distinguish the supporting units from the rest, strongest first. */
  keyterms?: string[];
}

/** Options of an analysis run (recorded in report.json). */
export interface AnalyzeOptions {
  unit?: UnitKind;
  moderators?: string[];
  by?: string[];
}

/** Everything an analysis produced; renderers turn it into tables, CSV, JSON and HTML. */
export interface Report {
  program: { name: string; version: string };
  /**
   * The codebook; `file` relative to the working folder (never absolute), or the shipped codebook's name;
   * `language` its language (the HTML report's, unless `--lang` says otherwise; absent in reports made before it was recorded).
   */
  codebook: { name: string; version?: string; language?: Language; file: string; sha256: string };
  /** The transcripts read (`path` relative to the working folder, `..` for one outside it; never absolute); `meta` (front matter and preamble, see `Transcript.meta`) and `moderators` (a legend's) where there are any. */
  inputs: { path: string; id: string; format: string; encoding: string; sha256: string; meta?: Record<string, string>; moderators?: string[] }[];
  options: {
    unit: UnitKind;
    moderators: string[];
    by: string[];
    /** Co-occurrence scope: `unit`, `transcript` or `window:N`. */
    cooccurScope?: string;
    /** Minimum support of emergent perspectives (units). */
    minSupport?: number;
    /** Minimum lift of emergent perspectives. */
    minLift?: number;
    /** Most emergent perspectives reported (0 = all). */
    maxEmergent?: number;
    /** Key terms kept per category (`--keyterms`). */
    keyterms?: number;
    /** The participants file (`--participants`), relative to the working folder, with the sha256 of its bytes. */
    participants?: { path: string; sha256: string };
    /** The review files whose decisions override the rules (`--review`), relative to the working folder, with the sha256 of their bytes. */
    review?: { path: string; sha256: string }[];
    /** The `--where` filter the report is narrowed to, `key=value` in the order given; only with `--where`. */
    where?: string[];
  };
  totals: { transcripts: number; units: number; codableUnits: number; speakers: number; skipped: number };
  categories: { path: string; label: string; level: number }[];
  frequencies: FrequencyRow[];
  breakdowns: Breakdown[];
  cooccurrence: CooccurrenceRow[];
  perspectives: PerspectiveResult[];
  /** Each `--by` dimension's values compared with the rest. */
  comparisons?: Comparison[];
  /** Key terms per category, categories in codebook order, strongest term first. */
  keyterms?: KeyTermRow[];
  units: CodedUnit[];
  problems: Problem[];
}
