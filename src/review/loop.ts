/**
 * The interactive review's loop: a key, its action (`actions.ts`), the next screen (`view.ts`),
 * until `q`, Ctrl-C or the end of the keys. The state is plain data (`state.ts`).
 */
import type { Decision } from '../reliability/codings.js';
import { KEY_ACTIONS, type Outcome } from './actions.js';
import type { ReviewRow } from './file.js';
import { decided, reviewState, type ReviewSession, type ReviewState } from './state.js';
import { draw } from './view.js';

export { completeCategory, resolveTyped } from './prompt.js';
export type { ReviewSession, Screen } from './state.js';

/** What a review session did. */
export interface ReviewSummary {
  /** Decisions written in this session and still in the file, by kind (undone ones not counted). */
  confirmed: number;
  rejected: number;
  added: number;
  /** Units of the queue with every coding decided, and the queue's length. */
  decided: number;
  count: number;
  /** How the session ended: `q` or Ctrl-C, or the end of the input. */
  ended: 'quit' | 'eof';
}

/** What the session wrote (rows not in the file at its start) and where the review stands. */
function summarize(s: ReviewState, initial: ReadonlySet<ReviewRow>, ended: ReviewSummary['ended']): ReviewSummary {
  const { items, store } = s.session;
  const written = store.rows.filter((r) => !initial.has(r));
  const count = (d: Decision): number => written.filter((r) => r.decision === d).length;
  return { confirmed: count('confirmed'), rejected: count('rejected'), added: count('added'), decided: items.filter((item) => decided(s, item)).length, count: items.length, ended };
}

/**
 * Run the interactive review: one unit at a time, keys from `keys`, screens to `screen`, every
 * decision written to `store` at once. Starts at the first unit not yet decided (a second run
 * resumes), goes on to the next undecided unit after each one, and ends on `q`, Ctrl-C or the end
 * of the keys; the summary counts what this session wrote.
 */
export async function runReview(session: ReviewSession): Promise<ReviewSummary> {
  const initial = new Set(session.store.rows);
  const s = reviewState(session);
  let outcome: Outcome;
  draw(s);
  while (outcome === undefined) {
    const key = await session.keys.next();
    const item = session.items[s.position];
    s.message = '';
    if (key.name === 'eof') outcome = 'eof';
    else if (key.name === 'interrupt') outcome = 'quit';
    else if (key.name === 'enter' || key.name === 'other') continue;
    else if (key.name !== 'char') s.message = s.m.t('review.keys.short');
    else {
      const action = KEY_ACTIONS.get(key.char.toLowerCase());
      if (action) outcome = await action(s, item);
      else s.message = s.m.t('review.no-key', { key: key.char });
    }
    if (outcome === undefined) draw(s);
  }
  return summarize(s, initial, outcome);
}
