import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { SignInPage } from '../pages/sign-in-page';
import { checkPage } from '../support/page-check';

/**
 * The console when a dependency goes away: a stack of its own (the journeys' stack stays
 * untouched), whose GitLab and then clusters API this file stops. The SPA must show the
 * server's message with "Try again", never a blank page. (That both recover by themselves
 * when the dependency returns is shown by apps/bff/tests/hardening/dependencies-down.test.ts.)
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let dataDir: string;

/** The list page with the server's message in an alert, and the page around it still there. */
async function expectLoadFailure(page: Page, message: RegExp): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: 'The clusters could not be loaded' });
  await expect(alert).toContainText(message, { timeout: 20_000 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-e2e-down-'));
  stack = await startStack({ dataDir });
});

test.afterAll(async () => {
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('when GitLab, then the clusters API go down, the list says so in words, with "Try again"', async ({
  page,
}, testInfo) => {
  // Signed in on a page that does not ask the clusters API, so that no answer of GitLab about
  // this token is cached there (the clusters API reuses them for 5 s).
  await page.goto(`${stack.bffUrl}/nowhere`);
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page).toHaveURL(`${stack.bffUrl}/nowhere`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // GitLab down: the clusters API cannot check permissions and answers 503.
  await stack.apps.gitlab.stop();
  await page.goto(`${stack.bffUrl}/clusters`);
  await expectLoadFailure(page, /GitLab cannot be reached/);
  await checkPage(page, testInfo, 'dependencies-gitlab-down', { axe: false });

  // Then the clusters API down as well: the BFF answers 502 in the error shape.
  await stack.apps.clustersApi.stop();
  await page.reload();
  await expectLoadFailure(page, /clusters API is not reachable/);
  await checkPage(page, testInfo, 'dependencies-clusters-api-down', { axe: false });
});
