import { expect, test } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

test('journey 5: deleting the host is blocked while its virtual cluster exists; delete the virtual, then the host, by typing their names', async ({
  page,
}, testInfo) => {
  const list = new ClustersPage(page);
  await list.goto();
  const hostDelete = list.deleteButton('cluster-host');
  await expect(hostDelete).toHaveAttribute('aria-disabled', 'true');
  await expect(hostDelete).toHaveAccessibleDescription(/carries virtual clusters cluster-virtual/);
  // Disabled for assistive technology (aria-disabled), yet it still opens the explanation.
  await hostDelete.focus();
  await page.keyboard.press('Enter');
  const blocked = page.getByRole('alertdialog', { name: 'Delete cluster cluster-host?' });
  await expect(blocked).toContainText('cluster-host carries 1 virtual cluster');
  await expect(blocked.getByText('cluster-virtual', { exact: true })).toBeVisible();
  await expect(blocked.getByRole('button', { name: 'Delete cluster' })).toHaveCount(0);
  await checkPage(page, testInfo, '05-delete-blocked', { axe: false });
  await page.keyboard.press('Escape');
  await expect(blocked).toBeHidden();
  await expect(hostDelete).toBeFocused();

  // On the detail page the host says the same.
  await page.getByRole('link', { name: 'cluster-host', exact: true }).first().click();
  await expect(page.getByText(/This host carries 1 virtual cluster/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete cluster' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await checkPage(page, testInfo, '05-cluster-detail-host', { axe: false });

  await list.goto();
  await list.deleteButton('cluster-virtual').click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete cluster cluster-virtual?' });
  await expect(dialog.getByRole('button', { name: 'Delete cluster' })).toBeDisabled();
  await dialog.getByLabel('Type cluster-virtual to confirm').fill('cluster-virtual');
  await checkPage(page, testInfo, '05-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete cluster' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.notice()).toContainText('Cluster cluster-virtual deleted.');
  await expect(list.row('cluster-virtual')).toHaveCount(0);

  await expect(list.deleteButton('cluster-host')).not.toHaveAttribute('aria-disabled', 'true');
  await list.deleteByTypingName('cluster-host');
  await expect(list.row('cluster-host')).toHaveCount(0);
  await expect(list.table().getByRole('row')).toHaveCount(2);

  const repo = cloneTenantRepo();
  expect(repo.clusterFiles).toEqual(['cluster-physical.yaml', 'kustomization.yaml']);
});
