import type { Matcher } from '../codebook/compile.js';
import type { CodedUnit, Unit } from '../types.js';
import { matchCodes } from './match.js';

/** Code units with a compiled codebook; moderator units are kept with no codings. */
export function codeUnits(units: readonly Unit[], matcher: Matcher): CodedUnit[] {
  return units.map((unit) => {
    if (unit.moderator) return { ...unit, codings: [] };
    const { coded } = matchCodes(unit.text, matcher);
    return {
      ...unit,
      codings: coded.map((c) => ({
        transcript: unit.transcript,
        segment: unit.segment,
        category: c.path,
        matches: c.matches,
        hits: c.hits,
      })),
    };
  });
}
