import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseText } from '../../src/transcripts/plain-text.js';
import type { Block } from '../../src/types.js';
import { plain } from '../plain.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/read/${name}`, import.meta.url), 'utf8');

/** The blocks of a text transcript (problems must be empty). */
function blocks(text: string, format: 'text' | 'markdown' = 'text', headings?: ReadonlySet<string>): Block[] {
  const r = parseText(text, 't.txt', format, headings ? { headings } : {});
  expect(r.problems).toEqual([]);
  return r.blocks;
}

/** The first block of a one-line transcript. */
function first(line: string): Block {
  const [b] = blocks(line);
  if (!b) throw new Error('no block');
  return b;
}

describe('parseText: speaker label styles', () => {
  test.each([
    ['I: Hallo.', 'I', 4, undefined],
    ['B1: Hallo.', 'B1', 5, undefined],
    ['TN3: Hallo.', 'TN3', 6, undefined],
    ['IP 2: Hallo.', 'IP 2', 7, undefined],
    ['S01: Hallo.', 'S01', 6, undefined],
    ['I:Hallo.', 'I', 3, undefined],
    ['  I: Hallo.', 'I', 6, undefined],
    ['Moderatorin: Hallo.', 'Moderatorin', 14, undefined],
    ['Mod: Hallo.', 'Mod', 6, undefined],
    ['Mod.: Hallo.', 'Mod.', 7, undefined],
    ['Int.: Hallo.', 'Int.', 7, undefined],
    ['Teilnehmerin 3: Hallo.', 'Teilnehmerin 3', 17, undefined],
    ['Teilnehmer*in 2: Hallo.', 'Teilnehmer*in 2', 18, undefined],
    ['Teilnehmer:in 4: Hallo.', 'Teilnehmer:in 4', 18, undefined],
    ['Person A: Hallo.', 'Person A', 11, undefined],
    ['**I [00:00:00]** Hallo.', 'I', 18, 0],
    ['**I:** Hallo.', 'I', 8, undefined],
    ['**I**: Hallo.', 'I', 8, undefined],
    ['**Moderatorin:** Hallo.', 'Moderatorin', 18, undefined],
    ['I: [00:22] Hallo.', 'I', 12, 22],
    ['[Moderatorin] Hallo.', 'Moderatorin', 15, undefined],
    ['[B2]: Hallo.', 'B2', 7, undefined],
    ['Moderatorin [00:01:02] Hallo.', 'Moderatorin', 24, 62],
    ['B1 [00:00:05]: Hallo.', 'B1', 16, 5],
    ['(00:01:02) B1: Hallo.', 'B1', 16, 62],
    ['[00:01:02] B1: Hallo.', 'B1', 16, 62],
    ['I: #00:00:05-3# Hallo.', 'I', 17, 5.3],
  ])('%j', (line, speaker, column, start) => {
    const expected: Block = { speaker, continuation: false, text: 'Hallo.', line: 1, column };
    if (start !== undefined) expected.start = start;
    expect(blocks(line)).toStrictEqual([expected]);
  });

  test('a name label counts when it occurs twice; a single one inside a paragraph stays text of the turn', () => {
    expect(blocks('Frau Dr. Weber: Guten Tag,\nwie gesagt\nAnna: Hallo.\nFrau Dr. Weber: Gut.')).toStrictEqual([
      { speaker: 'Frau Dr. Weber', continuation: false, text: 'Guten Tag,\nwie gesagt\nAnna: Hallo.', line: 1, column: 17 },
      { speaker: 'Frau Dr. Weber', continuation: false, text: 'Gut.', line: 4, column: 17 },
    ]);
  });

  test('name labels with an affiliation in brackets, as in minutes: the words are a name whatever they mean', () => {
    const text = 'Kreisrat Hofmann (CDU): Hallo.\n\nSachverständiger Kurz (Jugendamt): Ja.\n\nKreisrat Hofmann (CDU): Gut.\n\nSachverständiger Kurz (Jugendamt): Nein.';
    expect(blocks(text).map((b) => [b.speaker, b.text, b.column])).toEqual([
      ['Kreisrat Hofmann (CDU)', 'Hallo.', 25],
      ['Sachverständiger Kurz (Jugendamt)', 'Ja.', 36],
      ['Kreisrat Hofmann (CDU)', 'Gut.', 25],
      ['Sachverständiger Kurz (Jugendamt)', 'Nein.', 36],
    ]);
  });

  test('[Name] labels that occur twice', () => {
    expect(blocks('[Anna] Hallo.\n[Ben] Hi.\n[Anna] Tschüss.\n[Ben]: Ciao.')).toStrictEqual([
      { speaker: 'Anna', continuation: false, text: 'Hallo.', line: 1, column: 8 },
      { speaker: 'Ben', continuation: false, text: 'Hi.', line: 2, column: 7 },
      { speaker: 'Anna', continuation: false, text: 'Tschüss.', line: 3, column: 8 },
      { speaker: 'Ben', continuation: false, text: 'Ciao.', line: 4, column: 8 },
    ]);
  });

  test('a name label with a bracketed time counts even once', () => {
    expect(blocks('I: Frage?\n[Anna] [00:00:05] Ja.\nJürgen [00:00:09] Nein.')).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Frage?', line: 1, column: 4 },
      { speaker: 'Anna', continuation: false, text: 'Ja.', line: 2, column: 19, start: 5 },
      { speaker: 'Jürgen', continuation: false, text: 'Nein.', line: 3, column: 19, start: 9 },
    ]);
  });

  test('sentences and headings with a colon are not speakers', () => {
    const text = [
      'I: Was ist wichtig?', // 1
      '', // 2
      'Wichtig ist: wir brauchen mehr Zeit.', // 3
      '', // 4
      'Zum Beispiel: Räume.', // 5
      '', // 6
      'Zum Beispiel: Geld.', // 7
      'Chancen: mehr Vernetzung.', // 8
      'Chancen: mehr Geld.', // 9
      'TOP 1: Begrüßung', // 10
      '[Lachen] Ja.', // 11
      'Siehe http://example.org und um 10:30 Uhr.', // 12
      'Stand 10:30 Uhr.', // 13
      'Das sagte Frau Dr. Weber: Nein.', // 14
      '', // 15
      'B1: Fazit: alles gut.', // 16
    ].join('\n');
    expect(blocks(text, 'text', new Set(['chancen', 'herausforderungen']))).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Was ist wichtig?', line: 1, column: 4 },
      { speaker: null, continuation: true, text: 'Wichtig ist: wir brauchen mehr Zeit.', line: 3, column: 1 },
      { speaker: null, continuation: true, text: 'Zum Beispiel: Räume.', line: 5, column: 1 },
      {
        speaker: null,
        continuation: true,
        text: [
          'Zum Beispiel: Geld.',
          'Chancen: mehr Vernetzung.',
          'Chancen: mehr Geld.',
          'TOP 1: Begrüßung',
          '[Lachen] Ja.',
          'Siehe http://example.org und um 10:30 Uhr.',
          'Stand 10:30 Uhr.',
          'Das sagte Frau Dr. Weber: Nein.',
        ].join('\n'),
        line: 7,
        column: 1,
      },
      { speaker: 'B1', continuation: false, text: 'Fazit: alles gut.', line: 16, column: 5 },
    ]);
  });

  test('a label made of heading words is a heading only when the codebook says so', () => {
    const text = ['I: Was ist wichtig?', 'Chancen: mehr Vernetzung.', 'Chancen: mehr Geld.', 'Risiken: keine.', 'Risiken: wenige.'].join('\n');
    const speakers = (headings?: ReadonlySet<string>): (string | null)[] => blocks(text, 'text', headings).map((b) => b.speaker);
    // Without the codebook's headings, a capitalised word that starts two lines is a name; a generic heading word never is.
    expect(speakers()).toEqual(['I', 'Chancen', 'Chancen']);
    expect(speakers(new Set(['chancen']))).toEqual(['I']);
  });

  test('a line that starts with a label starts a new paragraph; soft line breaks stay', () => {
    expect(blocks('I: Eins\nzwei\nB1: drei\n   vier   \nfünf')).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Eins\nzwei', line: 1, column: 4 },
      { speaker: 'B1', continuation: false, text: 'drei\nvier\nfünf', line: 3, column: 5 },
    ]);
  });

  test('a label on its own hands itself to the paragraph after it', () => {
    expect(blocks('**B1 [00:01:00]**\n\nText danach.\n\nI:\nB2: Ja.')).toStrictEqual([
      { speaker: 'B1', continuation: false, text: 'Text danach.', line: 3, column: 1, start: 60 },
      { speaker: 'B2', continuation: false, text: 'Ja.', line: 6, column: 5 },
    ]);
  });
});

