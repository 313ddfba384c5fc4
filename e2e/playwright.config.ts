import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { DEBIAN_CHROMIUM } from '../scripts/lib/debian-chromium';
import { journeyPart, partFilter } from './journey-parts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const outputRoot = path.join(repoRoot, '.test-output');
const part = journeyPart(process.env.E2E_PART);
const suffix = part ? `-part-${part}` : '';

/**
 * Browser journeys against the whole stack started the way `npm start` starts it (see
 * global-setup.ts), in Debian's Chromium. One worker: the journeys share one fresh stack and
 * run in file order (01-, 02-, ...), like a user working through the product.
 */
export default defineConfig({
  testDir: './tests',
  ...partFilter(part),
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: the 2-core machine is shared (npm test runs three parts of the journeys at once,
  // e2e/journey-parts.ts), and a loaded moment must not fail a journey.
  timeout: 120_000,
  expect: { timeout: 12_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: path.join(outputRoot, `e2e-artifacts${suffix}`),
  reporter: [['list'], ['json', { outputFile: path.join(outputRoot, `e2e${suffix}.json`) }]],
  use: {
    browserName: 'chromium',
    // The narrowest width the console promises to be usable at.
    viewport: { width: 1024, height: 800 },
    locale: 'en-US',
    screenshot: 'only-on-failure',
    // A trace (DOM snapshots of every step) only when asked for, with E2E_TRACE=1: recorded for
    // every journey and dropped for those that pass, it cost about 7% of the journeys' CPU in
    // `npm test`. Its screencast stays off: its frames doubled the journeys' CPU time.
    trace:
      process.env.E2E_TRACE === '1' ? { mode: 'retain-on-failure', screenshots: false } : 'off',
    launchOptions: DEBIAN_CHROMIUM,
  },
});
