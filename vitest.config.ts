import { defineConfig } from 'vitest/config';

// One run over every package; each package may bring its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'deploy', 'eslint'],
    // Most suites wait on git, child servers and token lifetimes rather than the CPU: two
    // test files at a time on a 2-core machine cut the run by about a third.
    maxWorkers: 2,
  },
});
