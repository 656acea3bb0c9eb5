import type { Category, CodedUnit } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';

/** The units that count in shares: every unit that is not a moderator's. */
export function codableUnits<T extends { moderator: boolean }>(units: readonly T[]): T[] {
  return units.filter((u) => !u.moderator);
}

/** A copy of `units` sorted by transcript id (code-unit order), then segment number. */
export function sortUnits<T extends { transcript: string; segment: number }>(units: readonly T[]): T[] {
  return [...units].sort(compareUnits);
}

/** Order of units: by transcript id (code-unit order), then by segment number. */
export function compareUnits(a: { transcript: string; segment: number }, b: { transcript: string; segment: number }): number {
  return cmp(a.transcript, b.transcript) || a.segment - b.segment;
}

/** The id of a unit as used in evidence lists: `transcript#segment`. */
export function unitId(unit: { transcript: string; segment: number }): string {
  return `${unit.transcript}#${unit.segment}`;
}

/** The id of a speaker: `transcript:speaker`, so one label in two transcripts stays two people. */
export function speakerId(unit: { transcript: string; speaker: string }): string {
  return `${unit.transcript}:${unit.speaker}`;
}

/** The full codes a unit is coded with (a set; roll-up codings included as the coder made them). */
export function unitCodes(unit: CodedUnit): Set<string> {
  return new Set(unit.codings.map((c) => c.category));
}

/** Each full code of the category tree mapped to its 0-based position in codebook order. */
export function codebookOrder(categories: readonly Category[]): Map<string, number> {
  return new Map(flattenCategories(categories).map((c, i) => [c.path, i]));
}
