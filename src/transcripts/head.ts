import { ANNOTATION_WORDS, NAME_PARTICLES, NAME_TITLES, NOT_CODE_WORDS, NOT_NAME_WORDS, ROLE_WORDS } from '../lang/de/labels.js';
import { AFFILIATION_END, CODE_LABEL, GENDER_SUFFIX, LABEL_SOURCE, MAX_LABEL_LENGTH, NAME_WORD } from './labels.js';
import { nfc } from '../text/speaker-key.js';
import { timeMarkAt } from './times.js';

/** A speaker-label candidate at the start of a line, before deciding whether it is a speaker. */
export interface LabelCandidate {
  /** The label as written, without `**`, brackets, colon and time marks. */
  text: string;
  /** True when a bracketed time mark stands next to the label (`I [00:00:05]`, `[00:00:05] Anna:`). */
  timed: boolean;
}

/** What starts a line: time marks and perhaps a speaker-label candidate (offsets in UTF-16 units). */
export interface LineHead {
  /** The first time mark before the text, label or not (seconds). */
  start?: number;
  /** The first time mark before any label (seconds); what counts when the candidate is rejected. */
  leadingStart?: number;
  /** True when the line starts with a bracketed `[…]`/`(…)` time mark (not an f4 `#…#` mark, which ends paragraphs). */
  bracketTimeFirst: boolean;
  /** Offset after the leading time marks and white space. */
  afterTimes: number;
  /** The label candidate, if the line has one. */
  label?: LabelCandidate;
  /** Offset after the label, its colon, its time marks and white space. */
  afterLabel: number;
}

/** The shape of a label: a transcription code, a role word, a name, or nothing a speaker could be. */
export type LabelShape = 'code' | 'role' | 'name' | null;

const LABEL_RE = new RegExp(LABEL_SOURCE, 'uy');
const BOLD_RE = /\*\*([^*\n]{1,60}?)\*\*/y;
const BRACKET_RE = /\[([^\]\n]{1,42})\]/y;
/** A kramdown inline attribute list right after a bold label (`**Interviewer:**{: .text-yellow-000}`); styling, not text. */
const IAL_RE = /\{:[^}\n]{0,80}\}/y;

/** Offset of the first non-blank (space or tab) character at or after `i`. */
function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/** Time marks read at one place: the first one's seconds, whether any was bracketed, the offset after them. */
interface Times {
  seconds?: number;
  /** True when a `[…]` or `(…)` mark was among them (an f4 `#…#` mark is not: it closes text). */
  bracketed: boolean;
  end: number;
}

/** Reads consecutive time marks at `i` (blanks before and after skipped). */
function readTimes(s: string, i: number): Times {
  const times: Times = { bracketed: false, end: skipBlanks(s, i) };
  for (let m = timeMarkAt(s, times.end); m; m = timeMarkAt(s, times.end)) {
    times.seconds ??= m.seconds;
    if (s[m.start] !== '#') times.bracketed = true;
    times.end = skipBlanks(s, m.end);
  }
  return times;
}

/** True when a colon at `i` ends a label (not `http://`, not `12:30`). */
function isLabelColon(s: string, i: number): boolean {
  if (s[i] !== ':') return false;
  const next = s[i + 1];
  return next === undefined || !(next === '/' || (next >= '0' && next <= '9'));
}

interface Hit {
  text: string;
  seconds?: number;
  /** True when a bracketed time mark stands beside the label. */
  bracketed: boolean;
  end: number;
}

/** A hit, leaving `seconds` out when unknown. */
function hit(text: string, seconds: number | undefined, bracketed: boolean, end: number): Hit {
  return seconds === undefined ? { text, bracketed, end } : { text, seconds, bracketed, end };
}

/** `LABEL:`, `LABEL [time]:`, `LABEL: [time]`, `LABEL [time]` at `i`, or the whole of `s` when `whole`. */
function matchPlain(s: string, i: number, whole: boolean): Hit | null {
  LABEL_RE.lastIndex = i;
  const m = LABEL_RE.exec(s);
  if (!m) return null;
  const before = readTimes(s, i + m[0].length);
  let pos = before.end;
  let seconds = before.seconds;
  let bracketed = before.bracketed;
  if (isLabelColon(s, pos)) {
    const after = readTimes(s, pos + 1);
    seconds ??= after.seconds;
    bracketed ||= after.bracketed;
    pos = after.end;
  } else if (!whole && !before.bracketed) {
    // Without a colon only a bracketed time marks a label (`Moderatorin [00:00:05] Herzlich …`);
    // an f4 mark after words is the end of a line of text.
    return null;
  }
  if (whole && pos !== s.length) return null;
  return hit(m[0], seconds, bracketed, pos);
}

/** `**LABEL**`, `**LABEL:**`, `**LABEL [time]**`, `**LABEL**:` at `i`. */
function matchBold(s: string, i: number): Hit | null {
  if (s.charCodeAt(i) !== 0x2a || s.charCodeAt(i + 1) !== 0x2a) return null;
  BOLD_RE.lastIndex = i;
  const m = BOLD_RE.exec(s);
  if (!m || m[1] === undefined) return null;
  const inner = matchPlain(m[1].trim(), 0, true);
  if (!inner) return null;
  let pos = i + m[0].length;
  IAL_RE.lastIndex = pos;
  if (IAL_RE.test(s)) pos = IAL_RE.lastIndex;
  pos = skipBlanks(s, pos);
  if (isLabelColon(s, pos)) pos++;
  const after = readTimes(s, pos);
  return hit(inner.text, inner.seconds ?? after.seconds, inner.bracketed || after.bracketed, after.end);
}

