/**
 * The plain state of an interactive review: the session it works with, the rows of the review file
 * by unit (kept in step with the store: only the loop changes it), the undo steps, the unit shown and
 * the coding the cursor is on, and the message of the next screen; and the queries and edits on it.
 */
import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { CodedUnit } from '../types.js';
import type { ReviewRow, ReviewStore } from './file.js';
import type { KeySource } from './keys.js';
import type { ReviewItem } from './queue.js';
import type { Style } from './screen.js';

/** Where the loop writes: the terminal, or a buffer in tests. */
export interface Screen {
  write(text: string): void;
  /** The terminal's width in columns now (80 when unknown). */
  width(): number;
}

/** Everything the interactive review works with; the terminal is behind `keys` and `screen`. */
export interface ReviewSession {
  items: readonly ReviewItem[];
  store: ReviewStore;
  keys: KeySource;
  screen: Screen;
  style: Style;
  /** The review file as named on the command line (shown on every screen). */
  file: string;
  /** The codebook's categories (full codes, codebook order) a reviewer may add. */
  categories: readonly { path: string; label: string }[];
  /** The explanation of a unit as text (`fokus explain`), for the `e` key. */
  explain(unit: CodedUnit): string;
  /** The language of the screen's words (default English); the keys are the same in every language. */
  messages?: Messages;
}

/** What `u` can take back: a row written, and the row it replaced (a changed decision). */
export interface UndoStep {
  row: ReviewRow;
  replaced?: ReviewRow;
}

/** The state of a review in progress. */
export interface ReviewState {
  session: ReviewSession;
  /** The codebook's category codes, in codebook order. */
  paths: string[];
  /** The store's rows by unit (`unitKey`): lookups stay cheap in long reviews. */
  byUnit: Map<string, ReviewRow[]>;
  /** What `u` takes back, the last step last (the rows there before the session too). */
  undo: UndoStep[];
  /** Place of the unit shown in the queue (the queue's length: the end screen), and the coding the cursor is on. */
  position: number;
  cursor: number;
  /** The message of the next screen ('' for none). */
  message: string;
  /** The language of the screen (the session's, else English). */
  m: Messages;
}

/** The key of a unit in `byUnit`. */
export const unitKey = (u: { transcript: string; segment: number }): string => `${u.transcript}\u0000${u.segment}`;

function indexRow(s: ReviewState, r: ReviewRow): void {
  const list = s.byUnit.get(unitKey(r));
  if (list) list.push(r);
  else s.byUnit.set(unitKey(r), [r]);
}

function unindexRow(s: ReviewState, r: ReviewRow): void {
  const list = s.byUnit.get(unitKey(r));
  const k = list ? list.indexOf(r) : -1;
  if (list && k >= 0) list.splice(k, 1);
}

/** The rows of a unit, in the order written. */
export function rowsOf(s: ReviewState, u: CodedUnit): readonly ReviewRow[] {
  return s.byUnit.get(unitKey(u)) ?? [];
}

/** The last row of a unit for a category. */
export function rowFor(s: ReviewState, u: CodedUnit, category: string): ReviewRow | undefined {
  return rowsOf(s, u).findLast((r) => r.category === category);
}

/** Whether every coding of an item is decided (an uncoded item: whether it has any row). */
export function decided(s: ReviewState, item: ReviewItem): boolean {
  return item.codings.length === 0 ? rowsOf(s, item.unit).length > 0 : item.codings.every((c) => rowFor(s, item.unit, c.category) !== undefined);
}

/** The first undecided coding of an item (0 when all are decided, or there is no item). */
export function firstOpen(s: ReviewState, item: ReviewItem | undefined): number {
  if (!item) return 0;
  const k = item.codings.findIndex((c) => rowFor(s, item.unit, c.category) === undefined);
  return k < 0 ? 0 : k;
}

/** The first undecided item from `from` on (the queue's length when there is none). */
function nextOpen(s: ReviewState, from: number): number {
  const { items } = s.session;
  for (let j = from; j < items.length; j++) if (!decided(s, items[j]!)) return j;
  return items.length;
}

/** Go to the next undecided unit after the one shown, at its first undecided coding. */
export function toNextOpen(s: ReviewState): void {
  s.position = nextOpen(s, s.position + 1);
  s.cursor = firstOpen(s, s.session.items[s.position]);
}

/** The state at the start: the store's rows indexed, at the first undecided unit (a second run resumes). */
export function reviewState(session: ReviewSession): ReviewState {
  const s: ReviewState = { session, paths: session.categories.map((c) => c.path), byUnit: new Map(), undo: session.store.rows.map((row) => ({ row })), position: 0, cursor: 0, message: '', m: session.messages ?? messagesFor('en') };
  for (const r of session.store.rows) indexRow(s, r);
  s.position = nextOpen(s, 0);
  s.cursor = firstOpen(s, session.items[s.position]);
  return s;
}

/** Write a row to the store (in place of `replaced`, a changed decision), undoable. */
export function writeRow(s: ReviewState, row: ReviewRow, replaced?: ReviewRow): void {
  const { store } = s.session;
  if (replaced && store.remove(replaced)) unindexRow(s, replaced);
  store.append(row);
  indexRow(s, row);
  s.undo.push(replaced ? { row, replaced } : { row });
}

/** Take back the last step in the store (the row it replaced written again); undefined when there is none. */
export function unwriteRow(s: ReviewState): UndoStep | undefined {
  const step = s.undo.pop();
  if (!step) return undefined;
  const { store } = s.session;
  if (store.remove(step.row)) unindexRow(s, step.row);
  if (step.replaced) {
    store.append(step.replaced);
    indexRow(s, step.replaced);
  }
  return step;
}
