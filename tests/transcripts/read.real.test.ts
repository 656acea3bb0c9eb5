import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseText } from '../../src/transcripts/plain-text.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import type { Block, Transcript } from '../../src/types.js';
import { plain } from '../plain.js';

/**
 * Issue 17: real transcripts read right. The excerpts in fixtures/read/real are shortened copies of
 * real German interview transcripts (see SOURCES.md there); the other samples copy the shape of
 * real exports (Zoom, Otter-style time-first labels, minutes) with made-up words.
 */

const dir = fileURLToPath(new URL('../fixtures/read/', import.meta.url));

/** Speaker, line, column, start and text of each block. */
const shape = (blocks: Block[]): unknown[] => blocks.map((b) => [b.speaker, b.line, b.column, b.start ?? null, b.text]);

/** Read a fixture file and check it has no problems. */
async function read(rel: string): Promise<Transcript> {
  const r = await readTranscript({ path: rel, id: rel }, { cwd: dir });
  expect(r.problems).toEqual([]);
  return r.transcript!;
}

describe('1. a time mark first, the label on its own line, the text on the next', () => {
  test('`[00:00:00] Stefan` / `Willkommen zusammen.`: the label is the speaker, not glued to the text', () => {
    const text = '[00:00:00] Stefan\nWillkommen zusammen.\n\n[00:00:04] Julia Berger\nDanke, hallo.\n\n[00:00:09] Stefan\nFangen wir an.\n';
    const r = parseText(text, 'otter.txt', 'text');
    expect(r.problems).toEqual([]);
    expect(shape(r.blocks)).toEqual([
      ['Stefan', 2, 1, 0, 'Willkommen zusammen.'],
      ['Julia Berger', 5, 1, 4, 'Danke, hallo.'],
      ['Stefan', 8, 1, 9, 'Fangen wir an.'],
    ]);
  });

  test('a time first and a sentence word on its own line stays text', () => {
    const r = parseText('I: Frage?\n\n[00:00:04] Genau\nso ist es.\n', 't.txt', 'text');
    expect(shape(r.blocks)).toEqual([
      ['I', 1, 4, null, 'Frage?'],
      [null, 3, 12, 4, 'Genau\nso ist es.'],
    ]);
  });
});

