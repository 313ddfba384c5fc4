import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';
import { indented } from '../support/yaml-text';

// No saved session: 09-pages signs the maintainer out at its end, so each journey signs in.
test.use({ baseURL: stackInfo().bffUrl });
test.describe.configure({ mode: 'serial' });

const IMPORTED = 'cli-import-host';

/** Two clusters as the Nautes CLI applies them; the second carries its kubeconfig. */
function twoClustersFile(): string {
  const kubeconfig = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');
  return `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: cli-import-virtual
  apiServer: https://8.217.50.114:31466
  clusterKind: kubernetes
  clusterType: virtual
  usage: worker
  workerType: deployment
  hostCluster: cluster-host
  vcluster:
    httpsNodePort: "31466"
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: ${IMPORTED}
  apiServer: https://8.217.50.120:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: host
  primaryDomain: cli.example.com
  kubeconfig: |
${indented(kubeconfig, 4)}
  traefik:
    httpNodePort: "31180"
    httpsNodePort: "31543"
  reservedNamespacesAllowedProducts:
    traefik:
    - product-cli
`;
}

async function signInAt(page: Page, target: string): Promise<void> {
  await page.goto(target);
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page).toHaveURL((url) => url.pathname === target);
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import a Nautes CLI file' }).click();
  await page
    .getByLabel('Choose a CLI file…')
    .setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

test('journey 13a: import a Nautes CLI file with two clusters, pick the second, save it', async ({
  page,
}, testInfo) => {
  await signInAt(page, '/clusters/new');
  const wizard = new WizardPage(page);
  await wizard.expectStep(1);
  await importFile(page, 'two-clusters.yaml', twoClustersFile());

  const list = page.getByRole('group', { name: '2 clusters in two-clusters.yaml: pick one' });
  await expect(list.getByRole('radio')).toHaveCount(2);
  await list.getByRole('radio', { name: new RegExp(IMPORTED) }).check();
  await checkPage(page, testInfo, '13-wizard-import-pick');
  await page.getByRole('button', { name: `Fill the form from ${IMPORTED}` }).click();

  await wizard.expectStep(4);
  await expect(
    page.getByText(`The form was filled from ${IMPORTED} in two-clusters.yaml`),
  ).toBeVisible();
  await expect(page.locator('pre').first()).toContainText(
    '"api_server": "https://8.217.50.120:6443"',
  );
  await expect(page.locator('pre').first()).toContainText('<redacted:');
  await wizard.save();
  await wizard.expectSaved(IMPORTED);

  const repo = cloneTenantRepo();
  const file = repo.clusterFiles.find((name) => name.startsWith(IMPORTED));
  expect(file, repo.clusterFiles.join(', ')).toBeDefined();
  const text = repo.files[file ?? ''] ?? '';
  expect(text).toContain('https://8.217.50.120:6443');
  expect(text).toContain('cli.example.com');
  expect(text).toContain('31543');
  expect(text).toContain('product-cli');
  expect(repo.text).not.toContain('cli-import-virtual');
});

test('journey 13b: download a cluster for the Nautes CLI, import that file, save: nothing changes', async ({
  page,
}, testInfo) => {
  await signInAt(page, `/clusters/${IMPORTED}`);
  await expect(page.getByRole('heading', { level: 1, name: IMPORTED })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for the Nautes CLI' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${IMPORTED}.yaml`);
  const saved = testInfo.outputPath(`${IMPORTED}.yaml`);
  await download.saveAs(saved);
  const exported = readFileSync(saved, 'utf8');
  expect(exported).toContain('kind: Cluster');
  expect(exported).toContain(`name: ${IMPORTED}`);
  expect(exported).toContain('# kubeconfig:');
  expect(exported).not.toContain('client-key-data');

  const before = cloneTenantRepo();
  const file = before.clusterFiles.find((name) => name.startsWith(IMPORTED)) ?? '';

  await page.goto('/clusters/new');
  const wizard = new WizardPage(page);
  await wizard.expectStep(1);
  await importFile(page, `${IMPORTED}.yaml`, exported);
  await wizard.expectStep(4);
  await expect(wizard.saveButton()).toHaveText('Update cluster');
  await wizard.save();
  await expect(page.getByRole('heading', { name: `Cluster ${IMPORTED} updated` })).toBeVisible();

  const after = cloneTenantRepo();
  expect(after.files[file]).toBe(before.files[file]);

  // The list offers the same for the clusters it shows: one file, one document each.
  await page.goto(`/clusters?q=${IMPORTED}`);
  const listDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for the Nautes CLI' }).click();
  const listDownload = await listDownloading;
  expect(listDownload.suggestedFilename()).toBe('clusters.yaml');
  const listSaved = testInfo.outputPath('clusters.yaml');
  await listDownload.saveAs(listSaved);
  expect(readFileSync(listSaved, 'utf8')).toContain(`name: ${IMPORTED}`);
});
