import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listInputs } from '../../src/transcripts/files.js';
import { plain } from '../plain.js';

// A tree made at test time, because a symlink loop is awkward to keep in git:
// root/ a.md b.txt notes.pdf .hidden.txt .git/x.txt sub/c.vtt sub/deep/d.TXT
//       sub/loop -> root (a loop)   link-to-sub -> sub (an alias)   outside -> ../elsewhere
// elsewhere/ e.srt back -> elsewhere (a loop)
// empty/
let cwd = '';

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'fokus-files-'));
  const put = (rel: string): void => {
    mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
    writeFileSync(path.join(cwd, rel), 'I: Hallo.\n');
  };
  for (const f of ['root/a.md', 'root/b.txt', 'root/notes.pdf', 'root/.hidden.txt', 'root/.git/x.txt', 'root/sub/c.vtt', 'root/sub/deep/d.TXT', 'elsewhere/e.srt']) {
    put(f);
  }
  for (const f of ['order/B.txt', 'order/a.txt', 'order/z.txt', 'order/Ä.txt', 'order/a b.txt']) put(f);
  mkdirSync(path.join(cwd, 'empty'));
  symlinkSync(path.join(cwd, 'root'), path.join(cwd, 'root/sub/loop'));
  symlinkSync(path.join(cwd, 'root/sub'), path.join(cwd, 'root/link-to-sub'));
  symlinkSync(path.join(cwd, 'elsewhere'), path.join(cwd, 'root/outside'));
  symlinkSync(path.join(cwd, 'elsewhere'), path.join(cwd, 'elsewhere/back'));
});

afterAll(() => {
  if (cwd !== '') rmSync(cwd, { recursive: true, force: true });
});