describe('parseText: time marks', () => {
  test('f4 marks end a paragraph and start the next one that has no time', () => {
    expect(blocks(fixture('f4-interview.txt'))).toStrictEqual([
      {
        speaker: 'I',
        continuation: false,
        text: 'Herzlich willkommen zu unserer Fokusgruppe. Stellen Sie sich bitte kurz vor.',
        line: 1,
        column: 4,
        end: 12.4,
      },
      { speaker: 'B1', continuation: false, text: 'Ich bin Lehrerin an einer Grundschule in der Stadt.', line: 3, column: 5, start: 12.4, end: 20.1 },
      {
        speaker: 'B2',
        continuation: false,
        text: 'Ich arbeite beim Jugendamt.\nSeit drei Jahren bin ich in der Schulsozialarbeit.',
        line: 5,
        column: 5,
        start: 20.1,
        end: 31,
      },
      { speaker: null, continuation: true, text: 'Das ist übrigens mein zweites Projekt.', line: 8, column: 1, start: 31, end: 35.5 },
      { speaker: 'I', continuation: false, text: 'Danke. Was brauchen Sie vor Ort?', line: 10, column: 4, start: 35.5, end: 40 },
    ]);
  });

  test('an f4 mark on its own last line is the end; marks inside the text are removed', () => {
    expect(blocks('I: Hallo\n#00:00:03-0#\n\nB1: Erst [00:00:05] dann #00:00:07-0# weiter.')).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Hallo', line: 1, column: 4, end: 3 },
      { speaker: 'B1', continuation: false, text: 'Erst dann weiter.', line: 4, column: 5, start: 3 },
    ]);
  });

  test('hours, minutes, seconds and fractions', () => {
    expect(first('[1:02:03] I: a').start).toBe(3723);
    expect(first('[10:00:00] I: a').start).toBe(36000);
    expect(first('I: [75:10] a').start).toBe(4510);
    expect(first('I: [00:00:01.25] a').start).toBe(1.25);
    expect(first('I: [00:00:01,5] a').start).toBe(1.5);
    expect(first('I: a #01:00:00-45#').end).toBe(3600.45);
  });

  test('not time marks: wrong brackets, seconds over 59', () => {
    expect(first('I: [00:00:61] a').text).toBe('[00:00:61] a');
    expect(first('I: [00:00:10) a').text).toBe('[00:00:10) a');
  });

  test('a time on its own line is the start of the paragraph after it', () => {
    expect(blocks('[00:02:00]\nI: Hallo.')).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Hallo.', line: 2, column: 4, start: 120 }]);
  });
});

