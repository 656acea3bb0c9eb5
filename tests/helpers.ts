import { compileCodebook } from '../src/codebook/compile.js';
import { parseCodebook } from '../src/codebook/parse.js';
import { matchText } from '../src/coding/match.js';
import { formatProblem } from '../src/problems.js';
import type { Codebook } from '../src/types.js';

/** Parse a codebook from YAML text, failing the test with every problem when it is invalid. */
export function codebookFrom(yaml: string): Codebook {
  const { codebook, problems } = parseCodebook(yaml, 'test.yaml');
  if (!codebook) throw new Error(problems.map(formatProblem).join('\n'));
  return codebook;
}

/** Codes of a text under a codebook given as YAML: `{ path: hits }`, in codebook order. */
export function codesOf(yaml: string, text: string): Record<string, number> {
  const matcher = compileCodebook(codebookFrom(yaml));
  return Object.fromEntries(matchText(text, matcher).coded.map((c) => [c.path, c.hits]));
}

/** A one-category codebook around the given category body (YAML lines indented by 4). */
export function oneCategory(body: string, top = ''): string {
  return `codebook: test\n${top}categories:\n  - code: c\n    label: C\n${body}`;
}
