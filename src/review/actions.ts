/**
 * What each key of the review does to its state: the dispatch table `KEY_ACTIONS` (`y n a s b u e q
 * ?`), one small handler per key. A handler changes the state (the unit shown, the cursor, the
 * message, the rows written) and says whether the review goes on.
 */
import type { Decision } from '../reliability/codings.js';
import { reviewRow } from './file.js';
import { promptCategory, resolveTyped } from './prompt.js';
import type { ReviewItem } from './queue.js';
import { decisionWord, helpLines, wrap } from './screen.js';
import { firstOpen, rowFor, rowsOf, toNextOpen, unitKey, unwriteRow, writeRow, type ReviewState } from './state.js';
import { show } from './view.js';

/** What the loop does after a key: go on (undefined), quit, or end because the keys ended. */
export type Outcome = 'quit' | 'eof' | undefined;

/** A key's handler, given the state and the unit shown when the key came (none on the end screen). */
export type KeyAction = (s: ReviewState, item: ReviewItem | undefined) => Outcome | Promise<Outcome>;

/** A handler that needs a unit: on the end screen its key only says so. */
function onUnit(action: (s: ReviewState, item: ReviewItem) => Outcome | Promise<Outcome>): KeyAction {
  return (s, item) => {
    if (item) return action(s, item);
    s.message = s.m.t('review.no-unit');
    return undefined;
  };
}

/** Show lines until a key comes (the end of the keys ends the review). */
async function showUntilKey(s: ReviewState, lines: readonly string[]): Promise<Outcome> {
  show(s, lines);
  return (await s.session.keys.next()).name === 'eof' ? 'eof' : undefined;
}

/** Decide the coding under the cursor (written only when it changes), then go to the next coding or unit. */
function decide(s: ReviewState, item: ReviewItem, decision: Decision): void {
  const coding = item.codings[s.cursor]!;
  const before = rowFor(s, item.unit, coding.category);
  if (before?.decision !== decision) writeRow(s, reviewRow(item.unit, coding.category, coding.matched, decision), before);
  s.message = s.m.t('review.decided', { decision: decisionWord(s.m, decision), category: coding.category });
  if (s.cursor + 1 < item.codings.length) s.cursor++;
  else toNextOpen(s);
}

/** `y`: confirm the coding under the cursor; on an uncoded unit, that there is nothing to code. */
function confirm(s: ReviewState, item: ReviewItem): Outcome {
  if (item.codings.length > 0) {
    decide(s, item, 'confirmed');
    return undefined;
  }
  if (rowsOf(s, item.unit).length === 0) writeRow(s, reviewRow(item.unit, '', [], 'confirmed'));
  s.message = s.m.t('review.nothing-to-code', { unit: `${item.unit.transcript}#${item.unit.segment}` });
  toNextOpen(s);
  return undefined;
}

/** `n`: reject the coding under the cursor. */
function reject(s: ReviewState, item: ReviewItem): Outcome {
  if (item.codings.length === 0) s.message = s.m.t('review.nothing-to-reject');
  else decide(s, item, 'rejected');
  return undefined;
}

/** Why a typed category cannot be added to the unit, or its full code. */
function addable(s: ReviewState, item: ReviewItem, typed: string | null): { path: string } | { refused: string } {
  const { m } = s;
  if (typed === null || typed.trim() === '') return { refused: m.t('review.add.nothing') };
  const path = resolveTyped(typed, s.paths);
  if (path === null) return { refused: m.t('review.add.unknown', { typed: typed.trim() }) };
  if (item.unit.codings.some((c) => c.category === path)) {
    return { refused: m.t(item.codings.some((c) => c.category === path) ? 'review.add.coded-confirm' : 'review.add.coded', { category: path }) };
  }
  if (rowFor(s, item.unit, path)?.decision === 'added') return { refused: m.t('review.add.already', { category: path }) };
  return { path };
}

/** `a`: add a category to the unit, typed with Tab completion. */
async function add(s: ReviewState, item: ReviewItem): Promise<Outcome> {
  const typed = await promptCategory(s.session.keys, s.session.screen, s.paths, s.m);
  const got = addable(s, item, typed);
  if ('refused' in got) {
    s.message = got.refused;
    return undefined;
  }
  // A unit confirmed as having nothing to code gets a category after all: that confirmation goes.
  const nothing = rowsOf(s, item.unit).find((r) => r.category === '');
  writeRow(s, reviewRow(item.unit, got.path, [], 'added'), nothing);
  s.message = s.m.t('review.add.done', { category: got.path });
  return undefined;
}

/** `b`: back to the unit before, at its first coding. */
function back(s: ReviewState): Outcome {
  if (s.position === 0) s.message = s.m.t('review.first');
  else {
    s.position = s.position - 1;
    s.cursor = 0;
  }
  return undefined;
}

/** `u`: take back the last decision and show where it was made. */
function undo(s: ReviewState): Outcome {
  const step = unwriteRow(s);
  if (!step) {
    s.message = s.m.t('review.undo.none');
    return undefined;
  }
  const r = step.row;
  const { items } = s.session;
  const at = items.findIndex((it) => unitKey(it.unit) === unitKey(r));
  const params = { decision: decisionWord(s.m, r.decision), category: r.category, unit: `${r.transcript}#${r.segment}` };
  const what = s.m.t(r.category !== '' ? 'review.undone' : 'review.undone.nothing', params);
  if (at < 0) {
    s.message = s.m.t('review.undone.outside', { undone: what });
    return undefined;
  }
  s.position = at;
  const k = items[at]!.codings.findIndex((c) => c.category === r.category);
  s.cursor = k >= 0 ? k : firstOpen(s, items[at]);
  s.message = what;
  return undefined;
}

/** `e`: the explanation of the unit, until a key comes. */
function explain(s: ReviewState, item: ReviewItem): Promise<Outcome> {
  const width = s.session.screen.width();
  const lines = s.session.explain(item.unit).replace(/\n$/u, '').split('\n').flatMap((l) => wrap(l, width, '  '));
  return showUntilKey(s, [...lines, '', s.m.t('review.any-key')]);
}

/** The review's keys (lower case) and what each does. */
export const KEY_ACTIONS: ReadonlyMap<string, KeyAction> = new Map<string, KeyAction>([
  ['q', () => 'quit'],
  ['?', (s) => showUntilKey(s, helpLines(s.session.screen.width(), s.m))],
  ['y', onUnit(confirm)],
  ['n', onUnit(reject)],
  ['a', onUnit(add)],
  [
    's',
    onUnit((s) => {
      toNextOpen(s);
      return undefined;
    }),
  ],
  ['b', back],
  ['u', undo],
  ['e', onUnit(explain)],
]);
