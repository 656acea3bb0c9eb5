import type { Parser } from 'htmlparser2';
import { htmlparser2 } from '../deps.js';
import type { Message } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { Block, Problem } from '../types.js';
import { labelShape, parseLineHead } from './head.js';
import { tooDeep } from './html.js';
import { DEFAULT_LIMITS } from './limits.js';
import { locator } from '../text/locate.js';
import { speakerKey } from '../text/speaker-key.js';
import type { ParsedText } from './plain-text.js';

/**
 * noScribe's segment anchors: `<a name="ts_START_END_SPEAKER">` (milliseconds; the speaker such as
 * `S01`, `//S02` for overlapping speech, or empty) and, in older versions, `<a href="ts_START_END">`.
 */
export const NOSCRIBE_ANCHOR = /^ts_(\d+)_(\d+)(?:_(.*))?$/su;

/** A quick test whether an HTML text holds noScribe anchors. */
export const NOSCRIBE_ANCHOR_IN_HTML = /<a\s[^>]*\b(?:name|href)\s*=\s*["']?ts_\d+_\d+/iu;

/** An anchor whose whole text is a pause mark: `(.)`, `(..)`, `(...)`, `(12 seconds pause)`, `(12 Sekunden Pause)`. */
const PAUSE = /^\(\s*(?:\.{1,3}|…|\d+\s+\p{L}+(?:\s+\p{L}+)?)\s*\)$/u;

const PARAGRAPHS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'td', 'blockquote']);
const SKIPPED = new Set(['head', 'script', 'style', 'title', 'template', 'noscript']);

/** The text of one anchor (or of an anchor-less paragraph), with each character's source offset. */
interface Segment {
  paragraph: number;
  start?: number;
  end?: number;
  /** The speaker in the anchor's name, without `//`; null when empty or absent. */
  anchorSpeaker: string | null;
  text: string;
  offsets: number[];
}

