import type { LineCounter } from 'yaml';
import type { Span } from '../types.js';

/**
 * Where a YAML node starts and where its value ends (1-based lines and columns; the end is the place
 * just after its last character, trailing comments left out), for problems that name the whole node.
 */
export function nodeSpan(node: unknown, lines: LineCounter): Span | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  const start = lines.linePos(range[0]);
  const end = lines.linePos(range[1]);
  return { line: start.line, column: start.col, offset: range[0], end: { line: end.line, column: end.col, offset: range[1] } };
}
