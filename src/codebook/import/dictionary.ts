import type { Problem } from '../../types.js';

/**
 * The deepest nesting of categories an imported dictionary may have. Dictionaries use a handful of
 * levels; a file nested hundreds deep is broken or hostile, and would exhaust the stack when written.
 */
export const MAX_IMPORT_DEPTH = 32;

/** The dictionary formats `fokus codebook import` reads. */
export type DictionaryFormat = 'liwc' | 'quanteda' | 'wordstat' | 'lexicoder';

/** One entry of a dictionary as written, with its 1-based line and column in the source file. */
export interface DictEntry {
  text: string;
  line: number;
  column: number;
}

/** A category of a dictionary: its name as written, a readable label, entries and subcategories. */
export interface DictCategory {
  /** The name as the dictionary writes it (`posemo`, `ECONOMY`); becomes the code, slugified. */
  name: string;
  /** The label shown in reports (LIWC's parenthesised description when there is one, else the name). */
  label: string;
  line: number;
  column: number;
  entries: DictEntry[];
  children: DictCategory[];
}

/** What a dictionary parser gives: the category tree and the problems met on the way. */
export interface ParsedDictionary {
  categories: DictCategory[];
  problems: Problem[];
}

/** A category node with nothing in it yet. */
export function newCategory(name: string, line: number, column: number, label = name): DictCategory {
  return { name, label, line, column, entries: [], children: [] };
}

/** The 1-based column of the first character that is not white space (1 for a blank line). */
export function firstColumn(line: string): number {
  const m = /\S/.exec(line);
  return m ? m.index + 1 : 1;
}

/** The lines of a text without a BOM, split at any line end. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
