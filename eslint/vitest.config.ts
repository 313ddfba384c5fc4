import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'eslint',
    include: ['*.test.ts'],
    // Loading the config and its plugins takes a few seconds on a busy two-core machine.
    testTimeout: 60_000,
  },
});
