import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { english } from '../../src/lang/catalogue.js';
import { DEFAULT_LIMITS } from '../../src/transcripts/limits.js';
import { openBoundedZip, type BoundedZip, type ZipProblem } from '../../src/transcripts/zip.js';
import { buildZip } from './zip-build.js';

function open(bytes: Uint8Array, limits: Partial<typeof DEFAULT_LIMITS> = {}): BoundedZip {
  const opened = openBoundedZip(bytes, { ...DEFAULT_LIMITS, ...limits });
  if ('problem' in opened) throw new Error(english(opened.problem.message));
  return opened.zip;
}

function problemOf(bytes: Uint8Array, limits: Partial<typeof DEFAULT_LIMITS> = {}): { message: string; ruleId: string } | null {
  const opened = openBoundedZip(bytes, { ...DEFAULT_LIMITS, ...limits });
  return 'problem' in opened ? inEnglish(opened.problem) : null;
}

/** A problem of the reader with its message said in English (the reader gives a catalogue key). */
function inEnglish(p: ZipProblem): { message: string; ruleId: string } {
  return { message: english(p.message), ruleId: p.ruleId };
}

/** `zip.read(name)`, its problem said in English. */
function readOf(zip: BoundedZip, name: string): ReturnType<BoundedZip['read']> | { problem: { message: string; ruleId: string } } {
  const r = zip.read(name);
  return 'problem' in r ? { problem: inEnglish(r.problem) } : r;
}

describe('the bounded zip reader', () => {
  test('reads what fflate writes, stored and deflated, and only the entries asked for', () => {
    const zip = open(zipSync({ 'a.txt': strToU8('Hallo'), 'b/c.txt': [strToU8('x'.repeat(5000)), { level: 9 }], 'd.txt': [strToU8('stored'), { level: 0 }] }));
    expect(zip.names).toEqual(['a.txt', 'b/c.txt', 'd.txt']);
    expect(zip.inflated()).toBe(0);
    const c = zip.read('b/c.txt');
    expect('data' in c && c.data.length).toBe(5000);
    expect(zip.inflated()).toBe(5000);
    const d = zip.read('d.txt');
    expect('data' in d && new TextDecoder().decode(d.data)).toBe('stored');
    expect(readOf(zip, 'nope')).toEqual({ problem: { message: 'no entry nope in the archive', ruleId: 'zip/missing' } });
  });

  test('an entry that lies about its uncompressed size is an error, not cut off', () => {
    const smaller = open(buildZip([{ name: 'a.txt', data: 'x'.repeat(1000), claimSize: 100 }]));
    expect(readOf(smaller, 'a.txt')).toEqual({ problem: { message: 'entry a.txt inflates to more than the 100 bytes its header says; it is not read', ruleId: 'zip/size-mismatch' } });
    const larger = open(buildZip([{ name: 'a.txt', data: 'x'.repeat(1000), claimSize: 2000 }]));
    expect(readOf(larger, 'a.txt')).toEqual({ problem: { message: 'entry a.txt holds 1000 bytes, not the 2000 its header says (a cut-off or altered archive); it is not read', ruleId: 'zip/size-mismatch' } });
    const stored = open(buildZip([{ name: 's.txt', data: 'abc', stored: true, claimSize: 2 }]));
    expect(stored.read('s.txt')).toMatchObject({ problem: { ruleId: 'zip/size-mismatch' } });
  });

  test('entries that share one compressed stream are refused before anything is inflated', () => {
    const entries = [{ name: 'a.txt', data: 'x'.repeat(100_000) }, ...Array.from({ length: 63 }, (_, i) => ({ name: `copy${i}.txt`, data: '', shareWith: 0 }))];
    expect(problemOf(buildZip(entries))).toEqual({
      message: 'entries a.txt and copy0.txt overlap (they share bytes of the archive, a sign of a zip bomb)',
      ruleId: 'zip/overlap',
    });
  });

  test('the bytes inflated are limited per archive, all entries together, and checked before inflating when the header tells', () => {
    const zip = open(buildZip([{ name: 'a', data: 'x'.repeat(600) }, { name: 'b', data: 'y'.repeat(600) }]), { zipBytes: 1000 });
    expect('data' in zip.read('a')).toBe(true);
    expect(readOf(zip, 'b')).toEqual({ problem: { message: 'entry b would take the bytes inflated from this archive beyond 1000 bytes (FOKUS_ZIP_BYTES)', ruleId: 'zip/too-large' } });
    expect(zip.inflated()).toBe(600);
    // A header that claims little does not get past the budget: inflating stops at the claimed size.
    const liar = open(buildZip([{ name: 'bomb', data: new Uint8Array(5_000_000), claimSize: 10 }]), { zipBytes: 1000 });
    expect(liar.read('bomb')).toMatchObject({ problem: { ruleId: 'zip/size-mismatch' } });
    expect(liar.inflated()).toBe(0);
  });

  test('too many entries, a damaged entry, no zip at all', () => {
    const many = buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    expect(problemOf(many, { zipEntries: 20 })).toEqual({ message: 'the archive has 30 entries, more than the 20 allowed (FOKUS_ZIP_ENTRIES)', ruleId: 'zip/too-many-entries' });
    expect(problemOf(many, { zipEntries: 30 })).toBeNull();
    const bytes = zipSync({ 'a.txt': [strToU8('Hallo Welt'), { level: 0 }] });
    const damaged = bytes.slice();
    damaged[damaged.indexOf(0x48)] = 0x4a; // 'H' → 'J' in the stored data
    expect(readOf(open(damaged), 'a.txt')).toEqual({ problem: { message: 'entry a.txt is damaged (its CRC-32 does not match)', ruleId: 'zip/corrupt' } });
    expect(problemOf(strToU8('hello'))?.ruleId).toBe('zip/not-zip');
    expect(problemOf(bytes.subarray(0, bytes.length - 30))?.ruleId).toBe('zip/not-zip');
  });
});

describe('limits from the environment', () => {
  test('whole numbers ≥ 1 set a limit; unset or empty leave the default; anything else is an error naming the variable', async () => {
    const { limitsFromEnv, readLimits } = await import('../../src/transcripts/limits.js');
    expect(limitsFromEnv({ FOKUS_ZIP_BYTES: '1000', FOKUS_MAX_DEPTH: '', OTHER: 'x' })).toEqual({ limits: { zipBytes: 1000 } });
    expect(readLimits({ zipBytes: 1000 })).toEqual({ ...DEFAULT_LIMITS, zipBytes: 1000 });
    for (const bad of ['0', '1.5', '2k', '-5', ' 300']) {
      const read = limitsFromEnv({ FOKUS_MAX_CODINGS: bad });
      expect('error' in read && english(read.error)).toBe(`FOKUS_MAX_CODINGS='${bad}' is not a whole number ≥ 1`);
    }
  });
});
