/**
 * A static guard against regular expressions that can backtrack catastrophically: an unbounded
 * quantifier applied to a group that itself contains an unbounded quantifier (star height > 1,
 * e.g. `(\w+\s?)*$` or `(a+)+`), or to an alternation whose branches can match the same text
 * (`(a|a)*`, `(\w|\d)+`). Such patterns take exponential time on inputs that almost match.
 */

interface Frame {
  /** An unbounded quantifier occurs somewhere inside the group. */
  inner: boolean;
  /** Branch texts of a top-level alternation inside the group. */
  branches: string[];
  start: number;
}

/** Reason why a pattern may backtrack catastrophically, or undefined when it looks safe. */
export function catastrophicReason(pattern: string): string | undefined {
  const stack: Frame[] = [{ inner: false, branches: [], start: 0 }];
  let branchStart = 0;
  let i = 0;
  // The result of the atom just closed: whether it contains an unbounded quantifier, and its alternation.
  let last: { inner: boolean; overlapping: boolean; text: string } | null = null;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      last = { inner: false, overlapping: false, text: pattern.slice(i, i + 2) };
      i += 2;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      last = { inner: false, overlapping: false, text: pattern.slice(i, end) };
      i = end;
      continue;
    }
    if (c === '(') {
      let j = i + 1;
      if (pattern[j] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        j++;
        if (pattern[j] === '<' && pattern[j + 1] !== '=' && pattern[j + 1] !== '!') {
          j = pattern.indexOf('>', j) + 1 || j + 1;
        } else {
          j += pattern[j] === '<' ? 2 : 1;
        }
      }
      stack.push({ inner: false, branches: [], start: j });
      branchStart = j;
      last = null;
      i = j;
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1]!;
      top.branches.push(pattern.slice(branchStart, i));
      branchStart = i + 1;
      last = null;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const frame = stack.pop()!;
      frame.branches.push(pattern.slice(branchStart, i));
      const overlapping = frame.branches.length > 1 && branchesOverlap(frame.branches);
      last = { inner: frame.inner, overlapping, text: pattern.slice(frame.start, i) };
      const parent = stack[stack.length - 1]!;
      if (frame.inner) parent.inner = true;
      branchStart = i + 1;
      i++;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      if (q.unbounded && last) {
        if (last.inner) return `nested quantifiers: '(${last.text})' is repeated and contains a repetition itself`;
        if (last.overlapping) return `a repeated alternation whose branches overlap: '(${last.text})'`;
      }
      if (q.unbounded) stack[stack.length - 1]!.inner = true;
      i += q.length;
      last = null;
      continue;
    }
    last = { inner: false, overlapping: false, text: c };
    i++;
  }
  return undefined;
}

function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

function quantifierAt(p: string, i: number): { unbounded: boolean; length: number } | undefined {
  const c = p[i];
  let len = 0;
  let unbounded = false;
  if (c === '*' || c === '+') {
    len = 1;
    unbounded = true;
  } else if (c === '?') {
    len = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return undefined;
    len = m[0].length;
    unbounded = m[2] !== undefined && (m[3] === '' || Number(m[3]) > 10);
  } else {
    return undefined;
  }
  if (p[i + len] === '?' || p[i + len] === '+') len++;
  return { unbounded, length: len };
}

/** Character classes a branch can start with, coarsely: word characters, digits, spaces or a literal. */
function firstClass(branch: string): string {
  if (branch.startsWith('\\w') || branch.startsWith('.')) return 'any-word';
  if (branch.startsWith('\\d')) return 'digit';
  if (branch.startsWith('\\s')) return 'space';
  return branch.slice(0, 1).toLowerCase();
}

function branchesOverlap(branches: string[]): boolean {
  if (new Set(branches).size < branches.length) return true;
  const firsts = branches.map(firstClass);
  const classes = firsts.filter((f) => f === 'any-word' || f === 'digit' || f === 'space');
  if (new Set(classes).size < classes.length) return true;
  return firsts.includes('any-word') && firsts.some((f) => f === 'digit' || /^[\p{L}\p{N}_]$/u.test(f));
}
