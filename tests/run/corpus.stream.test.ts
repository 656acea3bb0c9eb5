/**
 * The streaming run (`fokus analyze`, transcripts tallied one at a time, segments.csv and
 * report.json written in parts) must give exactly the bytes of the whole-corpus pipeline: every
 * output file, and each stdout format, for the samples and a synthetic corpus with two files per id.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeCorpus, type AnalyzeRunOptions } from '../../src/analyze.js';
import { renderFrequenciesCsv } from '../../src/report/csv.js';
import { briefText, splitEvidence } from '../../src/report/evidence.js';
import { reportFiles } from '../../src/report/files.js';
import { renderJson } from '../../src/report/json.js';
import { renderTable } from '../../src/report/table.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../cli/run.js';
import { batchReport } from './batch-report.js';
import { syntheticCorpus, type SyntheticCorpus } from './corpus-fixture.js';

const repo = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
let synthetic: SyntheticCorpus;
beforeAll(async () => {
  synthetic = await syntheticCorpus();
  temps.push(synthetic.dir);
});
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

interface Case {
  name: string;
  cwd: () => string;
  inputs: () => string[];
  args: () => string[];
  options: () => AnalyzeRunOptions;
  excel?: boolean;
}

const cases: Case[] = [
  {
    name: 'samples, sentences, transcript scope, Excel',
    cwd: () => repo,
    inputs: () => ['samples'],
    args: () => ['--unit', 'sentence', '--cooccur-scope', 'transcript', '--excel'],
    options: () => ({ unit: 'sentence', cooccurScope: 'transcript' }),
    excel: true,
  },
  {
    name: 'samples, participants, window scope, fewer key terms',
    cwd: () => repo,
    inputs: () => ['samples'],
    args: () => ['-p', 'samples/participants.csv', '--by', 'role', '--cooccur-scope', 'window:3', '--min-support', '2', '--keyterms', '3'],
    options: () => ({ participants: 'samples/participants.csv', by: ['role'], cooccurScope: 'window:3', minSupport: 2, keyterms: 3 }),
  },
  {
    name: 'synthetic corpus, two files per id, by speaker and transcript',
    cwd: () => synthetic.dir,
    inputs: () => synthetic.inputs,
    args: () => ['-c', synthetic.codebook, '--by', 'speaker', '--by', 'transcript', '--cooccur-scope', 'window:2'],
    options: () => ({ codebook: synthetic.codebook, by: ['speaker', 'transcript'], cooccurScope: 'window:2' }),
  },
  {
    name: 'synthetic corpus, stemming codebook, sentences, Excel',
    cwd: () => synthetic.dir,
    inputs: () => synthetic.inputs,
    args: () => ['-c', synthetic.stemCodebook, '--unit', 'sentence', '--excel', '--min-lift', '1.2'],
    options: () => ({ codebook: synthetic.stemCodebook, unit: 'sentence', minLift: 1.2 }),
    excel: true,
  },
];

async function reference(c: Case): Promise<Report> {
  const report = await batchReport(c.inputs(), { cwd: c.cwd(), ...c.options() });
  if (!report) throw new Error('reference run failed');
  return report;
}

describe('a streaming run gives the bytes of the whole-corpus pipeline', () => {
  for (const c of cases) {
    it(`${c.name}: every file of --out`, async () => {
      const ref = await reference(c);
      expect(ref.totals.transcripts).toBeGreaterThan(2);
      expect(ref.perspectives.some((p) => p.kind === 'emergent')).toBe(true);
      const out = await mkdtemp(join(tmpdir(), 'fokus-stream-'));
      temps.push(out);
      const run = await runCli(['analyze', ...c.inputs(), ...c.args(), '-o', out, '-q', '-f', 'csv'], c.cwd());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const expected = reportFiles(ref, { excel: c.excel === true });
      expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual(expected.map((f) => f.name).sort());
      for (const f of expected) expect(await readFile(join(out, f.name), 'utf8'), f.name).toBe(f.content);
    });
    it(`${c.name}: stdout as csv, json and table`, async () => {
      const ref = await reference(c);
      const csv = await runCli(['analyze', ...c.inputs(), ...c.args(), '-q', '-f', 'csv'], c.cwd());
      expect(csv.stdout).toBe(renderFrequenciesCsv(ref.frequencies, { excel: c.excel === true }));
      const json = await runCli(['analyze', ...c.inputs(), ...c.args(), '-q', '-f', 'json'], c.cwd());
      expect(json.stdout).toBe(renderJson(ref));
      const table = await runCli(['analyze', ...c.inputs(), ...c.args(), '-q', '--no-color'], c.cwd());
      expect(table.stdout).toBe(renderTable(ref, { color: false }));
    });
  }

  it('analyze (the library call) keeps every unit and equals the reference', async () => {
    const c = cases[2]!;
    const ref = await reference(c);
    const got = await analyze(c.inputs(), { cwd: c.cwd(), ...c.options() });
    expect(renderJson(got.report!)).toBe(renderJson(ref));
  });

  it('analyzeCorpus hands over units and segments in parts and fetches the evidence once: the quoted units coded, the others cut short', async () => {
    const c = cases[2]!;
    const ref = await reference(c);
    const items: string[] = [];
    const rows: string[] = [];
    const result = await analyzeCorpus(c.inputs(), {
      cwd: c.cwd(),
      ...c.options(),
      quotes: 2,
      snippets: 3,
      sink: { units: (index, text) => void (items[index] = text), segments: { excel: false, write: (r) => void rows.push(r) } },
    });
    expect(result.report!.units).toEqual([]);
    expect(items.filter((x) => x !== undefined).length).toBe(ref.inputs.length);
    // Every unit of the evidence once: those the HTML report quotes coded, those it lists with the
    // beginning of their text, the others without their text.
    const id = (u: { transcript: string; segment: number }): string => `${u.transcript}#${u.segment}`;
    expect(result.quotes.map(id).sort()).toEqual([...new Set(ref.perspectives.flatMap((p) => p.evidence))].sort());
    const splits = ref.perspectives.map((p) => splitEvidence(p.evidence, 2, 3));
    const quoted = new Set(splits.flatMap((s) => s.quoted));
    const snippets = new Set(splits.flatMap((s) => [...s.snippets]));
    const whole = new Map(ref.units.map((u) => [id(u), u]));
    for (const u of result.quotes) {
      const w = whole.get(id(u))!;
      if (quoted.has(id(u))) expect(u, id(u)).toEqual(w);
      else expect(u, id(u)).toEqual({ ...w, text: snippets.has(id(u)) ? briefText(w.text) : '', codings: [] });
    }
    expect(quoted.size).toBeGreaterThan(2);
    expect(result.quotes.length).toBeGreaterThan(quoted.size + snippets.size);
    expect(rows.length).toBe(new Set(ref.inputs.map((i) => i.id)).size);
  });
});
