import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { writeOutputs } from '../../src/cli/write.js';
import { CODEBOOK, IS_ROOT, project, removeProjects, tree, TRANSCRIPT } from './project.js';
import { plain } from '../plain.js';

afterAll(removeProjects);

const REPORT = ['.fokus-output', 'cooccurrence.csv', 'frequencies.csv', 'keyterms.csv', 'perspectives.csv', 'report.html', 'report.json', 'segments.csv'];
const WHISPER = '{"text": " Wir brauchen Personal.", "segments": [{"start": 0, "end": 2, "text": " Wir brauchen Personal."}]}';

describe('an output folder that cannot take the report stops the run before any work', () => {
  test('an output path that is a file', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    expect(await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 't.txt'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 't.txt: error: the output path is a file, not a folder\n',
    });
    expect(await readFile(path.join(dir, 't.txt'), 'utf8')).toBe(TRANSCRIPT);
  });

  test('an output path below a file', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    expect(await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 't.txt/bericht/neu'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 't.txt/bericht/neu: error: cannot create the output folder: t.txt is a file, not a folder\n',
    });
  });
});

describe('outputs never overwrite inputs, and are written whole or not at all', () => {
  test('an output that would overwrite an input transcript: nothing is written, the input is untouched', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 'out/report.json': WHISPER });
    expect(await runCli(['analyze', 'out/report.json', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      // The input is a Whisper transcript without speakers: the no-labels warning comes first.
      stderr: 'out/report.json: warning: no speaker labels found; all text is one speaker ""\nout/report.json: error: refusing to write over an input file\n',
    });
    expect(await tree(path.join(dir, 'out'))).toEqual(['report.json']);
    expect(await readFile(path.join(dir, 'out/report.json'), 'utf8')).toBe(WHISPER);
  });

  test('an output that would overwrite the participants file, reached through another spelling of the path', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'out/segments.csv': 'speaker,group\nB1,Schule\n' });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-p', './out/../out/segments.csv', '-o', 'out/', '-q'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        't.txt:1:4: warning: speaker "I" is not in the participants file\n' +
        't.txt:5:5: warning: speaker "B2" is not in the participants file\n' +
        'out/segments.csv: error: refusing to write over an input file\n',
    });
    expect(await tree(path.join(dir, 'out'))).toEqual(['segments.csv']);
  });

  test('a folder where an output file goes: nothing is written, a folder made for the run is removed again', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'out/report.html/notes.txt': 'keep' });
    expect(await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'out/report.html: error: is a folder; refusing to put an output file in its place\n',
    });
    expect(await tree(path.join(dir, 'out'))).toEqual(['report.html', 'report.html/notes.txt']);
  });

  test('writeOutputs: when one file cannot be written, none is, and a folder made for it is removed again', async () => {
    const dir = await project({});
    const files = [
      { name: 'a.csv', content: 'x\n' },
      { name: 'b\u0000.csv', content: 'a name no file system takes\n' },
    ];
    expect(plain(await writeOutputs('neu', files, [], { cwd: dir }))).toEqual([
      { file: 'neu/b\u0000.csv', severity: 'error', message: 'cannot write (ERR_INVALID_ARG_VALUE); no output file was written', ruleId: 'output/write' },
    ]);
    expect(await tree(path.join(dir, 'neu'))).toBeNull();
  });

  test.skipIf(IS_ROOT)('an output folder without write permission: no output file is written', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'out/.keep': '' });
    await chmod(path.join(dir, 'out'), 0o555);
    try {
      const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir);
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'out/frequencies.csv: error: cannot write (EACCES); no output file was written\n' });
      expect(await tree(path.join(dir, 'out'))).toEqual(['.keep']);
    } finally {
      await chmod(path.join(dir, 'out'), 0o755);
    }
  });

  test('a new output folder gets the marker that keeps folder walks out of it', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 'fg/t.txt': TRANSCRIPT });
    expect((await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg/bericht', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'fg/bericht'))).toEqual(REPORT);
    // The report's .json and .html are not read as transcripts on the next run over the same folder.
    const again = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg/bericht', '-f', 'csv'], dir);
    expect([again.code, again.stderr]).toEqual([0, 'fokus: 1 transcript, 3 units (2 codable, 1 moderator); report written to fg/bericht\n']);
  });

  test('-o into the input folder: the marker names the report files, which are never read as transcripts; the transcripts still are', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 'fg/t.txt': TRANSCRIPT });
    expect((await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'fg'))).toEqual(REPORT.concat('t.txt').sort());
    const warning = 'fg: warning: report.html, report.json were written by fokus (named in .fokus-output); not read as a transcript\n';
    const again = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg', '-f', 'csv'], dir);
    expect([again.code, again.stderr]).toEqual([0, `${warning}fokus: 1 transcript, 3 units (2 codable, 1 moderator); report written to fg\n`]);
    // A glob meets them too.
    const globbed = await runCli(['analyze', 'fg/*', '-c', 'cb.yaml', '-f', 'csv'], dir);
    expect([globbed.code, globbed.stderr]).toEqual([0, `${warning}fokus: 1 transcript, 3 units (2 codable, 1 moderator)\n`]);
    expect(await tree(path.join(dir, 'fg'))).toEqual(REPORT.concat('t.txt').sort());
  });
});

