import { highlight, BRACKETS, type Marker } from '../report/highlight.js';
import { describeBy } from '../retrieval/explain-render.js';
import { unitHeading } from '../retrieval/show.js';
import { messagesFor, type MessageKey, type Messages } from '../lang/catalogue.js';
import type { Decision } from '../reliability/codings.js';
import type { ReviewCoding, ReviewItem } from './queue.js';

/** How the screen marks things: colour functions, or plain text when colour is off. */
export interface Style {
  color: boolean;
  /** Matched words in the text. */
  mark: Marker;
  dim(s: string): string;
  bold(s: string): string;
  /** The coding being judged. */
  current(s: string): string;
  decision(d: Decision, s: string): string;
}

/** The plain style: no escape codes at all; matches as `[[…]]`. */
export const PLAIN: Style = {
  color: false,
  mark: BRACKETS,
  dim: (s) => s,
  bold: (s) => s,
  current: (s) => s,
  decision: (_d, s) => s,
};

/** The colour functions `colorStyle` needs (chalk's, at level 1 or more). */
export interface Painter {
  bold: { yellow(s: string): string } & ((s: string) => string);
  dim(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  red(s: string): string;
  magenta(s: string): string;
}

/** The colour style over a painter (chalk). */
export function colorStyle(p: Painter): Style {
  return {
    color: true,
    mark: (s) => p.bold.yellow(s),
    dim: (s) => p.dim(s),
    bold: (s) => p.bold(s),
    current: (s) => p.cyan(s),
    decision: (d, s) => (d === 'confirmed' ? p.green(s) : d === 'rejected' ? p.red(s) : p.magenta(s)),
  };
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/gu;

/** How many columns a line takes: code points, escape codes left out. */
export function visibleLength(s: string): number {
  return Array.from(s.replace(SGR, '')).length;
}

/** The first `n` visible characters of a word (escape codes kept with them) and the rest. */
function splitVisible(word: string, n: number): [string, string] {
  let head = '';
  let count = 0;
  let i = 0;
  while (i < word.length && count < n) {
    const m = /^\u001b\[[0-9;]*m/u.exec(word.slice(i));
    if (m) {
      head += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(word.codePointAt(i)!);
    head += ch;
    i += ch.length;
    count++;
  }
  return [head, word.slice(i)];
}

/**
 * A text wrapped to lines of at most `width` columns: words (runs without spaces) are filled in,
 * a word longer than a line is cut; line breaks in the text are kept; runs of spaces become one.
 * Every line but the first starts with `indent` (counted in the width), the first with `first`;
 * a paragraph's own leading spaces are kept after them.
 */
export function wrap(text: string, width: number, indent = '', first = ''): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    // A paragraph's own indentation is kept, on its continuation lines too.
    const lead = /^[ \t]*/u.exec(paragraph)![0];
    const next = indent + lead;
    let prefix = (out.length === 0 ? first : indent) + lead;
    let line = prefix;
    let len = visibleLength(prefix);
    let empty = true;
    const room = (): number => Math.max(1, width - visibleLength(prefix));
    for (let word of paragraph.split(/[ \t]+/u).filter((w) => w !== '')) {
      let wl = visibleLength(word);
      while (wl > room()) {
        if (!empty) {
          out.push(line);
          prefix = next;
          line = prefix;
          len = visibleLength(prefix);
          empty = true;
        }
        const [head, tail] = splitVisible(word, room());
        out.push(prefix + head);
        prefix = next;
        line = prefix;
        len = visibleLength(prefix);
        word = tail;
        wl = visibleLength(word);
      }
      if (wl === 0) continue;
      if (empty) {
        line += word;
        len += wl;
        empty = false;
      } else if (len + 1 + wl <= width) {
        line += ' ' + word;
        len += 1 + wl;
      } else {
        out.push(line);
        prefix = next;
        line = prefix + word;
        len = visibleLength(prefix) + wl;
      }
    }
    out.push(empty ? line.trimEnd() : line);
  }
  return out;
}

/** What the screen shows besides the unit: where the review stands, and a message. */
export interface ScreenState {
  item: ReviewItem;
  /** Place of the item in the queue, from 0, and the queue's length. */
  position: number;
  count: number;
  /** Units of the queue with every coding decided (sampled units: with any decision). */
  decided: number;
  /** The coding being judged (index into the item's codings). */
  cursor: number;
  /** The decision on each of the item's codings, when there is one. */
  decisions: (Decision | undefined)[];
  /** Categories the reviewer added to the unit. */
  added: string[];
  /** Whether a sampled unit was confirmed as having nothing to code. */
  nothing: boolean;
  message: string;
  /** The review file, as named on the command line. */
  file: string;
}

/** A decision as the screen says it (`confirmed`, German `bestätigt`). */
export function decisionWord(m: Messages, d: Decision): string {
  return m.t(`review.decision.${d}`);
}

/** Lines of the unit before (at most this many; the rest cut with `…`). */
const BEFORE_LINES = 3;

/**
 * One unit's screen, lines of at most `width` columns: where the review stands, the unit's heading
 * (transcript#segment · speaker · time · line), the unit before it (dimmed, a few lines), the text
 * with the matched words marked, each coding with the terms and rules that fired and its decision
 * (the current one pointed at), what was added, a message, and the keys.
 */
export function renderItemScreen(s: ScreenState, style: Style, width: number, m: Messages = messagesFor('en')): string[] {
  const { item } = s;
  const lines: string[] = [];
  const w = Math.max(20, width);
  lines.push(...wrap(m.t('review.title', { file: s.file, position: s.position + 1, count: s.count, decided: s.decided }), w, '  '));
  lines.push(...wrap(style.bold(unitHeading(item.unit, m)) + (item.sample ? ` · ${m.t('review.sample')}` : ''), w, '  '));
  lines.push('─'.repeat(w));
  if (item.before) {
    const speaker = item.before.speaker !== '' ? `${item.before.speaker}: ` : '';
    const before = wrap(`${speaker}${item.before.text}`, w, '  ', '  ');
    const shown = before.length > BEFORE_LINES ? [...before.slice(0, BEFORE_LINES - 1), before[BEFORE_LINES - 1]!.slice(0, w - 2) + ' …'] : before;
    lines.push(...shown.map((l) => style.dim(l)), '');
  }
  const spans = item.codings.flatMap((c) => c.spans);
  const speaker = item.unit.speaker !== '' ? `${item.unit.speaker}: ` : '';
  lines.push(...wrap(speaker + highlight(item.unit.text, spans, style.mark), w, '    ', '  '), '');
  if (item.codings.length === 0) {
    lines.push(...wrap(m.t(s.nothing ? 'review.no-coding.nothing' : 'review.no-coding.ask'), w, '  '));
  } else {
    lines.push(m.t('review.codings'));
    item.codings.forEach((c, i) => {
      const d = s.decisions[i];
      const head = `${i + 1}. ${c.category} (${c.label})`;
      const text = head + (d ? ' ' + style.decision(d, `[${decisionWord(m, d)}]`) : '');
      lines.push(...wrap(i === s.cursor ? style.current(text) : text, w, '     ', i === s.cursor ? '> ' : '  '));
      for (const fired of firedBy(c, item.unit.text, w - 7, m)) lines.push(...wrap(fired, w, '         ', '       '));
    });
  }
  if (s.added.length > 0) lines.push(...wrap(style.decision('added', m.t('review.added', { categories: s.added.join(', ') })), w, '  '));
  lines.push('─'.repeat(w));
  if (s.message !== '') lines.push(...wrap(s.message, w, '  '));
  lines.push(...wrap(m.t(item.codings.length === 0 ? 'review.keys.sample' : 'review.keys'), w, ''));
  return lines;
}

/**
 * What fired for a coding, one line per term or rule: the words it matched, then the term or rule
 * (a long rule cut to fit the line with `…`: `e` shows it whole), in order of first occurrence.
 */
export function firedBy(c: ReviewCoding, text: string, room: number, m: Messages = messagesFor('en')): string[] {
  return c.matched.map((by) => {
    const words = [...new Set(c.spans.filter((m) => m.by === by).map((m) => text.slice(m.start, m.end).replace(/\s+/gu, ' ')))];
    const quoted = words.map((x) => `"${x}"`).join(', ');
    const what = describeBy(by, m);
    const max = Math.max(20, room - Array.from(quoted).length - 3);
    const label = Array.from(what).length > max ? Array.from(what).slice(0, max - 1).join('') + '…' : what;
    return `${quoted} — ${label}`;
  });
}

/** The help screen's lines, one key a line. */
const HELP: readonly (MessageKey | '')[] = [
  'review.help.intro',
  '',
  'review.help.y',
  'review.help.n',
  'review.help.a',
  'review.help.s',
  'review.help.b',
  'review.help.u',
  'review.help.e',
  'review.help.q',
  'review.help.help',
  '',
  'review.any-key',
];

/** The help screen. */
export function helpLines(width: number, m: Messages = messagesFor('en')): string[] {
  return HELP.flatMap((k) => wrap(k === '' ? '' : m.t(k), Math.max(20, width), '   '));
}
