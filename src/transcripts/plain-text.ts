import { problem } from '../problems.js';
import type { Block, Problem } from '../types.js';
import { labelShape, parseLineHead, type LabelCandidate, type LabelShape, type LineHead } from './head.js';
import { CODE_LABEL, METADATA_KEYS, MIN_NAME_OCCURRENCES } from './labels.js';
import { parseFrontMatter } from './front-matter.js';
import { cleanMarkdown } from './markup.js';
import { legendPairs, moderatorRole } from './preamble.js';
import { nfc, speakerKey } from '../text/speaker-key.js';
import { timeMarkAt, timeMarksFrom } from './times.js';

/** What a text-based reader found: blocks in source order, front-matter metadata, and problems. */
export interface ParsedText {
  blocks: Block[];
  meta: Record<string, string>;
  problems: Problem[];
  /** Labels a legend in the preamble declares as interviewer, moderator or note-taker (`P = Protokollant`). */
  moderators?: string[];
}

const FRONT_MATTER_OPEN = /^---[ \t]*$/u;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/u;
const MARKDOWN_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const MARKDOWN_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
/** A kramdown block attribute list on a line of its own (`{: .note}`). */
const MARKDOWN_IAL = /^ {0,3}\{:[^}]*\}[ \t]*$/u;
/** `Key: value` in a preamble (`Datum: 18.12.2021`, `Interviewpartner: Prof. Dr. Kohls`). */
const META_LINE = /^[ \t]*([\p{L}][\p{L}\p{M}\p{N} ._\-/]{0,30}?)[ \t]*:[ \t]*(\S.*?)[ \t\\]*$/u;
const LINE_END = /\r\n|\r|\n/u;

/** A text cut into lines (`\r\n`, `\r` and `\n` end lines). */
interface Lines {
  text: string;
  lines: string[];
  /**
   * Where each line starts in `text`, when every line ends with `\n` alone: then consecutive lines
   * joined by `\n` are a slice of `text`. Null when some line ends otherwise.
   */
  starts: number[] | null;
}

