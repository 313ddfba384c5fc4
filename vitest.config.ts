import { defineConfig } from 'vitest/config';

// One run over every package; each package may bring its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // Many suites wait on git, child servers and token lifetimes rather than the CPU: three
    // test files at a time keep a 2-core machine busy (measured: 143 s against 183 s with two).
    maxWorkers: 3,
  },
});
