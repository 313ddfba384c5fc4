import { expect, test } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

test('journey 4: the list shows the three clusters with the right columns; the tenant repo holds three Cluster files and no kubeconfig', async ({
  page,
}, testInfo) => {
  const list = new ClustersPage(page);
  await list.goto();
  await expect(list.table().getByRole('row')).toHaveCount(4);
  expect(await list.columnHeaders()).toEqual([
    'Name',
    'Type',
    'Usage',
    'Worker type',
    'Host cluster',
    'API server',
    'Primary domain',
    'Actions',
  ]);
  expect(await list.cells('cluster-host')).toEqual([
    'cluster-host',
    'Physical',
    'Host1 virtual cluster',
    '—',
    '—',
    'https://8.217.50.114:6443',
    '8.217.50.114.nip.io',
    'Delete\nCannot delete: it carries virtual clusters cluster-virtual. Delete them first.',
  ]);
  expect(await list.cells('cluster-virtual')).toEqual([
    'cluster-virtual',
    'Virtual',
    'Worker',
    'Pipeline',
    'cluster-host',
    'https://8.217.50.114:31456',
    '8.217.50.114.nip.io',
    'Delete',
  ]);
  expect(await list.cells('cluster-physical')).toEqual([
    'cluster-physical',
    'Physical',
    'Worker',
    'Deployment',
    '—',
    'https://8.217.50.115:6443',
    '8.217.50.115.nip.io',
    'Delete',
  ]);
  await checkPage(page, testInfo, '04-clusters');

  // Filters and sort live in the URL.
  await page.getByLabel('Usage').selectOption('worker');
  await list.search().fill('cluster-');
  await page
    .getByRole('columnheader', { name: /API server/ })
    .getByRole('button')
    .click();
  await expect(page).toHaveURL(/usage=worker/);
  await expect(page).toHaveURL(/q=cluster-/);
  await expect(page).toHaveURL(/sort=api_server/);
  await expect(page.getByRole('columnheader', { name: /API server/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(list.table().getByRole('row')).toHaveCount(3);
  await page.reload();
  await expect(list.table().getByRole('row')).toHaveCount(3);
  await expect(page.getByLabel('Usage')).toHaveValue('worker');

  const repo = cloneTenantRepo();
  expect(repo.clusterFiles).toEqual([
    'cluster-host.yaml',
    'cluster-physical.yaml',
    'cluster-virtual.yaml',
    'kustomization.yaml',
  ]);
  expect(repo.text).toContain('kind: Cluster');
  expect(repo.text).toContain('hostCluster: cluster-host');
  for (const secret of [
    'client-key-data',
    'client-certificate-data',
    'certificate-authority-data',
    'kubeconfig',
    'BEGIN',
  ]) {
    expect(repo.history, `tenant repo history contains ${secret}`).not.toContain(secret);
  }
});
