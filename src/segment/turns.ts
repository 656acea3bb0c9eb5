import { speakerKey } from '../read/speaker-key.js';
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
  for (const b of t.blocks) {
    if (b.text.trim() === '') continue;
    if (b.speaker !== null && b.speaker.trim() !== '') {
      if (current !== null && current.speaker !== '' && speakerKey(current.speaker) === speakerKey(b.speaker)) {
        current.blocks.push(b);
        continue;
      }
      current = { speaker: b.speaker.trim(), blocks: [b] };
    } else if (b.continuation && current !== null) {
      current.blocks.push(b);
      continue;
    } else {
      current = { speaker: '', blocks: [b] };
    }
    turns.push(current);
  }
  for (const turn of turns) {
    const start = turn.blocks.find((b) => b.start !== undefined)?.start;
    const end = turn.blocks.findLast((b) => b.end !== undefined)?.end;
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
  }
  turns.forEach((turn, i) => {
    const next = turns[i + 1]?.start;
    if (turn.end === undefined && next !== undefined && (turn.start === undefined || next >= turn.start)) turn.end = next;
  });
  return turns;
}

/** True when `speaker` is one of the moderators (compared like participants); '' never is. */
export function isModerator(speaker: string, moderators: readonly string[]): boolean {
  if (speaker === '') return false;
  const key = speakerKey(speaker);
  return moderators.some((m) => speakerKey(m) === key);
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

/**
 * One unit per speaker turn, numbered from 1 (`segment` = `turn`): the blocks' texts joined by `\n`
 * with soft line breaks inside a block turned into spaces (same length, so offsets hold); `line` is
 * the first block's line; times as in `Turn`.
 */
export function segmentTurns(t: Transcript, opts: SegmentOptions): Unit[] {
  return groupTurns(t).map((turn, i) => {
    const first = turn.blocks[0]!;
    const text = turn.blocks.map((b) => b.text.replace(/\n/gu, ' ')).join('\n');
    return makeUnit(t, i + 1, i + 1, turn.speaker, opts, turn, first.line, text);
  });
}
