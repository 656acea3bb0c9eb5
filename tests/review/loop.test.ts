import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeInputs, type CodedInputs } from '../../src/analyze.js';
import { explainUnit } from '../../src/retrieval/explain.js';
import { flattenCategories } from '../../src/codebook/flatten.js';
import { renderExplanation } from '../../src/retrieval/explain-render.js';
import { BRACKETS } from '../../src/report/highlight.js';
import { memoryStore, reviewRow, type ReviewRow } from '../../src/review/file.js';
import { scriptedKeys, type Key } from '../../src/review/keys.js';
import { completeCategory, resolveTyped, runReview, type ReviewSummary } from '../../src/review/loop.js';
import { buildQueue, type QueueOptions } from '../../src/review/queue.js';
import { PLAIN } from '../../src/review/screen.js';
import { reviewProject } from './fixture.js';

let dir: string;
let coded: CodedInputs;
beforeAll(async () => {
  dir = await reviewProject();
  coded = (await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml' })).coded!;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TAB: Key = { name: 'tab' };
const ENTER: Key = { name: 'enter' };
const ESC: Key = { name: 'escape' };

/** Keys from a mix of strings (each character a key) and named keys. */
function keys(...parts: (string | Key)[]): Key[] {
  return parts.flatMap((p) => (typeof p === 'string' ? Array.from(p).map((char) => ({ name: 'char' as const, char })) : [p]));
}

/** Run the loop over t.txt's queue with these keys; the rows as `#segment category decision matched`, the screen text, the summary. */
async function review(input: Key[], options: QueueOptions = {}, rows: ReviewRow[] = []): Promise<{ rows: string[]; screen: string; summary: ReviewSummary; store: ReviewRow[] }> {
  const flat = flattenCategories(coded.codebook.categories);
  const items = buildQueue(coded.units, new Map(flat.map((c) => [c.path, c.label])), options);
  const store = memoryStore(rows);
  let screen = '';
  const summary = await runReview({
    items,
    store,
    keys: scriptedKeys(input),
    screen: { write: (t) => void (screen += t), width: () => 80 },
    style: PLAIN,
    file: 'review.csv',
    categories: flat.map((c) => ({ path: c.path, label: c.label })),
    explain: (unit) => renderExplanation(explainUnit(unit, coded.matcher, coded.codebook.categories), BRACKETS),
  });
  return { rows: store.rows.map((r) => `#${r.segment} ${r.category} ${r.decision} ${r.matched}`.trimEnd()), screen, summary, store: store.rows };
}

const unit = (n: number) => coded.units.find((u) => u.segment === n)!;

/** The screens written, split where each begins. */
const screens = (text: string): string[] => text.split('\nfokus review · ').slice(1);

describe('the review loop', () => {
  it('confirms, rejects, adds with Tab completion, undoes and quits', async () => {
    const got = await review(keys('yna', 'verne', TAB, ENTER, 'nyunq'));
    expect(got.rows).toEqual([
      '#2 bedarfe confirmed brauch*',
      '#2 bedarfe/personal rejected personal*',
      '#3 vernetzung added',
      '#3 bedarfe/personal rejected personal*',
      '#4 vernetzung rejected netzwerk*',
    ]);
    expect(got.summary).toEqual({ confirmed: 1, rejected: 3, added: 1, decided: 3, count: 6, ended: 'quit' });
    expect(got.screen).toContain('\nAdd category (Tab completes, Enter adds, Esc cancels): vernetzung');
    const shown = screens(got.screen);
    expect(shown).toHaveLength(8);
    expect(shown[0]!.split('\n').slice(0, 2)).toEqual(['review.csv · unit 1 of 6 · 0 decided', 't.txt#2 · B1 · line 3']);
    expect(shown[3]).toContain('t.txt#3 · B2 · line 5');
    expect(shown[3]).toContain('Added: vernetzung\n');
    expect(shown[3]).toContain('\nadded vernetzung\n');
    // After the undo the unit is shown again with its decision gone, the message saying what was undone.
    expect(shown[6]).toContain('t.txt#4 · B3 · line 7');
    expect(shown[6]).toContain('> 1. vernetzung (Vernetzung)\n');
    expect(shown[6]).toContain('undone: confirmed vernetzung in t.txt#4');
    expect(shown[7]!.split('\n').slice(0, 2)).toEqual(['review.csv · unit 4 of 6 · 3 decided', 't.txt#5 · B4 · line 9']);
  });

  it('writes rows with the unit as segments.csv has it and the text judged', async () => {
    const got = await review(keys('yq'));
    expect(got.store).toEqual([reviewRow(unit(2), 'bedarfe', ['brauch*'], 'confirmed')]);
    expect(got.store[0]).toEqual({ transcript: 't.txt', segment: 2, speaker: 'B1', start: '', end: '', line: 3, category: 'bedarfe', matched: 'brauch*', text: 'Wir brauchen mehr Personal.', decision: 'confirmed' });
  });

  it('resumes at the first coding not yet decided', async () => {
    const first = await review(keys('yq'));
    const again = await review(keys('nq'), {}, first.store);
    expect(again.rows).toEqual(['#2 bedarfe confirmed brauch*', '#2 bedarfe/personal rejected personal*']);
    expect(screens(again.screen)[0]).toContain('  1. bedarfe (Bedarfe) [confirmed]\n       "brauchen" — term brauch*\n> 2. bedarfe/personal (Personal)\n');
    const third = await review(keys('yq'), {}, again.store);
    expect(third.rows.at(-1)).toBe('#3 bedarfe/personal confirmed personal*');
    expect(third.summary).toEqual({ confirmed: 1, rejected: 0, added: 0, decided: 2, count: 6, ended: 'quit' });
  });

  it('goes back to change a decision, which replaces the row; undo brings the old one back', async () => {
    const got = await review(keys('yybn'));
    expect(got.rows).toEqual(['#2 bedarfe/personal confirmed personal*', '#2 bedarfe rejected brauch*']);
    const undone = await review(keys('yybnu'));
    expect(undone.rows).toEqual(['#2 bedarfe/personal confirmed personal*', '#2 bedarfe confirmed brauch*']);
    expect(undone.summary.ended).toBe('eof');
    // The same decision again writes nothing.
    const same = await review(keys('yyby'));
    expect(same.rows).toEqual(['#2 bedarfe confirmed brauch*', '#2 bedarfe/personal confirmed personal*']);
  });

  it('undoes decisions of an earlier run too', async () => {
    const first = await review(keys('yyq'));
    const again = await review(keys('uq'), {}, first.store);
    expect(again.rows).toEqual(['#2 bedarfe confirmed brauch*']);
    expect(screens(again.screen)[1]).toContain('undone: confirmed bedarfe/personal in t.txt#2');
  });

  it('on a sampled uncoded unit: y says nothing is to be coded; adding a category later replaces that', async () => {
    const got = await review(keys('ynyq'), { category: 'finanzen', sample: 1 });
    expect(got.rows).toEqual(['#6 finanzen confirmed geld', '#8  confirmed']);
    const shown = screens(got.screen);
    expect(shown[1]).toContain('t.txt#8 · B3 · line 15 · sample: uncoded unit');
    expect(shown[1]).toContain('No coding: does a category apply?');
    expect(shown[1]).toContain('y:nothing-to-code a:add s:skip');
    expect(shown[2]).toContain('nothing to reject: a adds a category, y says there is nothing to code');
    const added = await review(keys('ba', 'fin', TAB, ENTER, 'q'), { category: 'finanzen', sample: 1 }, got.store);
    expect(added.rows).toEqual(['#6 finanzen confirmed geld', '#8 finanzen added']);
  });

  it('skipped units stay undecided; the end says so and takes only b, u and q', async () => {
    const got = await review(keys('ssyq'), { category: 'finanzen' });
    expect(got.rows).toEqual([]);
    const shown = screens(got.screen);
    expect(shown[2]).toBe(
      [
        'review.csv · 2 units · 0 decided',
        '─'.repeat(80),
        'The end of the review; 2 skipped units are still undecided (the next run shows',
        '  them again).',
        'b:back u:undo q:quit ?:help',
        '',
      ].join('\n'),
    );
    expect(shown[3]).toContain('no unit here: b goes back, q quits');
    expect(got.summary).toEqual({ confirmed: 0, rejected: 0, added: 0, decided: 0, count: 2, ended: 'quit' });
    // The next run starts at the first skipped unit.
    const next = await review(keys('q'), { category: 'finanzen' });
    expect(screens(next.screen)[0]).toContain('t.txt#6 · B1 · line 11');
  });

  it('shows the explanation and the help until a key is pressed', async () => {
    const got = await review(keys('ex?xq'));
    expect(got.rows).toEqual([]);
    expect(got.screen).toContain(
      [
        't.txt#2 · B1 · line 3',
        '  Wir [[brauchen]] mehr [[Personal]].',
        '',
        'Coded:',
        '  bedarfe (Bedarfe): 2 hits',
        '    "brauchen" by term brauch* at 4–12',
        '    rolled up from bedarfe/personal',
        '  bedarfe/personal (Personal): 1 hit',
        '    "Personal" by term personal* at 18–26',
        '',
        'Press any key to go back.',
      ].join('\n'),
    );
    expect(got.screen).toContain('\ny: confirm the current coding (on an uncoded unit: nothing is to be coded)\n');
  });

  it('says why a category cannot be added', async () => {
    const got = await review(keys('a', 'sonstiges', ENTER, 'a', 'bedarfe', ENTER, 'a', 'fin', ESC, 'a', TAB, ESC, 'q'));
    expect(got.rows).toEqual([]);
    const shown = screens(got.screen);
    expect(shown[1]).toContain("\nno category 'sonstiges' in the codebook (Tab lists the codes)\n");
    expect(shown[2]).toContain('\nbedarfe is coded by the rules already: y confirms it\n');
    expect(shown[3]).toContain('\nnothing added\n');
    expect(got.screen).toContain('\n  bedarfe bedarfe/personal bedarfe/raeume vernetzung finanzen\nAdd category');
  });

  it('stops at Ctrl-C and at the end of the keys', async () => {
    expect((await review(keys('y', { name: 'interrupt' }, 'y'))).rows).toEqual(['#2 bedarfe confirmed brauch*']);
    expect((await review(keys('y'))).summary.ended).toBe('eof');
  });
});

describe('category codes typed by a reviewer', () => {
  const paths = ['bedarfe', 'bedarfe/personal', 'bedarfe/raeume', 'vernetzung', 'finanzen', 'akteure/personal'];

  it('completes as far as the codes agree, by start or by a part', () => {
    expect(completeCategory('be', paths)).toEqual({ text: 'bedarfe', candidates: ['bedarfe', 'bedarfe/personal', 'bedarfe/raeume'] });
    expect(completeCategory('bedarfe/r', paths)).toEqual({ text: 'bedarfe/raeume', candidates: ['bedarfe/raeume'] });
    expect(completeCategory('rae', paths)).toEqual({ text: 'bedarfe/raeume', candidates: ['bedarfe/raeume'] });
    expect(completeCategory('pers', paths)).toEqual({ text: 'pers', candidates: ['bedarfe/personal', 'akteure/personal'] });
    expect(completeCategory('x', paths)).toEqual({ text: 'x', candidates: [] });
  });

  it('takes a full code or an own code only one category has', () => {
    expect(resolveTyped(' vernetzung ', paths)).toBe('vernetzung');
    expect(resolveTyped('raeume', paths)).toBe('bedarfe/raeume');
    expect(resolveTyped('personal', paths)).toBeNull();
    expect(resolveTyped('x', paths)).toBeNull();
  });
});
