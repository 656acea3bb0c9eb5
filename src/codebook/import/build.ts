import { yaml } from '../../deps.js';
import { problem } from '../../problems.js';
import { foldWord, lowerWord } from '../../text/normalize.js';
import type { Language, Problem } from '../../types.js';
import type { DictCategory, DictionaryFormat } from './dictionary.js';
import { convertEntry } from './term.js';

/** How each format is named in the imported codebook's header comment. */
export const FORMAT_NAMES: Record<DictionaryFormat, string> = {
  liwc: 'LIWC dictionary',
  quanteda: 'quanteda YAML dictionary',
  wordstat: 'WordStat dictionary',
  lexicoder: 'Lexicoder dictionary',
};

/** Options of `buildCodebookYaml`. */
export interface BuildOptions {
  /** The codebook's name (`codebook:`). */
  name: string;
  language: Language;
  format: DictionaryFormat;
  /** The dictionary's file name, for the header comment. */
  source: string;
  /** Where the JSON Schema lies, relative to the written codebook; no schema line when absent. */
  schema?: string;
}

/** The codebook YAML made from a dictionary, with counts and the problems of converting it. */
export interface BuiltCodebook {
  yaml: string;
  problems: Problem[];
  categories: number;
  terms: number;
}

/**
 * A code in the codebook's code syntax (lowercase letters, digits, '-', '_'): umlauts folded (ä → ae),
 * accents dropped, other characters runs as '-'; `category` when nothing is left.
 */
export function slugify(name: string): string {
  const s = foldWord(lowerWord(name))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|-+$/g, '');
  return s === '' ? 'category' : s;
}

interface YamlCategory {
  code: string;
  label: string;
  terms?: string[];
  categories?: YamlCategory[];
}

/**
 * Turn a parsed dictionary into codebook YAML: codes slugified (unique among siblings), labels kept,
 * entries converted to terms (duplicates dropped); every entry that cannot be a term is reported as a
 * warning at its line and left out. The result loads with `parseCodebook` without errors.
 */
export function buildCodebookYaml(categories: readonly DictCategory[], file: string, options: BuildOptions): BuiltCodebook {
  const problems: Problem[] = [];
  let count = 0;
  let terms = 0;
  const convert = (list: readonly DictCategory[], prefix: string): YamlCategory[] => {
    const used = new Set<string>();
    return list.map((cat) => {
      const base = slugify(cat.name);
      let code = base;
      for (let n = 2; used.has(code); n++) code = `${base}-${n}`;
      used.add(code);
      const path = prefix + code;
      count++;
      const out: YamlCategory = { code, label: cat.label.trim() || cat.name.trim() || code };
      const seen = new Set<string>();
      const own: string[] = [];
      for (const e of cat.entries) {
        const c = convertEntry(e.text);
        const at = { line: e.line, column: e.column };
        if (c.term === null) {
          problems.push(problem(file, 'warning', { key: 'problem.import/entry', params: { entry: e.text, path, reason: c.reason } }, at, 'import/entry'));
          continue;
        }
        if (c.note) problems.push(problem(file, 'warning', { key: 'problem.import/entry-widened', params: { entry: e.text, path, note: c.note } }, at, 'import/entry-widened'));
        if (seen.has(c.term)) continue;
        seen.add(c.term);
        own.push(c.term);
      }
      if (own.length > 0) out.terms = own;
      terms += own.length;
      if (cat.children.length > 0) out.categories = convert(cat.children, path + '/');
      if (own.length === 0 && cat.children.length === 0) {
        problems.push(problem(file, 'warning', { key: 'problem.import/empty-category', params: { name: cat.name } }, { line: cat.line, column: cat.column }, 'import/empty-category'));
      }
      return out;
    });
  };
  const converted = convert(categories, '');
  const doc = new (yaml().Document)({ codebook: options.name, language: options.language, categories: converted });
  const header = [
    ...(options.schema !== undefined ? [`# yaml-language-server: $schema=${options.schema}`, '#'] : []),
    `# Imported by fokus from ${options.source} (${FORMAT_NAMES[options.format]}).`,
    '# Add a definition, anchor examples and counterexamples to each category,',
    '# then test them with: fokus codebook check <this file>',
  ];
  return { yaml: `${header.join('\n')}\n\n${doc.toString({ lineWidth: 0 })}`, problems, categories: count, terms };
}