/** `[LABEL]`, `[LABEL]:`, `[LABEL:]` at `i`, with time marks after it. */
function matchBracket(s: string, i: number): Hit | null {
  if (s.charCodeAt(i) !== 0x5b) return null;
  BRACKET_RE.lastIndex = i;
  const m = BRACKET_RE.exec(s);
  if (!m || m[1] === undefined) return null;
  const inner = m[1].trim().replace(/:$/u, '').trimEnd();
  LABEL_RE.lastIndex = 0;
  const lm = LABEL_RE.exec(inner);
  if (!lm || lm[0] !== inner) return null;
  let pos = skipBlanks(s, i + m[0].length);
  if (isLabelColon(s, pos)) pos++;
  const after = readTimes(s, pos);
  return hit(inner, after.seconds, after.bracketed, after.end);
}

/**
 * The label a document marked (the bold run it starts with, ending at `end`) at `i`, without its
 * colon, with the time marks inside it or after it.
 */
function matchGiven(s: string, i: number, end: number): Hit | null {
  const inner = matchPlain(s.slice(i, end).replace(/\s*:\s*$/u, '').trim(), 0, true);
  if (!inner) return null;
  let pos = skipBlanks(s, end);
  if (isLabelColon(s, pos)) pos++;
  const after = readTimes(s, pos);
  return hit(inner.text, inner.seconds ?? after.seconds, inner.bracketed || after.bracketed, after.end);
}

/**
 * Parse the head of a line: leading time marks, then a label candidate in any supported style, or
 * the label a document marked as one, ending at `labelEnd` (a paragraph's leading bold run).
 */
export function parseLineHead(line: string, labelEnd?: number): LineHead {
  const first = skipBlanks(line, 0);
  const leading = readTimes(line, first);
  const bracketTimeFirst = leading.seconds !== undefined && line[first] !== '#';
  const head: LineHead = { bracketTimeFirst, afterTimes: leading.end, afterLabel: leading.end };
  if (leading.seconds !== undefined) {
    head.start = leading.seconds;
    head.leadingStart = leading.seconds;
  }
  const pos = leading.end;
  // `[00:00:00] Stefan` alone on its line (the text follows on the next): time first, then a bare label.
  const alone = bracketTimeFirst && !line.includes(':', pos) ? matchPlain(line.trimEnd(), pos, true) : null;
  const found = labelEnd !== undefined ? matchGiven(line, pos, labelEnd) : (matchBold(line, pos) ?? matchBracket(line, pos) ?? matchPlain(line, pos, false) ?? alone);
  if (!found || found.text.replace(AFFILIATION_END, '').length > MAX_LABEL_LENGTH) return head;
  head.label = { text: found.text, timed: leading.bracketed || found.bracketed };
  head.afterLabel = found.end;
  if (head.start === undefined && found.seconds !== undefined) head.start = found.seconds;
  return head;
}

/** True for a word that may stand in a name label: capitalised and not a sentence or heading word. */
function isNameWord(word: string): boolean {
  const bare = word.replace(/\.$/u, '').toLowerCase();
  // A word with a full stop is a title or an initial (`Dr.`, `M.`), never the end of a sentence.
  if (word.endsWith('.') && NAME_TITLES.has(bare)) return true;
  if (word.endsWith('.') && bare.length > 1) return false;
  return NAME_WORD.test(word) && !NOT_NAME_WORDS.has(bare) && !ANNOTATION_WORDS.has(bare);
}

/**
 * The shape of a label: `code` (`I`, `B1`, `TN3`, `IP 2`), `role` (a role word, optionally with a
 * number, letter or name), `name` (up to four capitalised words, particles allowed), else null.
 */
export function labelShape(raw: string): LabelShape {
  const written = nfc(raw);
  const label = written.replace(AFFILIATION_END, '');
  // With an affiliation ("Sachverständiger Kurz (Jugendamt)") the words are a name, whatever they mean.
  if (label !== written) return label.split(/[ \t]+/u).every((w) => NAME_WORD.test(w) || NAME_PARTICLES.has(w)) ? 'name' : null;
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
  if (CODE_LABEL.test(label)) {
    const letters = label.replace(/[^\p{L}]/gu, '').toLowerCase();
    return NOT_CODE_WORDS.has(letters) ? null : 'code';
  }
  const words = label.split(/[ \t]+/u);
  const [head, ...rest] = words;
  if (head === undefined || words.length > 4) return null;
  // "Mod.", "Int.": abbreviated role words keep their full stop.
  const role = head.toLowerCase().replace(/\.$/u, '').replace(GENDER_SUFFIX, '');
  if (ROLE_WORDS.has(role)) {
    const ok = rest.every(
      (w) => /^\d{1,3}[a-z]?$/u.test(w) || /^\p{Lu}$/u.test(w) || ROLE_WORDS.has(w.toLowerCase()) || isNameWord(w),
    );
    return ok ? 'role' : null;
  }
  if (!isNameWord(head)) return null;
  return rest.every((w) => isNameWord(w) || NAME_PARTICLES.has(w)) ? 'name' : null;
}