/** Cut a text into lines; a text without `\r` is cut without a pattern, and its line starts are kept. */
function splitLines(text: string): Lines {
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

/** Lines `first` to `last` (indexes, both included) joined by `\n`, from offset `offset` of the first. */
function joinLines(l: Lines, first: number, last: number, offset: number): string {
  const line = l.lines[first]!;
  if (first === last) return offset === 0 ? line : line.slice(offset);
  if (l.starts !== null) return l.text.slice(l.starts[first]! + offset, l.starts[last]! + l.lines[last]!.length);
  return [line.slice(offset), ...l.lines.slice(first + 1, last + 1)].join('\n');
}

/** True when a line holds nothing but white space (as `trim` sees it); a printable ASCII first character decides at once. */
function isBlankLine(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return line.trim() === '';
}

/** True when a Markdown heading or rule could start the line: they start with a space, `#`, `-`, `*` or `_`. */
function mayBeMarkdownBreak(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x20 || c === 0x23 || c === 0x2d || c === 0x2a || c === 0x5f;
}

/**
 * Whether a label candidate is a speaker. A paragraph may well open with "Wichtig ist: …" or
 * "Zum Beispiel: …", so the `Something:` shape alone is not enough. A candidate is accepted when
 *  1. it looks like a transcription code (`I`, `B1`, `TN3`, `IP 2`, `S01`, `M` …), or
 *  2. it starts with a role word (`Moderatorin`, `Teilnehmer 3`, `Person A` …; `ROLE_WORDS`), or
 *  3. it is name-like (up to four capitalised words, particles allowed, none of them a sentence or
 *     heading word such as "Zum", "Beispiel", "Wichtig"; `NOT_NAME_WORDS`) and it either starts at
 *     least two lines of the file or has a time mark beside it (`Anna [00:01:02]:`).
 * These are the strict rules. On top of them (in `parseText`): a lower-case code (`b3`) is the speaker
 * of the same code in capitals, and a name that speaks once without a time mark is a speaker when the
 * file has speakers by the strict rules, it starts a paragraph (or follows a labelled line), has text
 * after it and is no metadata key (`METADATA_KEYS`); elsewhere it stays text of the turn.
 */
function acceptLabel(candidate: LabelCandidate, shape: LabelShape, counts: ReadonlyMap<string, number>): boolean {
  if (shape === 'code' || shape === 'role') return true;
  if (shape !== 'name') return false;
  return candidate.timed || (counts.get(speakerKey(candidate.text)) ?? 0) >= MIN_NAME_OCCURRENCES;
}

/** True when a label is a metadata key (`Datum`, `Ort`, `Dauer`, `Thema`, `Date` …), never a speaker. */
function isMetadataKey(label: string): boolean {
  const words = label.toLowerCase().split(/[ \t]+/u);
  return words.some((w) => METADATA_KEYS.has(w.replace(/\.$/u, '')));
}

/**
 * True when a line with a label that speaks once, before the first turn, is a line of the header
 * (`Interviewpartner: Prof. Dr. Christian Kohls`): the label is no code (`I`, `B1` always speak), and
 * what follows is a few words that do not end like a sentence.
 */
function isMetadataLine(label: string, rest: string): boolean {
  if (labelShape(label) === 'code') return false;
  const value = rest.replace(/[\s\\]+$/u, '').trim();
  return value.split(/\s+/u).length <= 8 && !/[.!?…"“”]$/u.test(value);
}

/** Consecutive lines that form one paragraph. */
interface Paragraph {
  /** Index of its first line (0-based; the line number is one more). */
  first: number;
  /** Index of its last line. */
  last: number;
  head: LineHead;
  /** The accepted speaker label, or null. */
  speaker: string | null;
}

/** A paragraph's text with time marks taken out, where it starts, and its times. */
interface ParagraphText {
  text: string;
  line: number;
  column: number;
  start?: number;
  end?: number;
}

/** True for the code of white space that separates words or lines (space, tab, line feed, U+00A0); false past the end (NaN). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0;
}

/** Take a paragraph apart: label and time marks out, soft line breaks kept as `\n`, lines trimmed. */
function paragraphText(p: Paragraph, lines: Lines, markdown: boolean): ParagraphText {
  const offset0 = p.speaker === null ? p.head.afterTimes : p.head.afterLabel;
  let start = p.speaker === null ? p.head.leadingStart : p.head.start;
  let end: number | undefined;
  const body = joinLines(lines, p.first, p.last, offset0);

  // Time marks before the text are its start; marks at the very end are its end (f4 style).
  let from = 0;
  for (;;) {
    while (isSpace(body.charCodeAt(from))) from++;
    const m = timeMarkAt(body, from);
    if (!m) break;
    start ??= m.seconds;
    from = m.end;
  }
  // One scan finds the marks of the rest; those of any shorter stretch from `from` are a prefix of
  // them (see `timeMarksFrom`), so trailing and inner marks need no rescan.
  const marks = timeMarksFrom(body, from);
  let kept = marks.length;
  let to = body.length;
  for (;;) {
    while (to > from && isSpace(body.charCodeAt(to - 1))) to--;
    const last = kept > 0 ? marks[kept - 1]! : undefined;
    if (!last || last.end !== to) break;
    end ??= last.seconds;
    to = last.start;
    kept--;
  }

  // Marks inside the text are dropped with the blanks before them; line breaks stay.
  let core = '';
  let pos = from;
  for (let i = 0; i < kept; i++) {
    const m = marks[i]!;
    let s = m.start;
    for (let c = body.charCodeAt(s - 1); s > from && (c === 0x20 || c === 0x09); c = body.charCodeAt(s - 1)) s--;
    core += body.slice(pos, s);
    pos = m.end;
  }
  core = kept === 0 ? body.slice(from, to) : core + body.slice(pos, to);
  const multiline = p.first !== p.last;
  const text =
    !multiline || core.indexOf('\n') === -1
      ? core.trimEnd()
      : core
          .split('\n')
          .map((l, i) => (i === 0 ? l.trimEnd() : l.trim()))
          .join('\n');

  // Which line the text starts on, and where in it (a one-line paragraph has no line feed).
  let k = 0;
  let lineStart = 0;
  if (multiline) {
    for (let i = body.indexOf('\n'); i !== -1 && i < from; i = body.indexOf('\n', i + 1)) k++;
    lineStart = body.lastIndexOf('\n', from - 1) + 1;
  }
  const column = (k === 0 ? offset0 : 0) + (from - lineStart) + 1;
  const out: ParagraphText = { text: nfc(markdown ? cleanMarkdown(text) : text), line: p.first + k + 1, column };
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  return out;
}

/**
 * Parse a plain-text or Markdown transcript into blocks (one per paragraph). A paragraph ends at a
 * blank line, before a line that starts with a speaker label or a bracketed time, and (Markdown) at
 * headings and rules, which are not spoken text. YAML front matter at the very start is metadata;
 * its lines still count, so `line` (1-based) and `column` (1-based, UTF-16 units) point into the file.
 */
export function parseText(text: string, file: string, format: 'text' | 'markdown'): ParsedText {
  const problems: Problem[] = [];
  const lines = splitLines(text);
  const all = lines.lines;
  let meta: Record<string, string> = {};
  let first = 0;
  if (FRONT_MATTER_OPEN.test(all[0] ?? '')) {
    const close = all.findIndex((l, i) => i > 0 && FRONT_MATTER_CLOSE.test(l));
    if (close > 0) {
      meta = parseFrontMatter(all.slice(1, close).join('\n'), file, 2, problems);
      first = close + 1;
    }
  }

  // Pass 1: the heads of all lines, and how often each label candidate starts a line.
  const heads: (LineHead | null)[] = all.map((line, i) => {
    if (i < first || isBlankLine(line)) return null;
    if (format === 'markdown' && mayBeMarkdownBreak(line) && (MARKDOWN_HEADING.test(line) || MARKDOWN_RULE.test(line))) return null;
    if (format === 'markdown' && line.charCodeAt(0) === 0x7b && MARKDOWN_IAL.test(line)) return null;
    return parseLineHead(line);
  });
  // Counted by label as written first, so each spelling's key is made once.
  const written = new Map<string, number>();
  for (const h of heads) {
    if (h?.label) written.set(h.label.text, (written.get(h.label.text) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [label, n] of written) {
    const key = speakerKey(label);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }

  // Pass 2: which candidates are speakers. Labels repeat all through a file, so each one's shape is worked out once.
  const shapes = new Map<string, LabelShape>();
  const shapeOf = (label: string): LabelShape => {
    let shape = shapes.get(label);
    if (shape === undefined) {
      shape = labelShape(label);
      shapes.set(label, shape);
    }
    return shape;
  };
  const strict: (string | null)[] = heads.map((h) => (h?.label && acceptLabel(h.label, shapeOf(h.label.text), counts) ? nfc(h.label.text) : null));
  // Keys of the speakers the strict rules accept, and the spelling of each code (`B3` for `b3`).
  const strongKeys = new Set<string>();
  const codeSpelling = new Map<string, string>();
  for (const label of strict) {
    if (label === null) continue;
    const key = speakerKey(label);
    strongKeys.add(key);
    if (shapeOf(label) === 'code' && !codeSpelling.has(key)) codeSpelling.set(key, label);
  }
  const speakers: (string | null)[] = strict.map((label, i) => {
    if (label !== null || strongKeys.size === 0) return label;
    const head = heads[i];
    const candidate = head?.label;
    if (!head || !candidate) return null;
    const key = speakerKey(candidate.text);
    // `b3:` in a file whose `B3:` is a code: the same speaker, spelt as the code.
    const code = codeSpelling.get(key);
    if (code !== undefined && CODE_LABEL.test(candidate.text.toUpperCase())) return code;
    // A name that speaks once (`Jonas Weber: Ja, alles klar.`), in a file with other speakers: a label when it
    // starts a paragraph, has text after it, and is no metadata key.
    if (
      shapeOf(candidate.text) === 'name' &&
      !strongKeys.has(key) &&
      !isMetadataKey(candidate.text) &&
      (i === first || heads[i - 1] === null || strict[i - 1] !== null) &&
      head.afterLabel < all[i]!.trimEnd().length
    ) {
      return nfc(candidate.text);
    }
    return null;
  });

  // Paragraphs: a new one at each speaker and at each line that starts with a bracketed time.
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (!head) {
      current = null;
      continue;
    }
    const speaker = speakers[i] ?? null;
    if (current === null || speaker !== null || head.bracketTimeFirst) {
      current = { first: i, last: i, head, speaker };
      paragraphs.push(current);
    } else {
      current.last = i;
    }
  }

  // The preamble: what stands before the first turn (a title, `Datum: …`, a legend, "Start of transcript").
  // The first turn is the first paragraph whose speaker speaks more than once (or, when none does, the first
  // with a speaker) that is no legend; a one-off label before it (`Interviewpartner: …`) is metadata.
  const legendRoles: [string, string][] = [];
  const isLegend = (p: Paragraph): boolean => {
    const pairs: [string, string][] = [];
    for (let i = p.first; i <= p.last; i++) {
      const found = legendPairs(all[i]!);
      if (found === null) return false;
      pairs.push(...found);
    }
    legendRoles.push(...pairs);
    return true;
  };
  let firstTurn = 0;
  if (speakers.some((x) => x !== null)) {
    const repeated = paragraphs.some((p) => p.speaker !== null && (counts.get(speakerKey(p.speaker)) ?? 0) >= 2);
    firstTurn = paragraphs.length;
    for (let k = 0; k < paragraphs.length; k++) {
      const p = paragraphs[k]!;
      if (p.speaker === null || isLegend(p)) continue;
      if (repeated && (counts.get(speakerKey(p.speaker)) ?? 0) < 2 && isMetadataLine(p.speaker, all[p.first]!.slice(p.head.afterLabel))) continue;
      firstTurn = k;
      break;
    }
    // Legend lines without a colon (`I = Interviewer`) are no label candidates: read them from the preamble's lines.
    const preambleEnd = paragraphs[firstTurn]?.first ?? all.length;
    legendRoles.length = 0;
    const preamble: string[] = [];
    for (let i = first; i < preambleEnd; i++) {
      const line = all[i]!.trim();
      if (line === '' || MARKDOWN_RULE.test(line) || MARKDOWN_IAL.test(line)) continue;
      const pairs = legendPairs(line);
      if (pairs) legendRoles.push(...pairs);
      const plain = format === 'markdown' ? cleanMarkdown(line.replace(/^#{1,6}[ \t]+/u, '').replace(/[ \t]+#+$/u, '')) : line;
      preamble.push(nfc(plain));
      const kv = pairs ? null : META_LINE.exec(plain);
      if (kv && kv[1] !== undefined && kv[2] !== undefined) {
        const key = nfc(kv[1].trim());
        if (!(key in meta)) meta[key] = nfc(kv[2].trim());
      }
    }
    if (preamble.length > 0 && paragraphs.slice(0, firstTurn).some((p) => paragraphText(p, lines, false).text !== '')) {
      meta.preamble = preamble.join('\n');
    }
  }
  const moderators = [...new Set(legendRoles.filter(([, role]) => moderatorRole(role)).map(([label]) => nfc(label)))];

  // Blocks: empty paragraphs (a label or a time on its own) hand their label and time to the next.
  const blocks: Block[] = [];
  let pendingSpeaker: string | null = null;
  let pendingStart: number | undefined;
  let carriedEnd: number | undefined;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const t = paragraphText(p, lines, format === 'markdown');
    if (k < firstTurn && t.text !== '') {
      pendingSpeaker = null;
      pendingStart = undefined;
      continue;
    }
    if (t.text === '') {
      if (p.speaker !== null) pendingSpeaker = p.speaker;
      pendingStart = t.start ?? t.end ?? pendingStart;
      continue;
    }
    const speaker = p.speaker ?? pendingSpeaker;
    const start = t.start ?? pendingStart ?? carriedEnd;
    const block: Block = { speaker, continuation: speaker === null, text: t.text, line: t.line, column: t.column };
    if (start !== undefined) block.start = start;
    if (t.end !== undefined) block.end = t.end;
    blocks.push(block);
    pendingSpeaker = null;
    pendingStart = undefined;
    carriedEnd = t.end;
  }

  if (blocks.length === 0) {
    problems.push(problem(file, 'warning', 'no spoken text found', undefined, 'read/empty'));
  } else if (blocks.every((b) => b.speaker === null)) {
    for (const b of blocks) b.continuation = false;
    problems.push(problem(file, 'warning', 'no speaker labels found; each paragraph is one unit', undefined, 'read/no-labels'));
  }
  return moderators.length > 0 ? { blocks, meta, problems, moderators } : { blocks, meta, problems };
}
