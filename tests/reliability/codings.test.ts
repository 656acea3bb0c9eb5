import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems.js';
import { parseCoding, parseRatings, readCoding, readRatings } from '../../src/reliability/codings.js';
import { guessDelimiter } from '../../src/text/csv.js';
import { guardFormula } from '../../src/report/format.js';

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('parseCoding', () => {
  it('reads the segments.csv columns in any order and case, ignoring the others', () => {
    const text = 'Text,Category,SEGMENT,transcript\n"Hallo, Welt",bedarfe,3,a.txt\nx,,4,a.txt\n\n"zwei\nZeilen",vernetzung,5,b/c.txt\n';
    const r = parseCoding(text, 'k.csv');
    expect(r.problems).toEqual([]);
    expect(r.coding).toEqual({
      coder: 'k.csv',
      rows: [
        { transcript: 'a.txt', segment: 3, category: 'bedarfe', line: 2 },
        { transcript: 'a.txt', segment: 4, category: '', line: 3 },
        { transcript: 'b/c.txt', segment: 5, category: 'vernetzung', line: 5 },
      ],
    });
  });

  it('undoes exactly the guard fokus writes, also before invisible characters and full-width signs', () => {
    const cells = ['=x.txt', '\u200b=x.txt', '\uff1dx.txt', ' +x.txt', "'quoted.txt", 'plain.txt'];
    const text = 'transcript,segment,category\n' + cells.map((c) => `${guardFormula(c)},1,bedarfe\n`).join('');
    expect(parseCoding(text, 'k.csv').coding!.rows.map((r) => r.transcript)).toEqual(['=x.txt', '\u200b=x.txt', '\uff1dx.txt', ' +x.txt', "'quoted.txt", 'plain.txt']);
  });

  it('reads `;`-separated Excel files and undoes the formula guard fokus writes', () => {
    const r = parseCoding("transcript;segment;category\r\n'-notiz.txt;1;bedarfe\r\n", 'k.csv', 'Kodiererin A');
    expect(r.coding).toEqual({ coder: 'Kodiererin A', rows: [{ transcript: '-notiz.txt', segment: 1, category: 'bedarfe', line: 2 }] });
  });

  it('counts lines right after a quoted cell with CRLF inside', () => {
    const r = parseCoding('transcript;segment;category;text\r\na.txt;1;k;"zwei\r\nZeilen"\r\n\r\na.txt;x;k;\r\n', 'k.csv');
    expect(r.problems.map(formatProblem)).toEqual([
      'k.csv:5:7: error: segment "x" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
    ]);
  });

  it('names missing columns at the header and bad cells at their line and column', () => {
    expect(parseCoding('\n\ntranscript,segmnt\n', 'k.csv').problems.map(formatProblem)).toEqual([
      'k.csv:3:1: error: missing columns "segment", "category" (found: transcript, segmnt); a coding needs transcript, segment and category as in segments.csv',
    ]);
    const r = parseCoding('transcript,segment,category\n"a\nb",x,k\n,2,k\na.txt,-1,k\na.txt,1.5,"k"\n', 'k.csv');
    expect(r.coding).toBeNull();
    expect(r.problems.map(formatProblem)).toEqual([
      'k.csv:3:4: error: segment "x" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
      'k.csv:4:1: error: empty transcript',
      'k.csv:5:7: error: segment "-1" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
      'k.csv:6:7: error: segment "1.5" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
    ]);
    expect(parseCoding('', 'k.csv').problems.map(formatProblem)).toEqual(['k.csv:1:1: error: empty file: expected a header row with the columns transcript, segment, category']);
    expect(parseCoding('transcript,segment,category\n"a,1,k\n', 'k.csv').problems[0]!.message).toMatch(/^not a valid CSV file: /);
  });
});

describe('parseCoding of a file written with --excel', () => {
  it('reads the German column names of segments.csv', () => {
    const text = '\ufeffTranskript;Segment;Sprecher:in;Kategorie;Text\nt1.txt;3;B1;bedarfe;Wir brauchen mehr.\n';
    const r = parseCoding(text, 'segments.csv');
    expect(r.problems).toEqual([]);
    expect(r.coding!.rows.map((row) => [row.transcript, row.segment, row.category])).toEqual([['t1.txt', 3, 'bedarfe']]);
  });
});

