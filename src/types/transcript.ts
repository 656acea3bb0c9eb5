import type { Problem } from './problem.js';

// What reading and segmenting give: transcripts, their blocks and units, input files, participants, codings and ratings read from files, tokens.

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
  /**
   * Display id (see Transcript.id): `/`-separated path relative to the folder given, or the file name;
   * when two files would share one, each grows to the shortest path that tells them apart.
   */
  id: string;
  /**
   * The path as bytes, for a file found in a folder whose name is not valid UTF-8 (written on a system
   * with another encoding): `path` and `id` then show the name read as Latin-1, and the file is opened
   * by these bytes.
   */
  raw?: Uint8Array;
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
