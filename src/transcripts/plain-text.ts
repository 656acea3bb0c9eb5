import { problem } from '../problems.js';
import type { Block, Position, Problem } from '../types.js';
import { labelShape, parseLineHead, type LineHead } from './head.js';
import { parseFrontMatter } from './front-matter.js';
import { cleanMarkdown } from './markup.js';
import { paragraphText, type Paragraph } from './paragraph-text.js';
import { legendPairs, moderatorRole } from './preamble.js';
import { labelCounts, speakerLabels } from './speaker-labels.js';
import { nfc, speakerKey } from '../text/speaker-key.js';
import { isBlankLine, splitLines, type Lines } from './text-lines.js';

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
/** The `#` marks before and after a Markdown heading's text. */
const HEADING_OPEN = /^#{1,6}[ \t]+/u;
const HEADING_CLOSE = /[ \t]+#+$/u;
/** `Key: value` in a preamble (`Datum: 18.12.2021`, `Interviewpartner: Prof. Dr. Kohls`). */
const META_LINE = /^[ \t]*([\p{L}][\p{L}\p{M}\p{N} ._\-/]{0,30}?)[ \t]*:[ \t]*(\S.*?)[ \t\\]*$/u;
/** White space and Markdown hard-break backslashes at the end of a value. */
const TRAILING_SPACE = /[\s\\]+$/u;
const WHITE_SPACE = /\s+/u;
const SENTENCE_END = /[.!?…"“”]$/u;

/** True when a Markdown heading or rule could start the line: they start with a space, `#`, `-`, `*` or `_`. */
function mayBeMarkdownBreak(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x20 || c === 0x23 || c === 0x2d || c === 0x2a || c === 0x5f;
}

/** True for a Markdown line that is no spoken text: a heading, a rule, a block attribute list. */
function isMarkdownBreak(line: string): boolean {
  if (mayBeMarkdownBreak(line) && (MARKDOWN_HEADING.test(line) || MARKDOWN_RULE.test(line))) return true;
  return line.charCodeAt(0) === 0x7b && MARKDOWN_IAL.test(line);
}

/**
 * True when a line with a label that speaks once, before the first turn, is a line of the header
 * (`Interviewpartner: Prof. Dr. Christian Kohls`): the label is no code (`I`, `B1` always speak), and
 * what follows is a few words that do not end like a sentence.
 */
function isMetadataLine(label: string, rest: string): boolean {
  if (labelShape(label) === 'code') return false;
  const value = rest.replace(TRAILING_SPACE, '').trim();
  return value.split(WHITE_SPACE).length <= 8 && !SENTENCE_END.test(value);
}

/** Where a character of a line stands in the source: `line` 0-based among the lines, `index` 0-based in its text. */
export type LinePosition = (line: number, index: number) => Position;

/** Positions in a text file: line = line index + 1, column = index + 1. */
const filePositions: LinePosition = (line, index) => ({ line: line + 1, column: index + 1 });

/** What `parseLines` reads: a file's lines, or a document's paragraphs one per line, and where their characters stand. */
export interface LineSource {
  lines: Lines;
  /** Index of the first line after the front matter. */
  first: number;
  /** True when every line is a paragraph of its own (a document's paragraphs), as if blank lines stood between. */
  separate: boolean;
  position: LinePosition;
  /** Words that head sections (lower case): a label made only of them is no speaker (`ReadOptions.headings`). */
  headings?: ReadonlySet<string>;
  /** Per line, where the label a document marked ends (a paragraph's leading bold run), if it has one. */
  labelEnds?: readonly (number | undefined)[];
}

/** What every text reader takes besides the text: the words that head sections (`ReadOptions.headings`). */
export interface TextOptions {
  headings?: ReadonlySet<string>;
}

/** What `parseLines` found: blocks in order, the index of the line each starts on, and the moderators a legend names. */
export interface LineBlocks {
  blocks: Block[];
  blockLines: number[];
  moderators: string[];
}

/**
 * Parse a plain-text or Markdown transcript into blocks (one per paragraph). A paragraph ends at a
 * blank line, before a line that starts with a speaker label or a bracketed time, and (Markdown) at
 * headings and rules, which are not spoken text. YAML front matter at the very start is metadata;
 * its lines still count, so `line` (1-based) and `column` (1-based, UTF-16 units) point into the file.
 */
export function parseText(text: string, file: string, format: 'text' | 'markdown', options: TextOptions = {}): ParsedText {
  const problems: Problem[] = [];
  const lines = splitLines(text);
  const { meta, first } = frontMatter(lines.lines, file, problems);
  const { blocks, moderators } = parseLines({ lines, first, separate: false, position: filePositions, ...options }, format, meta);
  settleSpeakers(blocks, file, problems);
  return moderators.length > 0 ? { blocks, meta, problems, moderators } : { blocks, meta, problems };
}

/**
 * The core of the text readers, for a file's lines (`parseText`) and a document's paragraphs
 * (`parseDocItems`): the blocks of the lines after the front matter, placed by `source.position`
 * (speakers not yet settled, see `settleSpeakers`); the preamble's `Key: value` lines go into `meta`.
 */
export function parseLines(source: LineSource, format: 'text' | 'markdown', meta: Record<string, string>): LineBlocks {
  const { lines, first } = source;
  // Pass 1: the heads of all lines, and how often each label candidate starts a line.
  const heads = lines.lines.map((line, i) => (i < first ? null : lineHead(line, format, source.labelEnds?.[i])));
  const counts = labelCounts(heads);
  // Pass 2: which candidates are speakers; then the paragraphs, the preamble, the blocks.
  const speakers = speakerLabels(heads, lines.lines, first, counts, source);
  const paragraphs = buildParagraphs(heads, speakers, source.separate);
  const { firstTurn, moderators } = readPreamble(lines, first, paragraphs, counts, format, meta);
  const built = buildBlocks(paragraphs, source, firstTurn, format === 'markdown');
  return { blocks: built.blocks, blockLines: built.blockLines, moderators };
}

/** Index of the line that closes front matter opened on the first line, or -1 when there is none. */
export function frontMatterClose(all: readonly string[]): number {
  if (!FRONT_MATTER_OPEN.test(all[0] ?? '')) return -1;
  const close = all.findIndex((l, i) => i > 0 && FRONT_MATTER_CLOSE.test(l));
  return close <= 0 ? -1 : close;
}

/** YAML front matter at the very start: its metadata, and the index of the first line after it (0 without). */
function frontMatter(all: readonly string[], file: string, problems: Problem[]): { meta: Record<string, string>; first: number } {
  const close = frontMatterClose(all);
  if (close < 0) return { meta: {}, first: 0 };
  return { meta: parseFrontMatter(all.slice(1, close).join('\n'), file, 2, problems), first: close + 1 };
}

/** The head of a line (its label candidate and time marks), or null for a line that holds no spoken text. */
function lineHead(line: string, format: 'text' | 'markdown', labelEnd: number | undefined): LineHead | null {
  if (isBlankLine(line)) return null;
  if (format === 'markdown' && isMarkdownBreak(line)) return null;
  return parseLineHead(line, labelEnd);
}

/** Paragraphs of consecutive lines with a head: a new one at each speaker, at each line that starts with a bracketed time, and (`separate`) at each line. */
function buildParagraphs(heads: readonly (LineHead | null)[], speakers: readonly (string | null)[], separate: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (separate) current = null;
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
  return paragraphs;
}

/** How often a label (by its speaker key) starts a line. */
function labelCount(counts: ReadonlyMap<string, number>, speaker: string): number {
  return counts.get(speakerKey(speaker)) ?? 0;
}

/** True when every line of a paragraph is a legend line (`I: Interviewer, B: Befragte`). */
function isLegend(p: Paragraph, all: readonly string[]): boolean {
  for (let i = p.first; i <= p.last; i++) if (legendPairs(all[i]!) === null) return false;
  return true;
}

/**
 * Index of the paragraph of the first turn: the first paragraph whose speaker speaks more than once
 * (or, when none does, the first with a speaker) that is no legend; a one-off label before it
 * (`Interviewpartner: …`) is metadata. Past the end when there is none.
 */
function firstTurnIndex(paragraphs: readonly Paragraph[], counts: ReadonlyMap<string, number>, all: readonly string[]): number {
  const repeated = paragraphs.some((p) => p.speaker !== null && labelCount(counts, p.speaker) >= 2);
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    if (p.speaker === null || isLegend(p, all)) continue;
    if (repeated && labelCount(counts, p.speaker) < 2 && isMetadataLine(p.speaker, all[p.first]!.slice(p.head.afterLabel))) continue;
    return k;
  }
  return paragraphs.length;
}

