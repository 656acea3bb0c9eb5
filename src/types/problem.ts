// Problems met in the input: data with a position and a registered rule id, never exceptions.

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
