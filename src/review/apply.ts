import { cutText } from '../report/cell-limit.js';
import type { Decision } from '../reliability/codings.js';
import type { Message } from '../lang/catalogue.js';
import { said } from '../problems.js';
import type { CodedUnit, Coding, Match, Problem } from '../types.js';
import type { ReviewRow } from './file.js';

/**
 * `analyze --review`: a reviewer's decisions override the rules for the units they cover.
 *
 * - `rejected`: the category is removed from the unit, and with it its subcategories; a parent coded
 *   only by roll-up from removed subcategories goes too (one coded by its own terms, by another
 *   subcategory or by a decision stays, with the removed subcategories' evidence taken out).
 * - `added`: the category is coded with source `review` (no evidence), its parents by roll-up.
 * - `confirmed`: the rule's coding stays (source `rule`); should the rules no longer code it, the
 *   category is coded as an added one.
 *
 * A decision applies only when its unit still exists with the text it was judged on; else it is a
 * warning `review/stale`. Everything is plain data and deterministic (workers get it as it is).
 */

/** One decision, as applied: where it was written, the unit and category, the text judged. */
export interface ReviewDecision {
  /** The review file as named on the command line. */
  file: string;
  /** Its line in the file. */
  line?: number;
  segment: number;
  category: string;
  decision: Decision;
  text: string;
}

/** The decisions of one or more review files, by transcript id: what a run needs to apply them. */
export interface ReviewSet {
  /** The review files, as given, with their sha256 (for the report's provenance). */
  files: { path: string; sha256: string }[];
  /** Decisions per transcript id, in file order; one per unit and category (the last one written wins). */
  byTranscript: Record<string, ReviewDecision[]>;
}

/** A review file as read, for `buildReviewSet`. */
export interface ReviewInput {
  path: string;
  sha256: string;
  rows: readonly ReviewRow[];
}

const at = (d: { file: string; line?: number }): Pick<Problem, 'file' | 'line' | 'column'> =>
  d.line !== undefined ? { file: d.file, line: d.line, column: 1 } : { file: d.file };

/**
 * The decisions of review files, in the order given (a later file, and a later row, wins over an
 * earlier decision on the same unit and category: a warning `review/conflict` when they differ).
 * A category the codebook (`categories`: full codes) does not have is a warning `review/category`;
 * a `confirmed` row without category (a unit seen with nothing to code) changes nothing and is left out.
 */
export function buildReviewSet(files: readonly ReviewInput[], categories: readonly string[]): { set: ReviewSet; problems: Problem[] } {
  const known = new Set(categories);
  const problems: Problem[] = [];
  const latest = new Map<string, ReviewDecision>();
  for (const f of files) {
    for (const r of f.rows) {
      if (r.category === '') continue;
      const d: ReviewDecision = { file: f.path, segment: r.segment, category: r.category, decision: r.decision, text: r.text, ...(r.row !== undefined ? { line: r.row } : {}) };
      if (!known.has(r.category)) {
        problems.push({ ...at(d), severity: 'warning', ...said({ key: 'problem.review/category', params: { category: r.category } }), ruleId: 'review/category' });
        continue;
      }
      const key = `${r.transcript}\u0000${r.segment}\u0000${r.category}`;
      const before = latest.get(key);
      if (before && before.decision !== d.decision) {
        const where = before.line !== undefined ? `${before.file}:${before.line}` : before.file;
        problems.push({
          ...at(d),
          severity: 'warning',
          ...said({ key: 'problem.review/conflict', params: { decision: d.decision, category: r.category, unit: `${r.transcript}#${r.segment}`, before: before.decision, where } }),
          ruleId: 'review/conflict',
        });
      }
      // Deleted first so that the map's order is that of the decisions that count.
      latest.delete(key);
      latest.set(key, d);
    }
  }
  const byTranscript: Record<string, ReviewDecision[]> = {};
  for (const [key, d] of latest) {
    const transcript = key.slice(0, key.indexOf('\u0000'));
    (byTranscript[transcript] ??= []).push(d);
  }
  return { set: { files: files.map((f) => ({ path: f.path, sha256: f.sha256 })), byTranscript }, problems };
}

