import type { Category, Codebook, CodedUnit, PerspectiveResult } from '../types.js';
import { cmp } from '../problems.js';
import { flattenCategories } from '../codebook/flatten.js';
import { distinctiveTerms, indexWords, speakerWords, textWords, type DistinctiveTerm, type WordOptions } from './keyterms.js';
import { foldWord, lowerWord } from '../text/normalize.js';
import { emergentCombinations, type Combination } from './emergent-search.js';
import { codableUnits, sortUnits, speakerId, unitId } from './units.js';

export { emergentCombinations, MAX_EMERGENT_TESTS, supportNeeded, type CodeIndex, type Combination, type SearchStats } from './emergent-search.js';

/** Options of `findEmergentPerspectives`. */
export interface EmergentOptions extends Partial<WordOptions> {
  /** Least number of units a combination must occur in (default 3). */
  minSupport?: number;
  /** Least lift: observed ÷ expected support under independence (default 1.5). */
  minLift?: number;
  /** Key terms named in a generated label (default 3). */
  labelTerms?: number;
  /** Most perspectives reported: the first ones in report order (default 50; 0 = all). */
  maxEmergent?: number;
}

/** Default least support of an emergent perspective, in units. */
export const DEFAULT_MIN_SUPPORT = 3;

/** Default least lift of an emergent perspective. */
export const DEFAULT_MIN_LIFT = 1.5;

/** Default number of key terms in the label of an emergent perspective. */
export const DEFAULT_LABEL_TERMS = 3;

/**
 * Default most emergent perspectives reported. On a large corpus with a large codebook, thousands
 * of combinations can pass the tests (any real dependence becomes significant with enough units);
 * a list that long is no longer read, and each perspective costs a key-term ranking. The first
 * ones in report order (pairs, then triples, each by lift) are kept.
 */
export const DEFAULT_MAX_EMERGENT = 50;

/** The first `max` combinations (all when `max` is 0). */
export function capCombinations<T>(combos: readonly T[], max: number = DEFAULT_MAX_EMERGENT): T[] {
  return max > 0 ? combos.slice(0, max) : [...combos];
}

/**
 * Category pairs and triples that co-occur in units clearly more often than chance — development
 * perspectives the data suggest (`kind: emergent`), with unit scope. With N codable units and
 * n_X the units coded with X:
 *
 * - A pair {A, B} of categories that are not ancestor and descendant (roll-up makes those
 *   co-occur by construction) is tested when its support n_AB ≥ minSupport: lift =
 *   N·n_AB ÷ (n_A·n_B), and p = the one-sided Fisher (hypergeometric) probability of meeting at
 *   least n_AB times if the two were independent.
 * - A triple {A, B, C} of pairwise unrelated categories is tested when n_ABC ≥ minSupport:
 *   lift = N²·n_ABC ÷ (n_A·n_B·n_C); for each member X with the other two Y, Z, the one-sided
 *   Fisher p of X among the units with both Y and Z against all other units; the largest of the
 *   three is the triple's p. Its pairs already explain it — and it is not reported — unless every
 *   member is more frequent among the units with both others than among the units with either one
 *   alone: n_XYZ/n_YZ > max(n_XY/n_Y, n_XZ/n_Z).
 * - At most `MAX_EMERGENT_TESTS` combinations are tested: when more reach minSupport, the support
 *   required is raised until no more than that many do (`emergent-search.ts`; ties are never split).
 * - Many combinations are tested at once, so the p of all tested pairs and triples are adjusted
 *   together (Benjamini–Hochberg); a combination is kept when its adjusted p < 0.05 and its lift
 *   reaches minLift. The reported `p` is the adjusted one.
 * - A kept combination is dropped when another kept one has exactly the same supporting units and
 *   is at least as specific in every category (a subcategory, or an added third category), and
 *   when its categories are exactly the `all` of a declared perspective without `any` or `none`.
 *
 * Each result names its supporting units as evidence, their transcripts, speakers and groups, and
 * a label from the category labels and the (at most `labelTerms`) words that distinguish the
 * supporting units from all others, leaving out words that repeat a label ("Bedarfe × Vernetzung:
 * Austausch, Plattform"). Pairs come before triples; each by lift, then support, descending, then
 * codebook order; only the first `maxEmergent` (default 50) are reported. The code joins the
 * categories' full codes with `+`.
 */
