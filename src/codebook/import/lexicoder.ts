import { problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import { firstColumn, linesOf, newCategory, type DictCategory, type ParsedDictionary } from './dictionary.js';

/** A category line: `+name`, optionally followed by its display colour (`+negative#AA0000`). */
const CATEGORY_LINE = /^\+\s*(.*?)\s*(?:#[0-9A-Fa-f]{3,8})?\s*$/;

/**
 * Parse a Lexicoder `.lc3` dictionary: `+category` lines (a colour suffix such as `#AA0000` is
 * dropped) each followed by one entry per line; categories are not nested.
 */
export function parseLexicoder(text: string, file: string): ParsedDictionary {
  const problems: Problem[] = [];
  const categories: DictCategory[] = [];
  let current: DictCategory | undefined;
  let skipping = false;
  linesOf(text).forEach((raw, i) => {
    const content = raw.trim();
    if (content === '') return;
    const line = i + 1;
    const column = firstColumn(raw);
    const cat = CATEGORY_LINE.exec(content);
    if (cat) {
      if (cat[1] === '') {
        problems.push(problem(file, 'warning', { key: 'problem.import/lexicoder-category' }, { line, column }, 'import/lexicoder-category'));
        current = undefined;
        skipping = true;
        return;
      }
      skipping = false;
      current = newCategory(cat[1]!, line, column);
      categories.push(current);
      return;
    }
    if (skipping) return;
    if (!current) {
      problems.push(problem(file, 'warning', { key: 'problem.import/lexicoder-entry', params: { entry: content } }, { line, column }, 'import/lexicoder-entry'));
      return;
    }
    current.entries.push({ text: content, line, column });
  });
  return { categories, problems };
}
