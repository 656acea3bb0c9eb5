/** Small builders for hand-made categories, codebooks and coded units used by aggregate and render tests. */
import { DEFAULT_MATCH } from '../../src/codebook/parse.js';
import type { Category, Codebook, CodedUnit, Perspective } from '../../src/types.js';

/** A category with its own code, label and children; `path` and `level` are set by `tree`. */
export function cat(code: string, label: string, ...children: Category[]): Category {
  return {
    code,
    path: code,
    label,
    level: 1,
    examples: [],
    counterexamples: [],
    terms: [],
    rules: [],
    exclude: [],
    sharedWith: [],
    match: { ...DEFAULT_MATCH },
    categories: children,
  };
}

/** Root categories with full paths and levels filled in below each root. */
export function tree(...roots: Category[]): Category[] {
  const fix = (c: Category, parent: string | null, level: number): Category => ({
    ...c,
    path: parent === null ? c.code : `${parent}/${c.code}`,
    level,
    categories: c.categories.map((k) => fix(k, parent === null ? c.code : `${parent}/${c.code}`, level + 1)),
  });
  return roots.map((r) => fix(r, null, 1));
}

/** What a test unit may set besides transcript, segment and speaker. */
export interface UnitSpec {
  moderator?: boolean;
  start?: number;
  end?: number;
  line?: number;
  text?: string;
  attributes?: Record<string, string>;
  /** Coding.hits per code when it differs from the number of matches (overlapping hits). */
  hits?: Record<string, number>;
}

/**
 * A coded unit; `codes` maps each full code it is coded with (roll-up written out by the test)
 * to the `by` values of its matches, or is a plain list of codes with one match each named after the code.
 */
export function unit(
  transcript: string,
  segment: number,
  speaker: string,
  codes: string[] | Record<string, string[]> = [],
  spec: UnitSpec = {},
): CodedUnit {
  const map: Record<string, string[]> = Array.isArray(codes)
    ? Object.fromEntries(codes.map((c) => [c, [c]]))
    : codes;
  const u: CodedUnit = {
    transcript,
    segment,
    turn: segment,
    speaker,
    moderator: spec.moderator ?? false,
    line: spec.line ?? segment,
    text: spec.text ?? `Text ${transcript} ${segment}`,
    attributes: spec.attributes ?? {},
    codings: Object.entries(map).map(([category, bys]) => ({
      transcript,
      segment,
      category,
      matches: bys.map((by, i) => ({ by, start: i * 10, end: i * 10 + 5 })),
      hits: spec.hits?.[category] ?? bys.length,
    })),
  };
  if (spec.start !== undefined) u.start = spec.start;
  if (spec.end !== undefined) u.end = spec.end;
  return u;
}

/** A moderator unit: kept, never coded. */
export function moderatorUnit(transcript: string, segment: number, speaker: string): CodedUnit {
  return unit(transcript, segment, speaker, [], { moderator: true });
}

/** A declared perspective with defaults for everything but code and condition. */
export function perspective(
  code: string,
  when: Partial<Perspective['when']>,
  more: Partial<Omit<Perspective, 'code' | 'when'>> = {},
): Perspective {
  return {
    code,
    label: more.label ?? code,
    when: { all: when.all ?? [], any: when.any ?? [], none: when.none ?? [] },
    scope: more.scope ?? 'unit',
    minSupport: more.minSupport ?? 1,
    ...(more.description !== undefined ? { description: more.description } : {}),
  };
}

/** A codebook over the given categories and perspectives. */
export function codebook(categories: Category[], perspectives: Perspective[] = []): Codebook {
  return {
    name: 'Test',
    language: 'de',
    unit: 'turn',
    match: { ...DEFAULT_MATCH },
    compounds: 'parts',
    moderators: ['I'],
    sets: [],
    categories,
    perspectives,
    source: { file: 'test.yaml', sha256: '0'.repeat(64) },
  };
}

/**
 * The test frame: bedarfe (personal, raeume), vernetzung, herausforderungen (finanzierung);
 * flattened order bedarfe, bedarfe/personal, bedarfe/raeume, vernetzung, herausforderungen,
 * herausforderungen/finanzierung.
 */
export function frame(): Category[] {
  return tree(
    cat('bedarfe', 'Bedarfe', cat('personal', 'Personal'), cat('raeume', 'Räume')),
    cat('vernetzung', 'Vernetzung'),
    cat('herausforderungen', 'Herausforderungen', cat('finanzierung', 'Finanzierung')),
  );
}
