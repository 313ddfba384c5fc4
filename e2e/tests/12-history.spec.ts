import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';

test.describe.configure({ mode: 'serial' });

const NAME = 'cluster-history';
const seedKubeconfig = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');

/**
 * A fresh browser signed in through the local GitLab's form (09 signed the stored maintainer
 * session out, and the operator has none).
 */
async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: stackInfo().bffUrl });
  const page = await context.newPage();
  await page.goto('/clusters');
  const signIn = new SignInPage(page);
  await signIn.expectShown('/clusters');
  await signIn.signIn(username, username);
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  return page;
}

/** Saves the physical deployment worker with this API server (the wizard updates an existing name). */
async function saveWorker(page: Page, apiServer: string): Promise<void> {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', NAME, 'Deployment');
  await wizard.next(2);
  await wizard.kubeconfig().fill(seedKubeconfig);
  await wizard.apiServer().fill(apiServer);
  await wizard.next(3);
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved(NAME);
}

function entry(history: Locator, change: 'Created' | 'Updated' | 'Deleted'): Locator {
  return history.getByRole('listitem').filter({ hasText: change });
}

test('journey 12: two maintainers save a cluster, one deletes it; its history shows who changed what, on the detail page and from "Recently deleted", which marks the name once registered again', async ({
  browser,
}, testInfo) => {
  // Two sign-ins, two wizard runs, a delete and three axe runs on the shared 2-core machine.
  test.setTimeout(240_000);
  const maintainer = await signedIn(browser, 'maintainer');
  await saveWorker(maintainer, 'https://8.217.50.116:6443');

  const operator = await signedIn(browser, 'operator');
  await saveWorker(operator, 'https://8.217.50.117:6443');
  await operator.getByRole('link', { name: `View ${NAME}` }).click();
  await expect(operator.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

  const history = operator.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  const updated = entry(history, 'Updated');
  await expect(updated).toContainText('Local Operator');
  await expect(updated).toContainText(`Save cluster ${NAME}`);
  const apiServer = updated.getByRole('row', { name: /API server/ });
  await expect(apiServer.getByRole('cell').nth(0)).toHaveText('https://8.217.50.116:6443');
  await expect(apiServer.getByRole('cell').nth(1)).toHaveText('https://8.217.50.117:6443');
  await expect(updated.getByRole('link', { name: /^Commit \w+ in GitLab$/ })).toHaveAttribute(
    'href',
    new RegExp(`^${stackInfo().gitlabUrl}/nautes/tenant-config/-/commit/[0-9a-f]{40}$`),
  );
  await expect(entry(history, 'Created')).toContainText('Local Maintainer');
  // Newest first.
  await expect(history.getByRole('listitem').first()).toContainText('Local Operator');
  await expect(history).not.toContainText('client-key-data');
  await history.scrollIntoViewIfNeeded();
  await checkPage(operator, testInfo, '12-cluster-history');
  await operator.context().close();

  // The maintainer deletes it from the list.
  const list = new ClustersPage(maintainer);
  await list.goto();
  await list.deleteByTypingName(NAME);
  await expect(list.row(NAME)).toHaveCount(0);

  await maintainer.getByRole('link', { name: 'Recently deleted' }).click();
  await expect(
    maintainer.getByRole('heading', { level: 1, name: 'Recently deleted clusters' }),
  ).toBeVisible();
  const deleted = maintainer.getByRole('table', { name: 'Deleted clusters' });
  const row = deleted.getByRole('row').filter({
    has: maintainer.getByRole('link', { name: NAME, exact: true }),
  });
  await expect(row).toContainText('Local Maintainer');
  await checkPage(maintainer, testInfo, '12-recently-deleted');

  await row.getByRole('link', { name: NAME, exact: true }).click();
  await expect(maintainer).toHaveURL(`${stackInfo().bffUrl}/deleted-clusters/${NAME}`);
  await expect(maintainer.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const gone = maintainer.getByRole('region', { name: 'History' });
  await expect(gone.getByRole('listitem')).toHaveCount(3);
  await expect(gone.getByRole('listitem').first()).toContainText('Deleted');
  await expect(entry(gone, 'Deleted')).toContainText('Local Maintainer');
  await expect(entry(gone, 'Deleted')).toContainText(`Delete cluster ${NAME}`);
  await expect(entry(gone, 'Updated')).toContainText('Local Operator');
  const changed = entry(gone, 'Updated').getByRole('row', { name: /API server/ });
  await expect(changed).toContainText('https://8.217.50.116:6443');
  await expect(changed).toContainText('https://8.217.50.117:6443');
  await expect(entry(gone, 'Created')).toContainText('Local Maintainer');
  await checkPage(maintainer, testInfo, '12-deleted-cluster-history');

  // The name registered again: "Recently deleted" no longer presents it as gone.
  await saveWorker(maintainer, 'https://8.217.50.118:6443');
  await maintainer.goto('/deleted-clusters');
  const again = deleted
    .getByRole('row')
    .filter({ has: maintainer.getByRole('link', { name: NAME, exact: true }) })
    .getByRole('link', { name: `Registered again: open ${NAME}` });
  await expect(again).toBeVisible();
  await checkPage(maintainer, testInfo, '12-recently-deleted-registered-again');
  // The same two pages in Chinese, then back to English for the rest.
  const header = new AppHeader(maintainer);
  await header.switchLanguage('中文');
  const deletedZh = maintainer.getByRole('table', { name: '已删除的集群' });
  await expect(deletedZh.getByRole('link', { name: `已重新注册：打开 ${NAME}` })).toBeVisible();
  await checkPage(maintainer, testInfo, '12-recently-deleted-registered-again-zh');
  await maintainer.goto(`/deleted-clusters/${NAME}`);
  await expect(maintainer.getByText(/之后又重新注册/)).toBeVisible();
  await expect(maintainer.getByRole('link', { name: '打开此集群的当前配置' })).toHaveAttribute(
    'href',
    `/clusters/${NAME}`,
  );
  // Its history covers the first life and the second: four commits.
  const historyZh = maintainer.getByRole('region', { name: '变更历史' });
  await expect(historyZh.getByRole('listitem')).toHaveCount(4);
  await checkPage(maintainer, testInfo, '12-deleted-cluster-registered-again-zh');
  await header.switchLanguage('English');
  await maintainer.goto('/deleted-clusters');
  await again.click();
  await expect(maintainer).toHaveURL(`${stackInfo().bffUrl}/clusters/${NAME}`);
  await expect(maintainer.getByRole('link', { name: 'Edit' })).toBeVisible();
  await list.goto();
  await list.deleteByTypingName(NAME);
  await expect(list.row(NAME)).toHaveCount(0);
  await maintainer.context().close();
});
