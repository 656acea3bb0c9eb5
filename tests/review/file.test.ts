import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems.js';
import { fileStore } from '../../src/cli/review-store.js';
import { parseReview, readReview, reviewRow, REVIEW_HEADER, type ReviewRow } from '../../src/review/file.js';
import type { CodedUnit } from '../../src/types.js';
import { HEADER, row } from './fixture.js';

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

const unit = (segment: number, text: string): CodedUnit => ({
  transcript: 't.txt',
  segment,
  turn: segment,
  speaker: 'B1',
  moderator: false,
  start: 65.7,
  end: 80,
  line: 3,
  text,
  attributes: {},
  codings: [],
});

describe('the review file', () => {
  it('has the columns of segments.csv without source, then decision', () => {
    expect(REVIEW_HEADER.join(',')).toBe(HEADER);
  });

  it('reads rows with the line each starts on, also after a text spanning two lines', () => {
    const text = [HEADER, 't.txt,2,B1,00:01:05,00:01:20,3,bedarfe,brauch*|personal*,"Wir brauchen\nmehr Personal.",confirmed', row(4, 'vernetzung', '', 'added'), ''].join('\n');
    const r = parseReview(text, 'review.csv');
    expect(r.problems).toEqual([]);
    expect(r.canonical).toBe(true);
    expect(r.rows).toEqual([
      { transcript: 't.txt', segment: 2, speaker: 'B1', start: '00:01:05', end: '00:01:20', line: 3, category: 'bedarfe', matched: 'brauch*|personal*', text: 'Wir brauchen\nmehr Personal.', decision: 'confirmed', row: 2 },
      { transcript: 't.txt', segment: 4, speaker: 'B3', start: '', end: '', line: 7, category: 'vernetzung', matched: '', text: 'Das Netzwerk hilft uns.', decision: 'added', row: 4 },
    ]);
  });

  it('reports bad decisions, segments and missing categories at their line and column', () => {
    const text = [
      HEADER,
      row(2, 'bedarfe', 'brauch*', 'maybe'),
      row(3, 'bedarfe/personal', 'personal*', ''),
      row(4, '', '', 'rejected'),
      't.txt,x,B1,,,3,bedarfe,,Text,confirmed',
      row(5, '', '', 'confirmed'),
      '',
    ].join('\n');
    const r = parseReview(text, 'review.csv');
    expect(r.rows).toBeNull();
    expect(r.problems.map(formatProblem)).toEqual([
      'review.csv:2:60: error: decision "maybe" is not a decision: one of confirmed, rejected, added',
      'review.csv:3:71: error: empty decision: one of confirmed, rejected, added',
      'review.csv:4:42: error: a "rejected" decision needs a category',
      'review.csv:5:7: error: segment "x" is not a whole number from 1 (the unit number within the transcript, as in segments.csv)',
    ]);
    expect(r.problems.map((p) => p.ruleId)).toEqual(['review/decision', 'review/decision', 'review/decision', 'review/unit']);
  });

  it('names the missing columns; a file with other columns in another order is read but is not canonical', () => {
    const missing = parseReview('transcript,segment,category\nt.txt,2,bedarfe\n', 'r.csv');
    expect(missing.problems.map(formatProblem)).toEqual([
      'r.csv:1:1: error: missing columns "text", "decision" (found: transcript, segment, category); a review file has the columns transcript,segment,speaker,start,end,line,category,matched,text,decision',
    ]);
    expect(missing.problems[0]!.ruleId).toBe('review/columns');
    const other = parseReview('Decision;Category;Segment;Transcript;Text\nconfirmed;bedarfe;2;t.txt;Wir brauchen mehr Personal.\n', 'r.csv');
    expect(other.problems).toEqual([]);
    expect(other.canonical).toBe(false);
    expect(other.rows!.map((r) => [r.transcript, r.segment, r.category, r.decision, r.line, r.row])).toEqual([['t.txt', 2, 'bedarfe', 'confirmed', 0, 2]]);
  });

  it('takes the formula guard off a text as segments.csv writes it', () => {
    const r = parseReview(`${HEADER}\nt.txt,2,B1,,,3,bedarfe,,'=Mehr Geld,added\n`, 'r.csv');
    expect(r.rows![0]!.text).toBe('=Mehr Geld');
  });

  it('is appended to a row at a time and rewritten whole without a removed row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-review-file-'));
    temps.push(dir);
    const path = join(dir, 'review.csv');
    const rows: ReviewRow[] = [];
    const store = fileStore(path, rows);
    expect(await readFile(path, 'utf8')).toBe(HEADER + '\n');
    const a = reviewRow(unit(2, 'Wir brauchen "mehr" Personal.'), 'bedarfe', ['brauch*', 'personal*'], 'confirmed');
    const b = reviewRow(unit(3, '=Geld'), 'finanzen', [], 'added');
    const c = reviewRow(unit(4, 'Netzwerk'), 'vernetzung', ['netzwerk*'], 'rejected');
    store.append(a);
    expect(await readFile(path, 'utf8')).toBe(`${HEADER}\nt.txt,2,B1,00:01:05,00:01:20,3,bedarfe,brauch*|personal*,"Wir brauchen ""mehr"" Personal.",confirmed\n`);
    store.append(b);
    store.append(c);
    expect(store.remove(b)).toBe(true);
    expect(store.remove(b)).toBe(false);
    // Appending after a rewrite goes to the new file, not to the replaced one.
    store.append(b);
    store.close();
    expect(await readFile(path, 'utf8')).toBe(
      [
        HEADER,
        't.txt,2,B1,00:01:05,00:01:20,3,bedarfe,brauch*|personal*,"Wir brauchen ""mehr"" Personal.",confirmed',
        't.txt,4,B1,00:01:05,00:01:20,3,vernetzung,netzwerk*,Netzwerk,rejected',
        "t.txt,3,B1,00:01:05,00:01:20,3,finanzen,,'=Geld,added",
        '',
      ].join('\n'),
    );
    expect(await readdir(dir)).toEqual(['review.csv']);
    const back = await readReview(path, 'review.csv');
    expect(back.problems).toEqual([]);
    expect(back.rows!.map(({ row: _row, ...r }) => r)).toEqual([a, c, b]);
  });

  it('says why a file cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-review-file-'));
    temps.push(dir);
    await writeFile(join(dir, 'empty.csv'), '');
    expect((await readReview(join(dir, 'nope.csv'), 'nope.csv')).problems.map(formatProblem)).toEqual(['nope.csv: error: no such file or folder']);
    expect((await readReview(join(dir, 'empty.csv'), 'empty.csv')).problems.map(formatProblem)).toEqual([
      'empty.csv:1:1: error: empty file: expected a header row with the columns transcript,segment,speaker,start,end,line,category,matched,text,decision',
    ]);
  });
});