describe('a report folder holds exactly one run, switched in whole (issue 13)', () => {
  const BY_SPEAKER = [...REPORT, 'comparison_by_speaker.csv', 'frequencies_by_speaker.csv'].sort();

  test('files of an earlier run never stay beside a new one', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'fg/u.txt': TRANSCRIPT });
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--by', 'speaker', '-o', 'out', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'out'))).toEqual(BY_SPEAKER);
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'out'))).toEqual(REPORT);
    // Also in a folder that holds transcripts, where the files are replaced one by one.
    expect((await runCli(['analyze', 'fg', '-c', 'cb.yaml', '--by', 'speaker', '-o', 'fg', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'fg'))).toEqual([...BY_SPEAKER, 'u.txt'].sort());
    expect((await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'fg'))).toEqual([...REPORT, 'u.txt'].sort());
  });

  test('what an interrupted run left (temporary files, a half-written sibling folder, a lock of a dead process) is cleaned up', async () => {
    const dir = await project({
      'cb.yaml': CODEBOOK,
      't.txt': TRANSCRIPT,
      'out/.fokus-output': 'This folder holds a fokus report; fokus skips it when it reads transcripts from a folder above it.\n',
      'out/report.json': '{}',
      'out/frequencies_by_speaker.csv': 'old\n',
      'out/.report.json.0123456789ab.tmp': 'half',
      '.out.fokus-new-4194305-0123456789ab/report.html': 'half',
      '.out.fokus-lock': '4194305\n',
      'fg/t.txt': TRANSCRIPT,
      'fg/.segments.csv.4194305-0123456789ab.tmp': 'half',
    });
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'out'))).toEqual(REPORT);
    expect((await tree(dir))!.filter((n) => !n.includes('/') && n.startsWith('.'))).toEqual([]);
    expect((await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'fg', '-q'], dir)).code).toBe(0);
    expect(await tree(path.join(dir, 'fg'))).toEqual([...REPORT, 't.txt'].sort());
  });

  test('a second run while one writes the folder refuses and touches nothing', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'fg/t.txt': TRANSCRIPT });
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).code).toBe(0);
    const before = await readFile(path.join(dir, 'out/report.json'), 'utf8');
    // The parent of this process stands for a run that is still going.
    await writeFile(path.join(dir, '.out.fokus-lock'), `${process.ppid}\n`);
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--by', 'speaker', '-o', 'out', '-q'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `out: error: another fokus run (process ${process.ppid}) is writing a report here; nothing was written (if no fokus runs, remove .out.fokus-lock)\n`,
    });
    expect(await tree(path.join(dir, 'out'))).toEqual(REPORT);
    expect(await readFile(path.join(dir, 'out/report.json'), 'utf8')).toBe(before);
    await writeFile(path.join(dir, 'fg/.fokus-lock'), `${process.ppid}\n`);
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'fg', '-q'], dir)).code).toBe(2);
    expect(await tree(path.join(dir, 'fg'))).toEqual(['.fokus-lock', 't.txt']);
  });

  test('a write that fails leaves the last report as it was', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--by', 'speaker', '-o', 'out', '-q'], dir)).code).toBe(0);
    const files = [
      { name: 'a.csv', content: 'x\n' },
      { name: 'b\u0000.csv', content: 'a name no file system takes\n' },
    ];
    expect(plain(await writeOutputs('out', files, [], { cwd: dir, marker: true }))).toEqual([
      { file: 'out/b\u0000.csv', severity: 'error', message: 'cannot write (ERR_INVALID_ARG_VALUE); no output file was written', ruleId: 'output/write' },
    ]);
    expect(await tree(path.join(dir, 'out'))).toEqual(BY_SPEAKER);
    expect((await tree(dir))!.filter((n) => !n.includes('/') && n.startsWith('.'))).toEqual([]);
  });

  test('a folder named .fokus-output inside -o: a message that says so, before any work', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT, 'out/.fokus-output/x': 'mine' });
    expect(await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'out', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'out/.fokus-output: error: is a folder; fokus keeps the marker of its report under this name, so nothing can be written here (move it away)\n',
    });
    expect(await tree(path.join(dir, 'out'))).toEqual(['.fokus-output', '.fokus-output/x']);
  });

  test('a single output file (export, codebook export): the stale temporaries of its name are removed, a running process\'s kept', async () => {
    const dir = await project({
      'p.qdpx.txt': 'x',
      '.p.qdpx.0123456789ab.tmp': 'old fokus',
      '.p.qdpx.4194305-0123456789ab.tmp': 'a process that is gone',
      [`.p.qdpx.${process.ppid}-0123456789ab.tmp`]: 'a process that runs',
      '.other.csv.4194305-0123456789ab.tmp': 'another name',
    });
    expect(await writeOutputs('.', [{ name: 'p.qdpx', content: 'new' }], [], { cwd: dir })).toEqual([]);
    expect(await tree(dir)).toEqual(['.other.csv.4194305-0123456789ab.tmp', `.p.qdpx.${process.ppid}-0123456789ab.tmp`, 'p.qdpx', 'p.qdpx.txt']);
  });

  test('-o /proc/out: a clear error at once, no endless loop', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 't.txt': TRANSCRIPT });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', '/proc/fokus-out', '-q'], dir);
    expect(run).toEqual({ code: 2, stdout: '', stderr: '/proc/fokus-out: error: cannot create the output folder (ENOENT)\n' });
  }, 10_000);
});