describe('2. the preamble: text before the first speaker label is metadata, not a unit', () => {
  test('real (divekit, Kohls): a heading and `Interviewpartner: …\\` / `Datum: …` are the preamble', async () => {
    const t = await read('real/kohls-head.md');
    expect(t.meta).toMatchObject({
      Interviewpartner: 'Prof. Dr. Christian Kohls',
      Datum: '18.12.2',
      preamble: 'Transkript des Interviews mit Prof. Dr. Christian Kohls\nInterviewpartner: Prof. Dr. Christian Kohls\nDatum: 18.12.2\nInhalt',
    });
    expect(t.moderators).toBeUndefined();
    expect(t.blocks.map((b) => [b.speaker, b.line, b.start])).toEqual([
      ['I', 25, 0],
      ['B', 27, 22],
      ['I', 29, 153],
    ]);
  });

  test('real (divekit, nnProf): `Date:`, a legend line `I: Interwiever, B: Befragter`, "Start of transcript"', async () => {
    const t = await read('real/nnprof-head.md');
    expect(t.meta.preamble).toBe(
      'Inhalt\nDate: 17.05.2021\nDuration: 01:08:10\n2 Speakers: Speaker1 mba, Speaker2 n. n. Prof\nI: Interwiever, B: Befragter\nStart of transcript',
    );
    expect(t.meta).toMatchObject({ Date: '17.05.2021', Duration: '01:08:10' });
    expect(t.moderators).toEqual(['I']);
    expect(t.blocks.map((b) => [b.speaker, b.line, b.column, b.start])).toEqual([
      ['I', 30, 15, 0],
      ['B', 32, 15, 12],
    ]);
  });

  test('real (divekit, nnProf4): a legend `I = Interviewer` / `P = Protokollant` makes I and P moderators', async () => {
    const t = await read('real/nnprof4-head.md');
    expect(t.meta).toMatchObject({ Ort: 'BigBlueButton-Meeting', preamble: 'Transkript nnProf4\nDatum 10.05.2021 10 Uhr\nOrt: BigBlueButton-Meeting\nI = Interviewer\nB = Befragte\nP = Protokollant' });
    expect(t.moderators).toEqual(['I', 'P']);
    const units = segmentUnits({ ...t, blocks: [...t.blocks, { speaker: 'P', continuation: false, text: 'Kommt drauf an.', line: 34, column: 18 }] }, { unit: 'turn', moderators: [] });
    expect(units.map((u) => [u.speaker, u.moderator])).toEqual([
      ['I', true],
      ['B', false],
      ['I', true],
      ['P', true],
    ]);
  });

  test('a title, a one-line legend with `=` and a date; labels of the legend that are interviewees stay codable', () => {
    const text = 'Interview mit zwei Lehrkräften\nI = Interviewer, B = Befragte, P = Protokollant\nDatum: 12.03.2024\n\nI: Wie geht es?\n\nB: Gut.\n\nP: Notiert.\n\nB: Und weiter.\n';
    const r = parseText(text, 'l.txt', 'text');
    expect(r.problems).toEqual([]);
    expect(r.meta).toEqual({ Datum: '12.03.2024', preamble: 'Interview mit zwei Lehrkräften\nI = Interviewer, B = Befragte, P = Protokollant\nDatum: 12.03.2024' });
    expect(r.moderators).toEqual(['I', 'P']);
    expect(shape(r.blocks)).toEqual([
      ['I', 5, 4, null, 'Wie geht es?'],
      ['B', 7, 4, null, 'Gut.'],
      ['P', 9, 4, null, 'Notiert.'],
      ['B', 11, 4, null, 'Und weiter.'],
    ]);
  });

  test('a code label that speaks once at the start is a speaker, not a preamble', () => {
    expect(shape(parseText('I: Grüß Gott.\nB1: Servus.\n\nB1: Noch etwas.', 'c.txt', 'text').blocks)).toEqual([
      ['I', 1, 4, null, 'Grüß Gott.'],
      ['B1', 2, 5, null, 'Servus.'],
      ['B1', 4, 5, null, 'Noch etwas.'],
    ]);
  });

  test('a file without any label keeps all its text (no preamble), with the no-labels warning', () => {
    const r = parseText('Titel\n\nEin Absatz.', 'n.txt', 'text');
    expect(r.meta).toEqual({});
    expect(r.blocks.map((b) => b.text)).toEqual(['Titel', 'Ein Absatz.']);
    expect(r.problems.map((p) => p.ruleId)).toEqual(['read/no-labels']);
  });
});

