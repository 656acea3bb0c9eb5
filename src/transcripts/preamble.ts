import { CODE_LABEL } from './labels.js';

/**
 * The legend of a transcript's preamble: lines that say which label stands for which role
 * (`I: Interviewer, B: Befragter`, `I = Interviewer`, `P = Protokollant`). Roles that lead the talk
 * or take notes make their labels moderators.
 */

/** Role words a legend may name (prefixes, lower case; misspellings like "Interwiever" included). */
const ROLE_VALUE =
  /^(?:inter[vw]|moderat|co-?moderat|mod\.?$|protokoll|note|gesprächsleit|leitung|befragt|teilnehm|respond|particip|expert|proband|gast|schüler|student|lehr|sprecher|person|forsch|beobacht|transkri|fachkraft|eltern|mutter|vater|jugendlich|kind)/u;

/** Roles of the interviewing side: interviewer (not interviewee), moderator, note-taker (lower case). */
const MODERATOR_VALUE =
  /^(?:inter[vw]i?e?[vw]e(?:r|nde)|inter[vw]iewende|moderat|co-?moderat|mod\.?$|protokoll|note-?taker|gesprächsleit|leitung|facilitat)/u;

/** One `LABEL: role` or `LABEL = role` of a legend. */
const PAIR = /^[ \t]*(\p{L}{1,4}(?:[ \t]?\d{1,3}[a-z]?)?)[ \t]*(?::|=|–|—|-)[ \t]*(\p{L}[\p{L}\p{M}*:/()'’.\-]*(?:[ \t]+\p{L}[\p{L}\p{M}*:/()'’.\-]*){0,2})[ \t]*$/u;

/** The `[label, role]` pairs of a legend line, or null when the line is no legend (every part must be one). */
export function legendPairs(line: string): [string, string][] | null {
  let bare = line.replace(/\*\*|__/gu, '').replace(/\\$/u, '').trim();
  // `(S = Student; I = Interviewer)`: a legend in brackets.
  if (/^\(.*\)$/u.test(bare)) bare = bare.slice(1, -1).trim();
  if (bare === '') return null;
  const pairs: [string, string][] = [];
  for (const part of bare.split(/[ \t]*[,;|][ \t]*|[ \t]{2,}|\t/u)) {
    if (part === '') continue;
    const m = PAIR.exec(part);
    if (!m || m[1] === undefined || m[2] === undefined) return null;
    if (!CODE_LABEL.test(m[1])) return null;
    if (!ROLE_VALUE.test(m[2].toLowerCase())) return null;
    pairs.push([m[1], m[2]]);
  }
  return pairs.length > 0 ? pairs : null;
}

/** True when a legend's role is one of the interviewing side (interviewer, moderator, note-taker). */
export function moderatorRole(role: string): boolean {
  return MODERATOR_VALUE.test(role.toLowerCase());
}
