import { basename, extname } from 'node:path';
import { problem, sortProblems } from '../../problems.js';
import type { Language, Problem } from '../../types.js';
import { buildCodebookYaml } from './build.js';
import { MAX_IMPORT_DEPTH, type DictCategory, type DictionaryFormat, type ParsedDictionary } from './dictionary.js';
import { parseLexicoder } from './lexicoder.js';
import { parseLiwc } from './liwc.js';
import { parseQuantedaYaml } from './quanteda.js';
import { parseWordstat } from './wordstat.js';

export { MAX_IMPORT_DEPTH, type DictionaryFormat } from './dictionary.js';

/** The dictionary format each file extension stands for. */
export const DICTIONARY_EXTENSIONS: Readonly<Record<string, DictionaryFormat>> = {
  '.dic': 'liwc',
  '.yml': 'quanteda',
  '.yaml': 'quanteda',
  '.cat': 'wordstat',
  '.lc3': 'lexicoder',
};

const PARSERS: Record<DictionaryFormat, (text: string, file: string) => ParsedDictionary> = {
  liwc: parseLiwc,
  quanteda: parseQuantedaYaml,
  wordstat: parseWordstat,
  lexicoder: parseLexicoder,
};


/** An error for the first category (in file order) nested deeper than `MAX_IMPORT_DEPTH`, if any. */
function tooDeep(categories: readonly DictCategory[], file: string): Problem | undefined {
  const stack = [...categories].reverse().map((cat) => ({ cat, depth: 1 }));
  while (stack.length > 0) {
    const { cat, depth } = stack.pop()!;
    if (depth > MAX_IMPORT_DEPTH) {
      const message = { key: 'problem.import/too-deep', params: { name: cat.name, depth, limit: MAX_IMPORT_DEPTH } } as const;
      return problem(file, 'error', message, { line: cat.line, column: cat.column }, 'import/too-deep');
    }
    for (let i = cat.children.length - 1; i >= 0; i--) stack.push({ cat: cat.children[i]!, depth: depth + 1 });
  }
  return undefined;
}

/** Options of `importDictionary`. */
export interface ImportOptions {
  /** The format; by default taken from the file's extension. */
  format?: DictionaryFormat;
  /** The codebook's name; by default the file's name without its extension. */
  name?: string;
  /** The codebook's language (default `de`). */
  language?: Language;
  /** The schema path for the `# yaml-language-server: $schema=` line; none when absent. */
  schema?: string;
}

/** A converted dictionary: the codebook YAML (null when the file could not be read as its format) and every problem. */
export interface ImportResult {
  yaml: string | null;
  format: DictionaryFormat | null;
  problems: Problem[];
  categories: number;
  terms: number;
}

/**
 * Convert a LIWC `.dic`, quanteda YAML, WordStat `.cat` or Lexicoder `.lc3` dictionary (given as
 * text) to codebook YAML in fokus's format. Entries that cannot be expressed are warnings with
 * their line; an unreadable dictionary gives errors and no YAML.
 */
export function importDictionary(text: string, file: string, options: ImportOptions = {}): ImportResult {
  const ext = extname(file).toLowerCase();
  const format = options.format ?? DICTIONARY_EXTENSIONS[ext];
  if (!format) {
    const known = Object.keys(DICTIONARY_EXTENSIONS).join(', ');
    return {
      yaml: null,
      format: null,
      problems: [problem(file, 'error', ext ? { key: 'problem.import/format', params: { ext, known } } : { key: 'problem.import/format.no-extension', params: { known } }, undefined, 'import/format')],
      categories: 0,
      terms: 0,
    };
  }
  const parsed = PARSERS[format](text, file);
  const deep = tooDeep(parsed.categories, file);
  if (deep) parsed.problems.push(deep);
  if (parsed.problems.some((p) => p.severity === 'error')) {
    return { yaml: null, format, problems: sortProblems(parsed.problems), categories: 0, terms: 0 };
  }
  if (parsed.categories.length === 0) {
    return {
      yaml: null,
      format,
      problems: sortProblems([...parsed.problems, problem(file, 'error', { key: 'problem.import/empty' }, undefined, 'import/empty')]),
      categories: 0,
      terms: 0,
    };
  }
  const built = buildCodebookYaml(parsed.categories, file, {
    name: options.name ?? basename(file, extname(file)),
    language: options.language ?? 'de',
    format,
    source: basename(file),
    schema: options.schema,
  });
  return { yaml: built.yaml, format, problems: sortProblems([...parsed.problems, ...built.problems]), categories: built.categories, terms: built.terms };
}
