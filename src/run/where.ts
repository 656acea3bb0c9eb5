import { cmp, problem } from '../problems.js';
import type { Message } from '../lang/catalogue.js';
import { speakerKey } from '../text/speaker-key.js';
import { shownPath } from '../transcripts/shown-path.js';
import type { InputFile, Participant, Problem, Unit } from '../types.js';

// `--where KEY=VALUE`: a run narrowed to some units, as MAXQDA's activated documents or quanteda's
// corpus_subset. Every command that reads transcripts takes it, and `run/` applies it in one place:
// the transcript key to the listing (files of other transcripts are not read), the other keys to the
// units in `readUnits` right after segmentation, so that nothing left out is coded or counted.
// Several values of one key are alternatives (OR); different keys must all hold (AND).

/** One key of a `--where` filter and the values it accepts (any of them). */
export interface WhereClause {
  /** `speaker`, `transcript` or a participants column, lower-cased. */
  key: string;
  /** The values as given (trimmed, NFC), without repeats. */
  values: string[];
  /** The values as compared (see `compareKey`), in the order of `values`. */
  keys: string[];
}

/** A `--where` filter (plain data, handed to worker threads): every clause must hold. */
export interface WhereFilter {
  /** The transcript clause, applied to the listing. */
  transcript: WhereClause | null;
  /** The clauses on units (speaker, participants columns), in the order their keys were first given. */
  units: WhereClause[];
  /** The filter as `report.json` records it (`options.where`): `key=value`, in the order given. */
  shown: string[];
}

/** What filtering one transcript's units gives. */
export interface FilteredUnits<U extends Unit> {
  /** The units every clause holds for, in their order. */
  kept: U[];
  /** The segment numbers of the units left out. */
  left: number[];
  /** `matched[c][v]`: how many units value `v` of clause `c` holds for, whatever the other clauses say. */
  matched: number[][];
}

const SPEAKER = 'speaker';
const TRANSCRIPT = 'transcript';
const KEY = /^[\p{L}\p{N}_-]+$/u;
const EXAMPLES: Message = { key: 'part.where.examples' };

/** How values are compared: speaker labels as the participants join does (`speakerKey`), everything else NFC, trimmed, case-insensitive. */
function compareKey(key: string, value: string): string {
  if (key === SPEAKER) return speakerKey(value);
  const v = value.normalize('NFC').trim().toLowerCase();
  return key === TRANSCRIPT ? transcriptName(v) : v;
}

/** A transcript name as compared: `/` separators, no leading `./`. */
function transcriptName(name: string): string {
  return name.replace(/\\/gu, '/').replace(/^(?:\.\/)+/u, '');
}

/** `KEY=VALUE` split at the first `=`, or the reason it is none (also the CLI's check of `--where`). */
export function splitWhere(arg: string): { key: string; value: string } | { error: Message } {
  const at = arg.indexOf('=');
  if (at < 0) return { error: { key: 'problem.options/where.not-pair', params: { arg, examples: EXAMPLES } } };
  const key = arg.slice(0, at).trim().toLowerCase();
  const value = arg.slice(at + 1).normalize('NFC').trim();
  if (!KEY.test(key)) return { error: { key: 'problem.options/where.no-key', params: { arg, examples: EXAMPLES } } };
  if (value === '') return { error: { key: 'problem.options/where.no-value', params: { arg, examples: EXAMPLES } } };
  return { key, value };
}

/**
 * The filter `--where` arguments make, checked against the keys there are: `speaker`, `transcript`
 * and the participants columns (only with a participants file, `withParticipants`). Problems are
 * errors (rule `options/where`); the filter is null when no argument was given or one is wrong.
 */
export function parseWhere(args: readonly string[], participants: readonly Participant[], withParticipants: boolean): { filter: WhereFilter | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const columns = [...new Set(participants.flatMap((p) => Object.keys(p.attributes)))].sort();
  const clauses = new Map<string, WhereClause>();
  const shown: string[] = [];
  for (const arg of args) {
    const split = splitWhere(arg);
    const wrong = 'error' in split ? split.error : keyProblem(split.key, arg, columns, withParticipants);
    if (wrong !== null) {
      problems.push(problem('--where', 'error', wrong, undefined, 'options/where'));
      continue;
    }
    const { key, value } = split as { key: string; value: string };
    let clause = clauses.get(key);
    if (!clause) clauses.set(key, (clause = { key, values: [], keys: [] }));
    const compared = compareKey(key, value);
    if (clause.keys.includes(compared)) continue;
    clause.values.push(value);
    clause.keys.push(compared);
    shown.push(`${key}=${value}`);
  }
  if (problems.length > 0 || clauses.size === 0) return { filter: null, problems };
  const all = [...clauses.values()];
  return { filter: { transcript: clauses.get(TRANSCRIPT) ?? null, units: all.filter((c) => c.key !== TRANSCRIPT), shown }, problems };
}

/** Why `key` names nothing a unit has, or null when it does. */
function keyProblem(key: string, arg: string, columns: readonly string[], withParticipants: boolean): Message | null {
  if (key === SPEAKER || key === TRANSCRIPT || columns.includes(key)) return null;
  if (!withParticipants) return { key: 'problem.options/where.no-participants', params: { arg, key } };
  const named: Message | string = columns.length > 0 ? columns.join(', ') : { key: 'part.where.no-columns' };
  return { key: 'problem.options/where.no-column', params: { arg, key, columns: named } };
}

