import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { CODEBOOK, project, removeProjects, tree, TRANSCRIPT } from './project.js';

afterAll(removeProjects);

/** Run `fokus analyze t.txt -p NAME -o out` with `content` as the participants file (none made when undefined). */
async function withParticipants(name: string, content: string | Uint8Array | undefined): Promise<{ code: number; stdout: string; stderr: string; out: string[] | null }> {
  const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, ...(content === undefined ? {} : { [name]: content }) });
  const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-p', name, '-o', 'out', '-q'], dir);
  return { ...run, out: await tree(path.join(dir, 'out')) };
}

/** A participants error: exit 2, nothing on stdout, exactly these lines, no output folder. */
function stopped(...lines: string[]): { code: number; stdout: string; stderr: string; out: null } {
  return { code: 2, stdout: '', stderr: lines.map((l) => `${l}\n`).join(''), out: null };
}

describe('participants file errors stop the run before anything is read or written', () => {
  test('a CSV without the speaker column names the columns it has', async () => {
    expect(await withParticipants('p.csv', 'name,group\nB1,Schule\n')).toEqual(stopped('p.csv:1:1: error: missing required column "speaker" (columns: name, group)'));
  });

  test('an empty CSV', async () => {
    expect(await withParticipants('p.csv', '')).toEqual(stopped('p.csv:1:1: error: missing required column "speaker"'));
  });

  test('a CSV whose quote is never closed', async () => {
    expect(await withParticipants('p.csv', 'speaker,group\n"B1,Schule\n')).toEqual(
      stopped('p.csv:2:1: error: not a valid CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 2'),
    );
  });

  test('a YAML syntax error, without the position repeated in the message', async () => {
    expect(await withParticipants('p.yaml', 'x: [\n')).toEqual(
      stopped('p.yaml:2:1: error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'),
    );
  });

  test('YAML of the wrong shape: items that are no mappings or lack a speaker, a lone string', async () => {
    expect(await withParticipants('p.yaml', '- speaker: B1\n- just text\n- group: Kita\n')).toEqual(
      stopped('p.yaml:2:3: error: a participant must be a mapping with a "speaker" key', 'p.yaml:3:3: error: missing required key "speaker"'),
    );
    expect(await withParticipants('p.yaml', 'just a string\n')).toEqual(stopped('p.yaml:1:1: error: participants must be a list of mappings or a mapping by speaker'));
  });

  test('a file that is not .csv, .tsv, .yaml or .yml; a missing file; a folder; a binary file', async () => {
    expect(await withParticipants('p.txt', 'speaker\nB1\n')).toEqual(stopped('p.txt: error: a participants file must be .csv, .tsv, .yaml or .yml'));
    expect(await withParticipants('fehlt.csv', undefined)).toEqual(stopped('fehlt.csv: error: no such file or folder'));
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'ordner.csv/x': '' });
    expect(await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-p', 'ordner.csv', '-o', 'out'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ordner.csv: error: is a folder, not a participants file\n',
    });
    expect(await withParticipants('p.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual(stopped('p.csv: error: is a PNG image, not text'));
  });
});

describe('participants rows that can be skipped are warnings (exit 0)', () => {
  test('a row without speaker, a speaker listed twice, speakers of the transcript the file does not list', async () => {
    const run = await withParticipants('p.csv', 'speaker,group\nB1,Schule\n,Kita\nB1,Hort\n');
    expect([run.code, run.stderr]).toEqual([
      0,
      'p.csv:3:1: warning: row has no speaker and is ignored\n' +
        'p.csv:4:1: warning: speaker "B1" is listed again (first at line 2); this row is ignored\n' +
        't.txt:1:4: warning: speaker "I" is not in the participants file\n' +
        't.txt:5:5: warning: speaker "B2" is not in the participants file\n',
    ]);
  });
});

describe('participants columns named like the members every object has', () => {
  test.each(['constructor', 'toString', '__proto__'])('a column %s works with --by, in CSV and YAML, on one thread and on several', async (column) => {
    const files = {
      'cb.yaml': CODEBOOK,
      'fg/a.txt': TRANSCRIPT,
      'fg/b.txt': TRANSCRIPT,
      'p.csv': `speaker,${column}\nI,m\nB1,x\nB2,y\n`,
      'p.yaml': `I: {${column}: m}\nB1: {${column}: x}\nB2: {${column}: y}\n`,
    };
    const dir = await project(files);
    for (const [participants, jobs] of [['p.csv', '1'], ['p.yaml', '2']] as const) {
      const run = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-p', participants, '--by', column, '--jobs', jobs, '-o', `out-${jobs}`, '-q'], dir);
      expect([run.code, run.stderr]).toEqual([0, '']);
      const report = JSON.parse(await readFile(path.join(dir, `out-${jobs}`, 'report.json'), 'utf8')) as { breakdowns: { dimension: string; rows: { value: string; category: string; segments: number }[] }[] };
      expect(report.breakdowns.map((b) => [b.dimension, b.rows.map((r) => `${r.value}:${r.category}=${r.segments}`)])).toEqual([
        [column, ['x:bedarf=2', 'x:personal=2', 'y:bedarf=2', 'y:personal=0']],
      ]);
    }
  });
});
