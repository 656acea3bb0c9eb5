import { isMap, isScalar, isSeq, parseDocument } from '../deps.js';
import type { Message } from '../lang/catalogue.js';
import { positionAt, problem } from '../problems.js';
import type { Problem } from '../types.js';
import { DEFAULT_LIMITS, jsonDepthBeyond } from './limits.js';

/** YAML errors of one front matter reported one by one up to this many (a broken file can have thousands). */
const MAX_REPORTED_ERRORS = 10;

/** A YAML value as a metadata string: scalars as written, lists joined by ", ", mappings as JSON. */
function metaString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map(metaString).join(', ');
  }
  return JSON.stringify(value).normalize('NFC');
}

/**
 * Parse YAML front matter whose first line is source line `firstLine`; problems are warnings. Work
 * stays linear in its size: keys are checked for duplicates here (the YAML library's own check
 * compares every key with every other), flow collections nested deeper than the depth limit are
 * refused before the recursive YAML parser sees them, and at most ten YAML errors are named.
 */
export function parseFrontMatter(source: string, file: string, firstLine: number, problems: Problem[]): Record<string, string> {
  const ignore = (reason: Message, at: { line: number; column: number }): Record<string, string> => {
    problems.push(problem(file, 'warning', { key: 'problem.read/front-matter', params: { reason } }, at, 'read/front-matter'));
    return {};
  };
  const tooDeep = jsonDepthBeyond(source, DEFAULT_LIMITS.depth);
  if (tooDeep >= 0) {
    const at = positionAt(source, tooDeep);
    return ignore({ key: 'part.yaml.too-deep', params: { depth: DEFAULT_LIMITS.depth } }, { line: at.line + firstLine - 1, column: at.column });
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, MAX_REPORTED_ERRORS)) {
      const at = err.linePos?.[0];
      // The parser counts lines from the front matter's first; the message names lines of the file, as the prefix does.
      const said = (err.message.split('\n')[0] ?? '')
        .replace(/ at line (\d+), column (\d+):?$/u, (_m, line: string, col: string) => ` at line ${Number(line) + firstLine - 1}, column ${col}`)
        .replace(/:$/u, '');
      ignore({ key: 'part.text', params: { text: said } }, at ? { line: at.line + firstLine - 1, column: at.col } : { line: firstLine - 1, column: 1 });
    }
    return {};
  }
  const meta: Record<string, string> = {};
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    problems.push(problem(file, 'warning', { key: 'problem.read/front-matter.not-a-mapping' }, { line: firstLine - 1, column: 1 }, 'read/front-matter'));
    return meta;
  }
  const seen = new Set<string>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (seen.has(key)) {
      const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      const at = positionAt(source, offset);
      return ignore({ key: 'part.yaml.duplicate-key', params: { line: at.line + firstLine - 1, column: at.column } }, { line: at.line + firstLine - 1, column: at.column });
    }
    seen.add(key);
    const value = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value.toJSON() : null;
    meta[key.normalize('NFC')] = metaString(value);
  }
  return meta;
}
