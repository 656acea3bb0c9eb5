import { chmod, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { CODEBOOK, IS_ROOT, project, removeProjects, tree, TRANSCRIPT } from './project.js';

afterAll(removeProjects);

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10]);
const NOTHING_READ = 'fokus: no transcript could be read; nothing was written\n';
const HEADER = 'category,label,level,segments,share,matches,transcripts,speakers\n';

/** Run `fokus analyze ARGS -c cb.yaml -o out` in a project with `files`; what it said and what `out` holds. */
async function analyze(files: Record<string, string | Uint8Array>, args: string[]): Promise<{ code: number; stdout: string; stderr: string; out: string[] | null }> {
  const dir = await project({ 'cb.yaml': CODEBOOK, ...files });
  const run = await runCli(['analyze', ...args, '-c', 'cb.yaml', '-o', 'out'], dir);
  return { ...run, out: await tree(path.join(dir, 'out')) };
}

/** A run that read no transcript: exit 2, these problem lines, the closing line, no output folder. */
function nothingRead(...lines: string[]): { code: number; stdout: string; stderr: string; out: null } {
  return { code: 2, stdout: '', stderr: lines.map((l) => `${l}\n`).join('') + NOTHING_READ, out: null };
}

describe('a transcript that cannot be read is an error naming it; with nothing read, nothing is written', () => {
  test('a zero-byte file', async () => {
    expect(await analyze({ 'leer.txt': '' }, ['leer.txt', '-q'])).toEqual(nothingRead('leer.txt: error: the file is empty (0 bytes)'));
  });

  test('a PNG image renamed .txt', async () => {
    expect(await analyze({ 'bild.txt': PNG }, ['bild.txt', '-q'])).toEqual(nothingRead('bild.txt: error: is a PNG image, not text'));
  });

  test('a file of NUL bytes', async () => {
    expect(await analyze({ 'nul.txt': new Uint8Array(300) }, ['nul.txt', '-q'])).toEqual(
      nothingRead('nul.txt: error: holds only NUL bytes (a file that was never written, or a placeholder), no text'),
    );
  });

  test('other binary content: a NUL byte among text, or mostly control characters', async () => {
    expect(await analyze({ 'b.txt': Uint8Array.from([0x49, 0x3a, 0x20, 0x00, 0x41]) }, ['b.txt', '-q'])).toEqual(
      nothingRead('b.txt: error: is a binary file, not text (a NUL byte at byte 4)'),
    );
    expect(await analyze({ 'c.md': Uint8Array.from([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x04, 0x05]) }, ['c.md', '-q'])).toEqual(
      nothingRead('c.md: error: is a binary file, not text (it is full of control characters)'),
    );
  });

  test('a missing file, a pattern that matches nothing, an empty folder', async () => {
    expect(await analyze({}, ['fehlt.txt', '-q'])).toEqual(nothingRead('fehlt.txt: error: no such file or folder'));
    expect(await analyze({}, ['nirgends/*.txt', '-q'])).toEqual(nothingRead('nirgends/*.txt: error: no transcript files match this pattern'));
    expect(await analyze({ 'leer/.keep': '' }, ['leer', '-q'])).toEqual(
      nothingRead('leer: warning: no transcript files in this folder', 'leer: error: no transcripts found'),
    );
  });

  test('a file in a format fokus does not read', async () => {
    expect(await analyze({ 'notes.xyz': 'x' }, ['notes.xyz', '-q'])).toEqual(
      nothingRead('notes.xyz: error: not a transcript format fokus reads: ".xyz" (known: .docx, .htm, .html, .json, .markdown, .md, .rtf, .srt, .txt, .vtt)'),
    );
  });

  test('a symbolic link that leads in a loop, and one that leads nowhere, given as inputs', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK });
    await symlink('l2.txt', path.join(dir, 'l1.txt'));
    await symlink('l1.txt', path.join(dir, 'l2.txt'));
    await symlink('nirgends.txt', path.join(dir, 'weg.txt'));
    expect(await runCli(['analyze', 'l1.txt', '-c', 'cb.yaml', '-o', 'out'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'l1.txt: error: a symbolic link that leads in a loop\n' + NOTHING_READ,
    });
    expect(await runCli(['analyze', 'weg.txt', '-c', 'cb.yaml', '-o', 'out'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'weg.txt: error: a symbolic link to a file that does not exist\n' + NOTHING_READ,
    });
    expect(await tree(path.join(dir, 'out'))).toBeNull();
  });

  test('an unknown --encoding is one error before any file is read', async () => {
    expect(await analyze({ 'a.txt': TRANSCRIPT, 'b.txt': TRANSCRIPT }, ['a.txt', 'b.txt', '--encoding', 'klingon'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--encoding: error: unknown encoding "klingon" (for example utf-8, windows-1252, latin1, utf-16le)\n',
      out: null,
    });
  });

  test.skipIf(IS_ROOT)('a file and a folder without read permission', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 'geheim.txt': TRANSCRIPT, 'zu/a.txt': TRANSCRIPT, 'ok.txt': TRANSCRIPT });
    await chmod(path.join(dir, 'geheim.txt'), 0o000);
    await chmod(path.join(dir, 'zu'), 0o000);
    try {
      const run = await runCli(['analyze', 'geheim.txt', 'zu', 'ok.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir);
      expect([run.code, run.stderr]).toEqual([
        2,
        'geheim.txt: error: cannot read file: permission denied (EACCES)\nzu: error: cannot read this folder (EACCES); the files in it are left out\n',
      ]);
    } finally {
      await chmod(path.join(dir, 'zu'), 0o755);
    }
  });
});

