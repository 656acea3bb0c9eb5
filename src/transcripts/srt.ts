import { readCues, type CueFormat } from './cues.js';
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
  return readCues(text.split(/\r\n|\r|\n/u), 0, file, SRT, []);
}

/** SubRip's cues: the timing line first, or second after the cue's number. */
const SRT: CueFormat = {
  timingAt(block) {
    const at = block.findIndex((l) => l.includes('-->'));
    return at === 0 || (at === 1 && CUE_NUMBER.test(block[0]!)) ? at : -1;
  },
  entities: false,
  cueRule: 'read/srt-cue',
  cueMessage: 'problem.read/srt-cue',
  timingRule: 'read/srt-timing',
};
