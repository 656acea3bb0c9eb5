import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { tree } from '../errors/project.js';
import { HEADER, reviewProject, row } from '../review/fixture.js';
import { runCli } from './run.js';

// `--where KEY=VALUE` on the samples (samples/participants.csv: groups Praxis, Wissenschaft, …).

const repo = resolve(import.meta.dirname, '../..');
const P = ['-p', 'samples/participants.csv'];
/** Coding the three sample transcripts several times takes a while on a busy machine. */
const SLOW = 120_000;
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-where-'));
  temps.push(dir);
  return dir;
}

const rows = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];

/** The speakers of each group in samples/participants.csv. */
const PRAXIS = ['B1', 'B2', 'Sabine', 'Murat', 'Thomas', 'TN1', 'TN3'];

describe('analyze --where group=Praxis: the report covers the Praxis units only', () => {
  let out: string;
  let all: string;
  beforeAll(async () => {
    const dir = await tempDir();
    out = join(dir, 'praxis');
    all = join(dir, 'all');
    const filtered = await runCli(['analyze', 'samples', ...P, '--where', 'group=Praxis', '-o', out, '-q', '-f', 'csv'], repo);
    expect([filtered.code, filtered.stderr]).toEqual([0, '']);
    const whole = await runCli(['analyze', 'samples', ...P, '--by', 'group', '-o', all, '-q', '-f', 'csv'], repo);
    expect([whole.code, whole.stderr]).toEqual([0, '']);
  }, SLOW);

  it('counts the Praxis units in the totals and records the filter in report.json', async () => {
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.totals).toEqual({ transcripts: 3, units: 68, codableUnits: 68, speakers: 7, skipped: 0 });
    expect(report.options.where).toEqual(['group=Praxis']);
    expect(report.units).toHaveLength(68);
    expect(new Set(report.units.map((u) => u.attributes.group))).toEqual(new Set(['Praxis']));
    expect(new Set(report.units.map((u) => u.speaker))).toEqual(new Set(PRAXIS));
    // Every perspective's evidence is a Praxis unit.
    const ids = new Set(report.units.map((u) => `${u.transcript}#${u.segment}`));
    expect(report.perspectives.flatMap((p) => p.evidence).filter((id) => !ids.has(id))).toEqual([]);
    const whole = JSON.parse(await readFile(join(all, 'report.json'), 'utf8')) as Report;
    expect(whole.options.where).toBeUndefined();
    expect(whole.totals).toEqual({ transcripts: 3, units: 197, codableUnits: 155, speakers: 18, skipped: 0 });
  });

  it('gives the frequencies the unfiltered run breaks down for Praxis: the same segments and shares (codable Praxis units as denominator)', async () => {
    const freq = rows(await readFile(join(out, 'frequencies.csv'), 'utf8'));
    const byGroup = rows(await readFile(join(all, 'frequencies_by_group.csv'), 'utf8')).filter((r) => r.group === 'Praxis');
    expect(freq.map((r) => [r.category, r.segments, r.share])).toEqual(byGroup.map((r) => [r.category, r.segments, r.share]));
    expect(freq[0]).toEqual({ category: 'bedarfe', label: 'Bedarfe', level: '1', segments: '19', share: '0.2794', matches: '30', transcripts: '3', speakers: '7' });
  });

  it('writes the Praxis units alone to segments.csv, and co-occurrences and key terms of them alone', async () => {
    const segments = rows(await readFile(join(out, 'segments.csv'), 'utf8'));
    expect(new Set(segments.map((r) => r.speaker))).toEqual(new Set(PRAXIS));
    // segments.csv has a row per coding: the 48 coded Praxis units.
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const coded = report.units.filter((u) => u.codings.length > 0).map((u) => `${u.transcript}#${u.segment}`);
    expect(coded).toHaveLength(48);
    expect([...new Set(segments.map((r) => `${r.transcript}#${r.segment}`))]).toEqual(coded);
    const pair = async (dir: string): Promise<string | undefined> =>
      rows(await readFile(join(dir, 'cooccurrence.csv'), 'utf8')).find((r) => r.category_a === 'bedarfe' && r.category_b === 'akteure')?.segments;
    expect([await pair(out), await pair(all)]).toEqual(['17', '46']);
    // 17: the Praxis units of the unfiltered run coded with both.
    const whole = JSON.parse(await readFile(join(all, 'report.json'), 'utf8')) as Report;
    const both = whole.units.filter((u) => u.attributes.group === 'Praxis' && ['bedarfe', 'akteure'].every((c) => u.codings.some((k) => k.category === c)));
    expect(both).toHaveLength(17);
    for (const r of rows(await readFile(join(out, 'keyterms.csv'), 'utf8'))) expect(Number(r.units) + Number(r.other_units)).toBeLessThanOrEqual(68);
  });

  it('names the filter in the HTML header', async () => {
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain(' · Nur (--where): <code>group=Praxis</code></p>');
  });
});

