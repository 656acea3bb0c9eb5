/** What the review shows: a unit's screen, or the end screen, from the review's state. */
import { renderItemScreen, wrap } from './screen.js';
import { decided, rowsOf, type ReviewState } from './state.js';

/** Clear the terminal and put the cursor home (colour mode only: plain output has no escape codes). */
const CLEAR = '\u001b[H\u001b[2J';

/** Show lines as a new screen. */
export function show(s: ReviewState, lines: readonly string[]): void {
  s.session.screen.write((s.session.style.color ? CLEAR : '\n') + lines.join('\n') + '\n');
}

/** The end screen: how many units are decided, and how many skipped ones are still open. */
function endLines(s: ReviewState, done: number, width: number): string[] {
  const { items } = s.session;
  const left = items.length - done;
  const { m } = s;
  const units = { key: 'count.units', params: { n: items.length } } as const;
  return [
    ...wrap(m.t('review.end.title', { file: s.session.file, units, decided: done }), width, '  '),
    '─'.repeat(Math.max(20, width)),
    ...wrap(items.length === 0 ? m.t('review.end.empty') : left === 0 ? m.t('review.end.done') : m.t('review.end.left', { n: left }), width, '  '),
    ...(s.message !== '' ? wrap(s.message, width, '  ') : []),
    ...wrap(m.t('review.keys.end'), width, ''),
  ];
}

/** Show the unit at the review's position, or the end screen past the last unit. */
export function draw(s: ReviewState): void {
  const { items, screen, style } = s.session;
  const width = screen.width();
  const done = items.filter((item) => decided(s, item)).length;
  if (s.position >= items.length) {
    show(s, endLines(s, done, width));
    return;
  }
  const item = items[s.position]!;
  const rows = rowsOf(s, item.unit);
  show(
    s,
    renderItemScreen(
      {
        item,
        position: s.position,
        count: items.length,
        decided: done,
        cursor: s.cursor,
        decisions: item.codings.map((c) => rows.findLast((r) => r.category === c.category)?.decision),
        added: rows.filter((r) => r.decision === 'added').map((r) => r.category),
        nothing: rows.some((r) => r.category === '' && r.decision === 'confirmed'),
        message: s.message,
        file: s.session.file,
      },
      style,
      width,
      s.m,
    ),
  );
}
