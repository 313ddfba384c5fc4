import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bff',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A worker runs this package's files one after another and keeps its module cache:
    // every file starts its own servers on ephemeral ports in its own temporary directories,
    // and re-importing the app's dependencies for each file cost the suite about 25 s.
    isolate: false,
    // `expect.poll` waits for what happens eventually (a watch resumed, a replica back): on the
    // 2-core machine, beside the journeys in `npm test`, 1 s (the default) was sometimes short.
    // What must happen within a time says so with its own timeout.
    expect: { poll: { timeout: 10_000 } },
  },
});
