/**
 * How well a codebook's rules match a human ("gold") coding: per category, at the depths compared,
 * tp/fp/fn, precision, recall, F1 and Cohen's kappa (present/absent per unit), with micro and macro
 * averages and the disagreeing units as examples. The coefficients come from `agreement.ts`.
 */
import { ancestorPaths } from '../codebook/flatten.js';
import type { Message } from '../lang/catalogue.js';
import { cmp, said, sortProblems } from '../problems.js';
import type { CodedUnit, CoderCoding, Problem } from '../types.js';
import { compareUnits, unitId } from '../analysis/units.js';
import { binaryFigures } from './agreement.js';
import type { RuleId } from '../rules.js';


/** A unit the rules and the gold coding disagree on, with what a researcher needs to judge it. */
export interface EvaluationExample {
  /** `transcript#segment`. */
  unit: string;
  transcript: string;
  /** Unit number within the transcript, from 1. */
  segment: number;
  speaker: string;
  /** 1-based line of the unit in its transcript. */
  line: number;
  text: string;
  /** The terms and rules that coded the unit (false positives); empty for false negatives. */
  matched: string[];
}

/** Precision, recall and F1 of one category, with its counts and examples. */
export interface EvaluationRow {
  category: string;
  label: string;
  /** Units both the rules and the gold coding code with the category. */
  tp: number;
  /** Units only the rules code with it. */
  fp: number;
  /** Units only the gold coding codes with it. */
  fn: number;
  /** tp ÷ (tp + fp); null when the rules never coded the category. */
  precision: number | null;
  /** tp ÷ (tp + fn); null when the gold coding never has the category. */
  recall: number | null;
  /** 2·tp ÷ (2·tp + fp + fn); null when neither has the category. */
  f1: number | null;
  /**
   * Cohen's kappa of the rules against the gold coding, present/absent per compared unit (computed
   * as `agree` computes it for two codings); null when chance agreement is 1 (both code the category in
   * every compared unit, or in none) or no unit is compared.
   */
  kappa: number | null;
  falsePositives: EvaluationExample[];
  falseNegatives: EvaluationExample[];
}

/** Figures over all categories. */
export interface EvaluationAverages {
  /** Micro: precision, recall and F1 of the summed tp, fp and fn. */
  micro: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null };
  /** Macro: the mean of each figure over the categories where it is defined (`categories` counts them per figure). */
  macro: {
    precision: number | null;
    recall: number | null;
    f1: number | null;
    kappa: number | null;
    categories: { precision: number; recall: number; f1: number; kappa: number };
  };
}

/** Where the compared depths come from: `--depth` (`option`), the gold coding's codes (`gold`), or every level of the codebook when the gold coding codes nothing (`codebook`). */
export type DepthSource = 'option' | 'gold' | 'codebook';

/** Options of `evaluateCoding`. */
export interface EvaluateOptions {
  /**
   * The levels of the code tree to compare (1 = top-level categories, 2 = their subcategories, …).
   * Default: the levels of the codes the gold coding uses (as written, before the roll-up); every
   * level when it codes nothing.
   */
  depths?: readonly number[];
}

/** Everything `evaluateCoding` finds. */
export interface Evaluation extends EvaluationAverages {
  /** The gold coding's file, as named. */
  gold: string;
  /** Codable units compared (those of the transcripts the gold coding covers). */
  units: number;
  /** Transcript ids compared, sorted. */
  transcripts: string[];
  /** Input transcripts the gold coding does not name (left out), sorted. */
  unjudged: string[];
  /** The levels of the code tree compared (1 = top level), ascending. */
  depths: number[];
  /** Where `depths` comes from. */
  depthsFrom: DepthSource;
  /** The compared categories (those at `depths`), in codebook order. */
  categories: EvaluationRow[];
  /** Gold rows that could not be compared (unknown transcript, unit or category), and `--depth` levels the gold coding has no category at, as warnings. */
  problems: Problem[];
}

/** tp / (tp + other), null when the denominator is 0. */
function ratio(tp: number, other: number): number | null {
  return tp + other > 0 ? tp / (tp + other) : null;
}

/** F1 = 2tp / (2tp + fp + fn), null when all three are 0. */
function f1Of(tp: number, fp: number, fn: number): number | null {
  return tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null;
}

/** The level of a category in the code tree: 1 for `a`, 2 for `a/b`, … */
export function categoryDepth(path: string): number {
  return path.split('/').length;
}

/** Cohen's kappa of the rules against the gold coding on one category, from its 2×2 counts over `units` compared units (via the binary figures `agree` uses). */
function kappaOf(units: number, tp: number, fp: number, fn: number): number | null {
  return binaryFigures({ items: units, present: [units - tp - fp - fn, fp + fn, tp], coded: [tp + fp, tp + fn] }).cohen;
}

