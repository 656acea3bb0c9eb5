import { labelShape, type LabelCandidate, type LabelShape, type LineHead } from './head.js';
import { METADATA_KEYS } from '../lang/de/labels.js';
import { CODE_LABEL, MIN_NAME_OCCURRENCES } from './labels.js';
import { nfc, speakerKey } from '../text/speaker-key.js';

/** Which label candidates of a plain text (`plain-text.ts`) are speakers: counted, shaped, then accepted line by line. */

const WORD_GAP = /[ \t]+/u;
const FINAL_DOT = /\.$/u;

/**
 * Whether a label candidate is a speaker. A paragraph may well open with "Wichtig ist: …" or
 * "Zum Beispiel: …", so the `Something:` shape alone is not enough. A candidate is accepted when
 *  1. it looks like a transcription code (`I`, `B1`, `TN3`, `IP 2`, `S01`, `M` …), or
 *  2. it starts with a role word (`Moderatorin`, `Teilnehmer 3`, `Person A` …; `ROLE_WORDS`), or
 *  3. it is name-like (up to four capitalised words, particles allowed, none of them a sentence or
 *     heading word such as "Zum", "Beispiel", "Wichtig"; `NOT_NAME_WORDS`) and it either starts at
 *     least two lines of the file or has a time mark beside it (`Anna [00:01:02]:`).
 * These are the strict rules. On top of them (`lenientSpeaker`): a lower-case code (`b3`) is the speaker
 * of the same code in capitals, and a name that speaks once without a time mark is a speaker when the
 * file has speakers by the strict rules, it starts a paragraph (or follows a labelled line), has text
 * after it and is no metadata key (`METADATA_KEYS`); elsewhere it stays text of the turn.
 */
function acceptLabel(candidate: LabelCandidate, shape: LabelShape, counts: ReadonlyMap<string, number>): boolean {
  if (shape === 'code' || shape === 'role') return true;
  if (shape !== 'name') return false;
  return candidate.timed || (counts.get(speakerKey(candidate.text)) ?? 0) >= MIN_NAME_OCCURRENCES;
}

/** True when a label is a metadata key (`Datum`, `Ort`, `Dauer`, `Thema`, `Date` …), never a speaker. */
function isMetadataKey(label: string): boolean {
  const words = label.toLowerCase().split(WORD_GAP);
  return words.some((w) => METADATA_KEYS.has(w.replace(FINAL_DOT, '')));
}

/** True when every word of a label is a heading word (compared in lower case, without a final full stop). */
function isHeading(label: string, headings: ReadonlySet<string>): boolean {
  const words = nfc(label).toLowerCase().split(WORD_GAP).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => headings.has(w.replace(FINAL_DOT, '')));
}

/** How often each speaker key starts a line; counted by label as written first, so each spelling's key is made once. */
export function labelCounts(heads: readonly (LineHead | null)[]): Map<string, number> {
  const written = new Map<string, number>();
  for (const h of heads) {
    if (h?.label) written.set(h.label.text, (written.get(h.label.text) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [label, n] of written) {
    const key = speakerKey(label);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  return counts;
}

/** The shape of a label, worked out once per label: labels repeat all through a file. */
function shapeOf(shapes: Map<string, LabelShape>, label: string): LabelShape {
  let shape = shapes.get(label);
  if (shape === undefined) {
    shape = labelShape(label);
    shapes.set(label, shape);
  }
  return shape;
}

/** What the lenient rules look at: the lines, their heads, the strict rules' speakers and what they imply. */
interface LabelPass {
  lines: readonly string[];
  heads: readonly (LineHead | null)[];
  /** Index of the first line after the front matter. */
  first: number;
  /** True when every line is a paragraph of its own (a document's paragraphs). */
  separate: boolean;
  /** Per line, the speaker by the strict rules, or null. */
  strict: readonly (string | null)[];
  /** Keys of the speakers the strict rules accept. */
  strongKeys: Set<string>;
  /** The spelling of each code the strict rules accept, by key (`B3` for `b3`). */
  codeSpelling: Map<string, string>;
  shapes: Map<string, LabelShape>;
}

/**
 * The speaker of each line (null for none): the strict rules (`acceptLabel`) first, then, in a file
 * that has speakers by them, the lenient ones (`lenientSpeaker`). `first` is the first line after the front
 * matter; `separate` says every line is a paragraph of its own.
 */
export function speakerLabels(
  heads: readonly (LineHead | null)[],
  lines: readonly string[],
  first: number,
  counts: ReadonlyMap<string, number>,
  source: { separate: boolean; headings?: ReadonlySet<string> },
): (string | null)[] {
  const { separate } = source;
  const shapes = new Map<string, LabelShape>();
  // A label made only of heading words (`Chancen:`) is a section's heading: no shape, so never a speaker.
  const headings = source.headings;
  if (headings && headings.size > 0) for (const label of new Set(heads.map((h) => h?.label?.text))) if (label !== undefined && isHeading(label, headings)) shapes.set(label, null);
  const strict = heads.map((h) => (h?.label && acceptLabel(h.label, shapeOf(shapes, h.label.text), counts) ? nfc(h.label.text) : null));
  const pass: LabelPass = { lines, heads, first, separate, strict, strongKeys: new Set(), codeSpelling: new Map(), shapes };
  for (const label of strict) {
    if (label === null) continue;
    const key = speakerKey(label);
    pass.strongKeys.add(key);
    if (shapeOf(shapes, label) === 'code' && !pass.codeSpelling.has(key)) pass.codeSpelling.set(key, label);
  }
  if (pass.strongKeys.size === 0) return strict;
  const speakers = new Array<string | null>(strict.length);
  for (let i = 0; i < strict.length; i++) speakers[i] = strict[i] ?? lenientSpeaker(pass, i);
  return speakers;
}

/** The speaker of line `i` by the lenient rules, when the strict ones found none there. */
function lenientSpeaker(pass: LabelPass, i: number): string | null {
  const head = pass.heads[i];
  const candidate = head?.label;
  if (!head || !candidate) return null;
  const key = speakerKey(candidate.text);
  // `b3:` in a file whose `B3:` is a code: the same speaker, spelt as the code.
  const code = pass.codeSpelling.get(key);
  if (code !== undefined && CODE_LABEL.test(candidate.text.toUpperCase())) return code;
  // A name that speaks once (`Jonas Weber: Ja, alles klar.`), in a file with other speakers: a label when it
  // starts a paragraph, has text after it, and is no metadata key.
  if (
    shapeOf(pass.shapes, candidate.text) === 'name' &&
    !pass.strongKeys.has(key) &&
    !isMetadataKey(candidate.text) &&
    (i === pass.first || pass.separate || pass.heads[i - 1] === null || pass.strict[i - 1] !== null) &&
    head.afterLabel < pass.lines[i]!.trimEnd().length
  ) {
    return nfc(candidate.text);
  }
  return null;
}