describe('analyze --where: keys and values', () => {
  const summary = async (...where: string[]): Promise<[number, string]> => {
    const run = await runCli(['analyze', 'samples', ...P, ...where.flatMap((w) => ['--where', w]), '-f', 'csv'], repo);
    return [run.code, run.stderr];
  };

  it('several values of one key are alternatives; different keys must all hold', async () => {
    expect(await summary('group=Wissenschaft')).toEqual([0, 'fokus: 3 transcripts, 26 units (26 codable, 0 moderator)\n']);
    expect(await summary('group=Praxis', 'group=Wissenschaft')).toEqual([0, 'fokus: 3 transcripts, 94 units (94 codable, 0 moderator)\n']);
    expect(await summary('group=Praxis', 'transcript=fokusgruppe-3-bildungsregion')).toEqual([0, 'fokus: 1 transcript, 17 units (17 codable, 0 moderator)\n']);
    // Values are compared case-insensitively, the key lower-cased, a repeated value once.
    expect(await summary('GROUP=praxis', 'group=Praxis')).toEqual([0, 'fokus: 3 transcripts, 68 units (68 codable, 0 moderator)\n']);
  }, SLOW);

  it('speaker labels are compared as the participants join compares them; a transcript left without units does not count', async () => {
    const run = await runCli(['analyze', 'samples', '--where', 'speaker=tn 3', '-f', 'json', '-q'], repo);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.totals).toEqual({ transcripts: 1, units: 7, codableUnits: 7, speakers: 1, skipped: 0 });
    expect(report.inputs.map((i) => i.id)).toEqual(['fokusgruppe-3-bildungsregion.txt']);
    expect(report.options.where).toEqual(['speaker=tn 3']);
    // The turns of TN3 (`grep -n '^TN3:' samples/fokusgruppe-3-bildungsregion.txt`), numbered as in the unfiltered run.
    expect(report.units.map((u) => [u.line, u.segment])).toEqual([[7, 4], [35, 17], [41, 19], [45, 21], [101, 45], [105, 47], [123, 56]]);
    const table = await runCli(['analyze', 'samples', '--where', 'speaker=tn 3', '-q', '--no-color'], repo);
    expect(table.stdout.split('\n')[1]).toBe('1 transcript, 7 units (7 codable), 1 speaker; where speaker=tn 3');
  }, SLOW);

  it('a transcript is named by its id as the reports show it, with or without extension, or by its path; moderator units of it are kept', async () => {
    const runs = await Promise.all(
      ['fokusgruppe-2-ganztag.md', 'fokusgruppe-2-ganztag', 'samples/fokusgruppe-2-ganztag.md', './samples/FOKUSGRUPPE-2-GANZTAG'].map((t) =>
        runCli(['analyze', 'samples', '--where', `transcript=${t}`, '-f', 'csv'], repo),
      ),
    );
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, 'fokus: 1 transcript, 65 units (52 codable, 13 moderator)\n']));
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
  }, SLOW);

  it('a value that matches nothing is a warning; a run left with no unit writes nothing (exit 2)', async () => {
    const dir = await tempDir();
    expect(await summary('group=Prxis', 'group=Praxis')).toEqual([
      0,
      '--where: warning: group=Prxis matches no unit (values of group in the participants file: Good Practice, Moderation, Praxis, Wissenschaft, Zielgruppe)\n' +
        'fokus: 3 transcripts, 68 units (68 codable, 0 moderator)\n',
    ]);
    const none = await runCli(['analyze', 'samples', '--where', 'transcript=fokusgruppe-9', '-o', join(dir, 'out')], repo);
    expect(none).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--where: warning: transcript=fokusgruppe-9 matches no transcript (transcripts: fokusgruppe-1-kita-grundschule.txt, fokusgruppe-2-ganztag.md, fokusgruppe-3-bildungsregion.txt)\n' +
        'fokus: no unit matches --where transcript=fokusgruppe-9; nothing was written\n',
    });
    expect(await tree(join(dir, 'out'))).toBeNull();
    expect(await summary('group=Praxis', 'speaker=B3')).toEqual([
      2,
      '--where: warning: no unit matches all of --where together (group=Praxis; speaker=B3)\nfokus: no unit matches --where group=Praxis --where speaker=B3; nothing was written\n',
    ]);
  }, SLOW);

  it('a key that names nothing, a column without -p and a value that is no KEY=VALUE are usage errors (exit 2), before anything is read', async () => {
    const dir = await tempDir();
    const run = (...args: string[]) => runCli(['analyze', 'samples', ...args, '-o', join(dir, 'out')], repo);
    expect(await run(...P, '--where', 'grupe=Praxis')).toEqual({
      code: 2,
      stdout: '',
      stderr: "--where: error: 'grupe=Praxis': the participants file has no column 'grupe' (columns: group, role); --where takes speaker, transcript or a participants column\n",
    });
    expect(await run('--where', 'group=Praxis')).toEqual({
      code: 2,
      stdout: '',
      stderr: "--where: error: 'group=Praxis': there is no participants file (-p), so 'group' names nothing; without one --where takes speaker or transcript\n",
    });
    const hint = '(e.g. group=Praxis, speaker=B1, transcript=interview.txt)\n(run with --help for usage)\n';
    expect(await run('--where', 'Praxis')).toEqual({ code: 2, stdout: '', stderr: `error: option '--where <key=value>' argument 'Praxis' is invalid. 'Praxis' is not KEY=VALUE ${hint}` });
    expect(await run('--where', 'speaker=')).toEqual({ code: 2, stdout: '', stderr: `error: option '--where <key=value>' argument 'speaker=' is invalid. 'speaker=' has no value after '=' ${hint}` });
    expect(await tree(join(dir, 'out'))).toBeNull();
  });
});

