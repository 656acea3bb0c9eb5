import type { Transcript, Unit } from '../types.js';
import { splitSentences } from '../text/sentences.js';
import { groupTurns, makeUnit, type SegmentOptions } from './turns.js';

/**
 * One unit per sentence, numbered from 1 across the transcript; `turn` is the number of the turn
 * the sentence belongs to. Each paragraph (block) is split on its own, so a paragraph break always
 * ends a sentence. `line` is the line where the sentence starts (the block's line plus the soft
 * line breaks before it); times are the block's own, else the turn's (see `Turn`); moderator and
 * attributes follow the turn's speaker. Soft line breaks become spaces.
 */
export function segmentSentences(t: Transcript, opts: SegmentOptions): Unit[] {
  const units: Unit[] = [];
  groupTurns(t).forEach((turn, ti) => {
    for (const block of turn.blocks) {
      const flat = block.text.replace(/\n/gu, ' ');
      // Spans come in order, so the line breaks are counted once for the whole block, not per sentence.
      let line = block.line;
      let c = block.text.indexOf('\n');
      for (const span of splitSentences(flat)) {
        for (; c !== -1 && c < span.start; c = block.text.indexOf('\n', c + 1)) line++;
        const times = { start: block.start ?? turn.start, end: block.end ?? turn.end };
        units.push(makeUnit(t, units.length + 1, ti + 1, turn.speaker, opts, times, line, flat.slice(span.start, span.end)));
      }
    }
  });
  return units;
}
