import { describe, expect, test } from 'vitest';
import { htmlItems, parseHtml } from '../../src/transcripts/html.js';
import { cellSeconds, tableColumns } from '../../src/transcripts/tables.js';
import { plain } from '../plain.js';

describe('htmlItems', () => {
  test('paragraphs (empty ones too), headings marked, <br> as a space, leading bold runs, entities', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><h1>Titel</h1><p></p>' +
      '<p><strong>I:</strong> Hallo&nbsp;zusammen<br/>und&amp;so</p><div>lose <b>fett</b></div>' +
      '<p><span style="font-weight: bold">Anna</span> Text</p><ul><li>Punkt</li></ul></body></html>';
    expect(htmlItems(html).items).toEqual([
      { kind: 'paragraph', text: 'Titel', heading: true },
      { kind: 'paragraph', text: '', heading: false },
      { kind: 'paragraph', text: 'I: Hallo\u00a0zusammen und&so', heading: false, bold: 'I:' },
      { kind: 'paragraph', text: 'lose fett', heading: false },
      { kind: 'paragraph', text: 'Anna Text', heading: false, bold: 'Anna' },
      { kind: 'paragraph', text: 'Punkt', heading: false },
    ]);
  });

  test('first-level table rows with their cells; nested tables fold into their cell; footnotes left out', () => {
    const html =
      '<p>Vorher<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<table><tr><td><p>B1</p></td><td><p>Eins</p><p>Zwei</p></td></tr><tr><td>B2</td><td><table><tr><td>innen</td></tr></table></td></tr></table>' +
      '<ol><li id="footnote-1"><p>Fußnote</p></li></ol>';
    expect(htmlItems(html).items).toEqual([
      { kind: 'paragraph', text: 'Vorher', heading: false },
      { kind: 'row', cells: ['B1', 'Eins Zwei'] },
      { kind: 'row', cells: ['B2', 'innen'] },
    ]);
  });
});

describe('parseHtml', () => {
  test('labels in bold or plain, continuation paragraphs; line and column point into the HTML file', () => {
    const html = '<html>\n<body>\n<p><b>Moderatorin:</b> Willkommen.</p>\n<p>B1: Danke &amp; hallo.</p>\n<p>Noch etwas.</p>\n</body></html>';
    expect(parseHtml(html, 'a.html')).toStrictEqual({
      blocks: [
        { speaker: 'Moderatorin', continuation: false, text: 'Willkommen.', line: 3, column: 24 },
        { speaker: 'B1', continuation: false, text: 'Danke & hallo.', line: 4, column: 8 },
        { speaker: null, continuation: true, text: 'Noch etwas.', line: 5, column: 4 },
      ],
      meta: {},
      problems: [],
    });
  });

  test('a bold name that starts only one paragraph is text, without the bold marks', () => {
    const html = '<p>I: Los.</p><p><b>Wichtig:</b> Das ist eine Notiz.</p><p><b>Anna</b> Hallo.</p><p>I: Gut.</p>';
    expect(parseHtml(html, 'a.html').blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Los.'],
      [null, 'Wichtig: Das ist eine Notiz.'],
      [null, 'Anna Hallo.'],
      ['I', 'Gut.'],
    ]);
  });

  test('a page without any label: each paragraph is one unit, with a warning', () => {
    expect(plain(parseHtml('<p>Eins.</p><p>Zwei.</p>', 'n.html'))).toStrictEqual({
      blocks: [
        { speaker: null, continuation: false, text: 'Eins.', line: 1, column: 4 },
        { speaker: null, continuation: false, text: 'Zwei.', line: 1, column: 16 },
      ],
      meta: {},
      problems: [{ file: 'n.html', severity: 'warning', message: 'no speaker labels found; each paragraph is one unit', ruleId: 'read/no-labels' }],
    });
    expect(plain(parseHtml('<html><head><title>Leer</title></head></html>', 'e.html').problems)).toStrictEqual([
      { file: 'e.html', severity: 'warning', message: 'no spoken text found', ruleId: 'read/empty' },
    ]);
  });

  test('a table that is no transcript table is read as paragraphs of its cells (before the first label: the preamble)', () => {
    const html = '<table><tr><td>Datum</td><td>12.03.2024</td></tr></table><p>I: Los geht es.</p><p>B1: Gut.</p>';
    expect(parseHtml(html, 't.html').meta).toEqual({ preamble: 'Datum 12.03.2024' });
    expect(parseHtml(html, 't.html').blocks.map((b) => [b.speaker, b.text, b.continuation])).toEqual([
      ['I', 'Los geht es.', false],
      ['B1', 'Gut.', false],
    ]);
  });
});

describe('tableColumns', () => {
  test('a header row names speaker, text and time columns', () => {
    expect(tableColumns([['Nr.', 'Zeitmarke', 'Sprecher*in', 'Äußerung'], ['1', '00:00:01', 'I', 'Hallo']])).toEqual({ header: true, speaker: 2, text: 3, time: 1 });
    expect(tableColumns([['Person', 'Transkript'], ['B1', 'Ja']])).toEqual({ header: true, speaker: 0, text: 1 });
  });

  test('without a header: a column of labels, a column of times, the longest other column as text', () => {
    const rows = [
      ['#00:00:05-2#', 'I:', 'Herzlich willkommen zur Runde.', '1'],
      ['#00:00:09-0#', 'B1:', 'Danke.', '2'],
      ['', '', 'Und weiter.', '3'],
    ];
    expect(tableColumns(rows)).toEqual({ header: false, speaker: 1, text: 2, time: 0 });
  });

  test('no speaker column (heading words such as "Datum" are no labels), or one column only: no transcript table', () => {
    expect(tableColumns([['Datum', '12.03.2024'], ['Ort', 'Köln, Rathaus und Umgebung']])).toBeNull();
    expect(tableColumns([['heute ist schön', 'ja'], ['es regnet nicht', 'nein']])).toBeNull();
    expect(tableColumns([['I: Hallo'], ['B1: Ja']])).toBeNull();
  });

  test('cellSeconds reads the time marks of transcripts', () => {
    expect(['00:01:02', '1:02', '[00:01:02]', '#00:01:02-5#', '(01:02.25)', '12.03.2024', '', '01:75'].map(cellSeconds)).toEqual([62, 62, 62, 62.5, 62.25, null, null, null]);
  });
});
