import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: a timeout only ends a test that hangs, and the slowest tests take a few seconds on a
    // quiet machine; a loaded one (two cores shared with other busy processes) must not fail them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
