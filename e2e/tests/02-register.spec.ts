import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });
test.describe.configure({ mode: 'serial' });

const seedKubeconfig = path.join(seedDir, 'kubeconfig-seed.yaml');

test('journey 2: register the host cluster by uploading the seed kubeconfig (loopback server: API server by hand)', async ({
  page,
}, testInfo) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await expect(wizard.profile('Virtual worker cluster')).toBeDisabled();
  await expect(page.getByText(/register a physical host cluster first/)).toBeVisible();
  await checkPage(page, testInfo, '02-wizard-what');
  await wizard.what('Physical host cluster', 'cluster-host');
  await wizard.next(2);

  await wizard.uploadKubeconfig(seedKubeconfig);
  await expect(page.getByText('Loaded kubeconfig-seed.yaml.')).toBeVisible();
  await expect(
    page
      .getByText("127.0.0.1 is this cluster's own view: enter the address Nautes can reach")
      .first(),
  ).toBeVisible();
  await expect(page.getByText('Client certificate')).toBeVisible();
  await expect(wizard.apiServer()).toHaveValue('');
  await checkPage(page, testInfo, '02-wizard-connection-loopback');
  await wizard.apiServer().fill('https://8.217.50.114:6443');
  await wizard.next(3);

  await expect(wizard.primaryDomain()).toHaveValue('8.217.50.114.nip.io');
  await expect(wizard.httpPort()).toHaveValue('30080');
  await expect(wizard.httpsPort()).toHaveValue('30443');
  await checkPage(page, testInfo, '02-wizard-domains');
  await wizard.next(4);

  const request = page.getByRole('region', { name: 'Request' }).or(page.locator('pre').first());
  await expect(request.first()).toContainText('"api_server": "https://8.217.50.114:6443"');
  await expect(page.locator('pre').first()).toContainText('<redacted:');
  await expect(page.locator('pre').nth(1)).toContainText('kind: Cluster');
  await expect(page.locator('body')).not.toContainText('client-key-data');
  await checkPage(page, testInfo, '02-wizard-review');
  await wizard.save();
  await wizard.expectSaved('cluster-host');
  await expect(page.getByText(/syncs the repository/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'View cluster-host' })).toHaveAttribute(
    'href',
    '/clusters/cluster-host',
  );
  await checkPage(page, testInfo, '02-wizard-done');
});

test('journey 3a: register a virtual pipeline worker on the host', async ({ page }, testInfo) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Virtual worker cluster', 'cluster-virtual', 'Pipeline');
  await wizard.next(2);
  await wizard.hostCluster().selectOption('cluster-host');
  await wizard.vclusterPort().fill('31456');
  await expect(wizard.apiServer()).toHaveValue('https://8.217.50.114:31456');
  await checkPage(page, testInfo, '03-wizard-connection-virtual');
  await wizard.next(3);
  await expect(wizard.primaryDomain()).toHaveValue('8.217.50.114.nip.io');
  await expect(wizard.argocdHost()).toHaveValue('argocd.cluster-virtual.8.217.50.114.nip.io');
  await expect(wizard.tektonHost()).toHaveValue('tekton.cluster-virtual.8.217.50.114.nip.io');
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved('cluster-virtual');
});

test('journey 3b: register a physical deployment worker by pasting the kubeconfig', async ({
  page,
}, testInfo) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'cluster-physical', 'Deployment');
  await wizard.next(2);
  await wizard.kubeconfig().fill(readFileSync(seedKubeconfig, 'utf8'));
  await expect(page.getByText("127.0.0.1 is this cluster's own view").first()).toBeVisible();
  await wizard.apiServer().fill('https://8.217.50.115:6443');
  await wizard.next(3);
  await expect(wizard.argocdHost()).toHaveValue('argocd.cluster-physical.8.217.50.115.nip.io');
  await expect(wizard.tektonHost()).toHaveCount(0);
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved('cluster-physical');
  await page.getByRole('link', { name: 'View cluster-physical' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'cluster-physical' })).toBeVisible();
  await expect(page.getByText('argocd.cluster-physical.8.217.50.115.nip.io')).toBeVisible();
  await checkPage(page, testInfo, '03-cluster-detail');
});
