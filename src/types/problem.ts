// Problems met in the input: data with a position and a registered rule id, never exceptions.

import type { MessageKey, MessageParams } from '../lang/catalogue.js';
import type { RuleId } from '../rules.js';

/** A place in a source file: line and column start at 1, offset is 0-based in UTF-16 units. */
export interface Position {
  line: number;
  column: number;
  offset?: number;
}

/** A stretch of a source file: where it starts, and `end`, the place just after its last character. */
export interface Span extends Position {
  end: Position;
}

/** How bad a problem is: an error stops the file or command, a warning does not. */
export type Severity = 'error' | 'warning';

/** One input problem, reported as `file:line:column: severity: message`. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /**
   * Where the offending span ends, where it is known cheaply (e.g. a codebook YAML node): the line and
   * column just after its last character, 1-based like `line` and `column`. Data for report.json and
   * editors; `formatProblem` never prints it.
   */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** What is wrong, in English (the library's and report.json's language). */
  message: string;
  /**
   * The same message as a key of the message catalogues (src/lang/) with its placeholders' values,
   * so it can be said in another language (the CLI prints it in the user's); `message` is its
   * English text. Absent on problems made outside fokus. Not written to report.json.
   */
  key?: MessageKey;
  params?: MessageParams;
  /** A stable identifier of the kind of problem, e.g. `codebook/unknown-key`, registered in src/rules.ts. */
  ruleId?: RuleId;
}
