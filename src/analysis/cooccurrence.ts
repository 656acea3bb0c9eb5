import type { Category, CodedUnit, CooccurrenceRow } from '../types.js';
import { flattenCategories, isRelated } from '../codebook/flatten.js';
import { codableUnits, sortUnits, unitCodes } from './units.js';

/**
 * Where two categories count as occurring together: in the same unit, in the same transcript, or
 * within a window of `size` consecutive codable units of one transcript (`window:1` = unit).
 */
export type CooccurrenceScope = { kind: 'unit' } | { kind: 'transcript' } | { kind: 'window'; size: number };

/** The scope used when none is given. */
export const UNIT_SCOPE: CooccurrenceScope = { kind: 'unit' };

/** Parse `unit`, `transcript` or `window:N` (N a whole number ≥ 1); undefined for anything else. */
export function parseCooccurrenceScope(text: string): CooccurrenceScope | undefined {
  if (text === 'unit') return { kind: 'unit' };
  if (text === 'transcript') return { kind: 'transcript' };
  const m = /^window:([1-9]\d{0,5})$/.exec(text);
  return m ? { kind: 'window', size: Number(m[1]) } : undefined;
}

/** A scope written as the command line takes it: `unit`, `transcript`, `window:3`. */
export function formatCooccurrenceScope(scope: CooccurrenceScope): string {
  return scope.kind === 'window' ? `window:${scope.size}` : scope.kind;
}

/**
 * Category pairs that co-occur in the given scope, `a` before `b` in codebook order and rows
 * ordered by `a` then `b`; pairs of a category with its own ancestor are left out because roll-up
 * makes them co-occur by construction. Moderator units are skipped everywhere, also when counting
 * window distances, so a moderator's prompt between two answers does not keep them apart.
 *
 * Figures of a row (n_a, n_b = codable units coded with a, b):
 * - `segments`: units coded with a (or b) whose scope also holds b (or a): in unit scope the units
 *   coded with both; in `window:N` the units with the partner at most N−1 codable units away; in
 *   transcript scope the units of a or b in transcripts that have both.
 * - `jaccard` = segments ÷ units coded with a or b; the classic Jaccard coefficient in unit scope,
 *   and in wider scopes the share of the pair's units that have the partner nearby. Always 0…1.
 * - `c`: the c-coefficient as ATLAS.ti defines it, c = n12 ÷ (n1 + n2 − n12), with n1, n2 how
 *   often each code occurs and n12 how often they co-occur. In ATLAS.ti these are counts of
 *   quotations, and two codes co-occur on the same quotation or on overlapping quotations; its
 *   manual notes that the c-index assumes separate, non-overlapping text entities and marks cells
 *   where overlaps push it out of range. fokus' contexts never overlap: in unit scope they are the
 *   units (so c equals Jaccard), in transcript scope the transcripts (c is the Jaccard coefficient
 *   of the sets of transcripts), and in `window:N` every run of N consecutive codable units of a
 *   transcript (a shorter transcript is one window) — the figure ATLAS.ti would give if each window
 *   were one quotation. So c stays within 0…1, and `window:1` gives the unit figures. Like
 *   ATLAS.ti's (which flags pairs whose frequencies differ more than fivefold), c and Jaccard are
 *   small whenever one category is much more frequent than the other; the counts in `contexts`
 *   and `segments` show it.
 */
export function countCooccurrence(
  units: readonly CodedUnit[],
  categories: readonly Category[],
  scope: CooccurrenceScope = UNIT_SCOPE,
): CooccurrenceRow[] {
  const flat = flattenCategories(categories);
  const counts = newCooccurrenceCounts(flat.length);
  for (const list of byTranscript(codableUnits(units))) addTranscriptCooccurrence(counts, list, flat, scope);
  return cooccurrenceRows(counts, flat);
}

/**
 * The counts behind `countCooccurrence`, added up transcript by transcript (pair keys i·n + j with
 * i < j over flat codebook positions): units per code, units with both of a pair, units of a pair
 * with the partner in scope, and contexts per code and per pair.
 */
export interface CooccurrenceCounts {
  n: number;
  single: number[];
  both: Map<number, number>;
  involved: Map<number, number>;
  ctxSingle: number[];
  ctxBoth: Map<number, number>;
}

/** Empty counts for `n` categories. */
export function newCooccurrenceCounts(n: number): CooccurrenceCounts {
  return { n, single: new Array<number>(n).fill(0), both: new Map(), involved: new Map(), ctxSingle: new Array<number>(n).fill(0), ctxBoth: new Map() };
}

