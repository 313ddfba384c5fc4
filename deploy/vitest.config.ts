import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'deploy',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // The release build (SPA + three bundles) runs once, in beforeAll.
    hookTimeout: 180_000,
  },
});
