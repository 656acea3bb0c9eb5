import { decodeHTML } from '../deps.js';
import { problem } from '../problems.js';
import type { Block, Problem } from '../types.js';
import { labelShape, parseLineHead } from './head.js';
import { MIN_NAME_OCCURRENCES } from './labels.js';
import { speakerKey } from '../text/speaker-key.js';
import type { RuleId } from '../rules.js';
import type { MessageKey } from '../lang/catalogue.js';

/**
 * What subtitle readers (WebVTT, SubRip) share: cue timings, cue text with its markup taken out
 * while remembering where each character stood in the file, speaker prefixes, and cues → blocks.
 */

/** One line of cue text with markup removed; `columns[i]` is the 0-based column in the source line of `text[i]`. */
export interface CueLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
  /** Source column (0-based, UTF-16 units) of each character of `text`, plus one entry for the end. */
  columns: number[];
}

/** A stretch of a cue spoken by one voice (a cue has several only when it holds several `<v>` tags). */
export interface CuePiece {
  /** The voice annotation of a `<v Name>` tag, trimmed; null when the piece has none. */
  voice: string | null;
  lines: CueLine[];
}

/** A cue: its times (seconds) and its text pieces. */
export interface Cue {
  start: number;
  end: number;
  pieces: CuePiece[];
}

/**
 * A cue timing line: `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt` with `.` (WebVTT) or `,` (SubRip) before
 * the fraction; cue settings or SubRip coordinates may follow. Groups: 1 start, 2 end.
 */
export const TIMING_LINE = /^[ \t]*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[ \t]*-->[ \t]*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)(?:[ \t].*)?$/u;

/** Cue times beyond this many hours are no recording's (`2.7e+304:58:56`): the timing is invalid. */
export const MAX_CUE_HOURS = 1000;

/** Seconds of a cue timestamp such as `01:02:03.450`, `02:03,450` or `02:03`; null when a part is out of range (hours too). */
export function cueSeconds(stamp: string): number | null {
  const [clock = '', fraction = ''] = stamp.split(/[.,]/u);
  const parts = clock.split(':').map(Number);
  const seconds = parts.pop() ?? 0;
  const minutes = parts.pop() ?? 0;
  const hours = parts.pop() ?? 0;
  if (seconds > 59 || (clock.split(':').length >= 3 && minutes > 59) || hours > MAX_CUE_HOURS) return null;
  // Whole milliseconds first, so `00:01.100` is exactly 1.1.
  const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + Number(fraction.padEnd(3, '0') || '0');
  return ms / 1000;
}

/** The times of a timing line, or null when it is none or its times are invalid. */
export function parseTiming(line: string): { start: number; end: number } | null {
  const m = TIMING_LINE.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const start = cueSeconds(m[1]);
  const end = cueSeconds(m[2]);
  return start === null || end === null ? null : { start, end };
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
const TAG = /<\/?[a-zA-Z0-9][^<>]*>|<\/>/y;
const VOICE_TAG = /^<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>$/u;

/** Options of `readCueText`: whether `&…;` entities are decoded (WebVTT) or kept (SubRip). */
export interface CueTextOptions {
  entities: boolean;
}

/**
 * Take the markup out of a cue's text lines: tags (`<v Name>`, `</v>`, `<c.x>`, `<i>`, `<b>`,
 * `<font …>`, inline timestamps `<00:00:01.000>`) are removed, `{\an8}`-style positioning codes
 * too, and entities (`&amp;`, `&lt;`, `&nbsp;`, `&#39;` …) decoded when `options.entities`. A voice
 * tag starts a new piece when the current one already has text. `lines` are the raw lines with
 * their 1-based line numbers.
 */
export function readCueText(lines: readonly { line: number; text: string }[], options: CueTextOptions): CuePiece[] {
  const pieces: CuePiece[] = [{ voice: null, lines: [] }];
  let piece = pieces[0]!;
  for (const raw of lines) {
    let out: CueLine = { line: raw.line, text: '', columns: [] };
    piece.lines.push(out);
    const s = raw.text;
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === '<') {
        TAG.lastIndex = i;
        const tag = TAG.exec(s);
        if (tag) {
          const voice = VOICE_TAG.exec(tag[0]);
          if (voice) {
            const name = decodeHTML(voice[1] ?? '').trim();
            if (pieceHasText(piece)) {
              piece = { voice: null, lines: [] };
              pieces.push(piece);
              out = { line: raw.line, text: '', columns: [] };
              piece.lines.push(out);
            }
            piece.voice = name === '' ? null : name.normalize('NFC');
          }
          i += tag[0].length;
          continue;
        }
      } else if (ch === '{' && s[i + 1] === '\\') {
        const close = s.indexOf('}', i);
        if (close > 0) {
          i = close + 1; // an ASS/SSA override such as {\an8} or {\i1}
          continue;
        }
      } else if (ch === '&' && options.entities) {
        ENTITY.lastIndex = i;
        const entity = ENTITY.exec(s);
        if (entity) {
          const decoded = decodeHTML(entity[0]).replace(/\u00a0/gu, ' ');
          for (const c of decoded) {
            out.text += c;
            for (let k = 0; k < c.length; k++) out.columns.push(i);
          }
          i += entity[0].length;
          continue;
        }
      }
      out.text += ch;
      out.columns.push(i);
      i++;
    }
    out.columns.push(s.length);
  }
  return pieces.filter((p) => pieceHasText(p));
}

