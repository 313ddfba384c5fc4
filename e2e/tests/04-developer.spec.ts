import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';

test.use({ baseURL: stackInfo().bffUrl });

test('journey 6: a developer can read the list, but a registration shows the permission message and writes nothing', async ({
  page,
}, testInfo) => {
  const before = cloneTenantRepo();
  await page.goto('/clusters');
  await new SignInPage(page).signIn('developer', 'developer');
  const list = new ClustersPage(page);
  await expect(list.row('cluster-host')).toBeVisible();
  await expect(list.table().getByRole('row')).toHaveCount(4);

  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical host cluster', 'developer-cluster');
  await wizard.next(2);
  await wizard.uploadKubeconfig(path.join(seedDir, 'kubeconfig-seed.yaml'));
  await wizard.apiServer().fill('https://203.0.113.10:6443');
  await wizard.next(3);
  await wizard.next(4);
  await wizard.save();
  const alert = wizard.alert();
  await expect(alert).toContainText('The cluster was not saved');
  // The server's own words, whatever they are, not a bare "failed".
  await expect(alert).toContainText(/permission|push|Maintainer|access|not allowed/i);
  await wizard.expectStep(4);
  await checkPage(page, testInfo, '06-wizard-permission-refused', { axe: false });

  const after = cloneTenantRepo();
  expect(after.commits).toBe(before.commits);
  expect(after.clusterFiles).toEqual(before.clusterFiles);
});