/**
 * The preamble: what stands before the first turn (a title, `Datum: …`, a legend, "Start of
 * transcript"). Gives the first turn's paragraph index and the moderators the legend names; its
 * `Key: value` lines, and its text as `preamble` when some of it is no turn, go into `meta`. A file
 * without speakers has no preamble.
 */
function readPreamble(
  lines: Lines,
  first: number,
  paragraphs: readonly Paragraph[],
  counts: ReadonlyMap<string, number>,
  format: 'text' | 'markdown',
  meta: Record<string, string>,
): { firstTurn: number; moderators: string[] } {
  if (!paragraphs.some((p) => p.speaker !== null)) return { firstTurn: 0, moderators: [] };
  const all = lines.lines;
  const firstTurn = firstTurnIndex(paragraphs, counts, all);
  // Legend lines without a colon (`I = Interviewer`) are no label candidates: read them from the preamble's lines.
  const legendRoles: [string, string][] = [];
  const preamble: string[] = [];
  const end = paragraphs[firstTurn]?.first ?? all.length;
  for (let i = first; i < end; i++) {
    const line = all[i]!.trim();
    if (line === '' || MARKDOWN_RULE.test(line) || MARKDOWN_IAL.test(line)) continue;
    const pairs = legendPairs(line);
    if (pairs) legendRoles.push(...pairs);
    const plain = format === 'markdown' ? cleanMarkdown(line.replace(HEADING_OPEN, '').replace(HEADING_CLOSE, '')) : line;
    preamble.push(nfc(plain));
    if (!pairs) addMetaLine(meta, plain);
  }
  if (preamble.length > 0 && paragraphs.slice(0, firstTurn).some((p) => paragraphText(p, lines, false).text !== '')) {
    meta.preamble = preamble.join('\n');
  }
  const moderators = [...new Set(legendRoles.filter(([, role]) => moderatorRole(role)).map(([label]) => nfc(label)))];
  return { firstTurn, moderators };
}

