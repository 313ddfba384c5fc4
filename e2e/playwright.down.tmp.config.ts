import base from './playwright.config';
import { defineConfig } from '@playwright/test';
export default defineConfig({
  ...base,
  globalSetup: undefined,
  testMatch: 'dependencies-down.spec.ts',
  outputDir: '/tmp/e2e-down-artifacts',
  reporter: [['list']],
});