export function findEmergentPerspectives(units: readonly CodedUnit[], codebook: Codebook, opts: EmergentOptions = {}): PerspectiveResult[] {
  const minSupport = opts.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = opts.minLift ?? DEFAULT_MIN_LIFT;
  const flat = flattenCategories(codebook.categories);
  const index = new Map(flat.map((c, i) => [c.path, i]));
  const codable = sortUnits(codableUnits(units));
  const has = codable.map((u) => new Set(u.codings.map((c) => index.get(c.category)).filter((i): i is number => i !== undefined)));
  const unitsOf = flat.map((_, i) => has.flatMap((s, k) => (s.has(i) ? [k] : [])));
  const combos = capCombinations(
    emergentCombinations({ N: codable.length, n: unitsOf.map((l) => l.length), has: (k, m) => has[k]!.has(m), unitsOf }, codebook, minSupport, minLift),
    opts.maxEmergent,
  );

  const wordOpts: WordOptions = { language: opts.language ?? codebook.language, stem: opts.stem ?? codebook.match.stem };
  const ignore = new Set([...speakerWords(units), ...(opts.ignore ?? [])]);
  const words = indexWords(codable.map((u) => textWords(u.text, { ...wordOpts, ignore })));
  return combos.map((combo) => {
    const selected = new Array<boolean>(codable.length).fill(false);
    for (const k of combo.evidence) selected[k] = true;
    const terms = distinctiveTerms(words, selected);
    return describeCombination(combo, flat, minSupport, terms, opts.labelTerms ?? DEFAULT_LABEL_TERMS, combo.evidence.map((k) => codable[k]!));
  });
}

/** A unit as an emergent perspective's evidence needs it. */
export type EvidenceUnit = Pick<CodedUnit, 'transcript' | 'segment' | 'speaker'> & { attributes: { group?: string } };

/**
 * The perspective of a kept combination: a label from the category labels and the first
 * `labelTerms` of `terms` (the words distinguishing its units, strongest first) that do not repeat
 * a label, and its evidence units (in report order) with their transcripts, speakers and groups.
 */
export function describeCombination(
  combo: Combination,
  flat: readonly Category[],
  minSupport: number,
  terms: readonly DistinctiveTerm[],
  labelTerms: number,
  evidence: readonly EvidenceUnit[],
): PerspectiveResult {
  const named = labelWords(combo.members.map((m) => flat[m]!.label));
  const keyterms = terms
    .filter((t) => !overlapsLabel(t.term, named))
    .slice(0, labelTerms)
    .map((t) => t.display);
  const categories = combo.members.map((m) => flat[m]!.path);
  const names = combo.members.map((m) => flat[m]!.label).join(' × ');
  const groups = distinct(evidence.flatMap((u) => (u.attributes.group !== undefined ? [u.attributes.group] : [])));
  return {
    code: categories.join('+'),
    label: keyterms.length > 0 ? `${names}: ${keyterms.join(', ')}` : names,
    kind: 'emergent',
    scope: 'unit',
    support: evidence.length,
    minSupport,
    transcripts: distinct(evidence.map((u) => u.transcript)),
    speakers: distinct(evidence.map(speakerId)),
    categories,
    evidence: evidence.map(unitId),
    groups,
    lift: combo.lift,
    p: combo.p,
    keyterms,
  };
}

/** Words of a label shorter than this are not compared with key terms ("und", "der"). */
const MIN_LABEL_WORD = 4;

/** The folded, lower-cased words of category labels that are long enough to compare. */
function labelWords(labels: readonly string[]): string[] {
  return labels.flatMap((l) => l.split(/[^\p{L}\p{N}]+/u)).map((w) => foldWord(lowerWord(w))).filter((w) => w.length >= MIN_LABEL_WORD);
}

/**
 * True when a term repeats a category label: it contains a label word or is contained in one
 * ("grundschule" and "Schule", "digital" and "Digitalisierung"), so a label does not say it twice.
 */
function overlapsLabel(term: string, words: readonly string[]): boolean {
  const t = foldWord(term);
  return words.some((w) => t.includes(w) || (t.length >= MIN_LABEL_WORD && w.includes(t)));
}

/** Distinct strings in code-unit order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}
