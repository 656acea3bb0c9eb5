/**
 * Reproducible samples: a small seeded generator (mulberry32, seeded by an FNV-1a hash of the seed
 * text), so the same seed draws the same units on every machine and Node version.
 */

/** The seed `fokus review --sample` uses when none is given. */
export const DEFAULT_SEED = 'fokus';

/** A 32-bit FNV-1a hash of a text (its UTF-16 code units). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A generator of numbers in [0, 1) determined by the seed. */
export function seededRandom(seed: string): () => number {
  let a = fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` of the numbers 0 … n−1 drawn without replacement (a partial Fisher–Yates shuffle), in
 * ascending order; all of them when k ≥ n.
 */
export function drawIndices(n: number, k: number, seed: string): number[] {
  const take = Math.max(0, Math.min(n, Math.floor(k)));
  const rand = seededRandom(seed);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).sort((a, b) => a - b);
}