/** Collect the anchors' texts paragraph by paragraph; paragraphs before the first anchor (title, header) are left out. */
function segmentsOf(html: string): Segment[] | { fault: { offset: number; message: Message } } {
  const segments: Segment[] = [];
  let depth = 0;
  let fault: { offset: number; message: Message } | null = null;
  let paragraph = 0;
  let current: Segment | null = null;
  let pending: { text: string; offsets: number[] } = { text: '', offsets: [] };
  let seenAnchor = false;
  let skip = 0;

  const endParagraph = (): void => {
    if (current === null && seenAnchor && pending.text.trim() !== '') {
      segments.push({ paragraph, anchorSpeaker: null, ...pending });
    }
    current = null;
    pending = { text: '', offsets: [] };
    paragraph++;
  };
  const append = (text: string, offset: number, exact: boolean): void => {
    if (skip > 0) return;
    const target = current ?? pending;
    for (let i = 0; i < text.length; i++) target.offsets.push(exact ? offset + i : offset);
    target.text += text;
  };

  const parser: Parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        if (++depth > DEFAULT_LIMITS.depth && fault === null) {
          fault = tooDeep(parser.startIndex, DEFAULT_LIMITS.depth);
          parser.pause();
        }
        if (SKIPPED.has(name)) skip++;
        if (skip > 0) return;
        if (PARAGRAPHS.has(name)) endParagraph();
        else if (name === 'br') append(' ', parser.startIndex, false);
        else if (name === 'a') {
          const m = NOSCRIBE_ANCHOR.exec(attribs.name ?? attribs.href ?? '');
          if (!m) return;
          seenAnchor = true;
          const speaker = (m[3] ?? '').replace(/^\/\//u, '').trim();
          current = {
            paragraph,
            start: Number(m[1]) / 1000,
            end: Number(m[2]) / 1000,
            anchorSpeaker: speaker === '' ? null : speaker.normalize('NFC'),
            // Text before the paragraph's first anchor belongs to it.
            text: pending.text,
            offsets: pending.offsets,
          };
          pending = { text: '', offsets: [] };
          segments.push(current);
        }
      },
      ontext(text) {
        append(text, parser.startIndex, parser.endIndex - parser.startIndex + 1 === text.length);
      },
      onclosetag(name) {
        depth--;
        if (SKIPPED.has(name)) {
          skip--;
          return;
        }
        if (skip === 0 && PARAGRAPHS.has(name)) endParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (fault) return { fault };
  parser.end();
  endParagraph();
  return segments;
}

/** A segment read: its speaker and where its spoken text starts and ends in `segment.text`. */
interface Spoken {
  segment: Segment;
  speaker: string | null;
  from: number;
  to: number;
}

const isBlank = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/**
 * Who speaks each segment. The label written at a paragraph's start or after an overlap mark
 * (`S01:`, `//S02:`; labels renamed or corrected by hand such as `Interviewerin:` too) wins. A
 * segment without label returns to the paragraph's first speaker when it starts with `//` or
 * follows a segment that ended with `//`; otherwise it belongs to the labelled speaker whose anchor
 * speaker it shares, else to its anchor's speaker (as renamed earlier), else (older files without
 * speaker in the anchor) to the speaker before it.
 */
function speakersOf(segments: readonly Segment[]): Spoken[] {
  const renamed = new Map<string, string>();
  const out: Spoken[] = [];
  const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && speakerKey(a) === speakerKey(b);
  let paragraph = -1;
  /** The paragraph's first speaker and the one speaking now, each with the speaker of its anchor. */
  let main: { speaker: string | null; anchor: string | null } = { speaker: null, anchor: null };
  let current = main;
  let closed = false;
  let started = false;
  for (const seg of segments) {
    if (seg.paragraph !== paragraph) {
      paragraph = seg.paragraph;
      main = { speaker: null, anchor: null };
      current = main;
      closed = false;
      started = false;
    }
    // A paragraph's label stands in its first segment with words (a pause anchor may come before).
    const first = !started;
    const t = seg.text;
    let from = 0;
    while (isBlank(t[from])) from++;
    const overlap = t.startsWith('//', from);
    if (overlap) from += 2;
    while (isBlank(t[from])) from++;

    const head = parseLineHead(t.slice(from));
    let label: string | null = null;
    if ((first || overlap) && head.label && labelShape(head.label.text) !== null) {
      label = head.label.text.normalize('NFC');
      from += head.afterLabel;
    } else {
      from += head.afterTimes; // a time mark such as `[00:05:49]` before the text
    }

    let to = t.length;
    while (to > from && isBlank(t[to - 1])) to--;
    if (label === null && PAUSE.test(t.slice(from, to))) {
      out.push({ segment: seg, speaker: current.speaker, from: to, to });
      continue;
    }
    started = true;

    const anchor = seg.anchorSpeaker;
    let speaker: string | null;
    if (label !== null) {
      speaker = label;
      if (anchor !== null) renamed.set(speakerKey(anchor), label);
    } else if (overlap || closed) {
      speaker = main.speaker;
    } else if (anchor === null || same(anchor, current.anchor)) {
      speaker = current.speaker;
    } else if (same(anchor, main.anchor)) {
      speaker = main.speaker;
    } else {
      speaker = renamed.get(speakerKey(anchor)) ?? anchor;
    }
    current = { speaker, anchor: label === null && (overlap || closed) ? main.anchor : anchor };
    if (first) main = current;

    closed = t.slice(from, to).endsWith('//');
    if (closed) to -= 2;
    while (to > from && isBlank(t[to - 1])) to--;
    out.push({ segment: seg, speaker, from, to });
  }
  return out;
}

/**
 * Parse a noScribe HTML transcript. Each `ts_` anchor is a Whisper segment with its times and
 * speaker; consecutive segments of one speaker within a paragraph form one block (start of the
 * first, end of the last), overlapping speech (`//S02: …//`) its own block. Labels, overlap marks,
 * timestamps (`[00:00:12]`) and pause-only segments (`(..)`, `(12 seconds pause)`) are not spoken
 * text. Segments without any speaker stay one block each. `line`/`column` point at the text in the
 * HTML file (noScribe writes the whole body on one line, so the column tells them apart).
 */
export function parseNoScribe(text: string, file: string): ParsedText {
  const at = locator(text);
  const problems: Problem[] = [];
  const blocks: Block[] = [];
  let last: { block: Block; paragraph: number } | null = null;
  const segments = segmentsOf(text);
  if ('fault' in segments) return { blocks: [], meta: {}, problems: [problem(file, 'error', segments.fault.message, at(segments.fault.offset), 'read/too-deep')] };
  for (const s of speakersOf(segments)) {
    const spoken = s.segment.text.slice(s.from, s.to).replace(/\s+/gu, ' ').trim();
    if (spoken === '') continue;
    const seg = s.segment;
    if (last && s.speaker !== null && last.paragraph === seg.paragraph && last.block.speaker !== null && speakerKey(last.block.speaker) === speakerKey(s.speaker)) {
      last.block.text = `${last.block.text} ${spoken.normalize('NFC')}`;
      if (seg.end !== undefined) last.block.end = seg.end;
      continue;
    }
    const pos = at(seg.offsets[s.from] ?? seg.offsets[0] ?? 0);
    const block: Block = { speaker: s.speaker, continuation: false, text: spoken.normalize('NFC'), line: pos.line, column: pos.column };
    if (seg.start !== undefined) block.start = seg.start;
    if (seg.end !== undefined) block.end = seg.end;
    blocks.push(block);
    last = { block, paragraph: seg.paragraph };
  }
  if (blocks.length === 0) problems.push(problem(file, 'warning', { key: 'problem.read/empty' }, undefined, 'read/empty'));
  return { blocks, meta: {}, problems };
}