/** A preamble line `Key: value` is metadata, unless the front matter (or an earlier line) has the key. */
function addMetaLine(meta: Record<string, string>, line: string): void {
  const kv = META_LINE.exec(line);
  if (!kv || kv[1] === undefined || kv[2] === undefined) return;
  const key = nfc(kv[1].trim());
  if (!(key in meta)) meta[key] = nfc(kv[2].trim());
}

/**
 * One block per paragraph from the first turn on (paragraphs before it are the preamble), placed by
 * `source.position`, and the index of the line it starts on. Empty paragraphs (a label or a time on
 * its own) hand their label and time to the next; a block without a start takes the end of the one before.
 */
function buildBlocks(paragraphs: readonly Paragraph[], source: LineSource, firstTurn: number, markdown: boolean): { blocks: Block[]; blockLines: number[] } {
  const { lines, position } = source;
  const blocks: Block[] = [];
  const blockLines: number[] = [];
  let pendingSpeaker: string | null = null;
  let pendingStart: number | undefined;
  let carriedEnd: number | undefined;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const t = paragraphText(p, lines, markdown);
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
    const at = position(t.line - 1, t.column - 1);
    const block: Block = { speaker, continuation: speaker === null, text: t.text, line: at.line, column: at.column };
    if (start !== undefined) block.start = start;
    if (t.end !== undefined) block.end = t.end;
    blocks.push(block);
    blockLines.push(t.line - 1);
    pendingSpeaker = null;
    pendingStart = undefined;
    carriedEnd = t.end;
  }
  return { blocks, blockLines };
}

/**
 * Settle what the blocks of a transcript say about speakers: none at all is a warning, and so is
 * text without any speaker label (then each block is a unit of its own, no continuation); otherwise
 * a block without a speaker continues the turn before it.
 */
export function settleSpeakers(blocks: Block[], file: string, problems: Problem[]): void {
  if (blocks.length === 0) {
    problems.push(problem(file, 'warning', { key: 'problem.read/empty' }, undefined, 'read/empty'));
  } else if (blocks.every((b) => b.speaker === null)) {
    for (const b of blocks) b.continuation = false;
    problems.push(problem(file, 'warning', { key: 'problem.read/no-labels' }, undefined, 'read/no-labels'));
  } else {
    for (const b of blocks) b.continuation = b.speaker === null;
  }
}
