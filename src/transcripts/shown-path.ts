import path from 'node:path';

/**
 * A path as reports record it: relative to `cwd` with `/` separators (`..` for a file outside it),
 * never absolute, so a project folder that moves gives the same report bytes.
 */
export function shownPath(cwd: string, file: string): string {
  // (On Windows a file on another drive has no relative path: there `relative` gives the absolute one.)
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '') return '.';
  return rel.split(path.sep).join('/');
}