/**
 * Whether transcript name `value` (compared form) names the file: its id or its path (relative to
 * `cwd`), either with or without its extension, whole or as the part after a `/`.
 */
function namesFile(value: string, id: string, path: string): boolean {
  for (const name of [id, path]) {
    const full = transcriptName(name.normalize('NFC').toLowerCase());
    for (const form of [full, full.replace(/\.[^./]*$/u, '')]) if (form === value || form.endsWith('/' + value)) return true;
  }
  return false;
}

/**
 * The files the transcript clause keeps (all when there is none), and a warning (`options/where-no-match`)
 * for each of its values that names no file, with the transcript ids there are.
 */
export function filterFiles(files: readonly InputFile[], filter: WhereFilter | null, cwd: string): { files: InputFile[]; problems: Problem[] } {
  const clause = filter?.transcript;
  if (!clause) return { files: [...files], problems: [] };
  const hit = clause.keys.map(() => false);
  const kept = files.filter((f) => {
    const path = shownPath(cwd, f.path);
    let any = false;
    clause.keys.forEach((value, v) => {
      if (namesFile(value, f.id, path)) any = hit[v] = true;
    });
    return any;
  });
  const ids = [...new Set(files.map((f) => f.id))];
  const known: Message | string =
    ids.length === 0 ? { key: 'part.where.none' } : ids.length > MAX_NAMED ? { key: 'part.where.more', params: { list: ids.slice(0, MAX_NAMED).join(', '), n: ids.length - MAX_NAMED } } : ids.join(', ');
  const problems = clause.values
    .filter((_, v) => !hit[v])
    .map((value) => problem('--where', 'warning', { key: 'problem.options/where-no-match.transcript', params: { value, known } }, undefined, 'options/where-no-match'));
  return { files: kept, problems };
}

/** How many names a no-match warning lists before it only counts the rest. */
const MAX_NAMED = 10;

/** The compared value a unit has for a clause's key; null when it has none. */
function unitValue(unit: Unit, key: string): string | null {
  if (key === SPEAKER) return unit.speaker === '' ? null : speakerKey(unit.speaker);
  // Own values only: a column may be called `constructor` or `toString`.
  const value = Object.hasOwn(unit.attributes, key) ? unit.attributes[key] : undefined;
  return value === undefined || value === '' ? null : compareKey(key, value);
}

/** Filter one transcript's units by the unit clauses of a filter, counting what each value matches. */
export function filterUnits<U extends Unit>(units: readonly U[], filter: WhereFilter): FilteredUnits<U> {
  const clauses = filter.units;
  const matched = clauses.map((c) => c.keys.map(() => 0));
  const kept: U[] = [];
  const left: number[] = [];
  for (const unit of units) {
    let all = true;
    clauses.forEach((clause, c) => {
      const value = unitValue(unit, clause.key);
      const v = value === null ? -1 : clause.keys.indexOf(value);
      if (v >= 0) matched[c]![v]!++;
      else all = false;
    });
    if (all) kept.push(unit);
    else left.push(unit.segment);
  }
  return { kept, left, matched };
}

/** Add the match counts of one transcript to those of the run (`into` grows to fit). */
export function addMatched(into: number[][], matched: readonly (readonly number[])[]): void {
  matched.forEach((counts, c) => {
    const row = (into[c] ??= counts.map(() => 0));
    counts.forEach((n, v) => (row[v] = (row[v] ?? 0) + n));
  });
}

/**
 * The warnings (`options/where-no-match`) of a whole run: a value of a unit clause that matches no
 * unit read (naming the values a participants column has), and, when every clause matches some unit
 * but no unit is kept (`kept` is 0), the filter as a whole.
 */
export function whereWarnings(filter: WhereFilter, matched: readonly (readonly number[])[], kept: number, participants: readonly Participant[]): Problem[] {
  const problems: Problem[] = [];
  let clauseUnmatched = false;
  filter.units.forEach((clause, c) => {
    const counts = matched[c] ?? [];
    if (clause.values.every((_, v) => (counts[v] ?? 0) === 0)) clauseUnmatched = true;
    clause.values.forEach((value, v) => {
      if ((counts[v] ?? 0) > 0) return;
      const values = clause.key === SPEAKER ? [] : [...new Set(participants.filter((p) => Object.hasOwn(p.attributes, clause.key)).map((p) => p.attributes[clause.key]!))].sort(cmp);
      const named = values.slice(0, MAX_NAMED).join(', ') + (values.length > MAX_NAMED ? ', …' : '');
      const message: Message =
        values.length > 0
          ? { key: 'problem.options/where-no-match.value-hint', params: { key: clause.key, value, values: named } }
          : { key: 'problem.options/where-no-match.value', params: { key: clause.key, value } };
      problems.push(problem('--where', 'warning', message, undefined, 'options/where-no-match'));
    });
  });
  if (kept === 0 && !clauseUnmatched && filter.units.length > 0) {
    const all = [...(filter.transcript ? [filter.transcript] : []), ...filter.units].map((c) => c.values.map((v) => `${c.key}=${v}`).join(' or '));
    problems.push(problem('--where', 'warning', { key: 'problem.options/where-no-match.together', params: { all: all.join('; ') } }, undefined, 'options/where-no-match'));
  }
  return problems;
}
