/**
 * A small synthetic corpus for the streaming and parallel tests, made by the benchmark's seeded
 * generator: a dozen short transcripts in subfolders, plus a second folder whose files repeat two of
 * the first folder's ids with other content (units of one id from two files are merged by segment),
 * and a generated codebook (plain, and with stemming on).
 */
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error -- plain JavaScript module of the benchmark, without type declarations
import { generateCodebook, generateCorpus } from '../../bench/corpus.mjs';
import { STOPWORDS_DE } from '../../src/text/stopwords-de.js';

const root = resolve(import.meta.dirname, '../..');

/** Where the corpus is: the folder everything is in, the two input folders, and the two codebooks. */
export interface SyntheticCorpus {
  dir: string;
  inputs: [string, string];
  codebook: string;
  stemCodebook: string;
}

/** Make the corpus in a new temporary folder (deterministic contents). */
export async function syntheticCorpus(): Promise<SyntheticCorpus> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-synthetic-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  generateCorpus(root, a, { mb: 0.2, seed: 5, stopwords: STOPWORDS_DE, fileBytes: [8_000, 24_000] });
  const sub = (await readdir(a)).filter((n) => !n.startsWith('.')).sort()[0]!;
  const names = (await readdir(join(a, sub))).sort().slice(0, 2);
  await mkdir(join(b, sub), { recursive: true });
  for (const name of names) {
    const text = await readFile(join(a, sub, name), 'utf8');
    // Other content under the same id: the turns in reverse order.
    const turns = text.split('\n\n').filter((t) => t.trim() !== '' && !t.startsWith('---'));
    await writeFile(join(b, sub, name), turns.reverse().join('\n\n') + '\n');
  }
  const codebook = join(dir, 'codebook.yaml');
  const stemCodebook = join(dir, 'codebook-stem.yaml');
  generateCodebook(root, codebook, null, { terms: 80, seed: 3, stopwords: STOPWORDS_DE });
  generateCodebook(root, stemCodebook, null, { terms: 80, seed: 4, stopwords: STOPWORDS_DE, stem: true });
  return { dir, inputs: ['a', 'b'], codebook, stemCodebook };
}
