import { InvalidArgumentError } from 'commander';

// Parsers of option values that several commands share: one copy each. A value they refuse is a
// usage error that commander reports (`error: option '--top <n>' argument 'x' is invalid. …`).

/** A parser of whole numbers ≥ `min` (`--top`, `--limit`, `--jobs` …). */
export const wholeNumber =
  (min: number) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`'${value}' is not a whole number ≥ ${min}`);
    return Number(value);
  };
