import { problem } from '../problems.js';
import type { Problem } from '../types.js';
import { cueBlocks, lineBlocks, timedCue, type Cue } from './cues.js';
import type { ParsedText } from './plain-text.js';

/** A cue's sequence number on the line before its timing. */
const CUE_NUMBER = /^[ \t]*\d+[ \t]*$/u;

/**
 * Parse a SubRip (`.srt`) transcript: numbered cues, a timing line `00:00:01,000 --> 00:00:04,000`
 * and text up to the next blank line (CRLF, CR or LF line ends). The speaker comes from a `Name:`
 * prefix as in plain text (codes and role words always, names when they start at least two cues);
 * formatting tags (`<i>`, `<font …>`, `{\an8}`) are removed. A cue without speaker stands alone.
 */
export function parseSrt(text: string, file: string): ParsedText {
  const problems: Problem[] = [];
  const lines = text.split(/\r\n|\r|\n/u);
  const cues: Cue[] = [];
  for (const { from, block } of lineBlocks(lines)) {
    const timingAt = block.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1 || (timingAt === 1 && !CUE_NUMBER.test(block[0]!))) {
      problems.push(problem(file, 'warning', { key: 'problem.read/srt-cue' }, { line: from + 1, column: 1 }, 'read/srt-cue'));
      continue;
    }
    const cue = timedCue(block, from, timingAt, file, { entities: false, ruleId: 'read/srt-timing' }, problems);
    if (cue) cues.push(cue);
  }
  const read = cueBlocks(cues, file);
  return { blocks: read.blocks, meta: {}, problems: [...problems, ...read.problems] };
}
