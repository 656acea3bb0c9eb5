import type { Category } from '../types.js';

/** All categories of a tree in codebook order, parents before their children (depth-first, pre-order). */
export function flattenCategories(categories: readonly Category[]): Category[] {
  const out: Category[] = [];
  const visit = (list: readonly Category[]): void => {
    for (const c of list) {
      out.push(c);
      visit(c.categories);
    }
  };
  visit(categories);
  return out;
}

/** The full codes of a category's ancestors, nearest last (`a/b/c` → [`a`, `a/b`]). */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/** True when `a` is an ancestor or descendant of `b` (or the same category). */
export function isRelated(a: string, b: string): boolean {
  return a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}
