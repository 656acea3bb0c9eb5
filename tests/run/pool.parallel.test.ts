/**
 * A run on worker threads must give the bytes of a single-threaded run. Worker threads run the
 * compiled code, so this test runs the built command (`dist/`, built first when older than `src/`)
 * as a child process, with `--jobs 1` and `--jobs 3`, on a corpus of many files, some sharing an id.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus, type SyntheticCorpus } from './corpus-fixture.js';

const repo = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
let corpus: SyntheticCorpus;

/** Newest (or oldest) modification time of the files below a folder with one of the extensions. */
async function mtime(dir: string, ext: string, pick: (a: number, b: number) => number): Promise<number> {
  let best = NaN;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(ext)) continue;
    const t = (await stat(join(e.parentPath, e.name))).mtimeMs;
    best = Number.isNaN(best) ? t : pick(best, t);
  }
  return best;
}

beforeAll(async () => {
  const built = await mtime(join(repo, 'dist'), '.js', Math.min).catch(() => NaN);
  if (Number.isNaN(built) || (await mtime(join(repo, 'src'), '.ts', Math.max)) > built) {
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repo, stdio: 'inherit' });
  }
  corpus = await syntheticCorpus();
  temps.push(corpus.dir);
}, 300_000);
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

/**
 * Run the built `fokus` in the corpus folder; gives exit code, stdout and stderr. Regex rules get an
 * hour per unit (FOKUS_REGEX_BUDGET), so no rule is stopped on a loaded machine in one run and not in
 * the other: the bytes compared depend on the threads alone.
 */
