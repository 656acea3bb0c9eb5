import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/transcripts/read.js';
import { runCli } from './run.js';

const repo = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-init-'));
  temps.push(dir);
  return dir;
}

const SAMPLE = 'fokusgruppe-1-kita-grundschule.txt';

describe('fokus init', () => {
  it('creates a ready project folder and says what it wrote', async () => {
    const cwd = await tempDir();
    const r = await runCli(['init', 'projekt'], cwd);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`created projekt:
  codebook.yaml                                   the codebook to adapt
  codebook.schema.json                            its JSON Schema, for editors
  participants.csv                                speakers with group and role
  transkripte/${SAMPLE}  a sample focus group
  README.md                                       how to go on (German)
next: cd projekt && fokus analyze transkripte -c codebook.yaml -p participants.csv -o ergebnisse
`);
    const dir = join(cwd, 'projekt');
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'codebook.schema.json', 'codebook.yaml', 'participants.csv', 'transkripte']);
    expect(await readdir(join(dir, 'transkripte'))).toEqual([SAMPLE]);

    const shipped = await readFile(join(repo, 'codebooks/isog-fokusgruppe.yaml'), 'utf8');
    const codebook = await readFile(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook.split('\n')[0]).toBe('# yaml-language-server: $schema=codebook.schema.json');
    expect(codebook.split('\n').slice(1)).toEqual(shipped.split('\n').slice(1));
    expect(await readFile(join(dir, 'codebook.schema.json'), 'utf8')).toBe(await readFile(join(repo, 'schema/codebook.schema.json'), 'utf8'));
    expect(await readFile(join(dir, 'transkripte', SAMPLE), 'utf8')).toBe(await readFile(join(repo, 'samples', SAMPLE), 'utf8'));
    expect(await readFile(join(dir, 'participants.csv'), 'utf8')).toBe(`speaker,transcript,group,role
I,${SAMPLE},Moderation,Moderation (ISoG)
B1,${SAMPLE},Praxis,Kita-Leitung
B2,${SAMPLE},Praxis,Schulleitung
B3,${SAMPLE},Zielgruppe,Elternvertretung
B4,${SAMPLE},Wissenschaft,Hochschule
B5,${SAMPLE},Good Practice,Projektleitung
`);
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# Fokusgruppen auswerten mit fokus');
    expect(readme).toContain('fokus analyze transkripte -c codebook.yaml -p participants.csv --by group -o ergebnisse');
    expect(readme).toContain('fokus codebook check codebook.yaml');
  });

  it('lists only speakers the sample transcript has', async () => {
    const cwd = await tempDir();
    await runCli(['init'], cwd);
    const text = await readFile(join(cwd, 'transkripte', SAMPLE), 'utf8');
    const speakers = new Set(parseTranscript(text, { path: SAMPLE, id: SAMPLE }, 'text').transcript!.blocks.map((b) => b.speaker));
    const listed = (await readFile(join(cwd, 'participants.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(listed.length).toBeGreaterThan(1);
    for (const s of listed) expect([s, speakers.has(s!)]).toEqual([s, true]);
  });

  it('makes a folder that checks and analyzes without errors', async () => {
    const cwd = await tempDir();
    const init = await runCli(['init'], cwd);
    expect(init.stdout.split('\n').at(-2)).toBe('next: fokus analyze transkripte -c codebook.yaml -p participants.csv -o ergebnisse');
    const check = await runCli(['codebook', 'check', 'codebook.yaml'], cwd);
    expect([check.code, check.stderr]).toEqual([0, '']);
    const analyze = await runCli(['analyze', 'transkripte', '-c', 'codebook.yaml', '-p', 'participants.csv', '--by', 'group', '-o', 'ergebnisse', '-q'], cwd);
    expect([analyze.code, analyze.stderr]).toEqual([0, '']);
    expect(await readdir(join(cwd, 'ergebnisse'))).toContain('frequencies_by_group.csv');
  });

  it('refuses to write over existing files (exit 2) and then writes nothing at all', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'p'));
    await writeFile(join(cwd, 'p', 'participants.csv'), 'mine\n');
    await writeFile(join(cwd, 'p', 'notes.txt'), 'other files are fine\n');
    const r = await runCli(['init', 'p'], cwd);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'p/participants.csv: error: already exists\nfokus: init writes nothing over existing files; choose another folder or move it away\n',
    });
    expect((await readdir(join(cwd, 'p'))).sort()).toEqual(['notes.txt', 'participants.csv']);
    expect(await readFile(join(cwd, 'p', 'participants.csv'), 'utf8')).toBe('mine\n');

    expect((await runCli(['init'], cwd)).code).toBe(0);
    const again = await runCli(['init'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr.split('\n').slice(0, 5)).toEqual([
      'codebook.yaml: error: already exists',
      'codebook.schema.json: error: already exists',
      'participants.csv: error: already exists',
      `transkripte/${SAMPLE}: error: already exists`,
      'README.md: error: already exists',
    ]);
  });

  it('exits 2 when the target is a file', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'f'), '');
    expect(await runCli(['init', 'f'], cwd)).toEqual({ code: 2, stdout: '', stderr: 'fokus: f is a file, not a folder\n' });
  });

  it.skipIf(!existsSync('/proc/self'))('a failure half-way removes what it wrote, so a rerun works (issue 13)', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'p'));
    await writeFile(join(cwd, 'p', 'notes.txt'), 'mine\n');
    // The transcripts folder leads where no file can be made: the sample transcript, the fourth file, fails.
    await symlink('/proc/self', join(cwd, 'p', 'transkripte'));
    const r = await runCli(['init', 'p'], cwd);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fokus: cannot write the project folder p (ENOENT); nothing was left behind\n' });
    expect((await readdir(join(cwd, 'p'))).sort()).toEqual(['notes.txt', 'transkripte']);
    await unlink(join(cwd, 'p', 'transkripte'));
    expect((await runCli(['init', 'p'], cwd)).code).toBe(0);
  });

  it('a failure in a folder it made removes that folder and the parents it made', async () => {
    const cwd = await tempDir();
    // A folder name longer than a file system takes: making it fails after its parents were made.
    const r = await runCli(['init', `a/b/${'c'.repeat(300)}`], cwd);
    expect(r.code).toBe(2);
    expect(await readdir(cwd)).toEqual([]);
  });
});