/** True when a piece has any non-blank text. */
function pieceHasText(p: CuePiece): boolean {
  return p.lines.some((l) => l.text.trim() !== '');
}

/** A speaker prefix found at the start of a piece: the label and the offset in the first line after it. */
interface Prefix {
  label: string;
  end: number;
}

/** `Müller, Anna: …` — a name written surname first, which the plain label pattern does not take. */
const COMMA_NAME = /^[ \t]*([\p{Lu}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’.-]*)?,[ \t]*[\p{Lu}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’.-]*)?)[ \t]*:(?:[ \t]+|$)/u;

/** The `Name:` prefix candidate at the start of a cue line (Zoom, SubRip), or null. */
function prefixOf(text: string): Prefix | null {
  const comma = COMMA_NAME.exec(text);
  if (comma && comma[1] !== undefined) {
    const parts = comma[1].split(',').map((p) => p.trim());
    if (parts.every((p) => labelShape(p) === 'name')) return { label: comma[1].trim(), end: comma[0].length };
  }
  const head = parseLineHead(text);
  if (!head.label) return null;
  return { label: head.label.text, end: head.afterLabel };
}

/** Whether a prefix is a speaker: a code or role always, a name when it starts enough cues of the file. */
function acceptPrefix(label: string, counts: ReadonlyMap<string, number>): boolean {
  const shape = label.includes(',') ? 'name' : labelShape(label);
  if (shape === 'code' || shape === 'role') return true;
  return shape === 'name' && (counts.get(speakerKey(label)) ?? 0) >= MIN_NAME_OCCURRENCES;
}

/** Where a piece's text starts (line index, offset) after `from` in its first line, skipping white space; null when empty. */
function firstText(lines: readonly CueLine[], from: number): { index: number; offset: number } | null {
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k]!.text;
    let o = k === 0 ? from : 0;
    while (o < t.length && /\s/u.test(t[o]!)) o++;
    if (o < t.length) return { index: k, offset: o };
  }
  return null;
}

/** Strip a noScribe overlap mark (`//`) at the start of a text and at its end. */
function stripOverlapMarks(text: string): string {
  return text.replace(/^\/\/[ \t]*/u, '').replace(/[ \t]*\/\/$/u, '');
}

/**
 * The cue of a subtitle block whose timing line is at `timingAt` (0-based within the block that
 * starts at 0-based line `from`); an invalid timing adds a warning with `ruleId` and gives null.
 */
export function timedCue(
  block: readonly string[],
  from: number,
  timingAt: number,
  file: string,
  options: CueTextOptions & { ruleId: RuleId },
  problems: Problem[],
): Cue | null {
  const line = block[timingAt]!;
  const timing = parseTiming(line);
  if (!timing) {
    problems.push(problem(file, 'warning', { key: 'problem.cue-timing.invalid', params: { line: line.trim() } }, { line: from + timingAt + 1, column: 1 }, options.ruleId));
    return null;
  }
  if (timing.end < timing.start) {
    const column = line.indexOf('-->') + 4 + (/^[ \t]*/u.exec(line.slice(line.indexOf('-->') + 3))?.[0].length ?? 0);
    problems.push(problem(file, 'warning', { key: 'problem.cue-timing.backwards', params: { line: line.trim() } }, { line: from + timingAt + 1, column }, options.ruleId));
    return null;
  }
  const payload = block.slice(timingAt + 1).map((t, k) => ({ line: from + timingAt + 2 + k, text: t }));
  return { ...timing, pieces: readCueText(payload, options) };
}