/** The mean of the defined values and how many there are. */
function meanDefined(xs: readonly (number | null)[]): { mean: number | null; count: number } {
  const defined = xs.filter((x): x is number => x !== null);
  return { mean: defined.length > 0 ? defined.reduce((s, x) => s + x, 0) / defined.length : null, count: defined.length };
}

/**
 * Compare the codings of the rules (`units`, as `codeInputs` gives them) with a human gold coding
 * of the same units. Only the transcripts the gold coding names are compared, over their codable
 * (non-moderator) units; a unit the gold coding does not list counts as coded with nothing. Gold
 * categories are matched by full code or by an own code only one category has, and rolled up to
 * their ancestors as the rules' codings are. Only the categories at the compared depths are
 * reported and averaged (`options.depths`; default: the levels of the gold coding's own codes).
 * Gold rows naming an unknown transcript, unit or category, or a moderator unit, are left out
 * with a warning; a depth given in `options.depths` that the gold coding has no category at in
 * the compared units is compared, with a warning.
 */
export function evaluateCoding(
  units: readonly CodedUnit[],
  gold: CoderCoding,
  categories: readonly { path: string; label: string }[],
  options: EvaluateOptions = {},
): Evaluation {
  const file = gold.coder;
  const problems: Problem[] = [];
  const warn = (line: number | undefined, message: Message, ruleId: RuleId): void => {
    problems.push({ file, ...(line !== undefined ? { line, column: 1 } : {}), severity: 'warning', ...said(message), ruleId });
  };
  const paths = categories.map((c) => c.path);
  const read = goldUnits(units, gold, paths, warn);
  const compared = units.filter((u) => !u.moderator && read.transcripts.has(u.transcript)).sort(compareUnits);
  const goldOf = compared.map((u) => read.sets.get(unitId(u)));
  const depthsFrom: DepthSource = options.depths !== undefined ? 'option' : read.depths.size > 0 ? 'gold' : 'codebook';
  const depthList = options.depths ?? (read.depths.size > 0 ? read.depths : paths.map(categoryDepth));
  const depths = [...new Set(depthList)].sort((a, b) => a - b);
  const depthSet = new Set(depths);
  const rows = categories.filter((c) => depthSet.has(categoryDepth(c.path))).map((c) => categoryRow(c, compared, goldOf));
  if (depthsFrom === 'option' && compared.length > 0) {
    for (const d of depths) {
      const atDepth = rows.filter((r) => categoryDepth(r.category) === d);
      if (atDepth.length > 0 && atDepth.every((r) => r.tp + r.fn === 0)) {
        warn(undefined, { key: 'problem.evaluate/depth-not-in-gold', params: { depth: d } }, 'evaluate/depth-not-in-gold');
      }
    }
  }
  const inputTranscripts = new Set(units.map((u) => u.transcript));
  return {
    gold: file,
    units: compared.length,
    transcripts: [...read.transcripts].sort(cmp),
    unjudged: [...inputTranscripts].filter((t) => !read.transcripts.has(t)).sort(cmp),
    depths,
    depthsFrom,
    categories: rows,
    ...averages(rows),
    problems: sortProblems(problems),
  };
}

/**
 * A human coding narrowed to what a run's `--where` filter kept (`CodedInputs.outside` names what it
 * left out): `evaluate` and `learn` compare over the units the run kept, as `analyze` counts them,
 * without a warning for each row on a unit the filter left out.
 */
export function goldWithinRun(gold: CoderCoding, outside: { transcripts: ReadonlySet<string>; units: ReadonlySet<string> }): CoderCoding {
  return { ...gold, rows: gold.rows.filter((row) => !outside.transcripts.has(row.transcript) && !outside.units.has(unitId(row))) };
}

