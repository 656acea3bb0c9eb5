import type { Problem } from '../src/types.js';

/**
 * `value` with the catalogue key and params of every problem in it left out (deeply, in arrays and
 * objects): what tests that compare whole problems — file, place, severity, the English message,
 * rule id — compare. The keys themselves are tested in tests/lang/.
 */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => plain(v)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  const isProblem = typeof (value as Partial<Problem>).message === 'string' && typeof (value as Partial<Problem>).severity === 'string';
  for (const [k, v] of Object.entries(value)) {
    if (isProblem && (k === 'key' || k === 'params')) continue;
    out[k] = plain(v);
  }
  return out as T;
}
