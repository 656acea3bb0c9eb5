import { problem } from '../problems.js';
import type { Problem } from '../types.js';
import { readCues, type CueFormat } from './cues.js';
import type { ParsedText } from './plain-text.js';

/** The signature line of a WebVTT file: `WEBVTT`, alone or followed by a space or tab and a title. */
export const WEBVTT_HEADER = /^WEBVTT(?:[ \t].*)?$/u;

/** Blocks that are no cues: comments, style sheets and region definitions (their first line). */
const NON_CUE = /^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$/u;

/**
 * Parse a WebVTT transcript (Teams, Zoom, noScribe, Whisper): cues with an optional id (Teams'
 * `guid/12-0`), a timing line, and text. The speaker comes from a `<v Name>` voice tag (closing
 * `</v>` optional; names may hold commas, "Müller, Anna") or from a `Name:` prefix (Zoom); other
 * tags are removed and HTML entities decoded; NOTE, STYLE and REGION blocks are skipped. Each cue is
 * a block with its start and end (seconds); `line` is the line of the cue's text in the file.
 */
export function parseVtt(text: string, file: string): ParsedText {
  const problems: Problem[] = [];
  const lines = text.split(/\r\n|\r|\n/u);
  let i = 0;
  if (WEBVTT_HEADER.test(lines[0] ?? '')) {
    // The header block (title, `Kind:`, `Language:` …) runs to the first blank line.
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  } else {
    problems.push(problem(file, 'warning', { key: 'problem.read/vtt-header' }, { line: 1, column: 1 }, 'read/vtt-header'));
  }

  return readCues(lines, i, file, VTT, problems);
}

/** WebVTT's cues: the timing line first, or second after the cue's id; NOTE, STYLE and REGION blocks skipped. */
const VTT: CueFormat = {
  timingAt: (block) => (block[0]!.includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1),
  skip: (block) => !block[0]!.includes('-->') && NON_CUE.test(block[0]!),
  entities: true,
  cueRule: 'read/vtt-cue',
  cueMessage: 'problem.read/vtt-cue',
  timingRule: 'read/vtt-timing',
};
