import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { problem } from '../problems.js';
import type { Block, Problem } from '../types.js';
import { labelShape, parseLineHead, type LabelCandidate, type LineHead } from './head.js';
import { MIN_NAME_OCCURRENCES } from './labels.js';
import { speakerKey } from './speaker-key.js';
import { findTimeMarks, timeMarkAt } from './times.js';

/** What a text-based reader found: blocks in source order, front-matter metadata, and problems. */
export interface ParsedText {
  blocks: Block[];
  meta: Record<string, string>;
  problems: Problem[];
}

const FRONT_MATTER_OPEN = /^---[ \t]*$/u;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/u;
const MARKDOWN_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const MARKDOWN_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;

/**
 * Whether a label candidate is a speaker. A paragraph may well open with "Wichtig ist: …" or
 * "Zum Beispiel: …", so the `Something:` shape alone is not enough. A candidate is accepted when
 *  1. it looks like a transcription code (`I`, `B1`, `TN3`, `IP 2`, `S01`, `M` …), or
 *  2. it starts with a role word (`Moderatorin`, `Teilnehmer 3`, `Person A` …; `ROLE_WORDS`), or
 *  3. it is name-like (up to four capitalised words, particles allowed, none of them a sentence or
 *     heading word such as "Zum", "Beispiel", "Wichtig"; `NOT_NAME_WORDS`) and it either starts at
 *     least two lines of the file or has a time mark beside it (`Anna [00:01:02]:`).
 * So a name that speaks only once and without a time mark stays text of the turn before: the price
 * of never turning a sentence into a speaker.
 */
function acceptLabel(candidate: LabelCandidate, counts: ReadonlyMap<string, number>): boolean {
  const shape = labelShape(candidate.text);
  if (shape === 'code' || shape === 'role') return true;
  if (shape !== 'name') return false;
  return candidate.timed || (counts.get(speakerKey(candidate.text)) ?? 0) >= MIN_NAME_OCCURRENCES;
}

/** A YAML value as a metadata string: scalars as written, lists joined by ", ", mappings as JSON. */
function metaString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map(metaString).join(', ');
  }
  return JSON.stringify(value).normalize('NFC');
}

/** Parse YAML front matter whose first line is source line `firstLine`; problems are warnings. */
function parseFrontMatter(source: string, file: string, firstLine: number, problems: Problem[]): Record<string, string> {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const at = err.linePos?.[0];
      problems.push(
        problem(
          file,
          'warning',
          `front matter is not valid YAML and is ignored: ${err.message.split('\n')[0] ?? ''}`,
          at ? { line: at.line + firstLine - 1, column: at.col } : { line: firstLine - 1, column: 1 },
          'read/front-matter',
        ),
      );
    }
    return {};
  }
  const meta: Record<string, string> = {};
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    problems.push(
      problem(file, 'warning', 'front matter is not a YAML mapping and is ignored', { line: firstLine - 1, column: 1 }, 'read/front-matter'),
    );
    return meta;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value.toJSON() : null;
    meta[key.normalize('NFC')] = metaString(value);
  }
  return meta;
}

interface SourceLine {
  /** 1-based line number. */
  line: number;
  text: string;
}

interface Paragraph {
  lines: SourceLine[];
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

/** True for white space that separates words or lines. */
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0';
}

/** Take a paragraph apart: label and time marks out, soft line breaks kept as `\n`, lines trimmed. */
function paragraphText(p: Paragraph): ParagraphText {
  const firstLine = p.lines[0];
  if (!firstLine) throw new Error('empty paragraph');
  const offset0 = p.speaker === null ? p.head.afterTimes : p.head.afterLabel;
  let start = p.speaker === null ? p.head.leadingStart : p.head.start;
  let end: number | undefined;
  const body = [firstLine.text.slice(offset0), ...p.lines.slice(1).map((l) => l.text)].join('\n');

  // Time marks before the text are its start; marks at the very end are its end (f4 style).
  let from = 0;
  for (;;) {
    while (isSpace(body[from])) from++;
    const m = timeMarkAt(body, from);
    if (!m) break;
    start ??= m.seconds;
    from = m.end;
  }
  let to = body.length;
  for (;;) {
    while (to > from && isSpace(body[to - 1])) to--;
    const marks = findTimeMarks(body.slice(from, to));
    const last = marks[marks.length - 1];
    if (!last || from + last.end !== to) break;
    end ??= last.seconds;
    to = from + last.start;
  }

  // Marks inside the text are dropped with the blanks before them; line breaks stay.
  let core = body.slice(from, to);
  const inner = findTimeMarks(core);
  for (let i = inner.length - 1; i >= 0; i--) {
    const m = inner[i]!;
    let s = m.start;
    while (s > 0 && (core[s - 1] === ' ' || core[s - 1] === '\t')) s--;
    core = core.slice(0, s) + core.slice(m.end);
  }
  const text = core
    .split('\n')
    .map((l, i) => (i === 0 ? l.trimEnd() : l.trim()))
    .join('\n');

  const k = body.slice(0, from).split('\n').length - 1;
  const lineStart = body.lastIndexOf('\n', from - 1) + 1;
  const column = (k === 0 ? offset0 : 0) + (from - lineStart) + 1;
  const source = p.lines[k] ?? firstLine;
  const out: ParagraphText = { text: text.normalize('NFC'), line: source.line, column };
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
  const all = text.split(/\r\n|\r|\n/u);
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
    if (i < first || line.trim() === '') return null;
    if (format === 'markdown' && (MARKDOWN_HEADING.test(line) || MARKDOWN_RULE.test(line))) return null;
    return parseLineHead(line);
  });
  const counts = new Map<string, number>();
  for (const h of heads) {
    if (h?.label) {
      const key = speakerKey(h.label.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }

  // Pass 2: paragraphs.
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (!head) {
      current = null;
      continue;
    }
    const speaker = head.label && acceptLabel(head.label, counts) ? head.label.text.normalize('NFC') : null;
    if (current === null || speaker !== null || head.bracketTimeFirst) {
      current = { lines: [], head, speaker };
      paragraphs.push(current);
    }
    current.lines.push({ line: i + 1, text: all[i] ?? '' });
  }

  // Blocks: empty paragraphs (a label or a time on its own) hand their label and time to the next.
  const blocks: Block[] = [];
  let pendingSpeaker: string | null = null;
  let pendingStart: number | undefined;
  let carriedEnd: number | undefined;
  for (const p of paragraphs) {
    const t = paragraphText(p);
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
  return { blocks, meta, problems };
}
