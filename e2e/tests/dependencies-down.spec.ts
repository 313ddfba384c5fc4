import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../../scripts/lib/app-process';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { SignInPage } from '../pages/sign-in-page';
import { checkPage } from '../support/page-check';

/**
 * The console when a dependency goes away: a stack of its own (the journeys' stack stays
 * untouched), whose GitLab and clusters API this file stops and starts again on the same
 * ports. The SPA must show the server's message, never a blank page, and recover on "Try again".
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let dataDir: string;
const restarted: RunningApp[] = [];

function restartGitLab(): Promise<RunningApp> {
  return startApp('local-gitlab', {
    env: {
      PORT: new URL(stack.gitlabUrl).port,
      DATA_DIR: path.join(dataDir, 'local-gitlab'),
      CONSOLE_REDIRECT_URIS: `${stack.bffUrl}/auth/callback`,
    },
  });
}

function restartClustersApi(): Promise<RunningApp> {
  return startApp('clusters-api', {
    env: {
      PORT: new URL(stack.clustersApiUrl).port,
      DATA_DIR: path.join(dataDir, 'clusters-api'),
      GITLAB_URL: stack.gitlabUrl,
      TENANT_REPO_URL: `${stack.gitlabUrl}/nautes/tenant-config.git`,
    },
  });
}

async function expectListShown(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'No clusters yet' })).toBeVisible();
}

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
  await Promise.all(restarted.map((app) => app.stop()));
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('when GitLab, then the clusters API go down, the list says so in words, and comes back on "Try again"', async ({
  page,
}, testInfo) => {
  await page.goto(`${stack.bffUrl}/clusters`);
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page).toHaveURL(`${stack.bffUrl}/clusters`);
  await expectListShown(page);

  // GitLab down: the clusters API cannot check permissions (503). Its earlier answer about this
  // token is reused for 5 s, so wait that out first.
  await stack.apps.gitlab.stop();
  await page.waitForTimeout(5_500);
  await page.reload();
  await expectLoadFailure(page, /GitLab cannot be reached/);
  await checkPage(page, testInfo, 'dependencies-gitlab-down');

  restarted.push(await restartGitLab());
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectListShown(page);

  // Clusters API down: the BFF answers 502 in the error shape.
  await stack.apps.clustersApi.stop();
  await page.reload();
  await expectLoadFailure(page, /clusters API is not reachable/);
  await checkPage(page, testInfo, 'dependencies-clusters-api-down', { axe: false });

  restarted.push(await restartClustersApi());
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectListShown(page);
});