/** Set `source: 'rule'` on every coding that has no source yet (the codings the rules made). */
export function markRuleSources(units: readonly CodedUnit[]): void {
  for (const u of units) for (const c of u.codings) c.source ??= 'rule';
}

/** Applies one transcript's decisions to its units, file by file, and tells which decisions found no unit. */
export interface Reviewer {
  /** Apply the decisions to these units (their codings are replaced); the warnings of stale decisions. */
  apply(units: CodedUnit[]): Problem[];
  /** The warnings for decisions whose unit none of the units handed to `apply` or `skip` was. */
  unmatched(): Problem[];
  /** Units the run leaves out (`--where`): their decisions are neither applied nor reported as stale. */
  skip(segments: readonly number[]): void;
}

/**
 * A reviewer for one transcript: `decisions` are its decisions, `order` the flat codebook order
 * (full code → index) the codings are sorted by.
 */
export function reviewer(transcript: string, decisions: readonly ReviewDecision[], order: ReadonlyMap<string, number>): Reviewer {
  const bySegment = new Map<number, ReviewDecision[]>();
  for (const d of decisions) {
    const list = bySegment.get(d.segment);
    if (list) list.push(d);
    else bySegment.set(d.segment, [d]);
  }
  const seen = new Set<number>();
  let units = 0;
  return {
    apply(list) {
      const problems: Problem[] = [];
      for (const u of list) {
        units = Math.max(units, u.segment);
        const ds = bySegment.get(u.segment);
        if (!ds) continue;
        seen.add(u.segment);
        const valid: ReviewDecision[] = [];
        for (const d of ds) {
          if (u.moderator) {
            problems.push(stale(d, { key: 'part.review.moderator', params: { unit: `${transcript}#${u.segment}` } }));
          } else if (!sameText(u.text.trim().normalize('NFC'), d.text)) {
            problems.push(stale(d, { key: 'part.review.changed', params: { unit: `${transcript}#${u.segment}` } }));
          } else valid.push(d);
        }
        if (valid.length > 0) problems.push(...applyDecisions(u, valid, order));
      }
      return problems;
    },
    skip(segments) {
      for (const segment of segments) {
        units = Math.max(units, segment);
        seen.add(segment);
      }
    },
    unmatched() {
      return decisions
        .filter((d) => !seen.has(d.segment))
        .map((d) => stale(d, { key: 'part.review.gone', params: { unit: `${transcript}#${d.segment}`, transcript, units } }));
    },
  };
}

/**
 * Whether a decision was made on this text: the same text, or, when the review file cut it to
 * Excel's cell limit (`… (+N more characters …)`), a longer text that starts with the kept part.
 */
function sameText(unit: string, decided: string): boolean {
  if (unit === decided) return true;
  const cut = cutText(decided);
  return cut !== null && unit.length > cut.kept.length && unit.startsWith(cut.kept);
}

function stale(d: ReviewDecision, why: Message): Problem {
  return { ...at(d), severity: 'warning', ...said({ key: 'problem.review/stale', params: { why, decision: d.decision, category: d.category } }), ruleId: 'review/stale' };
}

/** The warnings for decisions about transcripts none of the inputs is: one per transcript, at its first decision. */
export function unusedTranscripts(set: ReviewSet, ids: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const [transcript, ds] of Object.entries(set.byTranscript)) {
    if (ids.has(transcript) || ds.length === 0) continue;
    const first = ds.reduce((a, b) => (a.file === b.file ? ((a.line ?? 0) <= (b.line ?? 0) ? a : b) : a));
    const n = ds.length;
    problems.push({
      ...at(first),
      severity: 'warning',
      ...said({ key: 'problem.review/transcript', params: { transcript, n } }),
      ruleId: 'review/transcript',
    });
  }
  return problems;
}

