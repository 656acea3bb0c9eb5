import type { CooccurrenceScope } from '../analysis/cooccurrence.js';
import type { Matcher } from '../codebook/compile.js';
import type { RegexBudget } from '../coding/regex-budget.js';
import type { ReadLimits } from '../transcripts/limits.js';
import type { Codebook, CodedUnit, Problem, Report, Transcript, UnitKind } from '../types.js';

// The options and results of the pipeline's entry points (`codeInputs`, `analyze`, `analyzeCorpus`):
// plain types, in a module of their own so that the entry points and `run/` need not import each other.

/** Options of `codeInputs`: where inputs, codebook and participants are, and how to segment. */
export interface CodeInputsOptions {
  /** A codebook file, an already loaded Codebook, or nothing for the shipped default. */
  codebook?: string | Codebook;
  /** The folder relative paths are resolved against (default: the process's working folder). */
  cwd?: string;
  /** Coding unit, over the codebook's. */
  unit?: UnitKind;
  /** Speaker labels never coded, on top of the codebook's moderators. */
  moderators?: string[];
  /** A participants file (CSV or YAML) with speaker attributes. */
  participants?: string;
  /** Force an input encoding (`utf-8`, `windows-1252`, …). */
  encoding?: string;
  /** Read every transcript as this format (`vtt`, `docx`, … or an extension) instead of by extension and content. */
  format?: string;
  /** Called after each transcript with the count done, for progress displays. */
  onProgress?: (done: number, total: number, bytes: number) => void;
  /** The time budget of a regex rule on one unit; a rule that runs past it is stopped (default 1 s + 1 ms per 1000 characters). */
  regexBudget?: RegexBudget;
  /** Review files (`fokus review`) whose decisions override the rules for the units they cover, later files winning. */
  review?: readonly string[];
  /** Limits of the readers (bytes inflated, entries, nesting depth, elements), over the defaults of `transcripts/limits.ts`. */
  limits?: Partial<ReadLimits>;
  /**
   * Narrow the run to some units (`--where`): `KEY=VALUE` with KEY `speaker`, `transcript` or a
   * participants column; values of one key are alternatives, different keys must all hold (see `run/where.ts`).
   */
  where?: readonly string[];
}

/** Options of `analyze`: those of `codeInputs` plus what to aggregate. */
export interface AnalyzeRunOptions extends CodeInputsOptions {
  /** Breakdown and comparison dimensions: `speaker`, `group`, `transcript` or any participant attribute. */
  by?: string[];
  /** Co-occurrence scope: `unit` (default), `transcript`, `window:N`, or the parsed form. */
  cooccurScope?: string | CooccurrenceScope;
  /** Least support (units) of an emergent perspective (default 3). */
  minSupport?: number;
  /** Least lift of an emergent perspective (default 1.5). */
  minLift?: number;
  /** Most emergent perspectives reported, the first in report order (default 50; 0 = all). */
  maxEmergent?: number;
  /** Key terms kept per category (default 10). */
  keyterms?: number;
}

/** Transcripts read, segmented and coded, with everything needed to report on them. */
export interface CodedInputs {
  codebook: Codebook;
  matcher: Matcher;
  /** The unit kind used and the moderators in force (codebook's plus extra). */
  unit: UnitKind;
  moderators: string[];
  /** The transcripts read (with `where`, those it keeps a unit of). */
  transcripts: Transcript[];
  /** Every unit of every transcript read, in input order, moderator units included (with `where`, those it keeps). */
  units: CodedUnit[];
  /** Input files skipped because of a fatal problem. */
  skipped: string[];
  /** Absolute paths of every transcript file listed (also those `where` leaves out). */
  inputPaths: string[];
  /**
   * With `where`: what it leaves out — the ids of the transcripts it reads none of, and the ids
   * (`transcript#segment`) of the units it drops from those it reads. A human coding compared with
   * the run (`evaluate`, `learn`) leaves its rows on them out, as the run does.
   */
  outside?: { transcripts: ReadonlySet<string>; units: ReadonlySet<string> };
}

/** The result of `codeInputs`: the coded inputs (null when the run could not start) and every problem met. */
export interface CodeInputsResult {
  coded: CodedInputs | null;
  problems: Problem[];
}

/** The result of `analyze`: a report (null when the run could not start) and every problem met. */
export interface AnalyzeResult {
  report: Report | null;
  problems: Problem[];
  /** Input files skipped because of a fatal problem. */
  skipped: string[];
  /** Absolute paths of every transcript file listed (outputs must never overwrite them). */
  inputPaths: string[];
}

