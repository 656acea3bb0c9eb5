import { labelShape } from '../transcripts/head.js';
import type { PseudonymEntry } from './map.js';
import type { Block, Position, Transcript } from '../types.js';
import { compileMatcher, scanOriginals, type PseudonymMatcher } from './matcher.js';

/** How originals are found: `inflections` also takes a genitive `s`, `'s` or `’s` after a name; `ignoreCase` matches any case. */
export interface PseudonymiseOptions {
  inflections?: boolean;
  ignoreCase?: boolean;
}

/** A pseudonymised transcript: its plain-text rendering and how often each original was replaced (keys in map order). */
export interface Pseudonymised {
  text: string;
  counts: Record<string, number>;
}

/** An occurrence of an original in a text: which original, the text as written, and where (line and column from 1). */
export interface Occurrence {
  original: string;
  found: string;
  position: Position;
}

/** The matcher of a map and options, compiled once per map (a transcript after another reuses it). */
const cache = new WeakMap<readonly PseudonymEntry[], Map<string, PseudonymMatcher>>();

function compile(entries: readonly PseudonymEntry[], options: PseudonymiseOptions): PseudonymMatcher {
  const key = `${options.ignoreCase === true}:${options.inflections === true}`;
  let byOptions = cache.get(entries);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(entries, byOptions);
  }
  let m = byOptions.get(key);
  if (!m) {
    m = compileMatcher(entries, options);
    byOptions.set(key, m);
  }
  return m;
}

/** Replace originals in `text`, adding to `counts` (by original). */
function replaceIn(text: string, m: PseudonymMatcher, counts: Record<string, number>): string {
  const parts: string[] = [];
  let done = 0;
  scanOriginals(text, m, 'longest', ({ entry, start, nameEnd, end }) => {
    counts[entry.original] = (counts[entry.original] ?? 0) + 1;
    parts.push(text.slice(done, start), entry.pseudonym, text.slice(nameEnd, end));
    done = end;
  });
  if (done === 0) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

/** Replace every whole-word occurrence of an original in `text` by its pseudonym; pure and deterministic. */
export function pseudonymiseText(text: string, entries: readonly PseudonymEntry[], options: PseudonymiseOptions = {}): Pseudonymised {
  const counts = zeroCounts(entries);
  return { text: replaceIn(text.normalize('NFC'), compile(entries, options), counts), counts };
}

/** A count of 0 for every original, in map order (no prototype: an original may be `constructor`). */
function zeroCounts(entries: readonly PseudonymEntry[]): Record<string, number> {
  const counts = Object.create(null) as Record<string, number>;
  for (const e of entries) counts[e.original] = 0;
  return counts;
}

/** A time in seconds as a bracketed mark `[hh:mm:ss]`, with `.f` (up to milliseconds) when it has a fraction. */
export function timeMark(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const whole = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const base = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  const frac = ms % 1000 === 0 ? '' : '.' + String(ms % 1000).padStart(3, '0').replace(/0+$/u, '');
  return `[${base}${frac}]`;
}

/** One block as a plain-text paragraph: `LABEL: [start] text [end]`, soft line breaks as spaces (as units join them). */
function paragraphOf(b: Block, speaker: string | null, text: string): string {
  const parts: string[] = [];
  if (speaker !== null) parts.push(`${speaker}:`);
  if (b.start !== undefined) parts.push(timeMark(b.start));
  parts.push(text.replace(/[ \t]*\n[ \t]*/gu, ' '));
  if (b.end !== undefined) parts.push(timeMark(b.end));
  return parts.join(' ');
}

/** A front-matter value as a YAML string (JSON quoting is valid YAML). */
function yamlValue(value: string): string {
  return JSON.stringify(value);
}

/**
 * Pseudonymise a transcript and render it as a plain-text transcript that fokus reads back into the
 * same blocks: metadata as YAML front matter, then one paragraph per block (`LABEL: text`, times
 * as `[hh:mm:ss]`), paragraphs separated by a blank line, `\n` line ends. Originals are replaced in
 * speaker labels, text and metadata values; blocks with empty text are left out.
 */
export function pseudonymiseTranscript(t: Pick<Transcript, 'blocks' | 'meta'>, entries: readonly PseudonymEntry[], options: PseudonymiseOptions = {}): Pseudonymised {
  const compiled = compile(entries, options);
  const counts = zeroCounts(entries);
  const out: string[] = [];
  const keys = Object.keys(t.meta);
  if (keys.length > 0) {
    out.push(['---', ...keys.map((k) => `${yamlValue(k)}: ${yamlValue(replaceIn(t.meta[k] ?? '', compiled, counts))}`), '---'].join('\n'));
  }
  for (const b of t.blocks) {
    if (b.text.trim() === '') continue;
    const speaker = b.speaker === null ? null : replaceIn(b.speaker.trim(), compiled, counts);
    out.push(paragraphOf(b, speaker, replaceIn(b.text, compiled, counts)));
  }
  return { text: out.join('\n\n') + '\n', counts };
}

/**
 * Every whole-word occurrence of an original in `text` (genitive endings always included, since a
 * "Webers" left behind is a leak too), in text order, with 1-based line and column.
 */
export function findOriginals(text: string, entries: readonly PseudonymEntry[], options: Pick<PseudonymiseOptions, 'ignoreCase'> = {}): Occurrence[] {
  const found: Occurrence[] = [];
  // Lines are counted on from the previous occurrence: the positions cost one pass over the text.
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  scanOriginals(text, compile(entries, { ...options, inflections: true }), 'longest', ({ entry, start, end }) => {
    for (; counted < start; counted++) {
      if (text.charCodeAt(counted) === 10) {
        line++;
        lineStart = counted + 1;
      }
    }
    found.push({ original: entry.original, found: text.slice(start, end), position: { line, column: start - lineStart + 1, offset: start } });
  });
  return found;
}

/**
 * How often each original occurs in the texts, each counted as a search for it alone would
 * (genitive endings included, exact case): one pass over each text for all originals at once.
 */
export function countMentions(texts: Iterable<string>, entries: readonly PseudonymEntry[]): Map<string, number> {
  const m = compile(entries, { inflections: true });
  const counts = new Map<string, number>(entries.map((e) => [e.original, 0]));
  for (const text of texts) scanOriginals(text, m, 'each', ({ entry }) => counts.set(entry.original, counts.get(entry.original)! + 1));
  return counts;
}

/**
 * Speaker labels that look like personal names (not codes such as `B1` or role words such as
 * `Moderatorin`) and are neither an original nor a pseudonym of the map: candidates the map may have
 * missed. Sorted, each once.
 */
export function unmappedNameLabels(labels: Iterable<string>, entries: readonly PseudonymEntry[]): string[] {
  const known = new Set<string>();
  for (const e of entries) {
    known.add(e.original);
    known.add(e.pseudonym);
  }
  const out = new Set<string>();
  for (const raw of labels) {
    const label = raw.trim();
    if (label !== '' && !known.has(label) && labelShape(label) === 'name') out.add(label);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