const key = (m: Match): string => `${m.start}:${m.end}:${m.by}`;

const isUnder = (path: string, ancestor: string): boolean => path.startsWith(ancestor + '/');

/** Distinct occurrences of sorted matches: a span counts when it starts at or after the end of every span before it. */
function countHits(matches: readonly Match[]): number {
  let n = 0;
  let end = -1;
  for (const m of matches) {
    if (m.start >= end) n++;
    end = Math.max(end, m.end);
  }
  return n;
}

/** The ancestors' full codes of a category, nearest last. */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Apply a unit's valid decisions to its codings (see the module comment); returns the warnings of
 * decisions that cannot hold together (`review/conflict`: a category kept under a rejected parent).
 */
export function applyDecisions(unit: CodedUnit, decisions: readonly ReviewDecision[], order: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = [];
  const rejected = decisions.filter((d) => d.decision === 'rejected').map((d) => d.category);
  const blocked = (path: string): boolean => rejected.some((r) => path === r || isUnder(path, r));
  const accepted = new Set<string>();
  for (const d of decisions) {
    if (d.decision === 'rejected') continue;
    const by = rejected.find((r) => isUnder(d.category, r));
    if (by !== undefined) {
      problems.push({
        ...at(d),
        severity: 'warning',
        ...said({ key: 'problem.review/conflict.parent', params: { decision: d.decision, category: d.category, unit: `${unit.transcript}#${unit.segment}`, parent: by } }),
        ruleId: 'review/conflict',
      });
      continue;
    }
    accepted.add(d.category);
  }
  const rule = unit.codings;
  // The evidence a coding has of its own: its matches that none of its coded subcategories has.
  const ownKeys = new Map<string, Set<string>>();
  for (const c of rule) {
    const inherited = new Set(rule.filter((k) => isUnder(k.category, c.category)).flatMap((k) => k.matches.map(key)));
    ownKeys.set(c.category, new Set(c.matches.map(key).filter((k) => !inherited.has(k))));
  }
  const final = new Map<string, Coding>();
  for (const c of rule) if (!blocked(c.category)) final.set(c.category, c);
  for (const a of accepted) {
    for (const p of [...ancestors(a), a]) {
      if (!final.has(p)) final.set(p, { transcript: unit.transcript, segment: unit.segment, category: p, matches: [], hits: 0, source: 'review' });
    }
  }
  // Roll-ups whose subcategories were removed go too, deepest first (a grandparent may hang on a parent).
  const depth = (p: string): number => p.split('/').length;
  for (const c of [...final.values()].sort((a, b) => depth(b.category) - depth(a.category))) {
    if (c.source === 'review' || accepted.has(c.category) || (ownKeys.get(c.category)?.size ?? 0) > 0) continue;
    if (![...final.keys()].some((p) => isUnder(p, c.category))) final.delete(c.category);
  }
  // A kept coding loses the evidence of removed subcategories.
  for (const [path, c] of final) {
    if (c.source === 'review' || c.matches.length === 0) continue;
    const own = ownKeys.get(path) ?? new Set<string>();
    const from = new Set([...final.values()].filter((k) => isUnder(k.category, path)).flatMap((k) => k.matches.map(key)));
    const matches = c.matches.filter((m) => own.has(key(m)) || from.has(key(m)));
    if (matches.length !== c.matches.length) final.set(path, { ...c, matches, hits: countHits(matches) });
  }
  const rank = (p: string): number => order.get(p) ?? Number.MAX_SAFE_INTEGER;
  unit.codings = [...final.values()]
    .map((c) => (c.source === undefined ? { ...c, source: 'rule' as const } : c))
    .sort((a, b) => rank(a.category) - rank(b.category));
  return problems;
}