describe('parseText: file structure', () => {
  test('Markdown: front matter is metadata; headings and rules are skipped; line numbers count every line', () => {
    const r = parseText(fixture('markdown-interview.md'), 'fg2.md', 'markdown');
    expect(r.problems).toEqual([]);
    expect(r.meta).toStrictEqual({ titel: 'Fokusgruppe Bildungslandschaft', datum: '2024-03-12', ort: 'Rathaus', teilnehmende: '5' });
    expect(r.blocks).toStrictEqual([
      { speaker: 'Moderatorin', continuation: false, text: 'Herzlich willkommen!\nWir beginnen mit einer Runde.', line: 13, column: 1, start: 0 },
      { speaker: 'TN1', continuation: false, text: 'Ich komme aus der Kita.', line: 16, column: 20, start: 15 },
      { speaker: 'TN2', continuation: false, text: 'Ich bin vom Schulamt.', line: 18, column: 21, start: 30 },
      { speaker: 'Moderatorin', continuation: false, text: 'Danke. Wichtig ist: Wir haben Zeit.', line: 22, column: 18 },
    ]);
  });

  test('plain text keeps "# …" lines as text (before the first label: the preamble) but still reads front matter', () => {
    const r = parseText('---\nprojekt: ISoG\nliste: [a, b]\n---\n# Titel\nI: Hallo.\n# Notiz', 't.txt', 'text');
    expect(r.meta).toStrictEqual({ projekt: 'ISoG', liste: 'a, b', preamble: '# Titel' });
    expect(r.blocks).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Hallo.\n# Notiz', line: 6, column: 4 }]);
  });

  test('invalid front matter is a warning with its line; its lines are still not text', () => {
    const r = parseText('---\ntitel: [offen\n---\nI: Hallo.', 't.md', 'markdown');
    expect(r.meta).toStrictEqual({});
    expect(r.blocks).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Hallo.', line: 4, column: 4 }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 't.md', severity: 'warning', line: 2, ruleId: 'read/front-matter' });
  });

  test('an unclosed "---" is no front matter (a rule in Markdown)', () => {
    const r = parseText('---\nI: Hallo.', 't.md', 'markdown');
    expect(r.meta).toStrictEqual({});
    expect(r.blocks).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Hallo.', line: 2, column: 4 }]);
  });

  test('CRLF line ends', () => {
    expect(blocks(fixture('crlf.txt'))).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Grüß Gott.', line: 1, column: 4 },
      { speaker: 'B1', continuation: false, text: 'Servus, wie geht es?\nMir geht es gut.', line: 2, column: 5 },
      { speaker: 'B1', continuation: false, text: 'Noch etwas.', line: 5, column: 5 },
    ]);
  });

  test('CR line ends', () => {
    expect(blocks(fixture('cr.txt'))).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Erste Frage.', line: 1, column: 4 },
      { speaker: 'B1', continuation: false, text: 'Antwort.', line: 2, column: 5 },
    ]);
  });

  test('no speaker label at all: one unit per paragraph, with a warning', () => {
    const r = parseText('Erster Absatz.\nzweite Zeile.\n\n[00:00:05] Zweiter Absatz.\n[00:00:09] Dritter.', 'n.txt', 'text');
    expect(r.blocks).toStrictEqual([
      { speaker: null, continuation: false, text: 'Erster Absatz.\nzweite Zeile.', line: 1, column: 1 },
      { speaker: null, continuation: false, text: 'Zweiter Absatz.', line: 4, column: 12, start: 5 },
      { speaker: null, continuation: false, text: 'Dritter.', line: 5, column: 12, start: 9 },
    ]);
    expect(plain(r.problems)).toStrictEqual([
      { file: 'n.txt', severity: 'warning', message: 'no speaker labels found; each paragraph is one unit', ruleId: 'read/no-labels' },
    ]);
  });

  test('an empty file gives a warning and no blocks', () => {
    expect(plain(parseText('\n\n', 'e.txt', 'text'))).toStrictEqual({
      blocks: [],
      meta: {},
      problems: [{ file: 'e.txt', severity: 'warning', message: 'no spoken text found', ruleId: 'read/empty' }],
    });
  });

  test('NFD input becomes NFC in text, speakers and metadata; columns count source units', () => {
    const nfd = '---\nort: Mu\u0308nchen\n---\nJu\u0308rgen: Gru\u0308\u00dfe.\nJu\u0308rgen: Tschu\u0308ss.';
    const r = parseText(nfd, 'd.txt', 'text');
    expect(r.meta).toStrictEqual({ ort: 'M\u00fcnchen' });
    expect(r.blocks).toStrictEqual([
      { speaker: 'J\u00fcrgen', continuation: false, text: 'Gr\u00fc\u00dfe.', line: 4, column: 10 },
      { speaker: 'J\u00fcrgen', continuation: false, text: 'Tsch\u00fcss.', line: 5, column: 10 },
    ]);
  });
});