describe('3. one-off speakers', () => {
  test('the last cue of a Zoom export `Jonas Weber: Ja, alles klar.` is a speaker', () => {
    const text = 'Anna Schulz: Hallo zusammen.\nMarkus Lang: Hallo Anna.\nAnna Schulz: Fangen wir an?\nMarkus Lang: Gern.\nJonas Weber: Ja, alles klar.\n';
    expect(shape(parseText(text, 'zoom.txt', 'text').blocks).map((b) => (b as unknown[])[0])).toEqual([
      'Anna Schulz',
      'Markus Lang',
      'Anna Schulz',
      'Markus Lang',
      'Jonas Weber',
    ]);
  });

  test('a member of parliament who asks one question (the shape of a Bundestag Regierungsbefragung)', () => {
    const text = 'Moderation: Dann stellt die nächste Frage Frau Suding.\n\nSuding: Wie wollen Sie das lösen?\n\nGiffey: Mit einem Gesetz.\n\nModeration: Danke. Die nächste Frage.\n\nGiffey: Gern.\n';
    expect(shape(parseText(text, 'bt.txt', 'text').blocks)).toEqual([
      ['Moderation', 1, 13, null, 'Dann stellt die nächste Frage Frau Suding.'],
      ['Suding', 3, 9, null, 'Wie wollen Sie das lösen?'],
      ['Giffey', 5, 9, null, 'Mit einem Gesetz.'],
      ['Moderation', 7, 13, null, 'Danke. Die nächste Frage.'],
      ['Giffey', 9, 9, null, 'Gern.'],
    ]);
  });

  test('metadata keys (`Dauer:`, `Ort:`, `Date:`) and a label inside a paragraph never are', () => {
    const text = 'I: Frage?\n\nB: Antwort.\n\nDate: 12.03.2024\n\nI: Noch eine,\nwie\nAnna: sagte sie.\n\nB: Ja.\n';
    expect(shape(parseText(text, 'm.txt', 'text').blocks)).toEqual([
      ['I', 1, 4, null, 'Frage?'],
      ['B', 3, 4, null, 'Antwort.'],
      [null, 5, 1, null, 'Date: 12.03.2024'],
      ['I', 7, 4, null, 'Noch eine,\nwie\nAnna: sagte sie.'],
      ['B', 11, 4, null, 'Ja.'],
    ]);
  });

  test('without other labels a lone name is no speaker', () => {
    const r = parseText('Anna: Hallo.\n\nWie geht es?', 'a.txt', 'text');
    expect(r.blocks.every((b) => b.speaker === null)).toBe(true);
  });
});

describe('4. moderator labels and lower-case codes', () => {
  test.each([['Moderation'], ['Mod.'], ['Moderator:in'], ['Interviewerin'], ['Int.']])('%s: is a label', (label) => {
    const r = parseText(`${label}: Frage?\n\nB1: Antwort.`, 'm.txt', 'text');
    expect(r.blocks.map((b) => b.speaker)).toEqual([label, 'B1']);
  });

  test('`b3:` is the same speaker as `B3:`, spelt as the code', () => {
    const r = parseText('I: Frage?\n\nB3: Antwort.\n\nI: Und?\n\nb3: Noch was.\nB3: Und mehr.\n', 'b.txt', 'text');
    expect(r.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Frage?'],
      ['B3', 'Antwort.'],
      ['I', 'Und?'],
      ['B3', 'Noch was.'],
      ['B3', 'Und mehr.'],
    ]);
  });
});

