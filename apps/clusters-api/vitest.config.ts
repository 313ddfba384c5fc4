import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'clusters-api',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
