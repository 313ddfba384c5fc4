import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup-tests.ts'],
    testTimeout: 20_000,
    css: false,
    // expect.poll's default (1 s) is short for waits that include a lazy chunk's import.
    expect: { poll: { timeout: 5_000 } },
    // One jsdom, React and msw per worker instead of per file: importing them again for each
    // of ~40 files cost about 110 s of CPU per run. Each file still gets a clean DOM, query
    // client, router and msw handlers (see src/testing/setup-tests.ts).
    isolate: false,
  },
});
