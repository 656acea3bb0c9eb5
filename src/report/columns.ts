// Text in fixed-width columns for the terminal: lengths in code points (umlauts and block characters
// are one column each), padding, and word wrapping that never breaks inside a word unless the word
// alone is wider than the column.

/** Length in code points. */
export function len(s: string): number {
  return Array.from(s).length;
}

/** `s` padded with spaces on the right to `w` code points. */
export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - len(s)));
}

/** `s` padded with spaces on the left to `w` code points. */
export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - len(s))) + s;
}

/**
 * `text` wrapped into lines of at most `width` code points (at least 1), broken at spaces; a word
 * wider than the width is cut into pieces of the width. Runs of spaces between words become one.
 * An empty text gives one empty line. `width` may differ by line (the first line of a hanging indent).
 */
export function wrap(text: string, width: number | ((line: number) => number)): string[] {
  const widthOf = (i: number): number => Math.max(1, Math.floor(typeof width === 'number' ? width : width(i)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((x) => x !== '')) {
    let rest = Array.from(word);
    if (line !== '' && len(line) + 1 + rest.length <= widthOf(lines.length)) {
      line += ' ' + word;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > widthOf(lines.length)) {
      const w = widthOf(lines.length);
      lines.push(rest.slice(0, w).join(''));
      rest = rest.slice(w);
    }
    line = rest.join('');
  }
  lines.push(line);
  return lines;
}

/** `text` wrapped to `width` columns with `indent` before the first line and `hanging` before the others. */
export function wrapIndented(text: string, width: number, indent: string, hanging: string): string[] {
  return wrap(text, (i) => width - len(i === 0 ? indent : hanging)).map((l, i) => (i === 0 ? indent : hanging) + l);
}