describe('listInputs', () => {
  test('a folder: recursive, hidden entries skipped, transcript extensions only, loops and aliases not followed', async () => {
    expect(await listInputs(['root'], cwd)).toStrictEqual({
      files: [
        { path: 'root/a.md', id: 'a.md' },
        { path: 'root/b.txt', id: 'b.txt' },
        { path: 'root/outside/e.srt', id: 'outside/e.srt' },
        { path: 'root/sub/c.vtt', id: 'sub/c.vtt' },
        { path: 'root/sub/deep/d.TXT', id: 'sub/deep/d.TXT' },
      ],
      problems: [],
    });
  });

  test('files are sorted by path in code-unit order, not by locale', async () => {
    const { files } = await listInputs(['order'], cwd);
    expect(files.map((f) => f.id)).toEqual(['B.txt', 'a b.txt', 'a.txt', 'z.txt', 'Ä.txt']);
  });

  test('a file given directly has its name as id, whatever its extension', async () => {
    expect(await listInputs(['root/notes.pdf', 'root/sub/c.vtt'], cwd)).toStrictEqual({
      files: [
        { path: 'root/notes.pdf', id: 'notes.pdf' },
        { path: 'root/sub/c.vtt', id: 'c.vtt' },
      ],
      problems: [],
    });
  });

  test('a glob: ids relative to cwd, hidden files and duplicates through the loop left out', async () => {
    expect(await listInputs(['root/**/*.txt'], cwd)).toStrictEqual({
      files: [{ path: 'root/b.txt', id: 'root/b.txt' }],
      problems: [],
    });
  });

  test('files named twice are listed once', async () => {
    const { files, problems } = await listInputs(['root/b.txt', './root/b.txt', 'root/*.txt'], cwd);
    expect(problems).toEqual([]);
    expect(files).toStrictEqual([{ path: 'root/b.txt', id: 'b.txt' }]);
  });

  test('a missing input is an error; a glob without matches too; an empty folder a warning', async () => {
    expect(plain(await listInputs(['fehlt.txt', 'root/*.docx', 'empty'], cwd))).toStrictEqual({
      files: [],
      problems: [
        { file: 'fehlt.txt', severity: 'error', message: 'no such file or folder', ruleId: 'read/missing' },
        { file: 'root/*.docx', severity: 'error', message: 'no transcript files match this pattern', ruleId: 'read/no-match' },
        { file: 'empty', severity: 'warning', message: 'no transcript files in this folder', ruleId: 'read/empty-folder' },
      ],
    });
  });

  test('an absolute folder gives absolute paths; a link out of the folder is followed once, never back in', async () => {
    // From root/sub, `loop` leads out to root: followed once; root's `sub` (walked already) and
    // `link-to-sub` (the same real folder) are not walked again, so the walk ends.
    const abs = path.join(cwd, 'root', 'sub');
    expect((await listInputs([abs], '/')).files).toStrictEqual([
      { path: path.join(abs, 'c.vtt'), id: 'c.vtt' },
      { path: path.join(abs, 'deep', 'd.TXT'), id: 'deep/d.TXT' },
      { path: path.join(abs, 'loop', 'a.md'), id: 'loop/a.md' },
      { path: path.join(abs, 'loop', 'b.txt'), id: 'loop/b.txt' },
      { path: path.join(abs, 'loop', 'outside', 'e.srt'), id: 'loop/outside/e.srt' },
    ]);
  });

  test('files with the same name in different folders get the shortest path that tells them apart', async () => {
    for (const f of ['twins/A/x.txt', 'twins/B/x.txt', 'twins/C/deep/y.txt', 'twins/D/deep/y.txt', 'twins/E/z.txt']) {
      mkdirSync(path.dirname(path.join(cwd, f)), { recursive: true });
      writeFileSync(path.join(cwd, f), 'I: Hallo.\n');
    }
    const listed = await listInputs(['twins/A', 'twins/B', 'twins/C', 'twins/D', 'twins/E'], cwd);
    expect(listed.files).toStrictEqual([
      { path: 'twins/A/x.txt', id: 'A/x.txt' },
      { path: 'twins/B/x.txt', id: 'B/x.txt' },
      { path: 'twins/C/deep/y.txt', id: 'C/deep/y.txt' },
      { path: 'twins/D/deep/y.txt', id: 'D/deep/y.txt' },
      // A name met once keeps its id.
      { path: 'twins/E/z.txt', id: 'z.txt' },
    ]);
    const named = await listInputs(['twins/A/x.txt', path.join(cwd, 'twins/B/x.txt')], cwd);
    expect(named.files.map((f) => f.id).sort()).toEqual(['A/x.txt', 'B/x.txt']);
  });
});

describe('a file name that is not valid UTF-8 (issue 13)', () => {
  test('is found in its folder, shown as Latin-1, read by its bytes, and said', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fokus-latin1-'));
    try {
      // "gespräch.txt" written by a system in Latin-1: the ä is the single byte 0xE4.
      writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), Buffer.from('gespr', 'latin1'), Buffer.from([0xe4]), Buffer.from('ch.txt')]), 'I: Was fehlt?\n\nB1: Es fehlt an Personal.\n');
      const listed = await listInputs([dir], '/');
      expect(listed.files.map((f) => f.id)).toEqual(['gespräch.txt']);
      expect(listed.problems.map((p) => [p.ruleId, p.message])).toEqual([['read/file-name', 'the file name is not valid UTF-8; shown as Latin-1 and read by its bytes']]);
      const { readTranscript } = await import('../../src/transcripts/read.js');
      const read = await readTranscript(listed.files[0]!);
      expect(read.problems).toEqual([]);
      expect(read.transcript!.blocks.map((b) => [b.speaker, b.text])).toEqual([
        ['I', 'Was fehlt?'],
        ['B1', 'Es fehlt an Personal.'],
      ]);
      // Given by name, Node has already read the argument as UTF-8: it says so instead of "no such file".
      const given = await listInputs([path.join(dir, 'gespr\uFFFDch.txt')], '/');
      expect(given.problems.map((p) => p.message)).toEqual(['no such file or folder (the name is not valid UTF-8 as given; give the folder it is in)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
