import { speakerKey } from '../text/speaker-key.js';
import type { Block, Transcript, Unit, UnitKind } from '../types.js';

/** How to cut a transcript into units, who moderates, and where speaker attributes come from. */
export interface SegmentOptions {
  unit: UnitKind;
  /** Speaker labels that are never coded; matched like participants ("B 1" = "b1"). */
  moderators: string[];
  /** Attributes of a speaker in a transcript (e.g. from a participants file); none when absent. */
  attributes?: (transcript: string, speaker: string) => Record<string, string>;
}

/** A speaker turn: consecutive blocks of one speaker, with the turn's times. */
export interface Turn {
  /** Speaker label as written in the turn's first block; '' when the source has none. */
  speaker: string;
  blocks: Block[];
  /** The first start time among the blocks (seconds). */
  start?: number;
  /**
   * The last end time among the blocks; when no block has one, the next turn's start (the turn
   * lasts until someone else speaks), else unknown.
   */
  end?: number;
}

/**
 * Group a transcript's blocks into speaker turns: consecutive blocks of one speaker (labels compared
 * like participants) form one turn; a continuation block joins the turn before it; a block without
 * speaker that is no continuation, and a continuation with nothing before it, stand alone with
 * speaker ''. Blocks with empty text are skipped.
 */
export function groupTurns(t: Transcript): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | null = null;
  /** The key of the current turn's speaker, made once per turn. */
  let currentKey = '';
  /** The label `currentKey` was made from: the blocks of a turn mostly carry that very string. */
  let keyOf: string | null = null;
  for (const b of t.blocks) {
    if (isBlank(b.text)) continue;
    if (b.speaker !== null && !isBlank(b.speaker)) {
      if (current !== null && current.speaker !== '' && (b.speaker === keyOf || speakerKey(b.speaker) === currentKey)) {
        current.blocks.push(b);
        continue;
      }
      current = { speaker: b.speaker.trim(), blocks: [b] };
      currentKey = speakerKey(current.speaker);
      keyOf = current.speaker;
    } else if (b.continuation && current !== null) {
      current.blocks.push(b);
      continue;
    } else {
      current = { speaker: '', blocks: [b] };
    }
    turns.push(current);
  }
  for (const turn of turns) {
    const blocks = turn.blocks;
    let start: number | undefined;
    for (let i = 0; start === undefined && i < blocks.length; i++) start = blocks[i]!.start;
    let end: number | undefined;
    for (let i = blocks.length - 1; end === undefined && i >= 0; i--) end = blocks[i]!.end;
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
  }
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const next = turns[i + 1]?.start;
    if (turn.end === undefined && next !== undefined && turn.start !== undefined && next >= turn.start) turn.end = next;
    // An end without a start (an f4 mark at the end of the first turn) says nothing about the turn's span.
    if (turn.start === undefined) delete turn.end;
  }
  return turns;
}

/** True when a string is empty or only white space (as `trim` sees it); a printable ASCII first character decides at once. */
function isBlank(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return s.trim() === '';
}

/** The moderators' keys of the last call, and the labels they were made from (compared one by one before reuse). */
let moderatorLabels: readonly string[] = [];
let moderatorKeys: ReadonlySet<string> = new Set();

/** True when `speaker` is one of the moderators (compared like participants); '' never is. */
export function isModerator(speaker: string, moderators: readonly string[]): boolean {
  if (speaker === '') return false;
  if (moderators.length === 0) return false;
  // Units of a run share one list: its keys are made once, and checked label by label, so a changed list is never missed.
  if (moderators.length !== moderatorLabels.length || moderators.some((m, i) => m !== moderatorLabels[i])) {
    moderatorLabels = [...moderators];
    moderatorKeys = new Set(moderators.map(speakerKey));
  }
  return moderatorKeys.has(speakerKey(speaker));
}

/** Build a unit with keys in a fixed order (times left out when unknown), so JSON output is stable. */
export function makeUnit(
  t: Transcript,
  segment: number,
  turn: number,
  speaker: string,
  opts: SegmentOptions,
  times: { start?: number; end?: number },
  line: number,
  text: string,
): Unit {
  // Filled in key order: transcript, segment, turn, speaker, moderator, start, end, line, text, attributes.
  const unit = { transcript: t.id, segment, turn, speaker, moderator: isModerator(speaker, opts.moderators) } as Unit;
  if (times.start !== undefined) unit.start = times.start;
  if (times.end !== undefined) unit.end = times.end;
  unit.line = line;
  unit.text = text;
  unit.attributes = { ...(opts.attributes?.(t.id, speaker) ?? {}) };
  return unit;
}

/** A block's text with its soft line breaks turned into spaces. */
function softBreaks(text: string): string {
  return text.indexOf('\n') === -1 ? text : text.replace(/\n/gu, ' ');
}

/**
 * One unit per speaker turn, numbered from 1 (`segment` = `turn`): the blocks' texts joined by `\n`
 * with soft line breaks inside a block turned into spaces (same length, so offsets hold); `line` is
 * the first block's line; times as in `Turn`.
 */
export function segmentTurns(t: Transcript, opts: SegmentOptions): Unit[] {
  return groupTurns(t).map((turn, i) => {
    const first = turn.blocks[0]!;
    const text = turn.blocks.length === 1 ? softBreaks(first.text) : turn.blocks.map((b) => softBreaks(b.text)).join('\n');
    return makeUnit(t, i + 1, i + 1, turn.speaker, opts, turn, first.line, text);
  });
}
