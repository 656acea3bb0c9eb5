import type { CodedUnit, Match } from '../types.js';
import { drawIndices, DEFAULT_SEED } from './sample.js';

/** One coding of a unit to judge: a category with evidence of its own. */
export interface ReviewCoding {
  category: string;
  label: string;
  /** The distinct terms and rules of the category itself that fired, in order of first occurrence. */
  matched: string[];
  /** Their spans in the unit's text. */
  spans: Match[];
}

/** A unit to review: its codings to judge (none for a sampled uncoded unit) and the unit before it. */
export interface ReviewItem {
  unit: CodedUnit;
  /** The unit before it in its transcript (any speaker), for context; null for the first. */
  before: CodedUnit | null;
  /** Drawn by `--sample` from the units the rules left uncoded. */
  sample: boolean;
  codings: ReviewCoding[];
}

/** Options of `buildQueue`. */
export interface QueueOptions {
  /** Only units coded with this category or one of its subcategories (full code), and only those codings. */
  category?: string;
  /** Also this many codable units the rules left uncoded, drawn with the seed. */
  sample?: number;
  seed?: string;
}

const key = (m: Match): string => `${m.start}:${m.end}:${m.by}`;

/**
 * The codings of a unit a reviewer judges: those with evidence of their own, in the unit's order
 * (codebook order). A parent coded only because a subcategory is (roll-up) is not judged apart:
 * it follows its subcategories. Own evidence is what no coded subcategory has, as `explain` says.
 */
export function ownCodings(unit: CodedUnit, labels: ReadonlyMap<string, string>): ReviewCoding[] {
  const out: ReviewCoding[] = [];
  for (const c of unit.codings) {
    const inherited = new Set(unit.codings.filter((k) => k.category.startsWith(c.category + '/')).flatMap((k) => k.matches.map(key)));
    const spans = c.matches.filter((m) => !inherited.has(key(m)));
    if (spans.length === 0) continue;
    out.push({ category: c.category, label: labels.get(c.category) ?? c.category, matched: [...new Set(spans.map((m) => m.by))], spans });
  }
  return out;
}

const inScope = (path: string, category: string | undefined): boolean => category === undefined || path === category || path.startsWith(category + '/');

/**
 * The units to review, in input order (transcript, then segment): every codable unit with a coding
 * to judge (in the scope of `category`), and with `sample` that many of the codable units that are
 * coded with nothing, drawn reproducibly from all of them in input order (the same inputs and
 * seed always draw the same units, whatever has been decided already).
 */
export function buildQueue(units: readonly CodedUnit[], labels: ReadonlyMap<string, string>, options: QueueOptions = {}): ReviewItem[] {
  const items: { index: number; item: ReviewItem }[] = [];
  const uncoded: number[] = [];
  units.forEach((unit, index) => {
    if (unit.moderator) return;
    if (unit.codings.length === 0) {
      uncoded.push(index);
      return;
    }
    const codings = ownCodings(unit, labels).filter((c) => inScope(c.category, options.category));
    if (codings.length > 0) items.push({ index, item: { unit, before: beforeOf(units, index), sample: false, codings } });
  });
  if (options.sample !== undefined && options.sample > 0) {
    for (const k of drawIndices(uncoded.length, options.sample, options.seed ?? DEFAULT_SEED)) {
      const index = uncoded[k]!;
      items.push({ index, item: { unit: units[index]!, before: beforeOf(units, index), sample: true, codings: [] } });
    }
  }
  return items.sort((a, b) => a.index - b.index).map((x) => x.item);
}

function beforeOf(units: readonly CodedUnit[], index: number): CodedUnit | null {
  const prev = units[index - 1];
  return prev && prev.transcript === units[index]!.transcript ? prev : null;
}
