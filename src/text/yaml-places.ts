import type { LineCounter } from 'yaml';
import type { Position, Span } from '../types.js';

// Where things are in a YAML text (codebooks, participants, pseudonym maps, quanteda dictionaries,
// front matter): 1-based lines and columns from the parser's `LineCounter` and its errors.

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** Where a YAML node starts (line and column), when it has a range. */
export function nodePlace(node: unknown, lines: LineCounter): { line: number; column: number } | undefined {
  const range = (node as Ranged)?.range;
  if (!range) return undefined;
  const { line, col } = lines.linePos(range[0]);
  return { line, column: col };
}

/** Where a YAML node starts, with its offset in the text. */
export function nodePosition(node: unknown, lines: LineCounter): Position | undefined {
  const place = nodePlace(node, lines);
  return place && { ...place, offset: (node as { range: [number, number, number] }).range[0] };
}

/**
 * Where a YAML node starts and where its value ends (the end is the place just after its last
 * character, trailing comments left out), for problems that name the whole node.
 */
export function nodeSpan(node: unknown, lines: LineCounter): Span | undefined {
  const range = (node as Ranged)?.range;
  if (!range) return undefined;
  const start = lines.linePos(range[0]);
  const end = lines.linePos(range[1]);
  return { line: start.line, column: start.col, offset: range[0], end: { line: end.line, column: end.col, offset: range[1] } };
}

/** Where the parser met a syntax error, when it says. */
export function errorPlace(error: { linePos?: [{ line: number; col: number }, ...unknown[]] | undefined }): { line: number; column: number } | undefined {
  const at = error.linePos?.[0];
  return at && { line: at.line, column: at.col };
}
