import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const naturalModules = (): string[] =>
  Object.keys(require.cache)
    .filter((k) => k.includes('/node_modules/natural/'))
    .map((k) => k.slice(k.indexOf('/node_modules/natural/') + '/node_modules/natural/'.length))
    .sort();

afterEach(() => {
  vi.restoreAllMocks();
});

/** Capture everything written to stdout, directly or through the console, while `fn` runs. */
async function captureStdout(fn: () => Promise<void> | void): Promise<string[]> {
  const writes: string[] = [];
  const keep = (...args: unknown[]): void => {
    writes.push(args.map(String).join(' '));
  };
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    keep(chunk);
    return true;
  });
  for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, m).mockImplementation(keep);
  try {
    await fn();
  } finally {
    vi.restoreAllMocks();
  }
  return writes;
}

describe('loading the stemmer', () => {
  it('captures writes (so the test below can fail)', async () => {
    expect(await captureStdout(() => void process.stdout.write('probe'))).toEqual(['probe']);
    expect(await captureStdout(() => console.log('x', 1))).toEqual(['x 1']);
  });

  it('loads natural lazily, only its stemmer modules, and prints nothing', async () => {
    for (const k of Object.keys(require.cache)) if (k.includes('/node_modules/natural/')) delete require.cache[k];
    vi.resetModules();
    const writes = await captureStdout(async () => {
      const { stemWord } = await import('../../src/text/stem.js');
      expect(naturalModules()).toEqual([]);
      expect(stemWord('kooperationen', 'de')).toBe('kooperation');
      expect(naturalModules()).toEqual([
        'lib/natural/stemmers/porter_stemmer_de.js',
        'lib/natural/stemmers/stemmer_de.js',
        'lib/natural/tokenizers/aggressive_tokenizer_de.js',
        'lib/natural/tokenizers/tokenizer.js',
      ]);
      expect(stemWord('networks', 'en')).toBe('network');
    });
    expect(writes).toEqual([]);
    expect(naturalModules()).not.toContain('lib/natural/index.js');
  });
});
