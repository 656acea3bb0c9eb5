/**
 * What one candidate does to every model's coding of its category: the units it may change, the
 * features' estimate (from the units it fires in), and the matcher's measure (those units coded
 * again with each model's tree plus the candidate).
 */
import { changeOfCandidate } from './apply.js';
import { adds, type Candidate } from './candidates.js';
import { deltasOf, type Deltas, type ModelCoding } from './models.js';
import { codesAt, type Tree } from './tree.js';

/** A candidate with the units it fires in (see `probeCandidates`) and the units it may change. */
export interface CandidateUnits {
  candidate: Candidate;
  fires: Int32Array;
  touched: Int32Array;
}

/** The units a candidate may change: where it fires, or for a negation guard every unit some model codes. */
export function touchedBy(mc: ModelCoding, c: Candidate, fires: Int32Array): Int32Array {
  if (c.kind !== 'negation') return fires;
  const out: number[] = [];
  const N = mc.split.units.length;
  for (let u = 0; u < N; u++) {
    for (let m = 0; m <= mc.split.folds; m++) {
      if (mc.coded[m]![u]) {
        out.push(u);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

/** The features' estimate: what the candidate's units do to each model's coding. */
export function estimateOf(mc: ModelCoding, t: CandidateUnits): Deltas {
  const { candidate: c, fires, touched } = t;
  if (c.kind === 'negation') {
    // The guarded tree still codes `fires`; units coded by the codebook itself and not there lose the category.
    const still = new Set(fires);
    return deltasOf(mc, touched, (m, i) => {
      const u = touched[i]!;
      return mc.coded[m]![u] === 1 && !(mc.base[u] === 1 && !still.has(u));
    });
  }
  if (adds(c.kind)) return deltasOf(mc, touched, (m, i) => mc.coded[m]![touched[i]!] === 1 || mc.blocked[m]![touched[i]!] === 0);
  return deltasOf(mc, touched, () => false);
}

/** The matcher's measure: the candidate's units coded again with each model's tree plus the candidate, and those codings per model. */
export function measureOf(mc: ModelCoding, tree: Tree, t: CandidateUnits): { deltas: Deltas; flags: Map<number, Uint8Array> } {
  const { candidate: c, touched } = t;
  const flags = new Map<number, Uint8Array>();
  for (const [s, models] of tree.models(mc.split.folds)) {
    const entry = tree.entry(s, { id: c.id, change: changeOfCandidate(c) });
    const index = entry.index.get(mc.path)!;
    const f = new Uint8Array(touched.length);
    touched.forEach((u, i) => (f[i] = codesAt(entry, index, mc.split.units[u]!.text) ? 1 : 0));
    for (const m of models) flags.set(m, f);
  }
  return { deltas: deltasOf(mc, touched, (m, i) => flags.get(m)![i] === 1), flags };
}
