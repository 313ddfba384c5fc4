import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';

// 09-pages signs the maintainer out at its end: every journey here signs in through the UI.
test.use({ baseURL: stackInfo().bffUrl });
// Each journey signs in, saves through Git and reads the tenant repo: slow on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const seedKubeconfig = path.join(seedDir, 'kubeconfig-seed.yaml');
/** A save goes through GitLab's permission check and a push: seconds when the machine is busy. */
const SAVE_TIMEOUT = 60_000;
const SESSION_ENDED = 'Your session ended. Sign in again to continue; what you typed is kept.';

async function signIn(page: Page): Promise<void> {
  await page.goto('/clusters');
  const signInPage = new SignInPage(page);
  await expect(signInPage.signInButton()).toBeVisible();
  await signInPage.signIn('maintainer', 'maintainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
}

/** Registers a cluster through the BFF as the signed-in browser does (CSRF header, origin). */
async function register(page: Page, name: string, body: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`/api/v1/clusters/${name}`, {
    headers: { 'X-Requested-With': 'cluster-console', Origin: stackInfo().bffUrl },
    data: { cluster_kind: 'kubernetes', ...body },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** The commit of the tenant repo's history that last changed this cluster's file, as `git log -p` shows it. */
function lastCommitOf(history: string, file: string): string {
  const commits = history.split(/^(?=commit [0-9a-f]{40}$)/m);
  return commits.find((commit) => commit.includes(`/${file}`)) ?? '';
}

test('journey 11a: the session ends on the review step; signing in again in a popup keeps everything, and Save succeeds with nothing retyped', async ({
  page,
  context,
}, testInfo) => {
  await signIn(page);
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'edit-draft', 'Pipeline');
  await wizard.next(2);
  await wizard.uploadKubeconfig(seedKubeconfig);
  await expect(page.getByText('Loaded kubeconfig-seed.yaml.')).toBeVisible();
  await wizard.apiServer().fill('https://8.217.50.120:6443');
  await wizard.next(3);
  await wizard.next(4);

  // Signed out in another tab of the same browser.
  const other = await context.newPage();
  await other.goto('/clusters');
  await new AppHeader(other).signOutButton().click();
  await expect(other).toHaveURL(/\/sign-in\?/);
  await other.close();

  await wizard.save();
  await expect(page.getByText(SESSION_ENDED)).toBeVisible({ timeout: SAVE_TIMEOUT });
  await wizard.expectStep(4);
  await expect(page.getByText('The cluster was not saved')).toHaveCount(0);
  await checkPage(page, testInfo, '11-session-ended');

  const popupOpened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupOpened;
  // GitLab may still know the browser (then the popup comes straight back and closes).
  const form = popup.getByLabel('Username or primary email');
  const asked = await form.waitFor({ timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  if (asked) await new SignInPage(popup).signInAtGitLab('maintainer', 'maintainer');
  await expect.poll(() => popup.isClosed(), { timeout: 20_000 }).toBe(true);

  await expect(page.getByText(SESSION_ENDED)).toHaveCount(0);
  await expect(page.locator('.notice-region')).toContainText('You are signed in again');
  await wizard.expectStep(4);
  await expect(page.locator('pre').first()).toContainText('<redacted:');
  await wizard.save();
  await expect(page.getByRole('heading', { name: 'Cluster edit-draft registered' })).toBeVisible({
    timeout: SAVE_TIMEOUT,
  });
  const repo = cloneTenantRepo();
  expect(repo.files['edit-draft.yaml']).toContain('apiServer: https://8.217.50.120:6443');
});

test("journey 11b: edit a physical worker's ArgoCD host and a host's Traefik ports; the tenant repository shows both, authored by the user", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const kubeconfig = readFileSync(seedKubeconfig, 'utf8');
  await register(page, 'edit-host', {
    api_server: 'https://8.217.50.130:6443',
    cluster_type: 'physical',
    usage: 'host',
    kubeconfig,
  });
  await register(page, 'edit-worker', {
    api_server: 'https://8.217.50.131:6443',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: 'deployment',
    kubeconfig,
  });

  await page.goto('/clusters/edit-worker');
  await expect(page.getByRole('heading', { level: 1, name: 'edit-worker' })).toBeVisible();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/edit-worker\/edit$/);
  const wizard = new WizardPage(page);
  await wizard.expectStep(4);
  // A real address: reload, back and forward.
  await page.reload();
  await wizard.expectStep(4);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Edit cluster edit-worker' }),
  ).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'edit-worker' })).toBeVisible();
  await page.goForward();
  await wizard.expectStep(4);
  await expect(page.getByText('Not sent: the stored one is kept')).toBeVisible();
  await checkPage(page, testInfo, '11-edit-review');

  await page.getByRole('button', { name: /^Domains and ingress/ }).click();
  await wizard.expectStep(3);
  await expect(wizard.argocdHost()).toHaveValue('argocd.edit-worker.8.217.50.131.nip.io');
  await wizard.argocdHost().fill('argocd.edited.example.com');
  await wizard.next(4);
  await expect(page.locator('pre').first()).toContainText(
    '"argocd_host": "argocd.edited.example.com"',
  );
  await expect(page.locator('pre').first()).not.toContainText('kubeconfig');
  await wizard.save();
  await expect(page.getByRole('heading', { name: 'Cluster edit-worker updated' })).toBeVisible({
    timeout: SAVE_TIMEOUT,
  });

  await page.goto('/clusters/edit-host/edit');
  await wizard.expectStep(4);
  await page.getByRole('button', { name: /^Domains and ingress/ }).click();
  await wizard.expectStep(3);
  await expect(wizard.httpPort()).toHaveValue('30080');
  await wizard.httpPort().fill('31080');
  await wizard.httpsPort().fill('31443');
  await wizard.next(4);
  await wizard.save();
  await expect(page.getByRole('heading', { name: 'Cluster edit-host updated' })).toBeVisible({
    timeout: SAVE_TIMEOUT,
  });

  const repo = cloneTenantRepo();
  expect(repo.files['edit-worker.yaml']).toContain('argocdHost: argocd.edited.example.com');
  expect(repo.files['edit-host.yaml']).toContain('httpNodePort: "31080"');
  expect(repo.files['edit-host.yaml']).toContain('httpsNodePort: "31443"');
  const workerCommit = lastCommitOf(repo.history, 'edit-worker.yaml');
  expect(workerCommit).toContain('Author: Local Maintainer <maintainer@local-gitlab.test>');
  expect(workerCommit).toContain('+  argocdHost: argocd.edited.example.com');
  const hostCommit = lastCommitOf(repo.history, 'edit-host.yaml');
  expect(hostCommit).toContain('Author: Local Maintainer <maintainer@local-gitlab.test>');
  expect(hostCommit).toContain('31443');
});

test('journey 11c: a host carrying a virtual cluster has its kind locked, with the reason', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await register(page, 'edit-virtual', {
    api_server: 'https://8.217.50.130:31456',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'deployment',
    host_cluster: 'edit-host',
    vcluster: { https_node_port: '31456' },
  });
  await page.goto('/clusters/edit-host/edit');
  const wizard = new WizardPage(page);
  await wizard.expectStep(4);
  await page.getByRole('button', { name: /^What/ }).click();
  await wizard.expectStep(1);
  await expect(
    page.getByText(
      'edit-host carries virtual clusters edit-virtual: its type, usage, host cluster, worker type and cluster kind cannot change while they depend on it.',
    ),
  ).toBeVisible();
  await expect(wizard.profile('Physical host cluster')).toBeChecked();
  await expect(wizard.profile('Physical worker cluster')).toBeDisabled();
  await expect(wizard.profile('Virtual worker cluster')).toBeDisabled();
  await expect(wizard.name()).toHaveAttribute('readonly', '');
  await checkPage(page, testInfo, '11-edit-locked');
});
