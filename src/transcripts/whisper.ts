import type { Node as JsoncNode, NodeType, ParseError } from 'jsonc-parser';
import { jsonc } from '../deps.js';
import type { Message, MessageKey } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { Block, Problem } from '../types.js';
import { DEFAULT_LIMITS, jsonDepthBeyond } from './limits.js';
import { locator } from '../text/locate.js';
import type { ParsedText } from './plain-text.js';

type JsonNode = JsoncNode;

/** The child of an object node under `key`, or undefined. */
function prop(node: JsonNode, key: string): JsonNode | undefined {
  if (node.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    if (p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

/** How messages name the kinds of JSON value. */
const JSON_KINDS: Readonly<Record<NodeType, MessageKey>> = {
  object: 'part.json.object',
  array: 'part.json.array',
  property: 'part.json.property',
  string: 'part.json.string',
  number: 'part.json.number',
  boolean: 'part.json.boolean',
  null: 'part.json.null',
};

/** A node's value when it is a finite number. */
function numberOf(node: JsonNode | undefined): number | undefined {
  return node?.type === 'number' && Number.isFinite(node.value) ? (node.value as number) : undefined;
}

/** A speaker field as a label: strings trimmed, numbers as written; null when absent or empty. */
function speakerOf(node: JsonNode | undefined): string | null {
  if (node?.type === 'string') return (node.value as string).trim().normalize('NFC') || null;
  if (node?.type === 'number') return String(node.value);
  return null;
}

/** Offset of the first character of a JSON string's value that is not white space (escapes such as `\n` count as white space). */
function firstCharOffset(source: string, node: JsonNode): number {
  let i = node.offset + 1;
  const end = node.offset + node.length - 1;
  while (i < end) {
    const c = source[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '\\' && 'nrt'.includes(source[i + 1] ?? '')) i += 2;
    else if (c === '\\' && /^u(?:0020|00a0|00A0)$/u.test(source.slice(i + 1, i + 6))) i += 6;
    else break;
  }
  return i;
}

/** The text of a segment given only as words: the words joined (Whisper's words carry their own leading space). */
function wordsText(words: JsonNode[]): string {
  const parts = words.map((w) => prop(w, 'word') ?? prop(w, 'text')).map((n) => (n?.type === 'string' ? (n.value as string) : ''));
  return parts.some((p) => /^\s/u.test(p)) ? parts.join('') : parts.join(' ');
}

/** The speaker most of a segment's words carry (ties: the one met first); null when none has one. */
function wordsSpeaker(words: JsonNode[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const w of words) {
    const s = speakerOf(prop(w, 'speaker'));
    if (s === null) continue;
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (best === null || n > (counts.get(best) ?? 0)) best = s;
  }
  return best;
}

/**
 * Parse a Whisper JSON transcript (openai-whisper, faster-whisper, WhisperX): a top-level object with
 * a `segments` array of `{start, end, text, speaker?, words?}` (seconds; WhisperX labels such as
 * `SPEAKER_00`). A segment without text takes its words' text, a segment without speaker its words'
 * most frequent speaker. Each segment with text is one block; without any speaker it stands alone.
 * `line`/`column` point at the segment's text inside the JSON file. A JSON file without a `segments`
 * array is an error ("not a Whisper transcript").
 */
export function parseWhisper(text: string, file: string): ParsedText {
  const at = locator(text);
  // The JSON parser descends recursively: nesting deeper than the limit is refused before it runs.
  const deep = jsonDepthBeyond(text, DEFAULT_LIMITS.depth);
  if (deep >= 0) {
    return { blocks: [], meta: {}, problems: [problem(file, 'error', { key: 'problem.read/too-deep.json', params: { depth: DEFAULT_LIMITS.depth } }, at(deep), 'read/too-deep')] };
  }
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    const where = first ? at(first.offset) : { line: 1, column: 1 };
    const what: Message = first ? { key: 'part.text', params: { text: jsonc().printParseErrorCode(first.error) } } : { key: 'part.json.empty-file' };
    return { blocks: [], meta: {}, problems: [problem(file, 'error', { key: 'problem.read/json', params: { what } }, where, 'read/json')] };
  }
  const segments = prop(root, 'segments');
  if (segments?.type !== 'array') {
    return { blocks: [], meta: {}, problems: [problem(file, 'error', { key: 'problem.read/whisper' }, undefined, 'read/whisper')] };
  }

  const problems: Problem[] = [];
  const meta: Record<string, string> = {};
  const language = prop(root, 'language');
  if (language?.type === 'string') meta.language = language.value as string;

  const blocks: Block[] = [];
  for (const seg of segments.children ?? []) {
    if (seg.type !== 'object') {
      problems.push(problem(file, 'warning', { key: 'problem.read/whisper-segment' }, at(seg.offset), 'read/whisper-segment'));
      continue;
    }
    const wordsNode = prop(seg, 'words');
    const words = wordsNode?.type === 'array' ? (wordsNode.children ?? []).filter((w) => w.type === 'object') : [];
    const textNode = prop(seg, 'text');
    let raw: string;
    let place: JsonNode | undefined;
    if (textNode?.type === 'string') {
      raw = textNode.value as string;
      place = textNode;
    } else {
      raw = wordsText(words);
      place = words.map((w) => prop(w, 'word') ?? prop(w, 'text')).find((n) => n?.type === 'string');
      if (textNode !== undefined && textNode.type !== 'null') {
        const key = raw.trim() !== '' ? 'problem.read/whisper-text' : 'problem.read/whisper-text.ignored';
        problems.push(problem(file, 'warning', { key, params: { kind: { key: JSON_KINDS[textNode.type] } } }, at(textNode.offset), 'read/whisper-text'));
      }
    }
    // A line break inside a JSON string is an escape on one source line, so it becomes a space.
    const spoken = raw.replace(/\s+/gu, ' ').trim().normalize('NFC');
    if (spoken === '') continue;
    const pos = place ? at(firstCharOffset(text, place)) : at(seg.offset);
    const block: Block = {
      speaker: speakerOf(prop(seg, 'speaker')) ?? wordsSpeaker(words),
      continuation: false,
      text: spoken,
      line: pos.line,
      column: pos.column,
    };
    const start = numberOf(prop(seg, 'start'));
    const end = numberOf(prop(seg, 'end'));
    if (start !== undefined) block.start = start;
    if (end !== undefined) block.end = end;
    blocks.push(block);
  }
  if (blocks.length === 0) problems.push(problem(file, 'warning', { key: 'problem.read/empty' }, undefined, 'read/empty'));
  return { blocks, meta, problems };
}
