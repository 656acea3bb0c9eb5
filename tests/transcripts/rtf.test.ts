import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { parseRtf, rtfItems } from '../../src/transcripts/rtf.js';
import { plain } from '../plain.js';

const dir = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
/** The paragraphs' texts of an RTF string. */
const texts = (rtf: string): string[] => rtfItems(latin1(rtf), 'x.rtf').items.map((i) => (i.kind === 'paragraph' ? i.text : `| ${i.cells.join(' | ')} |`));

describe('RTF (f4 export)', () => {
  test('umlauts, typographic quotes, dashes, tabs, line breaks and f4 time marks', async () => {
    const r = await readTranscript({ path: '09-f4.rtf', id: '09-f4.rtf' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.format).toBe('rtf');
    expect(r.transcript?.encoding).toBe('windows-1252');
    expect(r.transcript?.blocks).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Herzlich willkommen. Schön, dass Sie da sind. Was wünschen Sie sich für die Zukunft?', line: 1, column: 4, end: 5.3 },
      { speaker: 'B1', continuation: false, text: 'Ich wünsche mir mehr “Zeit” für die Kinder—und weniger Papierkram.', line: 3, column: 5, start: 5.3, end: 14.8 },
      { speaker: 'B2', continuation: false, text: '„Größere“ Klassenräume\twären schön. Und ein Café für die Eltern.', line: 5, column: 5, start: 14.8, end: 25 },
      { speaker: 'I', continuation: false, text: 'Danke Ihnen allen!', line: 7, column: 4, start: 25, end: 27.9 },
    ]);
  });
});

describe('rtfItems', () => {
  test('\\\'hh bytes in the code page, \\uN with its fallback skipped (\\uc0, \\uc1, \\uc2)', () => {
    expect(texts("{\\rtf1\\ansi\\ansicpg1252 gr\\'fc\\'df \\u252?ber \\uc2\\u8222\\'84\\'84x\\uc0\\u8220 !\\par}")).toEqual(['grüß über „x“!']);
  });

  test('surrogate pairs, \\~, \\-, \\_, escaped braces and backslashes', () => {
    expect(texts('{\\rtf1 \\u-10179?\\u-8704?ok\\~da Trenn\\-wort Bind\\_strich \\{\\}\\\\\\par}')).toEqual(['😀ok\u00a0da Trennwort Bind-strich {}\\']);
  });

  test('tables, colours, stylesheets, pictures, fields and {\\*\\…} destinations hold no text', () => {
    const rtf =
      '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}{\\info{\\author Anna}}' +
      '{\\*\\generator Msftedit;}{\\pict\\pngblip 89504e47}{\\*\\themedata 504b}' +
      'A{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt Link}}B{\\footnote Fu\\par}C{\\*\\bkmkstart m}\\par}';
    expect(texts(rtf)).toEqual(['ALinkBC']);
  });

  test('\\ansicpg and per-font \\fcharset choose the code page; \\upr prefers its Unicode twin', () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}{\\f1\\fcharset238 Arial CE;}{\\f2\\fcharset0 Arial;}}" +
      "\\f0 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2 \\f1 \\'b9\\'e8 {\\upr{ansi}{\\*\\ud{\\u8364?}}}\\par}";
    expect(texts(rtf)).toEqual(['Привет ąč €']);
    expect(rtfItems(latin1(rtf), 'x.rtf').encoding).toBe('windows-1251');
  });

  test('\\bin data is skipped, \\line is a space, \\sect and an escaped line end end paragraphs', () => {
    expect(texts('{\\rtf1 a\\bin3 }}}b\\line c\\sect d\\\nE}')).toEqual(['ab c', 'd', 'E']);
  });

  test('table rows keep their cells; a transcript table is read row by row', () => {
    const rtf =
      '{\\rtf1\\ansi\\trowd\\cellx1000\\cellx2000\\cellx6000' +
      '\\pard\\intbl Zeit\\cell Sprecher\\cell Text\\cell\\row' +
      '\\trowd\\pard\\intbl 00:01:02\\cell I:\\cell Wie geht\\par es?\\cell\\row' +
      '\\pard Danach.\\par}';
    expect(texts(rtf)).toEqual(['| Zeit | Sprecher | Text |', '| 00:01:02 | I: | Wie geht es? |', 'Danach.']);
    expect(parseRtf(latin1(rtf), 't.rtf').blocks).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Wie geht es?', line: 2, column: 1, start: 62 },
      { speaker: null, continuation: true, text: 'Danach.', line: 3, column: 1 },
    ]);
  });

  test('a forced encoding wins over \\ansicpg; an unknown one is an error', () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252 \\'e4\\par}";
    expect(rtfItems(latin1(rtf), 'x.rtf', 'cp1251').items).toEqual([{ kind: 'paragraph', text: 'д' }]);
    expect(plain(rtfItems(latin1(rtf), 'x.rtf', 'klingon').problems)).toStrictEqual([
      { file: 'x.rtf', severity: 'error', message: 'unknown encoding "klingon"', ruleId: 'read/encoding' },
    ]);
  });

  test('a file that is no RTF is an error naming it', () => {
    expect(plain(parseRtf(latin1('I: Hallo'), 'falsch.rtf'))).toStrictEqual({
      blocks: [],
      meta: {},
      problems: [{ file: 'falsch.rtf', severity: 'error', message: 'not an RTF file (it does not start with {\\rtf)', ruleId: 'read/rtf' }],
      encoding: 'binary',
    });
  });
});

describe('RTF control words named like built-in properties (issue 13)', () => {
  test('\\toString, \\constructor and \\valueOf are unknown words, not JavaScript functions', () => {
    // The space after a control word ends it and is not text.
    expect(texts('{\\rtf1 a\\toString b\\constructor c\\valueOf d\\tab e}')).toEqual(['abcd\te']);
  });
});
