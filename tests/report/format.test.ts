import { describe, expect, it } from 'vitest';
import { csvHeader, englishColumn, formatShare, formatTime, guardFormula, toCsv } from '../../src/report/format.js';

describe('formatTime', () => {
  it('formats seconds as hh:mm:ss, cutting fractions, empty when unknown', () => {
    expect([formatTime(undefined), formatTime(0), formatTime(59.999), formatTime(3725.9), formatTime(360000)]).toEqual([
      '',
      '00:00:00',
      '00:00:59',
      '01:02:05',
      '100:00:00',
    ]);
  });
});

describe('formatShare', () => {
  it('gives 4 decimals with a point, or a comma for excel', () => {
    expect([formatShare(0.125, false), formatShare(0.125, true), formatShare(1 / 3, false), formatShare(2 / 3, true), formatShare(0, false), formatShare(1, true)]).toEqual([
      '0.1250',
      '0,1250',
      '0.3333',
      '0,6667',
      '0.0000',
      '1,0000',
    ]);
  });
});

describe('guardFormula', () => {
  it('prefixes cells that a spreadsheet would run as a formula', () => {
    const cells = ['=SUM(A1)', '+49 30 1234', '- ja, genau', '@home', '\tx', '\rx', '\nx', '   =1', '  -2'];
    expect(cells.map(guardFormula)).toEqual(cells.map((c) => `'${c}`));
  });

  it('leaves other cells alone', () => {
    const cells = ['', 'a=b', ' x', 'Kita-Leitung', '1-2', "'=x", '0.1250'];
    expect(cells.map(guardFormula)).toEqual(cells);
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 with a header, \\n line ends and the formula guard', () => {
    const text = toCsv(
      ['a', 'b', 'c'],
      [
        ['x, y', 'sagt "ja"', 3],
        ['Zeile 1\nZeile 2', 'CR\rhere', 2.5],
        ['=1+2', '-, also', -1],
        ['', 'ä ö ü ß', 0],
      ],
      { excel: false },
    );
    expect(text).toBe(
      'a,b,c\n' +
        '"x, y","sagt ""ja""",3\n' +
        '"Zeile 1\nZeile 2","CR\rhere",2.5\n' +
        `'=1+2,"'-, also",-1\n` +
        ',ä ö ü ß,0\n',
    );
  });

  it('writes excel CSV with BOM, semicolons and decimal commas', () => {
    const text = toCsv(['a', 'b'], [['x, y', 2.5], ['p;q', 7], ['0,1250', 0]], { excel: true });
    expect(text).toBe('\uFEFFa;b\nx, y;2,5\n"p;q";7\n0,1250;0\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['x', 'y'], [], { excel: false })).toBe('x,y\n');
  });
});

describe('csvHeader', () => {
  it('keeps the documented English names, and names the columns in German for Excel', () => {
    const names = ['transcript', 'segment', 'speaker', 'category', 'segments', 'share', 'g2', 'schule'];
    expect(csvHeader(names, false)).toEqual(names);
    expect(csvHeader(names, true)).toEqual(['Transkript', 'Segment', 'Sprecher:in', 'Kategorie', 'Segmente', 'Anteil', 'G²', 'schule']);
    expect(toCsv(['category', 'share'], [['bedarfe', '0,5000']], { excel: true })).toBe('\ufeffKategorie;Anteil\nbedarfe;0,5000\n');
  });

  it('reads a German column name back as its English one (in lower case, as the coding readers compare)', () => {
    expect(['transkript', 'kategorie', 'sprecher:in', 'übrige einheiten', 'text', 'unbekannt'].map(englishColumn)).toEqual(['transcript', 'category', 'speaker', 'other_units', 'text', 'unbekannt']);
  });
});