describe('transcripts that can be read, but not as they should, are warnings (exit 0)', () => {
  test('no speaker label anywhere: each paragraph is one unit', async () => {
    const run = await analyze({ 'ohne.txt': 'Wir brauchen mehr Personal.\n\nEs fehlt an Räumen.\n' }, ['ohne.txt', '-f', 'csv', '-q']);
    expect(run).toEqual({
      code: 0,
      stdout: `${HEADER}bedarf,Bedarf,1,2,1.0000,2,1,1\npersonal,Personal,1,1,0.5000,1,1,1\n`,
      stderr: 'ohne.txt: warning: no speaker labels found; each paragraph is one unit\n',
      out: ['.fokus-output', 'cooccurrence.csv', 'frequencies.csv', 'keyterms.csv', 'perspectives.csv', 'report.html', 'report.json', 'segments.csv'],
    });
  });

  test('bytes that are not UTF-8: read as Windows-1252, the warning at the first such byte', async () => {
    const bytes = Buffer.from('I: Was brauchen Sie?\n\nB1: Größeres Personal brauchen wir.\n', 'latin1');
    const run = await analyze({ 'alt.txt': bytes }, ['alt.txt', '-f', 'csv', '-q']);
    expect([run.code, run.stderr]).toEqual([0, 'alt.txt:3:7: warning: not valid UTF-8, read as Windows-1252\n']);
  });

  test('bytes an encoding given with --encoding cannot decode: counted, and the first one placed', async () => {
    const bytes = Buffer.from('I: Was brauchen Sie?\n\nB1: Größeres Personal brauchen wir.\n', 'latin1');
    const run = await analyze({ 'alt.txt': bytes }, ['alt.txt', '--encoding', 'utf-8', '-f', 'csv', '-q']);
    expect([run.code, run.stderr]).toEqual([0, 'alt.txt:3:7: warning: 2 byte sequences could not be decoded as utf-8 and were replaced by U+FFFD\n']);
  });

  test('UTF-16 without a byte order mark is recognised', async () => {
    const run = await analyze({ 'u16.txt': Buffer.from(TRANSCRIPT, 'utf16le') }, ['u16.txt', '-f', 'csv', '-q']);
    expect(run.stderr).toBe('u16.txt: warning: read as UTF-16LE (it has no byte order mark)\n');
    expect([run.code, run.stdout]).toEqual([0, `${HEADER}bedarf,Bedarf,1,2,1.0000,2,1,2\npersonal,Personal,1,1,0.5000,1,1,1\n`]);
  });

  test('a file with no spoken text', async () => {
    const run = await analyze({ 'blank.txt': '---\ntitel: Leer\n---\n\n   \n' }, ['blank.txt', '-f', 'csv', '-q']);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${HEADER}bedarf,Bedarf,1,0,0.0000,0,0,0\npersonal,Personal,1,0,0.0000,0,0,0\n`, 'blank.txt: warning: no spoken text found\n']);
  });

  test('symbolic links in a folder: loops are not followed, broken links named like transcripts are warnings', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, 'fg/a.txt': TRANSCRIPT, 'fg/sub/b.txt': TRANSCRIPT });
    await symlink('..', path.join(dir, 'fg/sub/hoch'));
    await symlink(path.join(dir, 'fg'), path.join(dir, 'fg/sub/wurzel'));
    await symlink('l2.txt', path.join(dir, 'fg/l1.txt'));
    await symlink('l1.txt', path.join(dir, 'fg/l2.txt'));
    await symlink('nirgends.txt', path.join(dir, 'fg/weg.txt'));
    await symlink('nirgends', path.join(dir, 'fg/weg-ordner'));
    const run = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-f', 'csv'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: `${HEADER}bedarf,Bedarf,1,4,1.0000,4,2,4\npersonal,Personal,1,2,0.5000,2,2,2\n`,
      stderr:
        'fg/l1.txt: warning: a symbolic link that leads in a loop; left out\n' +
        'fg/l2.txt: warning: a symbolic link that leads in a loop; left out\n' +
        'fg/weg.txt: warning: a symbolic link to a file that does not exist; left out\n' +
        'fokus: 2 transcripts, 6 units (4 codable, 2 moderator)\n',
    });
  });
});

describe('a bad file among many is skipped; the rest is analysed; the summary names what was skipped; exit 2', () => {
  const files = {
    'fg/eins.txt': TRANSCRIPT,
    'fg/zwei.md': 'I: Und bei Ihnen?\n\nB3: Wir brauchen Zeit.\n',
    'fg/bild.txt': PNG,
    'fg/leer.txt': '',
    'fg/nul.txt': new Uint8Array(64),
    'fg/notizen.xyz': 'not a transcript and not listed',
  };
  const errors =
    'fg/bild.txt: error: is a PNG image, not text\n' +
    'fg/leer.txt: error: the file is empty (0 bytes)\n' +
    'fg/nul.txt: error: holds only NUL bytes (a file that was never written, or a placeholder), no text\n';

  test('with --out: the report covers the two good transcripts and records the problems', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, ...files });
    const run = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-o', 'out', '-f', 'csv'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: `${HEADER}bedarf,Bedarf,1,3,1.0000,3,2,3\npersonal,Personal,1,1,0.3333,1,1,1\n`,
      stderr: errors + 'fokus: 2 transcripts, 5 units (3 codable, 2 moderator); 3 files skipped (fg/bild.txt, fg/leer.txt, fg/nul.txt); report written to out\n',
    });
    const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as {
      inputs: { id: string }[];
      totals: { skipped: number };
      problems: { file: string; ruleId: string }[];
    };
    expect(report.inputs.map((i) => i.id)).toEqual(['eins.txt', 'zwei.md']);
    expect(report.totals.skipped).toBe(3);
    expect(report.problems.map((p) => [p.file, p.ruleId])).toEqual([
      ['fg/bild.txt', 'read/binary'],
      ['fg/leer.txt', 'read/empty-file'],
      ['fg/nul.txt', 'read/binary'],
    ]);
    const segments = await readFile(path.join(dir, 'out/segments.csv'), 'utf8');
    expect(segments.split('\n').slice(1, -1).map((l) => l.split(',').slice(0, 2).join('#'))).toEqual(['eins.txt#2', 'eins.txt#2', 'eins.txt#3', 'zwei.md#2']);
  });

  test('frequencies streamed to stdout (no --out): the same summary and exit code', async () => {
    const dir = await project({ 'cb.yaml': CODEBOOK, ...files });
    const run = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-f', 'csv'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: `${HEADER}bedarf,Bedarf,1,3,1.0000,3,2,3\npersonal,Personal,1,1,0.3333,1,1,1\n`,
      stderr: errors + 'fokus: 2 transcripts, 5 units (3 codable, 2 moderator); 3 files skipped (fg/bild.txt, fg/leer.txt, fg/nul.txt)\n',
    });
  });

  test('more than five skipped files: five are named, the rest counted', async () => {
    const many: Record<string, string> = { 'fg/gut.txt': TRANSCRIPT };
    for (let i = 1; i <= 7; i++) many[`fg/leer${i}.txt`] = '';
    const dir = await project({ 'cb.yaml': CODEBOOK, ...many });
    const run = await runCli(['analyze', 'fg', '-c', 'cb.yaml', '-f', 'csv'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').slice(-2)).toEqual([
      'fokus: 1 transcript, 3 units (2 codable, 1 moderator); 7 files skipped (fg/leer1.txt, fg/leer2.txt, fg/leer3.txt, fg/leer4.txt, fg/leer5.txt, … 2 more)',
      '',
    ]);
  });
});
