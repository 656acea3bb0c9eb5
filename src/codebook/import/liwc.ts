import type { Message } from '../../lang/catalogue.js';
import { problem } from '../../problems.js';
import type { Problem } from '../../types.js';
import { firstColumn, linesOf, newCategory, type DictCategory, type ParsedDictionary } from './dictionary.js';
import type { RuleId } from '../../rules.js';

/**
 * A header line: category number, name, an optional `(Description)` and an optional parent number
 * (`2	pronoun	1`). LIWC2015 writes nesting as leading tabs instead (`	31	posemo (Positive Emotions)`).
 */
const HEADER_LINE = /^(\d+)\s+(.*?)(?:\s+\(([^()]*)\))?(?:\s+(\d+))?\s*$/;

/**
 * Parse a LIWC `.dic` dictionary: a header between two `%` lines numbering the categories (nested by
 * leading tabs or a parent number), then one entry per line with the numbers of its categories.
 * A word listed under a category and its ancestors is kept only in the deepest one, since a coded
 * subcategory codes its parents anyway. LIWC2007 conditional codes (`(02 134)125/464`) and `<of>`-style
 * tags cannot be expressed and are reported as warnings.
 */
export function parseLiwc(text: string, file: string): ParsedDictionary {
  const lines = linesOf(text);
  const problems: Problem[] = [];
  const warn: Warn = (line, column, message, ruleId) => {
    problems.push(problem(file, 'warning', message, { line, column }, ruleId));
  };
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length || lines[i]!.trim() !== '%') {
    problems.push(problem(file, 'error', { key: 'problem.import/liwc-header' }, { line: i + 1, column: 1 }, 'import/liwc-header'));
    return { categories: [], problems };
  }
  const header = readHeader(lines, i + 1, warn);
  if (header.end >= lines.length) {
    problems.push(problem(file, 'error', { key: 'problem.import/liwc-header.unclosed' }, { line: i + 1, column: 1 }, 'import/liwc-header'));
    return { categories: [], problems };
  }
  const roots = categoryTree(header, warn);
  for (let k = header.end + 1; k < lines.length; k++) if (lines[k]!.trim() !== '') readEntry(lines[k]!, k + 1, header, warn);
  return { categories: roots, problems };
}

type Warn = (line: number, column: number, message: Message, ruleId: RuleId) => void;

/** The header's categories by number, their parents, their order, and the line of the closing `%`. */
interface Header {
  byId: Map<number, DictCategory>;
  parentOf: Map<number, number>;
  explicitParents: { id: number; parent: number; line: number; column: number }[];
  order: number[];
  /** Index of the closing `%` line (`lines.length` when there is none). */
  end: number;
}

/** Read the header from line index `start`: number → category, nesting by tabs or an explicit parent number. */
function readHeader(lines: readonly string[], start: number, warn: Warn): Header {
  const h: Header = { byId: new Map(), parentOf: new Map(), explicitParents: [], order: [], end: start };
  const stack: { depth: number; id: number }[] = [];
  let i = start;
  for (; i < lines.length && lines[i]!.trim() !== '%'; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const column = firstColumn(raw);
    const m = HEADER_LINE.exec(raw.trim());
    if (!m || m[2]!.trim() === '') {
      warn(lineNo, column, { key: 'problem.import/liwc-header-line', params: { line: raw.trim() } }, 'import/liwc-header-line');
      continue;
    }
    const id = Number(m[1]);
    if (h.byId.has(id)) {
      warn(lineNo, column, { key: 'problem.import/liwc-duplicate-id', params: { id } }, 'import/liwc-duplicate-id');
      continue;
    }
    const name = m[2]!.trim();
    h.byId.set(id, newCategory(name, lineNo, column, m[3]?.trim() || name));
    h.order.push(id);
    const depth = /^\t*/.exec(raw)![0].length;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (m[4] !== undefined) h.explicitParents.push({ id, parent: Number(m[4]), line: lineNo, column });
    else if (stack.length > 0) h.parentOf.set(id, stack[stack.length - 1]!.id);
    stack.push({ depth, id });
  }
  h.end = i;
  return h;
}

