import type { Decision } from '../read/coding.js';
import type { CodedUnit } from '../types.js';
import { reviewRow, type ReviewRow, type ReviewStore } from './file.js';
import type { Key, KeySource } from './keys.js';
import type { ReviewItem } from './queue.js';
import { helpLines, renderItemScreen, wrap, type Style } from './screen.js';

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
}

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

/** What `u` can take back: a row written, and the row it replaced (a changed decision). */
interface UndoStep {
  row: ReviewRow;
  replaced?: ReviewRow;
}

const unitKey = (u: { transcript: string; segment: number }): string => `${u.transcript}\u0000${u.segment}`;

/** The code a reviewer typed as a category: a full code, or an own code only one category has; null when neither. */
export function resolveTyped(typed: string, paths: readonly string[]): string | null {
  const name = typed.trim();
  if (paths.includes(name)) return name;
  const own = paths.filter((p) => p.split('/').at(-1) === name);
  return own.length === 1 ? own[0]! : null;
}

/**
 * Tab completion of a category code: the codes starting with what was typed (else those with a part
 * starting with it, `pers` → `bedarfe/personal`); the text completed as far as all of them agree.
 */
export function completeCategory(typed: string, paths: readonly string[]): { text: string; candidates: string[] } {
  const byStart = paths.filter((p) => p.startsWith(typed));
  const candidates = byStart.length > 0 ? byStart : paths.filter((p) => p.split('/').some((part) => part.startsWith(typed)));
  if (candidates.length === 1) return { text: candidates[0]!, candidates };
  if (byStart.length === 0) return { text: typed, candidates };
  let common = byStart[0]!;
  for (const p of byStart) while (!p.startsWith(common)) common = common.slice(0, -1);
  return { text: common.length > typed.length ? common : typed, candidates };
}

/** Clear the terminal and put the cursor home (colour mode only: plain output has no escape codes). */
const CLEAR = '\u001b[H\u001b[2J';

/**
 * Run the interactive review: one unit at a time, keys from `keys`, screens to `screen`, every
 * decision written to `store` at once. Starts at the first unit not yet decided (a second run
 * resumes), goes on to the next undecided unit after each one, and ends on `q`, Ctrl-C or the end
 * of the keys; the summary counts what this session wrote.
 */