describe('guessDelimiter', () => {
  it('takes `;` or tab when the header has more of them than commas', () => {
    expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(guessDelimiter('\na\tb\tc')).toBe('\t');
    expect(guessDelimiter('a,b;c,d')).toBe(',');
  });
});

describe('parseRatings', () => {
  it('reads a unit × coder table with empty cells as missing, labels as they are', () => {
    const r = parseRatings('unit,A,B,C\n1,ja,nein,\n2,,ja,ja\n', 'r.csv');
    expect(r.table).toEqual({ coders: ['A', 'B', 'C'], units: ['1', '2'], values: [['ja', 'nein', null], [null, 'ja', 'ja']] });
  });

  it('reads numbers with decimal point or comma when numbers are needed', () => {
    const r = parseRatings('Einheit;K1;K2\nu1;2,5;-1\nu2;+3;.5\n', 'r.csv', { numeric: true });
    expect(r.table!.values).toEqual([[2.5, -1], [3, 0.5]]);
  });

  it('reports repeated units, unnamed or repeated coders and too many values with positions', () => {
    const r = parseRatings('unit,A,,A\n1,1,2,3\n1,1,2,3\n2,1,2,3,4\n', 'r.csv');
    expect(r.table).toBeNull();
    expect(r.problems.map(formatProblem)).toEqual([
      'r.csv:1:8: error: coder column 2 has no name',
      'r.csv:1:9: error: coder "A" is named twice (first in column 2)',
      'r.csv:3:1: error: unit "1" is listed again (first at line 2)',
      'r.csv:4:9: error: row has 4 values but the header names 3 coders',
    ]);
    expect(parseRatings('unit,A\n1,1\n', 'r.csv').problems.map(formatProblem)).toEqual([
      'r.csv:1:1: error: a ratings table needs a unit column and at least two coder columns (found 1 coder column)',
    ]);
  });
});

describe('readCoding and readRatings', () => {
  it('read files with a BOM and refuse spreadsheets and missing files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-coding-'));
    temps.push(dir);
    await writeFile(join(dir, 'k.csv'), '\ufefftranscript;segment;category\na.txt;1;bedarfe\n');
    await writeFile(join(dir, 'r.csv'), '\ufeffunit,A,B\n1,2,3\n');
    await writeFile(join(dir, 'k.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
    expect((await readCoding(join(dir, 'k.csv'), 'k.csv')).coding).toEqual({ coder: 'k.csv', rows: [{ transcript: 'a.txt', segment: 1, category: 'bedarfe', line: 2 }] });
    expect((await readRatings(join(dir, 'r.csv'), 'r.csv', { numeric: true })).table).toEqual({ coders: ['A', 'B'], units: ['1'], values: [[2, 3]] });
    expect((await readCoding(join(dir, 'k.xlsx'), 'k.xlsx')).problems.map(formatProblem)).toEqual(['k.xlsx: error: is a ZIP archive, not text (a spreadsheet? save it as CSV)']);
    expect((await readCoding(join(dir, 'nichts.csv'), 'nichts.csv')).problems.map(formatProblem)).toEqual(['nichts.csv: error: no such file or folder']);
    expect((await readCoding(join(dir, 'p.QDPX'), 'p.QDPX')).problems.map(formatProblem)).toEqual(['p.QDPX: error: no such file or folder']);
    // A .qdpx goes to the REFI-QDA reader, not the CSV parser.
    await writeFile(join(dir, 'k.qdpx'), 'transcript,segment,category\na.txt,1,k\n');
    const qdpx = await readCoding(join(dir, 'k.qdpx'), 'k.qdpx');
    expect(qdpx.coding).toBeNull();
    expect(qdpx.problems[0]!.file).toBe('k.qdpx');
    expect(qdpx.problems[0]!.severity).toBe('error');
  });
});