/** Apply the explicit parent numbers (an unknown parent or a cycle is warned about) and nest the categories. */
function categoryTree(h: Header, warn: Warn): DictCategory[] {
  for (const p of h.explicitParents) {
    if (!h.byId.has(p.parent) || p.parent === p.id) warn(p.line, p.column, { key: 'problem.import/liwc-parent', params: { parent: p.parent, id: p.id } }, 'import/liwc-parent');
    else if (ancestorsOf(p.parent, h.parentOf).includes(p.id)) warn(p.line, p.column, { key: 'problem.import/liwc-parent.cycle', params: { parent: p.parent, id: p.id } }, 'import/liwc-parent');
    else h.parentOf.set(p.id, p.parent);
  }
  const roots: DictCategory[] = [];
  for (const id of h.order) {
    const parent = h.parentOf.get(id);
    if (parent === undefined) roots.push(h.byId.get(id)!);
    else h.byId.get(parent)!.children.push(h.byId.get(id)!);
  }
  return roots;
}

/** One entry line: the word goes to the deepest of the categories it names. */
function readEntry(raw: string, lineNo: number, h: Header, warn: Warn): void {
  const column = firstColumn(raw);
  const { word, fields } = splitEntry(raw.trim());
  if (word === '') return warn(lineNo, column, { key: 'problem.import/liwc-entry', params: { line: raw.trim() } }, 'import/liwc-entry');
  if (/<[^>]*>/.test(word)) return warn(lineNo, column, { key: 'problem.import/unsupported-entry', params: { entry: word } }, 'import/unsupported-entry');
  const conditional: string[] = [...(fields.match(CONDITIONAL) ?? [])];
  const ids: number[] = [];
  for (const f of fields.replace(CONDITIONAL, ' ').split(/\s+/)) {
    if (f === '') continue;
    if (/^\d+$/.test(f)) ids.push(Number(f));
    else conditional.push(f);
  }
  if (conditional.length > 0) {
    warn(lineNo, column, { key: 'problem.import/liwc-conditional', params: { entry: word, codes: conditional.join(' ') } }, 'import/liwc-conditional');
  }
  const known: number[] = [];
  for (const id of ids) {
    if (h.byId.has(id)) known.push(id);
    else warn(lineNo, column, { key: 'problem.import/liwc-unknown-id', params: { entry: word, id } }, 'import/liwc-unknown-id');
  }
  const set = new Set(known);
  const deepest = [...set].filter((id) => ![...set].some((other) => other !== id && ancestorsOf(other, h.parentOf).includes(id)));
  if (deepest.length === 0 && conditional.length === 0) {
    if (ids.length === 0) warn(lineNo, column, { key: 'problem.import/liwc-entry.no-category', params: { entry: word } }, 'import/liwc-entry');
    return;
  }
  for (const id of deepest) h.byId.get(id)!.entries.push({ text: word, line: lineNo, column });
}

/** LIWC2007 conditional codes: `(02 134)125/464` (the category depends on the word before) or `125/464`. */
const CONDITIONAL = /\([^()]*\)\S*|\S*\/\S*/g;

/** Split an entry line into the word (which may hold spaces when tabs separate the fields) and its codes. */
function splitEntry(line: string): { word: string; fields: string } {
  if (line.includes('\t')) {
    const [word, ...rest] = line.split('\t');
    return { word: word!.trim(), fields: rest.join(' ') };
  }
  // Without tabs the codes are the trailing run of numbers and conditional codes.
  const m = /^(.*?)((?:\s+(?:\d+|\([^()]*\)\S*|\S*\/\S*))+)$/.exec(line);
  if (!m) return { word: line, fields: '' };
  return { word: m[1]!.trim(), fields: m[2]! };
}

function ancestorsOf(id: number, parentOf: ReadonlyMap<number, number>): number[] {
  const out: number[] = [];
  for (let p = parentOf.get(id); p !== undefined && !out.includes(p); p = parentOf.get(p)) out.push(p);
  return out;
}
