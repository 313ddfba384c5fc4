import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';

// Issue 25: "Delete selected" on the list. A host selected without its virtual cluster is
// refused before any request; with both, the virtual cluster goes first, one request each.
test.use({ baseURL: stackInfo().bffUrl });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const kubeconfig = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');

/** Registers a host and a virtual cluster on it through the BFF, as the signed-in browser does. */
async function registerPair(page: Page, host: string, virtual: string): Promise<void> {
  const bodies: [string, Record<string, unknown>][] = [
    [
      host,
      {
        api_server: 'https://8.217.50.140:6443',
        cluster_type: 'physical',
        usage: 'host',
        kubeconfig,
      },
    ],
    [
      virtual,
      {
        api_server: 'https://8.217.50.140:31490',
        cluster_type: 'virtual',
        usage: 'worker',
        worker_type: 'pipeline',
        host_cluster: host,
        vcluster: { https_node_port: '31490' },
      },
    ],
  ];
  for (const [name, body] of bodies) {
    const response = await page.request.post(`/api/v1/clusters/${name}`, {
      headers: { 'X-Requested-With': 'cluster-console', Origin: stackInfo().bffUrl },
      data: { cluster_kind: 'kubernetes', ...body },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
}

/** Every DELETE the page sends, by cluster name, in order. */
function recordDeletes(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().includes('/api/v1/clusters/')) {
      sent.push(decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? ''));
    }
  });
  return sent;
}

const checkbox = (page: Page, label: string) => page.getByRole('checkbox', { name: label });

test('journey 20a: a host selected without its virtual cluster is refused naming it; with both, the virtual cluster is deleted first and both are in Recently deleted', async ({
  page,
}, testInfo) => {
  const [HOST, VIRTUAL] = ['bd-host', 'bd-vc'];
  await page.goto('/clusters');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  await registerPair(page, HOST, VIRTUAL);
  await page.reload();
  const sent = recordDeletes(page);

  await page.getByLabel('Search by name').fill('bd-');
  await checkbox(page, `Select ${HOST}`).check();
  await expect(page.getByText('1 cluster selected')).toBeVisible();
  const deleteSelected = page.getByRole('button', { name: 'Delete selected (1)' });
  await deleteSelected.click();
  const refused = page.getByRole('alertdialog', { name: 'Delete 1 cluster?' });
  await expect(refused).toContainText(`${HOST} carries a virtual cluster that is not selected`);
  await expect(refused.getByText(VIRTUAL, { exact: true })).toBeVisible();
  await expect(refused.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(refused.getByRole('button', { name: /^Delete \d/ })).toHaveCount(0);
  await checkPage(page, testInfo, '20-batch-delete-refused');
  await page.keyboard.press('Escape');
  await expect(refused).toBeHidden();
  await expect(deleteSelected).toBeFocused();
  expect(sent).toEqual([]);

  // The virtual cluster too, this time with "select all shown" (the filter shows just the two).
  await checkbox(page, 'Select all shown clusters').check();
  await expect(checkbox(page, `Select ${VIRTUAL}`)).toBeChecked();
  await page.getByRole('button', { name: 'Delete selected (2)' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 clusters?' });
  const names = dialog.locator('tbody tr');
  await expect(names).toHaveCount(2);
  expect(await names.evaluateAll((rows) => rows.map((row) => row.dataset.cluster))).toEqual([
    VIRTUAL,
    HOST,
  ]);
  const count = dialog.getByLabel('Type 2 (the number of clusters) to confirm');
  await expect(count).toBeFocused();
  await count.fill('2');
  await checkPage(page, testInfo, '20-batch-delete-confirm');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkPage(page, testInfo, '20-batch-delete-confirm-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Delete 2 clusters' }).click();
  await expect(dialog.getByText('Finished: 2 deleted, 0 failed, 0 skipped.')).toBeVisible({
    timeout: 60_000,
  });
  expect(sent).toEqual([VIRTUAL, HOST]);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await checkPage(page, testInfo, '20-batch-delete-done', { axe: false });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // "Delete selected" left with the selection: the list's heading has focus.
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeFocused();
  await expect(page.getByRole('link', { name: HOST, exact: true })).toHaveCount(0);

  const repo = cloneTenantRepo();
  expect(repo.clusterFiles.filter((file) => file.startsWith('bd-'))).toEqual([]);

  await page.getByRole('link', { name: 'Recently deleted' }).click();
  const deleted = page.getByRole('table', { name: 'Deleted clusters' });
  await expect(deleted.getByRole('link', { name: VIRTUAL, exact: true })).toBeVisible();
  await expect(deleted.getByRole('link', { name: HOST, exact: true })).toBeVisible();
});

test.describe('in Chinese and dark', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('journey 20b: the refusal, the confirmation and the results in Chinese', async ({
    page,
  }, testInfo) => {
    const [HOST, VIRTUAL] = ['bdzh-host', 'bdzh-vc'];
    await page.goto('/clusters');
    await page.getByRole('link', { name: '使用 GitLab 登录' }).click();
    await new SignInPage(page).signInAtGitLab('maintainer', 'maintainer');
    await expect(page.getByRole('heading', { level: 1, name: '集群' })).toBeVisible();
    await registerPair(page, HOST, VIRTUAL);
    await page.reload();
    const sent = recordDeletes(page);

    await checkbox(page, `选择 ${HOST}`).check();
    await page.getByRole('button', { name: '删除所选（1 个）' }).click();
    const refused = page.getByRole('alertdialog', { name: '删除 1 个集群？' });
    await expect(refused).toContainText(`${HOST} 上有 1 个未选择的虚拟集群`);
    await expect(refused.getByText(VIRTUAL, { exact: true })).toBeVisible();
    await checkPage(page, testInfo, '20-batch-delete-refused-zh-dark');
    await refused.getByRole('button', { name: '关闭' }).click();
    expect(sent).toEqual([]);

    await checkbox(page, `选择 ${VIRTUAL}`).check();
    await page.getByRole('button', { name: '删除所选（2 个）' }).click();
    const dialog = page.getByRole('alertdialog', { name: '删除 2 个集群？' });
    await dialog.getByLabel('输入 2（集群数量）以确认').fill('2');
    await checkPage(page, testInfo, '20-batch-delete-confirm-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await checkPage(page, testInfo, '20-batch-delete-confirm-zh-light', { axe: false });
    await dialog.getByRole('button', { name: '删除 2 个集群' }).click();
    await expect(dialog.getByText('完成：已删除 2 个，失败 0 个，跳过 0 个。')).toBeVisible({
      timeout: 60_000,
    });
    expect(sent).toEqual([VIRTUAL, HOST]);
    await checkPage(page, testInfo, '20-batch-delete-done-zh', { axe: false });
  });
});