describe('parseText: line ends, paragraphs of several lines, time marks inside and at the end', () => {
  const threeLines: Block[] = [
    { speaker: 'I', continuation: false, text: 'Erste Zeile\nzweite Zeile\ndritte Zeile', line: 1, column: 4 },
    { speaker: 'B1', continuation: false, text: 'Ja.', line: 5, column: 5 },
  ];

  test.each([
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
    ['\r', 'CR'],
  ])('a paragraph of three lines with a mark starting the second, lines ending with %j (%s)', (eol) => {
    const text = ['I: Erste Zeile', '#00:00:05-0# zweite Zeile', '  dritte Zeile  ', '', 'B1: Ja.'].join(eol);
    expect(blocks(text)).toStrictEqual(threeLines);
  });

  test.each([['\n'], ['\r\n']])('a label alone on its line: the text starts on the next (%j)', (eol) => {
    expect(blocks(['I:', 'Hallo', 'Welt'].join(eol))).toStrictEqual([{ speaker: 'I', continuation: false, text: 'Hallo\nWelt', line: 2, column: 1 }]);
  });

  test('marks inside the text go with the blanks before them; all marks at the end go, the last one is the end', () => {
    expect(blocks('B1: Ja [00:00:05] und\tnein (00:01:00). [00:01:30] #00:02:00-0#')).toStrictEqual([
      { speaker: 'B1', continuation: false, text: 'Ja und\tnein.', line: 1, column: 5, end: 120 },
    ]);
  });

  test('marks before the text: the first is the start; the end carries over to the next block', () => {
    expect(blocks('B1: [00:00:03] #00:00:04-0# Ja. #00:00:05-0#\nB2: Nein.')).toStrictEqual([
      { speaker: 'B1', continuation: false, text: 'Ja.', line: 1, column: 29, start: 3, end: 5 },
      { speaker: 'B2', continuation: false, text: 'Nein.', line: 2, column: 5, start: 5 },
    ]);
  });

  test('lines of nothing but white space (ideographic, no-break, tab) end paragraphs', () => {
    expect(blocks('\u3000\u3000\n\u00a0\nI: Hallo.\n \t\nB1: Ja.')).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Hallo.', line: 3, column: 4 },
      { speaker: 'B1', continuation: false, text: 'Ja.', line: 5, column: 5 },
    ]);
  });

  test('Markdown: front matter, headings and rules skipped, bold labels with times over their text', () => {
    const text = [
      '---',
      'title: Test',
      '---',
      '# Titel',
      '',
      '**Anna [00:00:17]**',
      'Erster Satz.',
      'Zweiter Satz.',
      '',
      '* * *',
      '',
      '**Ben [00:00:20]**',
      'Ja.',
      '   # Kein Absatz',
      '-- kein Trenner',
    ].join('\n');
    expect(parseText(text, 'm.md', 'markdown')).toStrictEqual({
      blocks: [
        { speaker: 'Anna', continuation: false, text: 'Erster Satz.\nZweiter Satz.', line: 7, column: 1, start: 17 },
        { speaker: 'Ben', continuation: false, text: 'Ja.', line: 13, column: 1, start: 20 },
        { speaker: null, continuation: true, text: '-- kein Trenner', line: 15, column: 1 },
      ],
      meta: { title: 'Test' },
      problems: [],
    });
    expect(blocks('**Anna [00:00:17]**\r\nErster Satz.\r\n\r\n**Ben [00:00:20]**\r\nJa.', 'markdown')).toStrictEqual([
      { speaker: 'Anna', continuation: false, text: 'Erster Satz.', line: 2, column: 1, start: 17 },
      { speaker: 'Ben', continuation: false, text: 'Ja.', line: 5, column: 1, start: 20 },
    ]);
  });
});

describe('parseText: properties', () => {
  /** Lines of labels, time marks, words and white space, without line ends. */
  const lines = fc.array(
    fc
      .array(
        fc.constantFrom('I:', 'B1:', 'B 2 [00:00:07]:', '**Anna [00:01]**', '[Ben]', 'Ben:', '#00:01:02-3#', '[00:01]', '(00:00:05)', '[00:01#', '# ', '---',
          ' ', '\t', '\u00a0', '\u3000', 'ä', 'a\u0308', 'Wir brauchen Personal.', 'Ja', '.', ':'),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('')),
    { maxLength: 20 },
  );

  test('lines ending with CRLF or CR read as those ending with LF', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom('text', 'markdown') as fc.Arbitrary<'text' | 'markdown'>, (ls, format) => {
        const lf = parseText(ls.join('\n'), 'x', format);
        expect(parseText(ls.join('\r\n'), 'x', format)).toStrictEqual(lf);
        expect(parseText(ls.join('\r'), 'x', format)).toStrictEqual(lf);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
