#!/usr/bin/env node
// `npm run bench`: generate a synthetic German focus-group corpus and codebooks (deterministic,
// seeded), run the compiled `fokus analyze` on them as a child process, and print throughput,
// peak memory, the cost of 300 vs 3000 terms, the start-up time and a ripgrep comparison.
//
//   node bench/run.mjs [--mb 50[,150,…]] [--terms 300,3000] [--runs 3] [--jobs N] [--seed 1]
//                      [--full] [--no-rg] [--no-learn] [--learn-only]
//
// --mb     corpus sizes in MB (10^6 bytes); each size is generated once into bench/.data/
// --terms  codebook sizes (terms); the first is the reference for the ratio
// --runs   runs per measurement; the median time and the largest peak memory are reported
// --jobs   passed to `fokus analyze --jobs` (default: fokus decides)
// --full   also time a full report (`-o DIR`: all CSV files, report.json, report.html)
// --no-rg  skip the ripgrep comparison
// --no-learn / --learn-only  skip / run only the `fokus learn` step (20 transcripts, 2 MB, 300 terms)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCodebook, generateCorpus, MB } from './corpus.mjs';
import { learnGold } from './learn.mjs';

const { STOPWORDS_DE } = await import('../dist/text/stopwords-de.js');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench/.data');
const bin = join(root, 'bin/fokus.js');
const rssHook = join(root, 'bench/rss.mjs');

