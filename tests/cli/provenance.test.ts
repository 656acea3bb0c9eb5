/**
 * Provenance without the user's folders: report.json and report.html record input, codebook and
 * participants paths relative to the working folder (never absolute), so the same project in
 * another folder gives the same bytes; the participants file with its sha256, and `--keyterms`.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const root = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

const CODEBOOK = `codebook: Mini
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [Fortbildung*]
`;

const PARTICIPANTS = `speaker,transcript,group
I,fokusgruppe-1-kita-grundschule.txt,Moderation
B1,fokusgruppe-1-kita-grundschule.txt,Praxis
B2,fokusgruppe-1-kita-grundschule.txt,Praxis
B3,fokusgruppe-1-kita-grundschule.txt,Zielgruppe
B4,fokusgruppe-1-kita-grundschule.txt,Zielgruppe
`;

/** A project folder under a fresh temporary folder (named `name`, so the two absolute paths differ). */
async function project(name: string): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), `fokus-prov-${name}-`));
  temps.push(base);
  const dir = join(base, name, 'projekt');
  await mkdir(join(dir, 'transkripte'), { recursive: true });
  await cp(join(root, 'samples/fokusgruppe-1-kita-grundschule.txt'), join(dir, 'transkripte/fokusgruppe-1-kita-grundschule.txt'));
  // B5 left out: the warning about that speaker names the transcript, given by its absolute path.
  await writeFile(join(dir, 'teilnehmende.csv'), PARTICIPANTS);
  await mkdir(join(base, name, 'codebuecher'));
  await writeFile(join(base, name, 'codebuecher/mini.yaml'), CODEBOOK);
  return dir;
}

interface ReportJson {
  codebook: { file: string };
  inputs: { path: string; id: string }[];
  problems: { file: string }[];
  options: { participants?: { path: string; sha256: string }; keyterms?: number };
}

describe('report provenance', () => {
  it('gives the same report bytes for the same project in two different folders', async () => {
    const a = await project('erste');
    const b = await project('zweite');
    // The codebook lies outside the working folder (`..`); the transcripts are given as an absolute path.
    const args = (dir: string) => ['analyze', join(dir, 'transkripte'), '-c', '../codebuecher/mini.yaml', '-p', 'teilnehmende.csv', '--keyterms', '3', '-o', 'out', '-q'];
    for (const dir of [a, b]) {
      const run = await runCli(args(dir), dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`${join(dir, 'transkripte/fokusgruppe-1-kita-grundschule.txt')}:15:5: warning: speaker "B5" is not in the participants file\n`);
    }
    for (const f of ['report.json', 'report.html']) {
      const x = await readFile(join(a, 'out', f), 'utf8');
      expect(x).not.toContain(a);
      expect(x).not.toContain(tmpdir());
      expect(await readFile(join(b, 'out', f), 'utf8')).toBe(x);
    }
    const report = JSON.parse(await readFile(join(a, 'out/report.json'), 'utf8')) as ReportJson;
    const sha = createHash('sha256').update(PARTICIPANTS).digest('hex');
    expect(report.codebook.file).toBe('../codebuecher/mini.yaml');
    expect(report.inputs.map((i) => [i.path, i.id])).toEqual([['transkripte/fokusgruppe-1-kita-grundschule.txt', 'fokusgruppe-1-kita-grundschule.txt']]);
    expect(report.options.participants).toEqual({ path: 'teilnehmende.csv', sha256: sha });
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(report.options.keyterms).toBe(3);
    expect(report.problems.map((p) => p.file)).toEqual(['transkripte/fokusgruppe-1-kita-grundschule.txt']);
    const html = await readFile(join(a, 'out/report.html'), 'utf8');
    expect(html).toContain('Kodierleitfaden <code>../codebuecher/mini.yaml</code>');
    expect(html).toContain(`Teilnehmende: <code title="sha256 ${sha}">teilnehmende.csv</code>`);
  });

  it('records the default number of key terms and no participants when none are given', async () => {
    const dir = await project('dritte');
    const run = await runCli(['analyze', 'transkripte', '-o', 'out', '-q'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8')) as ReportJson;
    expect(report.codebook.file).toBe('codebooks/isog-fokusgruppe.yaml');
    expect(report.inputs.map((i) => i.path)).toEqual(['transkripte/fokusgruppe-1-kita-grundschule.txt']);
    expect(report.options.participants).toBeUndefined();
    expect(report.options.keyterms).toBe(10);
  });
});
