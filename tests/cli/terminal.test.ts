import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { guardFormula, toCsv } from '../../src/report/format.js';
import { formatProblem } from '../../src/problems.js';
import { safeText } from '../../src/text/safe-text.js';
import { CODEBOOK, project, removeProjects } from '../errors/project.js';
import { runCli } from './run.js';

afterAll(removeProjects);

/** Issue 13: transcript text is shown, never obeyed, by a terminal; CSV cells carry no controls and no hidden formula. */
const ESC = '\u001b';
const HOSTILE = `I: Was brauchen Sie?\n\nB1: Wir brauchen ${ESC}]0;pwned\u0007${ESC}[2J mehr Personal\r.\n\nB2: Es fehlt an ${ESC}[31mRäumen\u009b.\n`;

describe('terminal output neutralises control characters', () => {
  test('safeText keeps the length, line breaks and tabs; shows controls as pictures', () => {
    const text = `a${ESC}[31mb\r\nc\td\u007f\u009b\u202e`;
    expect(safeText(text)).toBe('a\u241b[31mb\u240d\nc\td\u2421\ufffd\ufffd');
    expect(safeText(text).length).toBe(text.length);
    expect(safeText('Größe – 3 €')).toBe('Größe – 3 €');
  });

  test('problems on stderr quote file names and input with their controls made visible', () => {
    const p = { file: `a${ESC}[2Jb.txt`, line: 3, column: 1, severity: 'warning' as const, message: `speaker "B${ESC}]0;x\u0007" is not in the participants file`, ruleId: 'participants/unknown-speaker' as const };
    expect(formatProblem(p)).toBe('a\u241b[2Jb.txt:3:1: warning: speaker "B\u241b]0;x\u2407" is not in the participants file');
  });

  test('show, kwic, explain and suggest print no escape character', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': HOSTILE });
    const runs = [
      await runCli(['show', 't.txt', '-c', 'cb.yaml', '--category', 'bedarf'], dir),
      await runCli(['kwic', 'brauch*', 't.txt', '-c', 'cb.yaml'], dir),
      await runCli(['explain', 't.txt', '-c', 'cb.yaml', '--segment', 't.txt#2'], dir),
      await runCli(['suggest', 't.txt', '-c', 'cb.yaml', '--min-count', '1'], dir),
    ];
    for (const run of runs) {
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
    expect(runs[0]!.stdout).toContain('Wir [[brauchen]] \u241b]0;pwned\u2407\u241b[2J mehr Personal');
    expect(runs[0]!.stdout).toContain('[[Es fehlt an]] \u241b[31mRäumen\ufffd.');
  });

  test('the table shows codebook names and labels with their controls made visible', async () => {
    const codebook = 'codebook: "Test\\e[2J"\ncategories:\n  - code: bedarf\n    label: "Bedarf\\e]0;x\\a"\n    terms: [brauch*]\n';
    const dir = await project({ 'cb.yaml': codebook, 't.txt': 'I: Was?\n\nB1: Wir brauchen Personal.\n' });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-q'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(run.stdout).toContain('Test\u241b[2J');
    expect(run.stdout).toContain('Bedarf\u241b]0;x\u2407');
  });
});

describe('CSV cells', () => {
  test('carry no control characters: a NUL from a JSON transcript is replaced in segments.csv', async () => {
    const whisper = JSON.stringify({ segments: [{ start: 0, end: 2, text: 'B1: Wir brauchen\u0000 Personal\u001b[2J.' }] });
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.json': whisper });
    const run = await runCli(['analyze', 't.json', '-c', 'cb.yaml', '-o', 'out', '-q', '-f', 'csv'], dir);
    expect(run.code).toBe(0);
    const csv = await readFile(path.join(dir, 'out/segments.csv'), 'utf8');
    expect(csv).not.toMatch(/[\u0000\u001b]/u);
    expect(csv).toContain('brauchen\ufffd Personal\ufffd[2J.');
  });

  test('the formula guard sees through invisible characters and full-width signs', () => {
    for (const cell of ['=1+1', ' =1', '\u200b=HYPERLINK("x")', '\ufeff=1', '\u00a0+1', '\u2060@SUM(A1)', '\uff1d1+1', '\u200b\uff0b1', '\u3000-1', '\t=1', '\u202e=1']) {
      expect(guardFormula(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['Wir brauchen', 'a=b', '1-2', '']) expect(guardFormula(cell)).toBe(cell);
    expect(toCsv(['text'], [['\u200b=1'], ['a\u0000b']], { excel: false })).toBe("text\n'\u200b=1\na\ufffdb\n");
  });
});
