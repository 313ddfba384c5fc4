import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Stack } from '../../scripts/lib/stack';
import { AppHeader } from '../pages/app-header';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { startNautesV04Stack } from '../support/nautes-v04-stack';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { cloneTenantRepo } from '../support/tenant-repo';

/**
 * The console against a clusters API that speaks Nautes API v0.4 (a second stack, its BFF on
 * `auto`): what the user chooses (hosts, ports, components) is what the v0.4 Cluster file
 * holds, and what the server has is what the detail page shows.
 */
test.describe.configure({ mode: 'serial' });

const seedKubeconfig = path.join(seedDir, 'kubeconfig-seed.yaml');
let stack: Stack & { remove(): Promise<void> };
let page: Page;

function clusterFile(name: string): string {
  return cloneTenantRepo(stack.gitlabUrl).files[`${name}.yaml`] ?? '';
}

async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.bffUrl });
  const signedIn = await context.newPage();
  await signedIn.goto('/clusters');
  await new SignInPage(signedIn).signIn('maintainer', 'maintainer');
  await expect(signedIn.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  return signedIn;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  stack = await startNautesV04Stack();
  page = await signedInPage(browser);
});

test.afterAll(async () => {
  await page?.context().close();
  await stack?.remove();
});

test('v0.4: register a host with Traefik HTTPS port 31443; the v0.4 file holds it in componentsList', async () => {
  const testInfo = test.info();
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical host cluster', 'v04-host');
  await wizard.next(2);
  await wizard.uploadKubeconfig(seedKubeconfig);
  await wizard.apiServer().fill('https://8.217.50.114:6443');
  await wizard.next(3);
  await wizard.httpsPort().fill('31443');
  await page.getByRole('button', { name: 'Advanced: components' }).click();
  await expect(page.getByRole('group', { name: /^Gateway/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Multi-tenancy/ })).toHaveCount(0);
  await checkPage(page, testInfo, '10-v04-wizard-components');
  const header = new AppHeader(page);
  await header.switchLanguage('中文');
  await expect(page.getByRole('group', { name: /^网关/ })).toBeVisible();
  await checkPage(page, testInfo, '10-v04-wizard-components-zh', { axe: false });
  await header.switchLanguage('English');
  await wizard.next(4);
  const preview = page.locator('pre').nth(1);
  await expect(preview).toContainText('componentsList:');
  await expect(preview).toContainText('httpsNodePort: "31443"');
  await expect(preview).not.toContainText('traefik:\n');
  await checkPage(page, testInfo, '10-v04-wizard-review');
  await wizard.save();
  await wizard.expectSaved('v04-host');

  const file = clusterFile('v04-host');
  expect(file).toContain('componentsList:');
  expect(file).toMatch(
    /gateway:\n\s+additions:\n\s+httpNodePort: "30080"\n\s+httpsNodePort: "31443"/,
  );
  expect(file).toContain('oauthProxy:');
  expect(file).not.toMatch(/^\s+traefik:$/m);
  expect(file).not.toContain('kubeconfig');
});

test('v0.4: register a virtual pipeline worker with a custom ArgoCD host and ArgoCD namespace', async () => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Virtual worker cluster', 'v04-virtual', 'Pipeline');
  await wizard.next(2);
  await wizard.hostCluster().selectOption('v04-host');
  await wizard.vclusterPort().fill('31456');
  await wizard.next(3);
  await wizard.argocdHost().fill('argocd.custom.example.com');
  await page.getByRole('button', { name: 'Advanced: components' }).click();
  const deployment = page.getByRole('group', { name: /^Deployment/ });
  await deployment.getByLabel('Namespace').fill('argocd-custom');
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved('v04-virtual');

  const file = clusterFile('v04-virtual');
  expect(file).toMatch(
    /deployment:\n\s+additions:\n\s+host: argocd\.custom\.example\.com\n\s+name: argocd\n\s+namespace: argocd-custom/,
  );
  expect(file).toContain('host: tekton.v04-virtual.8.217.50.114.nip.io');
  expect(file).not.toContain('argocdHost');
});

test('v0.4: register a physical deployment worker; the detail page shows its components, in English and Chinese', async () => {
  const testInfo = test.info();
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'v04-physical', 'Deployment');
  await wizard.next(2);
  await wizard.uploadKubeconfig(seedKubeconfig);
  await wizard.apiServer().fill('https://8.217.50.115:6443');
  await wizard.next(3);
  await wizard.argocdHost().fill('argocd.physical.example.com');
  await wizard.httpPort().fill('31080');
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved('v04-physical');
  expect(clusterFile('v04-physical')).toContain('host: argocd.physical.example.com');

  await page.getByRole('link', { name: 'View v04-physical' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'v04-physical' })).toBeVisible();
  const components = page.getByRole('table', { name: 'Components installed on this cluster' });
  await expect(components.getByRole('row', { name: /Deployment/ })).toContainText(
    'argocd.physical.example.com',
  );
  await expect(components.getByRole('row', { name: /Gateway/ })).toContainText('31080');
  await expect(components.getByRole('row', { name: /Progressive delivery/ })).toContainText(
    'argo-rollouts',
  );
  await checkPage(page, testInfo, '10-v04-detail');
  await new AppHeader(page).switchLanguage('中文');
  await expect(page.getByRole('heading', { level: 2, name: '组件' })).toBeVisible();
  await checkPage(page, testInfo, '10-v04-detail-zh', { axe: false });
  await new AppHeader(page).switchLanguage('English');
});

test('v0.4: update the physical worker: the kubeconfig is asked again, the changed component is committed', async () => {
  const before = cloneTenantRepo(stack.gitlabUrl).commits;
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'v04-physical', 'Deployment');
  await expect(page.getByText(/A cluster named v04-physical exists/)).toBeVisible();
  await wizard.next(2);
  await expect(page.getByText('The kubeconfig is needed again')).toBeVisible();
  await wizard.uploadKubeconfig(seedKubeconfig);
  await wizard.apiServer().fill('https://8.217.50.115:6443');
  await wizard.next(3);
  await wizard.argocdHost().fill('argocd.changed.example.com');
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved('v04-physical');
  await expect(page.getByRole('heading', { name: 'Cluster v04-physical updated' })).toBeVisible();

  const repo = cloneTenantRepo(stack.gitlabUrl);
  expect(repo.commits).toBe(before + 1);
  expect(repo.files['v04-physical.yaml']).toContain('host: argocd.changed.example.com');
  expect(repo.history).toContain('-        host: argocd.physical.example.com');
});