/**
 * Turn cues into blocks, one per cue piece with text: the speaker is the voice of a `<v>` tag, else
 * an accepted `Name:` prefix (codes such as `B1` and role words always; names when at least
 * `MIN_NAME_OCCURRENCES` cues of the file start with them), else none — then the block stands alone
 * (`continuation: false`). noScribe's overlap marks `//` and a repeated `Name:` after a voice tag are
 * dropped. `line`/`column` point at the first character of the text in the file.
 */
export function cueBlocks(cues: readonly Cue[], file: string): { blocks: Block[]; problems: Problem[] } {
  const counts = new Map<string, number>();
  for (const cue of cues) {
    for (const p of cue.pieces) {
      if (p.voice !== null) continue;
      const start = firstText(p.lines, 0);
      const prefix = start ? prefixOf(p.lines[start.index]!.text.slice(start.offset)) : null;
      if (prefix) counts.set(speakerKey(prefix.label), (counts.get(speakerKey(prefix.label)) ?? 0) + 1);
    }
  }

  const blocks: Block[] = [];
  for (const cue of cues) {
    for (const p of cue.pieces) {
      let lines = p.lines;
      let begin = firstText(lines, 0);
      if (!begin) continue;
      lines = lines.slice(begin.index);
      let from = begin.offset;
      let speaker = p.voice === null ? null : p.voice.replace(/^\/\/\s*/u, '').trim() || null;

      // An overlap mark, then a `Name:` prefix: a speaker when no voice tag names one, dropped when it repeats the voice.
      const first = lines[0]!.text;
      if (first.startsWith('//', from)) from += 2;
      const prefix = prefixOf(first.slice(from));
      if (prefix && (speaker === null ? acceptPrefix(prefix.label, counts) : speakerKey(prefix.label) === speakerKey(speaker))) {
        speaker ??= prefix.label.normalize('NFC');
        from += prefix.end;
      }
      begin = firstText(lines, from);
      if (!begin) continue;
      lines = lines.slice(begin.index);
      from = begin.offset;

      const text = stripOverlapMarks(
        lines
          .map((l, k) => (k === 0 ? l.text.slice(from) : l.text).trim())
          .join('\n')
          .trim(),
      ).normalize('NFC');
      if (text === '') continue;
      const line0 = lines[0]!;
      blocks.push({
        speaker,
        continuation: false,
        start: cue.start,
        end: cue.end,
        text,
        line: line0.line,
        column: (line0.columns[from] ?? 0) + 1,
      });
    }
  }
  const problems: Problem[] = [];
  if (blocks.length === 0) problems.push(problem(file, 'warning', { key: 'problem.read/empty' }, undefined, 'read/empty'));
  return { blocks, problems };
}

/** The blocks of lines between blank lines, from line index `start` on, each with the index of its first line. */
export function lineBlocks(lines: readonly string[], start = 0): { from: number; block: string[] }[] {
  const out: { from: number; block: string[] }[] = [];
  let i = start;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    const from = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
    if (i > from) out.push({ from, block: lines.slice(from, i) });
  }
  return out;
}

/**
 * How a subtitle format finds its cues: where a block's timing line is (-1: the block is no cue),
 * which blocks are skipped, whether its text holds HTML entities, and the problems it raises.
 */
export interface CueFormat {
  timingAt(block: readonly string[]): number;
  skip?(block: readonly string[]): boolean;
  entities: boolean;
  /** A block without a timing line: warning `cueRule` with message `cueMessage`. */
  cueRule: RuleId;
  cueMessage: MessageKey;
  /** A timing line that cannot be read. */
  timingRule: RuleId;
}

/**
 * The blocks of a subtitle file's `lines` from line `start` on, read as cues of `format`, each a
 * block with its times; `problems` holds those found before (a header's) and gets the cues'.
 */
export function readCues(lines: readonly string[], start: number, file: string, format: CueFormat, problems: Problem[]): { blocks: Block[]; meta: Record<string, string>; problems: Problem[] } {
  const cues: Cue[] = [];
  for (const { from, block } of lineBlocks(lines, start)) {
    if (format.skip?.(block)) continue;
    const timingAt = format.timingAt(block);
    if (timingAt < 0) {
      problems.push(problem(file, 'warning', { key: format.cueMessage }, { line: from + 1, column: 1 }, format.cueRule));
      continue;
    }
    const cue = timedCue(block, from, timingAt, file, { entities: format.entities, ruleId: format.timingRule }, problems);
    if (cue) cues.push(cue);
  }
  const read = cueBlocks(cues, file);
  return { blocks: read.blocks, meta: {}, problems: [...problems, ...read.problems] };
}