describe('5. markup left in the text', () => {
  test('real (Landgraf): kramdown attribute lists after bold labels, a line break after the label, HTML entities', async () => {
    const t = await read('real/landgraf-head.md');
    expect(t.blocks.map((b) => [b.speaker, b.line, b.text.slice(0, 40)])).toEqual([
      ['Interviewer', 14, 'Hallo.'],
      ['Befragte', 17, 'Hallo, also ich fange erst mal sozusagen'],
      ['Interviewer', 22, 'In so einer Gruppe ist dann auch das Alt'],
      ['Interviewer', 25, 'Gibt\'s Computer in diesen Maßnahmen?'],
      ['Befragte', 28, 'Es gibt Computer in diesen Maßnahmen.'],
      ['Befragte', 31, '[…] im so genannten „Silentium" ihre Hau'],
    ]);
    expect(t.blocks.some((b) => /\{:|&[#a-z0-9]+;|\*\*/u.test(b.text))).toBe(false);
  });

  test('Markdown links keep their text; hard line-break backslashes, emphasis and escapes go; gender stars and [anonymised] stay', () => {
    const text = 'I: Siehe [die Seite](https://example.org/a_b) und <https://x.org>.\\\nZweite Zeile mit **fett**, _kursiv_ und \\*Stern.\n\nB: Lehrer*innen und Schüler*innen in [Ort] &amp; &quot;so&quot; &#39;ne Sache &#x27;da&#x27;.';
    const r = parseText(text, 'l.md', 'markdown');
    expect(r.blocks.map((b) => b.text)).toEqual([
      'Siehe die Seite und https://x.org.\nZweite Zeile mit fett, kursiv und *Stern.',
      'Lehrer*innen und Schüler*innen in [Ort] & "so" \'ne Sache \'da\'.',
    ]);
  });

  test('plain text keeps what looks like markup', () => {
    expect(parseText('I: a &amp; b **c**', 't.txt', 'text').blocks[0]?.text).toBe('a &amp; b **c**');
  });
});

describe('6. front matter', () => {
  test('multi-line quoted strings are read without warnings', () => {
    const r = parseText('---\ntitle: "Interview mit\n  zwei Lehrkräften"\nnotiz: \'eins\n  zwei\'\n---\nI: Hallo.\n', 't.md', 'markdown');
    expect(r.problems).toEqual([]);
    expect(r.meta).toEqual({ title: 'Interview mit zwei Lehrkräften', notiz: 'eins zwei' });
  });

  test('a warning names the same line in its position and its message', () => {
    const r = parseText('---\ntitle: ok\nb: "x\n---\nI: Hallo.\n', 't.md', 'markdown');
    expect(plain(r.problems)).toEqual([
      {
        file: 't.md',
        severity: 'warning',
        message: 'front matter is not valid YAML and is ignored: Missing closing "quote at line 3, column 6',
        line: 3,
        column: 6,
        ruleId: 'read/front-matter',
      },
    ]);
  });
});

describe('7. units', () => {
  test('no unit has an end without a start', () => {
    const r = parseText('I: Herzlich willkommen. #00:00:12-4#\n\nB1: Danke. #00:00:20-1#\n', 'f4.txt', 'text');
    const t: Transcript = { id: 'f4', path: 'f4.txt', format: 'text', sha256: '', encoding: 'utf-8', meta: {}, blocks: r.blocks };
    expect(segmentUnits(t, { unit: 'turn', moderators: ['I'] }).map((u) => [u.speaker, u.start, u.end])).toEqual([
      ['I', undefined, undefined],
      ['B1', 12.4, 20.1],
    ]);
  });

  test('a transcript of any format that yields no label is a warning', async () => {
    const r = await readTranscript({ path: 'formats/05-whisper.json', id: 'w' }, { cwd: dir });
    expect(r.problems.map((p) => [p.severity, p.ruleId])).toEqual([['warning', 'read/no-labels']]);
  });
});

describe('the real transcripts read with the counts of issue 17', () => {
  // units / moderator units (moderators of the shipped codebook plus the transcript's legend) / codable speakers
  const cases: [string, number, number, number][] = [
    ['real/full/divekit-fkrampe.md', 98, 49, 1],
    ['real/full/divekit-kohls.md', 52, 26, 1],
    ['real/full/divekit-nnprof.md', 65, 33, 1],
    ['real/full/divekit-nnprof4.md', 184, 102, 1],
    ['real/full/landgraf-jugendamt.md', 92, 46, 1],
    ['haski/haski_nodegrade_interview1_german.docx', 13, 4, 2],
    ['haski/haski_nodegrade_interview2_german.docx', 19, 4, 2],
    ['haski/haski_nodegrade_interview3_german.docx', 20, 3, 2],
  ];
  test.each(cases)('%s: %i units, %i moderator units, %i codable speakers; every unit has a speaker, no markup', async (file, n, mod, speakers) => {
    const { loadCodebook } = await import('../../src/codebook/load.js');
    const { codebook } = await loadCodebook();
    const t = await read(file);
    const units = segmentUnits(t, { unit: 'turn', moderators: codebook!.moderators });
    expect(units).toHaveLength(n);
    expect(units.filter((u) => u.moderator)).toHaveLength(mod);
    expect(new Set(units.filter((u) => !u.moderator).map((u) => u.speaker)).size).toBe(speakers);
    expect(units.filter((u) => u.speaker === '')).toEqual([]);
    expect(units.filter((u) => /\{:|&(?:#\d+|#x[\da-f]+|[a-z]+);|\*\*|\]\(|\\$/mu.test(u.text)).map((u) => u.segment)).toEqual([]);
    expect(units.filter((u) => u.end !== undefined && u.start === undefined)).toEqual([]);
  });
});