/** The gold coding read against the units: each unit's categories (rolled up), the transcripts it judges, the depths of its own codes. */
function goldUnits(
  units: readonly CodedUnit[],
  gold: CoderCoding,
  paths: readonly string[],
  warn: (line: number | undefined, message: Message, ruleId: RuleId) => void,
): { sets: Map<string, Set<string>>; transcripts: Set<string>; depths: Set<number> } {
  const known = new Set(paths);
  const resolveCategory = (code: string): string | null => {
    if (known.has(code)) return code;
    const byOwn = paths.filter((p) => p.split('/').at(-1) === code);
    return byOwn.length === 1 ? byOwn[0]! : null;
  };
  const byId = new Map(units.map((u) => [unitId(u), u]));
  const inputTranscripts = new Set(units.map((u) => u.transcript));
  const unitsPerTranscript = new Map<string, number>();
  for (const u of units) unitsPerTranscript.set(u.transcript, (unitsPerTranscript.get(u.transcript) ?? 0) + 1);
  const out = { sets: new Map<string, Set<string>>(), transcripts: new Set<string>(), depths: new Set<number>() };
  const warnedTranscripts = new Set<string>();
  const warnedCategories = new Set<string>();
  for (const row of gold.rows) {
    if (!inputTranscripts.has(row.transcript)) {
      if (!warnedTranscripts.has(row.transcript)) {
        warnedTranscripts.add(row.transcript);
        const names = [...inputTranscripts].sort(cmp).slice(0, 5).join(', ');
        warn(row.line, { key: 'problem.evaluate/unknown-transcript', params: { transcript: row.transcript, names } }, 'evaluate/unknown-transcript');
      }
      continue;
    }
    out.transcripts.add(row.transcript);
    const id = unitId(row);
    const unit = byId.get(id);
    if (!unit) {
      const count = unitsPerTranscript.get(row.transcript) ?? 0;
      warn(row.line, { key: 'problem.evaluate/unknown-unit', params: { unit: id, transcript: row.transcript, n: count } }, 'evaluate/unknown-unit');
      continue;
    }
    if (row.category === '') continue;
    if (unit.moderator) {
      warn(row.line, { key: 'problem.evaluate/moderator-unit', params: { unit: id } }, 'evaluate/moderator-unit');
      continue;
    }
    const path = resolveCategory(row.category);
    if (path === null) {
      if (!warnedCategories.has(row.category)) {
        warnedCategories.add(row.category);
        warn(row.line, { key: 'problem.evaluate/unknown-category', params: { category: row.category } }, 'evaluate/unknown-category');
      }
      continue;
    }
    // The levels of the codes the gold coding itself uses (before the roll-up): the default depths.
    out.depths.add(categoryDepth(path));
    let set = out.sets.get(id);
    if (!set) out.sets.set(id, (set = new Set()));
    set.add(path);
    for (const a of ancestorPaths(path)) if (known.has(a)) set.add(a);
  }
  return out;
}

/** One category's counts, figures and wrong units over the compared units. */
function categoryRow({ path, label }: { path: string; label: string }, compared: readonly CodedUnit[], goldOf: readonly (Set<string> | undefined)[]): EvaluationRow {
  let tp = 0;
  const falsePositives: EvaluationExample[] = [];
  const falseNegatives: EvaluationExample[] = [];
  compared.forEach((u, i) => {
    const machine = u.codings.some((k) => k.category === path);
    const human = goldOf[i]?.has(path) === true;
    if (machine && human) tp++;
    else if (machine) falsePositives.push(example(u, path));
    else if (human) falseNegatives.push(example(u, path));
  });
  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  return {
    category: path,
    label,
    tp,
    fp,
    fn,
    precision: ratio(tp, fp),
    recall: ratio(tp, fn),
    f1: f1Of(tp, fp, fn),
    kappa: kappaOf(compared.length, tp, fp, fn),
    falsePositives,
    falseNegatives,
  };
}

/** A unit the rules get wrong on `category`, with what they matched for it. */
function example(u: CodedUnit, category: string): EvaluationExample {
  return {
    unit: unitId(u),
    transcript: u.transcript,
    segment: u.segment,
    speaker: u.speaker,
    line: u.line,
    text: u.text,
    matched: [...new Set(u.codings.filter((k) => k.category === category).flatMap((k) => k.matches.map((x) => x.by)))],
  };
}

/** Micro figures over the summed counts, macro figures as means over the categories where each is defined. */
function averages(rows: readonly EvaluationRow[]): Pick<Evaluation, 'micro' | 'macro'> {
  const tp = rows.reduce((s, r) => s + r.tp, 0);
  const fp = rows.reduce((s, r) => s + r.fp, 0);
  const fn = rows.reduce((s, r) => s + r.fn, 0);
  const precision = meanDefined(rows.map((r) => r.precision));
  const recall = meanDefined(rows.map((r) => r.recall));
  const f1 = meanDefined(rows.map((r) => r.f1));
  const kappa = meanDefined(rows.map((r) => r.kappa));
  return {
    micro: { tp, fp, fn, precision: ratio(tp, fp), recall: ratio(tp, fn), f1: f1Of(tp, fp, fn) },
    macro: {
      precision: precision.mean,
      recall: recall.mean,
      f1: f1.mean,
      kappa: kappa.mean,
      categories: { precision: precision.count, recall: recall.count, f1: f1.count, kappa: kappa.count },
    },
  };
}