function fokus(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repo, 'bin/fokus.js'), ...args], { cwd: corpus.dir, encoding: 'utf8', env: { ...process.env, FOKUS_JOBS: '', FOKUS_REGEX_BUDGET: '3600000' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('worker threads give the bytes of a single-threaded run', () => {
  it('has enough transcripts to spread over threads', async () => {
    const files = (await readdir(join(corpus.dir, 'a'), { recursive: true })).filter((f) => /\.(txt|md)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const [name, codebook, extra] of [
    ['every file of --out', () => corpus.codebook, ['--by', 'speaker', '--cooccur-scope', 'window:2']],
    ['every file of --out, stemming, sentences, Excel', () => corpus.stemCodebook, ['--unit', 'sentence', '--excel']],
  ] as const) {
    it(name, async () => {
      const outs: string[] = [];
      for (const jobs of ['1', '3']) {
        const out = await mkdtemp(join(tmpdir(), `fokus-jobs${jobs}-`));
        temps.push(out);
        outs.push(out);
        const run = fokus(['analyze', ...corpus.inputs, '-c', codebook(), ...extra, '-o', out, '-f', 'csv', '-q', '--jobs', jobs]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      }
      const files = (await readdir(outs[0]!)).sort();
      expect(files).toContain('segments.csv');
      expect(files).toContain('report.json');
      expect((await readdir(outs[1]!)).sort()).toEqual(files);
      for (const f of files) expect(await readFile(join(outs[1]!, f), 'utf8'), f).toBe(await readFile(join(outs[0]!, f), 'utf8'));
    }, 120_000);
  }

  for (const format of ['csv', 'json', 'table']) {
    it(`stdout as ${format}`, () => {
      const args = ['analyze', ...corpus.inputs, '-c', corpus.codebook, '-f', format, '--no-color', '-q'];
      const one = fokus([...args, '--jobs', '1']);
      const three = fokus([...args, '--jobs', '3']);
      expect(one.code).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(100);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
    }, 120_000);
  }
});

describe('--where: the same bytes whatever the number of threads', () => {
  it('on the samples, with a transcript read but left without units, and a value that matches nothing', async () => {
    const runs: { code: number | null; stdout: string; stderr: string; files: Record<string, string> }[] = [];
    for (const jobs of ['1', '3']) {
      const out = await mkdtemp(join(tmpdir(), `fokus-where-jobs${jobs}-`));
      temps.push(out);
      const where = ['speaker=TN3', 'speaker=B1', 'speaker=Niemand', 'group=Praxis'].flatMap((w) => ['--where', w]);
      const args = ['analyze', 'samples', '-p', 'samples/participants.csv', ...where, '--by', 'speaker', '--cooccur-scope', 'window:2', '-o', join(out, 'r'), '-f', 'json', '-q', '--jobs', jobs];
      const r = spawnSync(process.execPath, [join(repo, 'bin/fokus.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, FOKUS_JOBS: '', FOKUS_REGEX_BUDGET: '3600000' } });
      const files: Record<string, string> = {};
      for (const f of (await readdir(join(out, 'r'))).sort()) files[f] = await readFile(join(out, 'r', f), 'utf8');
      runs.push({ code: r.status, stdout: r.stdout, stderr: r.stderr, files });
    }
    const [one, three] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('--where: warning: speaker=Niemand matches no unit\n');
    // B1's turns in transcript 1 (`grep -c '^B1:'`) and TN3's seven in transcript 3; transcript 2 is read, but has neither.
    const B1_TURNS = 12;
    const report = JSON.parse(one.stdout) as { totals: unknown; inputs: { id: string }[] };
    expect(report.totals).toEqual({ transcripts: 2, units: B1_TURNS + 7, codableUnits: B1_TURNS + 7, speakers: 2, skipped: 0 });
    expect(report.inputs.map((i) => i.id)).toEqual(['fokusgruppe-1-kita-grundschule.txt', 'fokusgruppe-3-bildungsregion.txt']);
    expect(Object.keys(one.files)).toContain('frequencies_by_speaker.csv');
    expect(three).toEqual(one);
  }, 120_000);
});

describe('a regex rule stopped by its time budget: the same codings whatever the number of threads', () => {
  // 'a*a*…c' on sixty a's backtracks about 7·10⁹ steps: it runs past any budget on any machine. The
  // quick units ("ac Personal", "Nochmal ac.") run under the same clock and take microseconds; they get
  // 3 s each (FOKUS_REGEX_BUDGET), so that only a stall of seconds on a loaded machine could stop them.
  const slow = `${'a'.repeat(60)}!`;
  const codebook = "codebook: T\ncategories:\n  - code: r\n    label: R\n    rules:\n      - regex: 'a*a*a*a*a*a*a*a*c'\n  - code: t\n    label: T\n    terms: [personal]\n";
  // Six transcripts of two units each; in two of them the first unit hangs the rule (the slow line and
  // "ac Personal" are one turn of B1), so it is off for their second unit. The rule matches "ac" and
  // the "c" of "Nochmal": one hit in the first unit, two in the second.
  const transcript = (hang: boolean): string => `${hang ? `B1: ${slow}\n\n` : ''}B1: ac Personal\n\nB2: Nochmal ac.\n`;

  it('each transcript is judged on its own: with --jobs 1 and --jobs 3 the rule codes the 8 units of the four quick transcripts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fokus-slow-regex-'));
    temps.push(dir);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'cb.yaml'), codebook);
    for (let i = 1; i <= 6; i++) await writeFile(join(dir, `t${i}.txt`), transcript(i === 2 || i === 5));
    const run = (jobs: string): { code: number | null; stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [join(repo, 'bin/fokus.js'), 'analyze', '.', '-c', 'cb.yaml', '-f', 'csv', '-q', '--jobs', jobs], { cwd: dir, encoding: 'utf8', env: { ...process.env, FOKUS_JOBS: '', FOKUS_REGEX_BUDGET: '3000' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const one = run('1');
    const three = run('3');
    expect(one.stdout).toBe('category,label,level,segments,share,matches,transcripts,speakers\nr,R,1,8,0.6667,12,4,8\nt,T,1,6,0.5000,6,6,6\n');
    expect(three).toEqual(one);
    expect(one.stderr.split('\n').filter((l) => l.includes('regex-timeout') || l.includes('ran longer')).length).toBe(2);
  }, 120_000);
});