describe('--where on the other commands', () => {
  it('show and kwic give the matching units only', async () => {
    const show = await runCli(['show', 'samples', '--category', 'bedarfe', '--where', 'speaker=TN3', '-f', 'json'], repo);
    expect([show.code, show.stderr]).toEqual([0, 'fokus: 2 units coded with bedarfe\n']);
    const shown = JSON.parse(show.stdout) as { transcript: string; segment: number; speaker: string }[];
    expect(shown.map((u) => `${u.transcript}#${u.segment} ${u.speaker}`)).toEqual(['fokusgruppe-3-bildungsregion.txt#4 TN3', 'fokusgruppe-3-bildungsregion.txt#17 TN3']);
    const kwic = await runCli(['kwic', 'schul*', 'samples', '--where', 'speaker=TN3', '-f', 'csv'], repo);
    expect([kwic.code, kwic.stderr]).toEqual([0, 'fokus: 4 hits in 3 units\n']);
    expect(rows(kwic.stdout).map((r) => `${r.segment} ${r.speaker} ${r.match}`)).toEqual(['17 TN3 Schule', '17 TN3 Schulen', '45 TN3 Schulungsraum', '56 TN3 Schule']);
    const none = await runCli(['show', 'samples', '--category', 'bedarfe', '--where', 'speaker=TN9'], repo);
    expect(none).toEqual({ code: 0, stdout: '', stderr: '--where: warning: speaker=TN9 matches no unit\nfokus: 0 units coded with bedarfe\n' });
  }, SLOW);

  it('export writes the transcripts the filter keeps, with their matching units only', async () => {
    const dir = await tempDir();
    const run = await runCli(['export', 'samples', ...P, '--where', 'transcript=fokusgruppe-3-bildungsregion', '--where', 'group=Praxis', '--qdpx', join(dir, 'p.qdpx')], repo);
    // The coded units of transcript 3 in the report of --where group=Praxis: 12, with 50 codings.
    expect(run.stderr).toBe(`fokus: 1 transcript, 12 coded units (50 codings) written to ${join(dir, 'p.qdpx')}\n`);
    expect(run.code).toBe(0);
    const files = unzipSync(await readFile(join(dir, 'p.qdpx')));
    expect(Object.keys(files).filter((n) => n.startsWith('sources/'))).toHaveLength(1);
    const qde = new TextDecoder().decode(files['project.qde']!);
    expect(qde.match(/<PlainTextSelection /gu)).toHaveLength(12);
    expect([...new Set([...qde.matchAll(/name="([^"]+) \(fokusgruppe-3-bildungsregion\.txt\)"/gu)].map((m) => m[1]))].sort()).toEqual(['TN1', 'TN3']);
  }, SLOW);

  it('review decisions on units the filter leaves out are neither applied nor stale', async () => {
    const dir = await reviewProject();
    temps.push(dir);
    // #2 (B1) is left out by --where speaker=B3; #4 (B3) is kept and its decision applied.
    await writeFile(join(dir, 'review.csv'), [HEADER, row(2, 'bedarfe/personal', 'personal*', 'rejected'), row(4, 'vernetzung', 'netzwerk*', 'rejected'), ''].join('\n'));
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--review', 'review.csv', '--where', 'speaker=B3', '-f', 'csv'], dir);
    expect(run.stderr).toBe('fokus: 1 transcript, 2 units (2 codable, 0 moderator)\n');
    expect(run.code).toBe(0);
    expect(rows(run.stdout).map((r) => `${r.category} ${r.segments}`)).toEqual(['bedarfe 0', 'bedarfe/personal 0', 'bedarfe/raeume 0', 'vernetzung 0', 'finanzen 0']);
  });
});

describe('evaluate and learn --where: the human coding is compared over the units the filter keeps', () => {
  it('leaves the gold rows on other units out without a warning each; the rules agree with their own coding', async () => {
    const out = await tempDir();
    const analyzed = await runCli(['analyze', 'samples', ...P, '-o', out, '-q'], repo);
    expect(analyzed.code).toBe(0);
    const gold = join(out, 'segments.csv');
    const whole = await runCli(['evaluate', 'samples', ...P, '--gold', gold, '-f', 'csv'], repo);
    const praxis = await runCli(['evaluate', 'samples', ...P, '--gold', gold, '-f', 'csv', '--where', 'group=Praxis'], repo);
    expect([whole.code, whole.stderr, praxis.code, praxis.stderr]).toEqual([0, '', 0, '']);
    const micro = (csv: string): Record<string, string> => rows(csv).find((r) => r.category === '(micro)')!;
    // The Praxis units' codings alone: fewer true positives, none missed, none extra.
    const all = micro(whole.stdout);
    const some = micro(praxis.stdout);
    expect([all.fp, all.fn, all.f1, some.fp, some.fn, some.f1]).toEqual(['0', '0', '1.0000', '0', '0', '1.0000']);
    expect(Number(some.tp)).toBeLessThan(Number(all.tp));
    const learned = await runCli(['learn', 'samples', ...P, '--gold', gold, '--dry-run', '--where', 'group=Praxis'], repo);
    expect([learned.code, learned.stderr.includes('does not exist')]).toEqual([0, false]);
  }, SLOW);
});
