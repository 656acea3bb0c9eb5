import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, yaml } from '../../deps.js';
import type { Message } from '../../lang/catalogue.js';
import { problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import { MAX_IMPORT_DEPTH, newCategory, type DictCategory, type ParsedDictionary } from './dictionary.js';
import { errorPlace, nodePlace } from '../../text/yaml-places.js';

/** The key quanteda's `as.yaml()` writes for a key's own entries when it also has subkeys. */
const OWN_ENTRIES_KEY = '__';

/**
 * Parse a quanteda YAML dictionary: each key is a category, its value a list of entries (globs and
 * multi-word entries as written), a single entry, or a mapping of subkeys (nested categories, with
 * the key's own entries under `__` as quanteda writes them).
 */
export function parseQuantedaYaml(text: string, file: string): ParsedDictionary {
  const lines = new (yaml().LineCounter)();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: false });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    problems.push(problem(file, 'error', { key: 'problem.yaml-syntax', params: { text: e.message.split('\n')[0] ?? '' } }, errorPlace(e), 'import/yaml'));
  }
  if (problems.length > 0) return { categories: [], problems };
  const where = (node: unknown): { line: number; column: number } => nodePlace(node, lines) ?? { line: 1, column: 1 };
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push(problem(file, 'error', { key: 'problem.import/quanteda-shape' }, where(root), 'import/quanteda-shape'));
    return { categories: [], problems };
  }

  const entriesOf = (value: unknown, cat: DictCategory, depth: number): void => {
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) return;
    if (isScalar(value)) {
      cat.entries.push({ text: String(value.value), ...where(value) });
      return;
    }
    if (isSeq(value)) {
      for (const item of value.items) {
        if (isScalar(item) && item.value !== null) cat.entries.push({ text: String(item.value), ...where(item) });
        else {
          const at = where(item);
          problems.push(problem(file, 'warning', { key: 'problem.import/quanteda-entry', params: { name: cat.name } }, at, 'import/quanteda-entry'));
        }
      }
      return;
    }
    if (isMap(value)) {
      // Deeper than a codebook may nest: the importer reports it; reading on would only spend stack.
      if (depth <= MAX_IMPORT_DEPTH) cat.children.push(...categoriesOf(value.items as Pair<unknown, unknown>[], cat, depth + 1));
      return;
    }
    problems.push(problem(file, 'warning', { key: 'problem.import/quanteda-entry.value', params: { name: cat.name } }, where(value), 'import/quanteda-entry'));
  };

  const categoriesOf = (pairs: Pair<unknown, unknown>[], parent: DictCategory | null, depth: number): DictCategory[] => {
    const out: DictCategory[] = [];
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null;
      const name = keyNode === null || (isScalar(keyNode) && keyNode.value === null) ? '' : isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (name === OWN_ENTRIES_KEY && parent) {
        entriesOf(pair.value, parent, depth - 1);
        continue;
      }
      const { line, column } = keyNode === null ? where(pair.value) : where(keyNode);
      if (name.trim() === '') {
        // A blank key names no category: its entries would land in a category without code or label.
        const message: Message = parent ? { key: 'problem.import/quanteda-key.inside', params: { parent: parent.name } } : { key: 'problem.import/quanteda-key' };
        problems.push(problem(file, 'error', message, { line, column }, 'import/quanteda-key'));
        continue;
      }
      const cat = newCategory(name, line, column);
      entriesOf(pair.value, cat, depth);
      out.push(cat);
    }
    return out;
  };

  return { categories: categoriesOf(root.items as Pair<unknown, unknown>[], null, 1), problems };
}
