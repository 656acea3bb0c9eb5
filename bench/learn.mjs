// The benchmark's `fokus learn` step: a synthetic gold coding derived reproducibly from the corpus
// and the codebook, so that there is something to learn. The corpus is coded with the codebook
// (fokus's library, dist/), and the gold coding is that coding changed by one seeded PRNG:
// - about 10 % of the codings are dropped (false positives of the rules, no rule to find);
// - per category, two "hidden" words that no term covers: a unit holding one is coded with the
//   category 9 times in 10 (false negatives a learned term can fix);
// - per category, one "trap" word: a unit holding it is never coded with the category (false
//   positives a learned exclude can fix).
// Hidden and trap words are drawn from the words in 20 to 200 units, in sorted order, shuffled by
// the seed. Same corpus, codebook and seed → the same gold file, byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { prng } from './corpus.mjs';

/** Shuffle a copy of a list with a PRNG (Fisher–Yates). */
function shuffle(list, rand) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Write the gold coding of `corpusDir` for `codebookFile` to `goldFile` (kept when its manifest
 * matches) and return { file, units, rows, hidden, traps }.
 */
export async function learnGold(root, { corpusDir, codebookFile, goldFile, seed, stopwords }) {
  const manifest = `${goldFile}.json`;
  const key = { version: 1, corpusDir, codebookFile, seed };
  if (existsSync(manifest) && existsSync(goldFile)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (JSON.stringify(m.key) === JSON.stringify(key)) return m.info;
  }
  const { codeInputs } = await import(`${root}/dist/analyze.js`);
  const { tokenize } = await import(`${root}/dist/text/tokenize.js`);
  const { flattenCategories } = await import(`${root}/dist/codebook/flatten.js`);
  const { coded } = await codeInputs([corpusDir], { codebook: codebookFile });
  if (!coded) throw new Error('the benchmark corpus could not be coded');
  const units = coded.units.filter((u) => !u.moderator);
  const words = units.map((u) => new Set(tokenize(u.text).map((t) => t.text.toLowerCase())));
  const df = new Map();
  for (const set of words) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const pool = [...df]
    .filter(([w, n]) => n >= 20 && n <= 200 && /^\p{L}{4,}$/u.test(w) && !stopwords.has(w) && coded.matcher.lookup(w).length === 0)
    .map(([w]) => w)
    .sort();
  const rand = prng(seed * 7 + 13);
  const drawn = shuffle(pool, rand);
  const paths = flattenCategories(coded.codebook.categories).map((c) => c.path);
  const hidden = new Map();
  const traps = new Map();
  paths.forEach((p, i) => {
    hidden.set(p, [drawn[(3 * i) % drawn.length], drawn[(3 * i + 1) % drawn.length]]);
    traps.set(p, drawn[(3 * i + 2) % drawn.length]);
  });
  const rows = ['transcript,segment,category'];
  units.forEach((u, i) => {
    const gold = new Set();
    for (const c of u.codings) if (rand() >= 0.1) gold.add(c.category);
    for (const p of paths) {
      if (hidden.get(p).some((w) => words[i].has(w)) && rand() < 0.9) gold.add(p);
      if (words[i].has(traps.get(p))) gold.delete(p);
    }
    const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    if (gold.size === 0) rows.push(`${q(u.transcript)},${u.segment},`);
    for (const c of paths) if (gold.has(c)) rows.push(`${q(u.transcript)},${u.segment},${c}`);
  });
  writeFileSync(goldFile, rows.join('\n') + '\n');
  const info = { file: goldFile, units: units.length, rows: rows.length - 1, hidden: paths.length * 2, traps: paths.length };
  writeFileSync(manifest, JSON.stringify({ key, info }) + '\n');
  return info;
}
