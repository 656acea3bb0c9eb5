import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeInputs } from '../../src/analyze.js';
import { decodeKeys, scriptedKeys } from '../../src/review/keys.js';
import { buildQueue, ownCodings } from '../../src/review/queue.js';
import { drawIndices, seededRandom } from '../../src/review/sample.js';
import { messagesFor } from '../../src/lang/catalogue.js';
import { firedBy, helpLines, PLAIN, renderItemScreen, visibleLength, wrap } from '../../src/review/screen.js';
import type { CodedUnit } from '../../src/types.js';
import { reviewProject } from './fixture.js';

let dir: string;
let units: CodedUnit[];
const labels = new Map([
  ['bedarfe', 'Bedarfe'],
  ['bedarfe/personal', 'Personal'],
  ['bedarfe/raeume', 'Räume'],
  ['vernetzung', 'Vernetzung'],
  ['finanzen', 'Finanzen'],
]);
beforeAll(async () => {
  dir = await reviewProject();
  units = (await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml' })).coded!.units;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = (items: ReturnType<typeof buildQueue>): string[] =>
  items.map((it) => `#${it.unit.segment}${it.sample ? ' sample' : ''}: ${it.codings.map((c) => `${c.category}(${c.matched.join('|')})`).join(' ')}`);

describe('the review queue', () => {
  it('judges the codings with evidence of their own; a parent coded only by roll-up follows its subcategories', () => {
    expect(ownCodings(units[1]!, labels).map((c) => [c.category, c.label, c.matched, c.spans.map((s) => [s.start, s.end])])).toEqual([
      ['bedarfe', 'Bedarfe', ['brauch*'], [[4, 12]]],
      ['bedarfe/personal', 'Personal', ['personal*'], [[18, 26]]],
    ]);
    expect(ownCodings(units[2]!, labels).map((c) => c.category)).toEqual(['bedarfe/personal']);
  });

  it('holds the coded units in input order, each with the unit before it', () => {
    const items = buildQueue(units, labels);
    expect(summary(items)).toEqual([
      '#2: bedarfe(brauch*) bedarfe/personal(personal*)',
      '#3: bedarfe/personal(personal*)',
      '#4: vernetzung(netzwerk*)',
      '#5: bedarfe/personal(personal*) bedarfe/raeume(raum*)',
      '#6: finanzen(geld)',
      '#9: bedarfe(brauch*) bedarfe/personal(personal*) finanzen(geld)',
    ]);
    expect(items.map((it) => it.before?.segment ?? null)).toEqual([1, 2, 3, 4, 5, 8]);
  });

  it('--category keeps the units coded with the category or a subcategory, and only those codings', () => {
    expect(summary(buildQueue(units, labels, { category: 'bedarfe' }))).toEqual([
      '#2: bedarfe(brauch*) bedarfe/personal(personal*)',
      '#3: bedarfe/personal(personal*)',
      '#5: bedarfe/personal(personal*) bedarfe/raeume(raum*)',
      '#9: bedarfe(brauch*) bedarfe/personal(personal*)',
    ]);
    expect(summary(buildQueue(units, labels, { category: 'finanzen' }))).toEqual(['#6: finanzen(geld)', '#9: finanzen(geld)']);
  });

  it('--sample adds uncoded units drawn with the seed, in their place in the input', () => {
    const one = buildQueue(units, labels, { category: 'finanzen', sample: 1 });
    expect(summary(one)).toEqual(['#6: finanzen(geld)', '#8 sample: ', '#9: finanzen(geld)']);
    expect(summary(buildQueue(units, labels, { category: 'finanzen', sample: 1 }))).toEqual(summary(one));
    // Another seed may draw another unit: over ten seeds both uncoded units are drawn.
    const drawn = new Set(Array.from({ length: 10 }, (_, k) => buildQueue(units, labels, { sample: 1, seed: String(k) }).find((it) => it.sample)!.unit.segment));
    expect([...drawn].sort()).toEqual([7, 8]);
    expect(summary(buildQueue(units, labels, { category: 'finanzen', sample: 5 }))).toEqual(['#6: finanzen(geld)', '#7 sample: ', '#8 sample: ', '#9: finanzen(geld)']);
  });

  it('draws reproducibly: the same seed gives the same numbers and indices', () => {
    const a = seededRandom('fokus');
    const b = seededRandom('fokus');
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom('other')()).not.toBe(xs[0]);
    expect(drawIndices(100, 5, 'fokus')).toEqual(drawIndices(100, 5, 'fokus'));
    expect(drawIndices(100, 5, 'fokus')).toHaveLength(5);
    expect(new Set(drawIndices(100, 100, 's'))).toEqual(new Set(Array.from({ length: 100 }, (_, i) => i)));
    expect(drawIndices(3, 10, 'fokus')).toEqual([0, 1, 2]);
    expect(drawIndices(0, 3, 'fokus')).toEqual([]);
  });
});

describe('terminal keys', () => {
  it('decodes characters, Enter, Tab, Backspace, Ctrl-C, Ctrl-D, Escape and arrows', () => {
    expect(decodeKeys('yä\r\n\r\t\x7f\b\x03\x04\x1b\x1b[A\x1b[1;5D\x1bOB\x01')).toEqual([
      { name: 'char', char: 'y' },
      { name: 'char', char: 'ä' },
      { name: 'enter' },
      { name: 'enter' },
      { name: 'tab' },
      { name: 'backspace' },
      { name: 'backspace' },
      { name: 'interrupt' },
      { name: 'eof' },
      { name: 'escape' },
      { name: 'up' },
      { name: 'left' },
      { name: 'down' },
      { name: 'other' },
    ]);
  });

  it('a scripted key source ends with eof for ever', async () => {
    const keys = scriptedKeys('y');
    expect([await keys.next(), await keys.next(), await keys.next()]).toEqual([{ name: 'char', char: 'y' }, { name: 'eof' }, { name: 'eof' }]);
  });
});

describe('the review screen', () => {
  it('says for each term or rule the words it matched, a long rule cut to the line', () => {
    const text = 'Die Grundschule und die Schulen.';
    const rule = 'any/sentence: schule, schulen, schulleitung*, grundschul*, *grundschule, lehrer*';
    const coding = {
      category: 'akteure/schule',
      label: 'Schule',
      matched: [rule, 'schul*'],
      spans: [
        { by: rule, start: 4, end: 15 },
        { by: rule, start: 24, end: 31 },
        { by: 'schul*', start: 24, end: 31 },
      ],
    };
    expect(firedBy(coding, text, 60)).toEqual(['"Grundschule", "Schulen" — rule any/sentence: schule, schul…', '"Schulen" — term schul*']);
    expect(firedBy(coding, text, 200)).toEqual([`"Grundschule", "Schulen" — rule ${rule}`, '"Schulen" — term schul*']);
    expect(Array.from(firedBy(coding, text, 60)[0]!).length).toBe(60);
  });

  it('wraps words to the width, indents continuation lines, cuts words longer than a line', () => {
    expect(wrap('eins zwei drei vier fünf', 10, '  ')).toEqual(['eins zwei', '  drei', '  vier', '  fünf']);
    expect(wrap('abcdefghijklmnop x', 6, '', '> ')).toEqual(['> abcd', 'efghij', 'klmnop', 'x']);
    expect(wrap('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });

  it('does not count colour codes in the width', () => {
    const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
    const lines = wrap(`${red('rot')} und ${red('noch mehr rot')} hier`, 12);
    // The colour runs on across the line break, as a terminal keeps it.
    expect(lines).toEqual(['\u001b[31mrot\u001b[39m und \u001b[31mnoch', 'mehr rot\u001b[39m', 'hier']);
    expect(lines.map(visibleLength)).toEqual([12, 8, 4]);
  });

  it('shows the unit, the unit before it, each coding with what fired, and the keys, in plain text at 80 columns', () => {
    const items = buildQueue(units, labels);
    const lines = renderItemScreen(
      { item: items[0]!, position: 0, count: 6, decided: 0, cursor: 1, decisions: ['confirmed', undefined], added: ['finanzen'], nothing: false, message: 'confirmed bedarfe', file: 'review.csv' },
      PLAIN,
      80,
    );
    expect(lines).toEqual([
      'fokus review · review.csv · unit 1 of 6 · 0 decided',
      't.txt#2 · B1 · line 3',
      '─'.repeat(80),
      '  I: Was fehlt Ihnen?',
      '',
      '  B1: Wir [[brauchen]] mehr [[Personal]].',
      '',
      'Codings:',
      '  1. bedarfe (Bedarfe) [confirmed]',
      '       "brauchen" — term brauch*',
      '> 2. bedarfe/personal (Personal)',
      '       "Personal" — term personal*',
      'Added: finanzen',
      '─'.repeat(80),
      'confirmed bedarfe',
      'y:confirm n:reject a:add s:skip b:back u:undo e:explain q:quit ?:help',
    ]);
  });

  it('shows the same screen in German, the help too; codes, labels and the text as written', () => {
    const items = buildQueue(units, labels);
    const de = messagesFor('de');
    const lines = renderItemScreen(
      { item: items[0]!, position: 0, count: 6, decided: 0, cursor: 1, decisions: ['confirmed', undefined], added: ['finanzen'], nothing: false, message: 'bedarfe bestätigt', file: 'review.csv' },
      PLAIN,
      100,
      de,
    );
    expect(lines).toEqual([
      'fokus review · review.csv · Einheit 1 von 6 · 0 entschieden',
      't.txt#2 · B1 · Zeile 3',
      '─'.repeat(100),
      '  I: Was fehlt Ihnen?',
      '',
      '  B1: Wir [[brauchen]] mehr [[Personal]].',
      '',
      'Kodierungen:',
      '  1. bedarfe (Bedarfe) [bestätigt]',
      '       "brauchen" — Begriff brauch*',
      '> 2. bedarfe/personal (Personal)',
      '       "Personal" — Begriff personal*',
      'Ergänzt: finanzen',
      '─'.repeat(100),
      'bedarfe bestätigt',
      'y:bestätigen n:ablehnen a:ergänzen s:überspringen b:zurück u:rückgängig e:erklären q:beenden ?:Hilfe',
    ]);
    expect(helpLines(100, de).slice(3, 5)).toEqual(['y: die aktuelle Kodierung bestätigen (bei einer unkodierten Einheit: es ist nichts zu kodieren)', 'n: die aktuelle Kodierung ablehnen']);
  });
});
