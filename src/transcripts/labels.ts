/**
 * Speaker-label patterns of German transcription styles, as data. The parser in `head.ts` finds a
 * label *candidate* at the start of a paragraph with these patterns; `acceptLabel` in `text.ts`
 * decides whether a candidate really is a speaker (see the heuristic described there).
 */

/** A time inside a mark: `hh:mm:ss`, `h:mm:ss` or `mm:ss`, optionally with a fraction after `-`, `.` or `,`. */
const TIME = String.raw`(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,-](\d{1,3}))?`;

/**
 * A time mark: f4/f5 `#00:01:23-4#`, `[00:01:23]`, `[01:23]` or `(00:01:23)`. Groups: 1 opening
 * character, 2 hours, 3 minutes, 4 seconds, 5 fraction digits, 6 closing character (the opening
 * and closing characters must pair, which the code checks).
 */
export const TIME_MARK_SOURCE = String.raw`([#[(])${TIME}([#\])])`;

/** One word of a label: starts with a letter or digit (combining marks of NFD text allowed after it); may carry `.`, `-`, `'`, `/`, `*` and a gender colon (`Teilnehmer:in`). */
const LABEL_WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’_\-/*]*(?::in(?:nen)?(?!\p{L}))?`;

/** An affiliation in brackets after a name, as in minutes and hearings: `Kreisrat Hofmann (CDU)`, `Frau Kurz (Jugendamt)`. */
const AFFILIATION = String.raw`[ \t]+\([\p{L}\p{N}][\p{L}\p{M}\p{N} .,'’&/\-]{0,40}\)`;

/** The affiliation at the end of a label (see `AFFILIATION`), to be set aside when judging its shape and length. */
export const AFFILIATION_END = new RegExp(`${AFFILIATION}$`, 'u');

/** A label: up to four words separated by spaces or tabs, starting with a letter, perhaps with an affiliation. */
export const LABEL_SOURCE = String.raw`\p{L}[\p{L}\p{M}\p{N}.'’_\-/*]*(?::in(?:nen)?(?!\p{L}))?(?:[ \t]+${LABEL_WORD}){0,3}(?:${AFFILIATION})?`;

/** Longest label accepted, in UTF-16 units ("Frau Prof. Dr. Müller-Lüdenscheidt" fits). */
export const MAX_LABEL_LENGTH = 40;

/**
 * Labels that look like transcription codes: `I`, `B1`, `TN3`, `IP 2`, `S01`, `M`, `P4`, `B2a`,
 * and diarisation names such as `SPEAKER_00`.
 */
export const CODE_LABEL = /^(?:\p{Lu}{1,4}(?:[ \t]?\d{1,3}[a-z]?)?|\p{Lu}+_\d{1,3})$/u;

/** Gender markers removed from a role word before looking it up (`Moderator/in`, `Teilnehmer*in`, `Teilnehmer:in`, `Interviewer(in)`). */
export const GENDER_SUFFIX = /(?:[/*:_]-?in(?:nen)?|\(in\))$/u;

/** A capitalised word of a name label (`Anna`, `Dr.`, `Müller-Lüdenscheidt`, `O'Neill`). */
export const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’\-]*\.?$/u;

/** How many times a name-like label must occur as a candidate in one file to count as a speaker. */
export const MIN_NAME_OCCURRENCES = 2;