function options(argv) {
  const o = { mb: [50], terms: [300, 3000], runs: 3, jobs: undefined, seed: 1, full: false, rg: true, learn: true, learnOnly: false };
  const list = (s) => s.split(',').map((x) => Number(x)).filter((x) => x > 0);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--mb') o.mb = list(next());
    else if (a === '--terms') o.terms = list(next());
    else if (a === '--runs') o.runs = Math.max(1, Number(next()));
    else if (a === '--jobs') o.jobs = Number(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--full') o.full = true;
    else if (a === '--no-rg') o.rg = false;
    else if (a === '--no-learn') o.learn = false;
    else if (a === '--learn-only') o.learnOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Run a command; resolves to wall seconds, peak RSS (MB, when measured), exit code and output size. */
function run(cmd, args, { rss = false, env = {} } = {}) {
  const rssFile = join(tmpdir(), `fokus-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const fullArgs = rss ? ['--import', rssHook, ...args] : args;
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, fullArgs, { env: { ...process.env, ...env, ...(rss ? { FOKUS_BENCH_RSS: rssFile } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = 0;
    let lines = 0;
    let err = '';
    child.stdout.on('data', (b) => {
      out += b.length;
      for (let i = 0; i < b.length; i++) if (b[i] === 10) lines++;
    });
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let peak;
      let cpu;
      if (rss && existsSync(rssFile)) {
        const u = JSON.parse(readFileSync(rssFile, 'utf8'));
        peak = u.maxRSS / 1024;
        cpu = (u.user + u.system) / 1e6;
        rmSync(rssFile, { force: true });
      }
      resolvePromise({ seconds, peak, cpu, code, out, lines, err });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);

async function measure(label, args, runs, env) {
  const times = [];
  const cpus = [];
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const res = await run(process.execPath, [bin, ...args], { rss: true, env });
    if (res.code !== 0) {
      console.error(`${label}: fokus exited with ${res.code}\n${res.err}`);
      process.exit(1);
    }
    times.push(res.seconds);
    cpus.push(res.cpu ?? 0);
    peak = Math.max(peak, res.peak ?? 0);
  }
  return { seconds: median(times), cpu: median(cpus), peak };
}

async function main() {
  const o = options(process.argv.slice(2));
  if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (or `npm run bench`)');
  mkdirSync(data, { recursive: true });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  console.log(`fokus ${version} benchmark · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${f1(totalmem() / 2 ** 30)} GiB`);
  console.log(`runs per figure: ${o.runs} (median time, largest peak memory)${o.jobs ? ` · --jobs ${o.jobs}` : ''} · load average ${loadavg().map(f2).join(' ')}\n`);

  if (o.learnOnly) return learnStep(o);

  // Start-up.
  const bare = [];
  const ver = [];
  const help = [];
  for (let r = 0; r < Math.max(5, o.runs); r++) {
    bare.push((await run(process.execPath, ['-e', '0'])).seconds);
    ver.push((await run(process.execPath, [bin, '--version'])).seconds);
    help.push((await run(process.execPath, [bin, '--help'])).seconds);
  }
  console.log(`start-up: node -e 0 ${f1(median(bare) * 1000)} ms · fokus --version ${f1(median(ver) * 1000)} ms · fokus --help ${f1(median(help) * 1000)} ms\n`);

  const codebooks = o.terms.map((terms) => {
    const file = join(data, `codebook-${terms}-s${o.seed}.yaml`);
    const words = join(data, `words-${terms}-s${o.seed}.txt`);
    return { terms, ...generateCodebook(root, file, words, { terms, seed: o.seed, stopwords: STOPWORDS_DE }) };
  });
  for (const c of codebooks) console.log(`codebook ${c.terms} terms: ${c.categories} categories, ${c.cores} word cores for rg`);

  const rg = o.rg && spawnSync('rg', ['--version']).status === 0;
  if (o.rg && !rg) console.log('rg not installed: skipping the ripgrep comparison');
  const jobs = o.jobs ? ['--jobs', String(o.jobs)] : [];

  for (const mb of o.mb) {
    const dir = join(data, `corpus-${mb}mb-s${o.seed}`);
    const t0 = Date.now();
    const corpus = generateCorpus(root, dir, { mb, seed: o.seed, stopwords: STOPWORDS_DE });
    const made = Date.now() - t0 > 1000 ? ` (generated in ${f1((Date.now() - t0) / 1000)} s)` : '';
    const size = corpus.bytes / MB;
    console.log(`\ncorpus ${mb} MB: ${corpus.files} files, ${f1(size)} MB${made}`);
    const results = [];
    for (const c of codebooks) {
      const r = await measure(`${c.terms} terms`, ['analyze', dir, '-c', c.file, '-f', 'csv', '-q', ...jobs], o.runs);
      results.push({ ...c, ...r });
      console.log(`  analyze -f csv, ${String(c.terms).padStart(5)} terms: ${f2(r.seconds).padStart(7)} s  ${f1(size / r.seconds).padStart(6)} MB/s  peak ${f1(r.peak).padStart(6)} MB  cpu ${f2(r.cpu)} s`);
    }
    if (results.length > 1) {
      const base = results[0];
      for (const r of results.slice(1)) console.log(`  ${r.terms} terms ÷ ${base.terms} terms: ${f2(r.seconds / base.seconds)}× wall, ${f2(r.cpu / base.cpu)}× cpu`);
    }
    if (o.full) {
      const out = join(tmpdir(), `fokus-bench-out-${process.pid}`);
      const c = codebooks[0];
      const r = await measure('full report', ['analyze', dir, '-c', c.file, '-o', out, '-f', 'csv', '-q', ...jobs], o.runs);
      rmSync(out, { recursive: true, force: true });
      console.log(`  analyze -o DIR (full report), ${c.terms} terms: ${f2(r.seconds)} s  ${f1(size / r.seconds)} MB/s  peak ${f1(r.peak)} MB  cpu ${f2(r.cpu)} s`);
    }
    if (rg) {
      const c = codebooks[0];
      const times = [];
      let matches = 0;
      for (let k = 0; k < o.runs; k++) {
        const r = await run('rg', ['-o', '-i', '-F', '-f', c.wordsFile, dir]);
        times.push(r.seconds);
        matches = r.lines;
      }
      const t = median(times);
      console.log(`  rg -o -i -F -f WORDS (${c.terms} terms' cores): ${f2(t)} s  ${f1(size / t)} MB/s  ${matches} matches; fokus ÷ rg = ${f2(results[0].seconds / t)}×`);
    }
  }
  if (o.learn) await learnStep(o);
}

/**
 * `fokus learn` on 20 transcripts (about 2 MB) with a 300-term codebook and a synthetic gold coding
 * (bench/learn.mjs); one run (a learn run codes the corpus and judges hundreds of candidates).
 */
async function learnStep(o) {
  const dir = join(data, `corpus-learn-2mb-s${o.seed}`);
  const corpus = generateCorpus(root, dir, { mb: 2, seed: o.seed, stopwords: STOPWORDS_DE, fileBytes: [90_000, 110_000] });
  const cb = generateCodebook(root, join(data, `codebook-300-s${o.seed}.yaml`), null, { terms: 300, seed: o.seed, stopwords: STOPWORDS_DE });
  const gold = await learnGold(root, { corpusDir: dir, codebookFile: cb.file, goldFile: join(data, `learn-gold-2mb-s${o.seed}.csv`), seed: o.seed, stopwords: STOPWORDS_DE });
  const out = join(tmpdir(), `fokus-bench-learned-${process.pid}.yaml`);
  console.log(`\nlearn: ${corpus.files} transcripts, ${f1(corpus.bytes / MB)} MB, 300-term codebook (${cb.categories} categories), synthetic gold coding of ${gold.units} units (${gold.hidden} hidden words, ${gold.traps} trap words)`);
  const r = await run(process.execPath, [bin, 'learn', dir, '-c', cb.file, '--gold', gold.file, '-o', out], { rss: true });
  rmSync(out, { force: true });
  if (r.code !== 0) {
    console.error(`learn: fokus exited with ${r.code}\n${r.err}`);
    process.exit(1);
  }
  const summary = r.err.trim().split('\n').at(-1)?.replace(/^fokus: /, '').replace(/; written to .*$/, '') ?? '';
  console.log(`  learn: ${f2(r.seconds)} s  cpu ${f2(r.cpu ?? 0)} s  peak ${f1(r.peak ?? 0)} MB · ${summary}`);
}

main().then(() => console.log(`\nload average at the end: ${loadavg().map(f2).join(' ')}`)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
