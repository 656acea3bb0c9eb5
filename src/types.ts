/**
 * Plain, JSON-serialisable data shared by all pipeline stages:
 * read → segment → tokenize → code → aggregate → render.
 *
 * Conventions used throughout:
 * - lines and columns start at 1; `offset` values are 0-based UTF-16 code units into a string;
 * - times are seconds from the start of the recording (fractions allowed);
 * - a category's "full code" joins the codes of its ancestors with `/` (`bedarfe/personal`).
 */

/** A place in a source file: line and column start at 1, offset is 0-based in UTF-16 units. */
export interface Position {
  line: number;
  column: number;
  offset?: number;
}

/** How bad a problem is: an error stops the file or command, a warning does not. */
export type Severity = 'error' | 'warning';

/** One input problem, reported as `file:line:column: severity: message`. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  message: string;
  /** A stable identifier of the kind of problem, e.g. `codebook/unknown-key`. */
  ruleId?: string;
}

// ---------------------------------------------------------------- read

/** A paragraph or cue as a reader found it, before speaker turns are formed. */
export interface Block {
  /** The speaker label found at the block's start, exactly as written (trimmed); null when none. */
  speaker: string | null;
  /**
   * True when a block without a label continues the turn before it (plain-text paragraphs);
   * false when it stands alone (a subtitle cue or Whisper segment without any speaker).
   */
  continuation: boolean;
  /** Start time in seconds, when the source gives one. */
  start?: number;
  /** End time in seconds, when the source gives one. */
  end?: number;
  /**
   * The spoken text without label and time marks, NFC-normalised. Soft line breaks inside the
   * paragraph are kept as `\n` so each `\n` advances `line` by one.
   */
  text: string;
  /** 1-based line in the source file where `text` starts. */
  line: number;
  /** 1-based column in the source file where `text` starts. */
  column: number;
}

/** A transcript as read from one file: blocks plus metadata, not yet segmented. */
export interface Transcript {
  /** Display id: the path relative to the folder given, or the file name when a file is given. */
  id: string;
  /** The path of the file as it was read (for messages and provenance). */
  path: string;
  /** The reader that produced it: `text`, `markdown`, `vtt`, `srt`, `whisper`, `noscribe`, `docx`, … */
  format: string;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
  /** Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …). */
  encoding: string;
  /**
   * Metadata: YAML front matter (string values), and what stands before the first speaker label —
   * `preamble` (its lines) and the `Key: value` lines in it (`Datum`, `Interviewpartner` …).
   */
  meta: Record<string, string>;
  blocks: Block[];
  /** Labels the transcript's own legend declares as interviewer, moderator or note-taker (`P = Protokollant`). */
  moderators?: string[];
}

/** What a reader returns: the transcript, or null when a fatal problem stopped it. */
export interface ReadResult {
  transcript: Transcript | null;
  problems: Problem[];
}

/** A transcript file found among the inputs: where to read it and the id it is reported under. */
export interface InputFile {
  /** Path to read (relative to the working directory given, or absolute when given absolute). */
  path: string;
  /** Display id (see Transcript.id): `/`-separated path relative to the folder given, or the file name. */
  id: string;
}

/** One row of a participants file: a speaker label and its attributes (`group`, `role`, …). */
export interface Participant {
  /** The speaker label as written in the participants file (trimmed, NFC). */
  speaker: string;
  /** The transcript the row is limited to (as written); absent for a row that holds in every transcript. */
  transcript?: string;
  /** The other columns, keys lower-cased; empty cells left out. */
  attributes: Record<string, string>;
}

/**
 * One row of a coding file: a coder gave the unit `transcript#segment` a category. A row whose
 * category is '' only declares that the coder saw the unit and left it uncoded.
 */
export interface CodingRow {
  /** Transcript id, as in the `transcript` column of `segments.csv`. */
  transcript: string;
  /** Unit number within the transcript, from 1, as in the `segment` column of `segments.csv`. */
  segment: number;
  /** Full code of the category as written; '' for a row that only declares the unit. */
  category: string;
  /** 1-based line of the row in the coding file; absent for codings read from a `.qdpx` project. */
  line?: number;
}

/** A coding read from one file (the `segments.csv` columns): every row one coder wrote. */
export interface CoderCoding {
  /** Who coded: the file as named on the command line. */
  coder: string;
  rows: CodingRow[];
}

/** A value a coder gave a unit in a ratings table: a number or a label; null when missing. */
export type Rating = number | string | null;

/** A unit × coder table of ratings (Krippendorff's reliability data with units as rows). */
export interface RatingTable {
  /** Coder names: the header cells after the first. */
  coders: string[];
  /** Unit ids: the first column, in file order. */
  units: string[];
  /** `values[u][c]` is what coder `c` gave unit `u`; null when the cell is empty. */
  values: Rating[][];
}

// ---------------------------------------------------------------- segment

/** Coding unit kinds: a whole speaker turn, or one sentence of a turn. */
export type UnitKind = 'turn' | 'sentence';

/** One coding unit (a speaker turn or a sentence) with the metadata that travels with it. */
export interface Unit {
  /** Transcript id (see Transcript.id). */
  transcript: string;
  /** Unit number within the transcript, from 1, moderator units included. */
  segment: number;
  /** Turn number within the transcript, from 1 (equals `segment` for turn units). */
  turn: number;
  /** Speaker label as written in the transcript; '' when the source has none. */
  speaker: string;
  /** True for moderator units: kept in outputs, never coded, not counted in shares. */
  moderator: boolean;
  /** Start time in seconds, when known. */
  start?: number;
  /** End time in seconds, when known. */
  end?: number;
  /** 1-based line in the source file where the unit starts. */
  line: number;
  /** The unit's text (NFC; paragraphs of one turn joined by `\n`, soft line breaks as spaces). */
  text: string;
  /** Speaker attributes joined from a participants file (`group`, `role`, …). */
  attributes: Record<string, string>;
}

// ---------------------------------------------------------------- text

/** A word token of a unit's text. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Offset of the first UTF-16 unit in the unit's text. */
  start: number;
  /** Offset one past the last UTF-16 unit. */
  end: number;
}

// ---------------------------------------------------------------- codebook

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

// ---------------------------------------------------------------- code

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
  /** The codebook; `file` relative to the working folder (never absolute), or the shipped codebook's name. */
  codebook: { name: string; version?: string; file: string; sha256: string };
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