/** Add the counts of `from` to `into` (counts of different transcripts add up). */
export function addCooccurrenceCounts(into: CooccurrenceCounts, from: CooccurrenceCounts): void {
  const add = (a: Map<number, number>, b: Map<number, number>): void => {
    for (const [k, v] of b) a.set(k, (a.get(k) ?? 0) + v);
  };
  for (let i = 0; i < into.n; i++) {
    into.single[i]! += from.single[i]!;
    into.ctxSingle[i]! += from.ctxSingle[i]!;
  }
  add(into.both, from.both);
  add(into.involved, from.involved);
  add(into.ctxBoth, from.ctxBoth);
}

/** Count one transcript's codable units (all of one transcript id, in segment order) into `counts`. */
export function addTranscriptCooccurrence(
  counts: CooccurrenceCounts,
  list: readonly CodedUnit[],
  flat: readonly Category[],
  scope: CooccurrenceScope,
): void {
  const { n, single, both, involved, ctxSingle, ctxBoth } = counts;
  const index = new Map(flat.map((c, i) => [c.path, i]));
  const related = (i: number, j: number): boolean => i === j || isRelated(flat[i]!.path, flat[j]!.path);
  // Pair keys i * n + j with i < j keep every pair count in one flat map.
  const key = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  const bump = (map: Map<number, number>, k: number): void => {
    map.set(k, (map.get(k) ?? 0) + 1);
  };
  const codes = list.map((u) =>
    [...unitCodes(u)]
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined)
      .sort((x, y) => x - y),
  );
  const m = codes.length;
  const reach = scope.kind === 'unit' ? 0 : scope.kind === 'window' ? scope.size - 1 : m;
  // When the reach spans the whole transcript, every unit sees the same codes.
  const everywhere = reach >= m - 1 ? new Set(codes.flat()) : undefined;
  for (let u = 0; u < m; u++) {
    const own = codes[u]!;
    for (const i of own) single[i]! += 1;
    for (let x = 0; x < own.length; x++) for (let y = x + 1; y < own.length; y++) if (!related(own[x]!, own[y]!)) bump(both, key(own[x]!, own[y]!));
    // Codes present anywhere in this unit's reach, the unit itself included.
    let near = everywhere;
    if (!near) {
      near = new Set<number>();
      for (let v = Math.max(0, u - reach); v <= Math.min(m - 1, u + reach); v++) for (const j of codes[v]!) near.add(j);
    }
    const pairs = new Set<number>();
    for (const i of own) for (const j of near) if (!related(i, j)) pairs.add(key(i, j));
    for (const k of pairs) bump(involved, k);
  }
  for (const ctx of contexts(codes, scope)) {
    for (const i of ctx) ctxSingle[i]! += 1;
    for (let x = 0; x < ctx.length; x++) for (let y = x + 1; y < ctx.length; y++) if (!related(ctx[x]!, ctx[y]!)) bump(ctxBoth, key(ctx[x]!, ctx[y]!));
  }
}

/** The rows of added-up counts (see `countCooccurrence`); `flat` are the categories in codebook order. */
export function cooccurrenceRows(counts: CooccurrenceCounts, flat: readonly Category[]): CooccurrenceRow[] {
  const { n, single, both, involved, ctxSingle, ctxBoth } = counts;
  return [...involved.entries()]
    .sort(([k1], [k2]) => k1 - k2)
    .map(([k, segments]) => {
      const i = Math.floor(k / n);
      const j = k % n;
      const either = single[i]! + single[j]! - (both.get(k) ?? 0);
      const n12 = ctxBoth.get(k) ?? 0;
      const cDenominator = ctxSingle[i]! + ctxSingle[j]! - n12;
      return {
        a: flat[i]!.path,
        b: flat[j]!.path,
        segments,
        jaccard: segments / either,
        c: cDenominator === 0 ? 0 : n12 / cDenominator,
        contexts: { a: ctxSingle[i]!, b: ctxSingle[j]!, both: n12 },
      };
    });
}

/** Codable units grouped by transcript (transcripts in code-unit order), each list in segment order. */
function byTranscript(units: readonly CodedUnit[]): CodedUnit[][] {
  const groups: CodedUnit[][] = [];
  for (const u of sortUnits(units)) {
    const last = groups.at(-1);
    if (last && last[0]!.transcript === u.transcript) last.push(u);
    else groups.push([u]);
  }
  return groups;
}

/** The contexts of one transcript for the c-coefficient, each as the sorted codes present in it. */
function contexts(codes: readonly number[][], scope: CooccurrenceScope): number[][] {
  const m = codes.length;
  const union = (from: number, to: number): number[] => {
    const set = new Set<number>();
    for (let v = from; v <= to; v++) for (const i of codes[v]!) set.add(i);
    return [...set].sort((x, y) => x - y);
  };
  if (m === 0) return [];
  if (scope.kind === 'unit') return codes.map((c) => [...c]);
  if (scope.kind === 'transcript' || m <= scope.size) return [union(0, m - 1)];
  const out: number[][] = [];
  for (let s = 0; s + scope.size <= m; s++) out.push(union(s, s + scope.size - 1));
  return out;
}
