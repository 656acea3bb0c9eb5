/**
 * The limits every reader keeps, so a small hostile file cannot take unbounded time or memory: bytes
 * inflated from a zip archive (in total per archive, not per entry), entries per archive, nesting
 * depth of XML, JSON and HTML, elements of a Word document's XML and of a project XML, and the unit × category pairs a REFI-QDA
 * project may code. The defaults are far above what real transcripts and projects need; the
 * environment variables below raise (or lower) them. See docs/errors.md, "Limits of the readers".
 */

import type { Message } from '../lang/catalogue.js';

export interface ReadLimits {
  /** Bytes inflated from one zip archive (`.docx`, `.qdpx`), all entries together. */
  zipBytes: number;
  /** Entries of one zip archive (its central directory). */
  zipEntries: number;
  /** Nesting depth of elements (XML, HTML) and of arrays and objects (JSON). */
  depth: number;
  /** Elements of one XML part of a Word document (mammoth holds about 1.3 kB per element in memory). */
  elements: number;
  /** Elements of a REFI-QDA project XML (`.qde`; read by fokus's own light parser). */
  projectElements: number;
  /** Unit × category pairs one REFI-QDA project may code (rows of the coding it becomes). */
  codings: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  zipBytes: 512 * 1024 * 1024,
  zipEntries: 20_000,
  depth: 1000,
  elements: 500_000,
  projectElements: 5_000_000,
  codings: 1_000_000,
});

/** The environment variable of each limit (whole numbers ≥ 1). */
export const LIMIT_ENV: Readonly<Record<keyof ReadLimits, string>> = Object.freeze({
  zipBytes: 'FOKUS_ZIP_BYTES',
  zipEntries: 'FOKUS_ZIP_ENTRIES',
  depth: 'FOKUS_MAX_DEPTH',
  elements: 'FOKUS_MAX_ELEMENTS',
  projectElements: 'FOKUS_MAX_PROJECT_ELEMENTS',
  codings: 'FOKUS_MAX_CODINGS',
});

/** The limits in force: the defaults with `given` laid over them. */
export function readLimits(given?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(given ?? {}) };
}

/**
 * Limits from environment variables (see `LIMIT_ENV`): unset or empty gives the default; anything
 * but a whole number ≥ 1 is an error message (the caller reports it as a usage error, exit 2,
 * never silently the default) — the FOKUS_REGEX_BUDGET convention.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): { limits: Partial<ReadLimits> } | { error: Message } {
  const limits: Partial<ReadLimits> = {};
  for (const key of Object.keys(LIMIT_ENV) as (keyof ReadLimits)[]) {
    const name = LIMIT_ENV[key];
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^[1-9]\d{0,15}$/u.test(value)) return { error: { key: 'cli.usage.env-number', params: { name, value } } };
    limits[key] = Number(value);
  }
  return { limits };
}

/** A number of bytes as people read it: `512 MB`, `300 kB`, `12 bytes`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} kB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/**
 * The deepest nesting of `[`/`{` in JSON text (strings skipped), and the offset where it first
 * passes `limit` (-1 when it never does). Iterative, one pass: for deciding before a recursive
 * parser sees the text.
 */
export function jsonDepthBeyond(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return -1;
}
