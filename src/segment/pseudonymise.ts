import { positionAt } from '../problems.js';
import { labelShape } from '../read/head.js';
import type { PseudonymEntry } from '../read/pseudonyms.js';
import type { Block, Position, Transcript } from '../types.js';

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

/** Characters that make a word: an original only matches where neither neighbour is one of them. */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}]`;

/** The genitive endings `--inflections` accepts after an original; they stay in the text after the pseudonym. */
const INFLECTION = String.raw`(?:['’]?s)?`;

/** Escape a string for use inside a regular expression. */
function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/** A compiled map: one regular expression over all originals (longest first) and the entry of each match. */
interface Compiled {
  re: RegExp;
  entryOf: (matched: string) => PseudonymEntry | undefined;
}

/** Compile the originals into one whole-word pattern; longer originals come first so "Anna Müller" wins over "Anna". */
function compile(entries: readonly PseudonymEntry[], options: PseudonymiseOptions): Compiled | null {
  if (entries.length === 0) return null;
  const key = (s: string): string => (options.ignoreCase === true ? s.toLowerCase() : s);
  const byKey = new Map<string, PseudonymEntry>();
  for (const e of entries) if (!byKey.has(key(e.original))) byKey.set(key(e.original), e);
  const originals = [...byKey.values()]
    .map((e) => e.original)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const suffix = options.inflections === true ? `(${INFLECTION})` : '()';
  const source = `(?<!${WORD_CHAR})(${originals.map(escape).join('|')})${suffix}(?!${WORD_CHAR})`;
  return { re: new RegExp(source, options.ignoreCase === true ? 'giu' : 'gu'), entryOf: (m) => byKey.get(key(m)) };
}

/** Replace originals in `text`, adding to `counts` (by original). */
function replaceIn(text: string, compiled: Compiled | null, counts: Record<string, number>): string {
  if (compiled === null) return text;
  return text.replace(compiled.re, (_all, name: string, ending: string) => {
    const entry = compiled.entryOf(name);
    if (entry === undefined) return _all as string;
    counts[entry.original] = (counts[entry.original] ?? 0) + 1;
    return entry.pseudonym + ending;
  });
}

/** Replace every whole-word occurrence of an original in `text` by its pseudonym; pure and deterministic. */
export function pseudonymiseText(text: string, entries: readonly PseudonymEntry[], options: PseudonymiseOptions = {}): Pseudonymised {
  const counts = zeroCounts(entries);
  return { text: replaceIn(text.normalize('NFC'), compile(entries, options), counts), counts };
}

/** A count of 0 for every original, in map order. */
function zeroCounts(entries: readonly PseudonymEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.original] = 0;
  return counts;
}

/** A time in seconds as a bracketed mark `[hh:mm:ss]`, with `.f` (up to milliseconds) when it has a fraction. */
export function formatTime(seconds: number): string {
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
  if (b.start !== undefined) parts.push(formatTime(b.start));
  parts.push(text.replace(/[ \t]*\n[ \t]*/gu, ' '));
  if (b.end !== undefined) parts.push(formatTime(b.end));
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
  const compiled = compile(entries, { ...options, inflections: true });
  if (compiled === null) return [];
  const found: Occurrence[] = [];
  for (const m of text.matchAll(compiled.re)) {
    const entry = compiled.entryOf(m[1] ?? '');
    if (entry) found.push({ original: entry.original, found: m[0], position: positionAt(text, m.index) });
  }
  return found;
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
