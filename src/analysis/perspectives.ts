import type { Codebook, CodedUnit, Perspective, PerspectiveCondition, PerspectiveResult } from '../types.js';
import { groupBy } from '../arrays.js';
import { cmp } from '../problems.js';
import { codableUnits, codebookOrder, sortUnits, speakerId, unitCodes, unitId } from './units.js';

/** True when a set of full codes satisfies a condition: all present, one of `any` (if given), none of `none`. */
export function satisfies(codes: ReadonlySet<string>, when: PerspectiveCondition): boolean {
  if (!when.all.every((c) => codes.has(c))) return false;
  if (when.any.length > 0 && !when.any.some((c) => codes.has(c))) return false;
  return !when.none.some((c) => codes.has(c));
}

/**
 * Every declared perspective of the codebook with its support (units, or transcripts for
 * `scope: transcript`), the transcripts, speakers and groups (when units have a `group`) behind it
 * and its evidence units; callers keep those whose support reaches `minSupport`.
 */
export function findPerspectives(units: readonly CodedUnit[], codebook: Codebook): PerspectiveResult[] {
  const order = codebookOrder(codebook.categories);
  const codable = sortUnits(codableUnits(units));
  const byTranscript = groupBy(codable, (u) => u.transcript);
  return codebook.perspectives.map((p) => {
    const named = namedCategories(p, order);
    let support: number;
    let transcripts: string[];
    let evidence: CodedUnit[];
    if (p.scope === 'transcript') {
      const supporting = [...byTranscript.keys()].filter((id) => satisfies(unionOfCodes(byTranscript.get(id)!), p.when));
      support = supporting.length;
      transcripts = distinctSorted(supporting);
      // Evidence is the units that carry a named code; a transcript supported only through
      // `none` (empty all/any) therefore counts in support but quotes nothing.
      const wanted = new Set(named);
      evidence = supporting.flatMap((id) =>
        byTranscript.get(id)!.filter((u) => u.codings.some((c) => wanted.has(c.category))),
      );
    } else {
      evidence = codable.filter((u) => satisfies(unitCodes(u), p.when));
      support = evidence.length;
      transcripts = distinctSorted(evidence.map((u) => u.transcript));
    }
    const result: PerspectiveResult = {
      code: p.code,
      label: p.label,
      kind: 'declared',
      scope: p.scope,
      support,
      minSupport: p.minSupport,
      transcripts,
      speakers: distinctSorted(evidence.map(speakerId)),
      categories: named,
      evidence: evidence.map(unitId),
    };
    if (p.description !== undefined) result.description = p.description;
    const groups = distinctSorted(evidence.flatMap((u) => (u.attributes.group !== undefined ? [u.attributes.group] : [])));
    if (groups.length > 0) result.groups = groups;
    return result;
  });
}

/** The codes named in `all` and `any`, once each, in codebook order (unknown codes last, as written). */
function namedCategories(p: Perspective, order: ReadonlyMap<string, number>): string[] {
  const named = [...new Set([...p.when.all, ...p.when.any])];
  const rank = (c: string): number => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  return named.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i).map((x) => x.c);
}


/** The full codes of any unit of a list. */
function unionOfCodes(units: readonly CodedUnit[]): Set<string> {
  const codes = new Set<string>();
  for (const u of units) for (const c of u.codings) codes.add(c.category);
  return codes;
}

/** Distinct strings in code-unit order. */
function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}
