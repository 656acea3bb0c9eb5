/** A text cut into lines for the plain-text reader (`plain-text.ts`). */

const LINE_END = /\r\n|\r|\n/u;

/** A text cut into lines (`\r\n`, `\r` and `\n` end lines). */
export interface Lines {
  text: string;
  lines: string[];
  /**
   * Where each line starts in `text`, when every line ends with `\n` alone: then consecutive lines
   * joined by `\n` are a slice of `text`. Null when some line ends otherwise.
   */
  starts: number[] | null;
}

/** Cut a text into lines; a text without `\r` is cut without a pattern, and its line starts are kept. */
export function splitLines(text: string): Lines {
  if (text.indexOf('\r') !== -1) return { text, lines: text.split(LINE_END), starts: null };
  const lines = text.split('\n');
  const starts = new Array<number>(lines.length);
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = from;
    from += lines[i]!.length + 1;
  }
  return { text, lines, starts };
}

/** Lines that are not cut from one text (a document's paragraphs, one a line): no `text`, so `joinLines` joins them itself. */
export function paragraphLines(lines: string[]): Lines {
  return { text: '', lines, starts: null };
}

/** Lines `first` to `last` (indexes, both included) joined by `\n`, from offset `offset` of the first. */
export function joinLines(l: Lines, first: number, last: number, offset: number): string {
  const line = l.lines[first]!;
  if (first === last) return offset === 0 ? line : line.slice(offset);
  if (l.starts !== null) return l.text.slice(l.starts[first]! + offset, l.starts[last]! + l.lines[last]!.length);
  return [line.slice(offset), ...l.lines.slice(first + 1, last + 1)].join('\n');
}

/** True when a line holds nothing but white space (as `trim` sees it); a printable ASCII first character decides at once. */
export function isBlankLine(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return line.trim() === '';
}
