import { problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import { firstColumn, linesOf, newCategory, type DictCategory, type ParsedDictionary } from './dictionary.js';

/** An entry line: the word or phrase, then its weight in parentheses (`GOOD (1)`). */
const ENTRY_LINE = /^(.*?\S)\s*\((-?\d+(?:[.,]\d+)?)\)$/;

/**
 * Parse a WordStat `.cat` dictionary: categories are lines without a weight, nested by indentation
 * (tabs or spaces); entries end with a weight in parentheses, ` (1)`. Weights other than 1 cannot be
 * expressed and are reported; `_` joins the words of a phrase.
 */
export function parseWordstat(text: string, file: string): ParsedDictionary {
  const problems: Problem[] = [];
  const roots: DictCategory[] = [];
  const stack: { indent: number; cat: DictCategory }[] = [];
  linesOf(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const column = firstColumn(raw);
    const indent = indentWidth(raw.slice(0, column - 1));
    const content = raw.trim();
    const entry = ENTRY_LINE.exec(content);
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]?.cat;
    if (entry) {
      if (!parent) {
        problems.push(problem(file, 'warning', { key: 'problem.import/wordstat-entry', params: { entry: entry[1]! } }, { line, column }, 'import/wordstat-entry'));
        return;
      }
      const weight = Number(entry[2]!.replace(',', '.'));
      if (weight !== 1) {
        problems.push(problem(file, 'warning', { key: 'problem.import/wordstat-weight', params: { entry: entry[1]!, weight: entry[2]! } }, { line, column }, 'import/wordstat-weight'));
      }
      parent.entries.push({ text: entry[1]!.replace(/_/g, ' '), line, column });
      return;
    }
    const cat = newCategory(content, line, column);
    (parent ? parent.children : roots).push(cat);
    stack.push({ indent, cat });
  });
  return { categories: roots, problems };
}

/** Width of leading white space, a tab counting as one level of four columns. */
function indentWidth(lead: string): number {
  let w = 0;
  for (const ch of lead) w += ch === '\t' ? 4 : 1;
  return w;
}