export async function runReview(session: ReviewSession): Promise<ReviewSummary> {
  const { items, store, keys, screen, style } = session;
  const paths = session.categories.map((c) => c.path);
  const initial = new Set(store.rows);
  const undo: UndoStep[] = store.rows.map((row) => ({ row }));

  // The rows by unit, kept in step with the store (only this loop changes it): lookups stay cheap in long reviews.
  const byUnit = new Map<string, ReviewRow[]>();
  const indexRow = (r: ReviewRow): void => {
    const list = byUnit.get(unitKey(r));
    if (list) list.push(r);
    else byUnit.set(unitKey(r), [r]);
  };
  const unindexRow = (r: ReviewRow): void => {
    const list = byUnit.get(unitKey(r));
    const k = list ? list.indexOf(r) : -1;
    if (list && k >= 0) list.splice(k, 1);
  };
  for (const r of store.rows) indexRow(r);
  const rowsOf = (u: CodedUnit): readonly ReviewRow[] => byUnit.get(unitKey(u)) ?? [];
  const rowFor = (u: CodedUnit, category: string): ReviewRow | undefined => rowsOf(u).findLast((r) => r.category === category);
  const decided = (item: ReviewItem): boolean =>
    item.codings.length === 0 ? rowsOf(item.unit).length > 0 : item.codings.every((c) => rowFor(item.unit, c.category) !== undefined);
  const firstOpen = (item: ReviewItem | undefined): number => {
    if (!item) return 0;
    const k = item.codings.findIndex((c) => rowFor(item.unit, c.category) === undefined);
    return k < 0 ? 0 : k;
  };
  const nextOpen = (from: number): number => {
    for (let j = from; j < items.length; j++) if (!decided(items[j]!)) return j;
    return items.length;
  };

  let i = nextOpen(0);
  let cursor = firstOpen(items[i]);
  let message = '';

  const show = (lines: readonly string[]): void => {
    screen.write((style.color ? CLEAR : '\n') + lines.join('\n') + '\n');
  };
  const draw = (): void => {
    const width = screen.width();
    const done = items.filter(decided).length;
    if (i >= items.length) {
      const left = items.length - done;
      const lines = [
        ...wrap(`fokus review · ${session.file} · ${items.length} unit${items.length === 1 ? '' : 's'} · ${done} decided`, width, '  '),
        '─'.repeat(Math.max(20, width)),
        ...wrap(
          items.length === 0
            ? 'Nothing to review: no unit has a coding to judge.'
            : left === 0
              ? 'Every unit of this review is decided.'
              : `The end of the review; ${left} skipped unit${left === 1 ? ' is' : 's are'} still undecided (the next run shows ${left === 1 ? 'it' : 'them'} again).`,
          width,
          '  ',
        ),
        ...(message !== '' ? wrap(message, width, '  ') : []),
        ...wrap('b:back u:undo q:quit ?:help', width, ''),
      ];
      show(lines);
      return;
    }
    const item = items[i]!;
    const rows = rowsOf(item.unit);
    show(
      renderItemScreen(
        {
          item,
          position: i,
          count: items.length,
          decided: done,
          cursor,
          decisions: item.codings.map((c) => rows.findLast((r) => r.category === c.category)?.decision),
          added: rows.filter((r) => r.decision === 'added').map((r) => r.category),
          nothing: rows.some((r) => r.category === '' && r.decision === 'confirmed'),
          message,
          file: session.file,
        },
        style,
        width,
      ),
    );
  };

  const write = (row: ReviewRow, replaced?: ReviewRow): void => {
    if (replaced && store.remove(replaced)) unindexRow(replaced);
    store.append(row);
    indexRow(row);
    undo.push(replaced ? { row, replaced } : { row });
  };
  const advance = (): void => {
    const item = items[i]!;
    if (cursor + 1 < item.codings.length) cursor++;
    else {
      i = nextOpen(i + 1);
      cursor = firstOpen(items[i]);
    }
  };
  const decide = (decision: Decision): void => {
    const item = items[i]!;
    const coding = item.codings[cursor]!;
    const before = rowFor(item.unit, coding.category);
    if (before?.decision !== decision) write(reviewRow(item.unit, coding.category, coding.matched, decision), before);
    message = `${decision} ${coding.category}`;
    advance();
  };
  const waitAnyKey = async (): Promise<Key> => keys.next();

  /** Read a category code with Tab completion; null when cancelled. */
  const prompt = async (): Promise<string | null> => {
    const label = 'Add category (Tab completes, Enter adds, Esc cancels): ';
    let typed = '';
    screen.write('\n' + label);
    for (;;) {
      const key = await keys.next();
      if (key.name === 'enter') return typed;
      if (key.name === 'escape' || key.name === 'interrupt' || key.name === 'eof') return null;
      if (key.name === 'backspace') {
        if (typed !== '') {
          typed = Array.from(typed).slice(0, -1).join('');
          screen.write('\b \b');
        }
      } else if (key.name === 'tab') {
        const { text, candidates } = completeCategory(typed, paths);
        if (text !== typed) {
          screen.write(text.slice(typed.length));
          typed = text;
        } else if (candidates.length !== 1) {
          const list = candidates.length === 0 ? `(no category code starts with "${typed}")` : candidates.join('  ');
          screen.write('\n' + wrap(list, screen.width(), '  ', '  ').join('\n') + '\n' + label + typed);
        }
      } else if (key.name === 'char') {
        typed += key.char;
        screen.write(key.char);
      }
    }
  };

  const add = async (): Promise<void> => {
    const item = items[i]!;
    const typed = await prompt();
    if (typed === null || typed.trim() === '') {
      message = 'nothing added';
      return;
    }
    const path = resolveTyped(typed, paths);
    if (path === null) {
      message = `no category '${typed.trim()}' in the codebook (Tab lists the codes)`;
      return;
    }
    if (item.unit.codings.some((c) => c.category === path)) {
      message = `${path} is coded by the rules already${item.codings.some((c) => c.category === path) ? ': y confirms it' : ''}`;
      return;
    }
    if (rowFor(item.unit, path)?.decision === 'added') {
      message = `${path} is added already`;
      return;
    }
    // A unit confirmed as having nothing to code gets a category after all: that confirmation goes.
    const nothing = rowsOf(item.unit).find((r) => r.category === '');
    write(reviewRow(item.unit, path, [], 'added'), nothing);
    message = `added ${path}`;
  };

  const takeBack = (): void => {
    const step = undo.pop();
    if (!step) {
      message = 'nothing to undo';
      return;
    }
    if (store.remove(step.row)) unindexRow(step.row);
    if (step.replaced) {
      store.append(step.replaced);
      indexRow(step.replaced);
    }
    const r = step.row;
    const at = items.findIndex((it) => unitKey(it.unit) === unitKey(r));
    const what = `undone: ${r.decision}${r.category !== '' ? ` ${r.category}` : ' (nothing to code)'} in ${r.transcript}#${r.segment}`;
    if (at < 0) {
      message = `${what} (a unit outside this review)`;
      return;
    }
    i = at;
    const k = items[at]!.codings.findIndex((c) => c.category === r.category);
    cursor = k >= 0 ? k : firstOpen(items[at]);
    message = what;
  };

  let ended: ReviewSummary['ended'] = 'quit';
  draw();
  loop: for (;;) {
    const key = await keys.next();
    const item = items[i];
    message = '';
    if (key.name === 'eof') {
      ended = 'eof';
      break;
    }
    if (key.name === 'interrupt') break;
    if (key.name !== 'char') {
      if (key.name === 'enter' || key.name === 'other') continue;
      message = 'keys: y n a s b u e q ?';
      draw();
      continue;
    }
    switch (key.char.toLowerCase()) {
      case 'q':
        break loop;
      case '?':
        show(helpLines(screen.width()));
        if ((await waitAnyKey()).name === 'eof') {
          ended = 'eof';
          break loop;
        }
        break;
      case 'y':
        if (!item) message = 'no unit here: b goes back, q quits';
        else if (item.codings.length === 0) {
          if (rowsOf(item.unit).length === 0) write(reviewRow(item.unit, '', [], 'confirmed'));
          message = `${item.unit.transcript}#${item.unit.segment}: nothing to code`;
          i = nextOpen(i + 1);
          cursor = firstOpen(items[i]);
        } else decide('confirmed');
        break;
      case 'n':
        if (!item) message = 'no unit here: b goes back, q quits';
        else if (item.codings.length === 0) message = 'nothing to reject: a adds a category, y says there is nothing to code';
        else decide('rejected');
        break;
      case 'a':
        if (!item) message = 'no unit here: b goes back, q quits';
        else await add();
        break;
      case 's':
        if (!item) message = 'no unit here: b goes back, q quits';
        else {
          i = nextOpen(i + 1);
          cursor = firstOpen(items[i]);
        }
        break;
      case 'b':
        if (i === 0) message = 'this is the first unit';
        else {
          i = i - 1;
          cursor = 0;
        }
        break;
      case 'u':
        takeBack();
        break;
      case 'e':
        if (!item) message = 'no unit here: b goes back, q quits';
        else {
          const width = screen.width();
          show([...session.explain(item.unit).replace(/\n$/u, '').split('\n').flatMap((l) => wrap(l, width, '  ')), '', 'Press any key to go back.']);
          if ((await waitAnyKey()).name === 'eof') {
            ended = 'eof';
            break loop;
          }
        }
        break;
      default:
        message = `'${key.char}' is no key here: y n a s b u e q, ? for help`;
    }
    draw();
  }
  const written = store.rows.filter((r) => !initial.has(r));
  const count = (d: Decision): number => written.filter((r) => r.decision === d).length;
  return { confirmed: count('confirmed'), rejected: count('rejected'), added: count('added'), decided: items.filter(decided).length, count: items.length, ended };
}
