import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';
import { indented } from '../support/yaml-text';

// Issue 25: "register all" of a multi-cluster Nautes CLI file, each cluster one request with the
// user's token, hosts before the virtual clusters on them, an invalid one not sent.
test.use({ baseURL: stackInfo().bffUrl });
test.describe.configure({ mode: 'serial' });

const HOST = 'batch-host';
const VIRTUAL = 'batch-vc';
const INVALID = 'batch-worker';

/** The virtual cluster first (the console must still save its host first), then the host, then a physical worker without its kubeconfig. */
function threeClustersFile(): string {
  const kubeconfig = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');
  return `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: ${VIRTUAL}
  apiServer: https://batch-vc-batch-host.8.217.50.130.nip.io:31467
  clusterKind: kubernetes
  clusterType: virtual
  usage: worker
  workerType: pipeline
  hostCluster: ${HOST}
  vcluster:
    httpsNodePort: "31467"
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: ${HOST}
  apiServer: https://8.217.50.130:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: host
  kubeconfig: |
${indented(kubeconfig, 4)}
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: ${INVALID}
  apiServer: https://8.217.50.131:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: deployment
`;
}

async function importFile(page: Page, labels: { open: string; choose: string }): Promise<void> {
  await page.getByRole('button', { name: labels.open }).click();
  await page.getByLabel(labels.choose).setInputFiles({
    name: 'region.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(threeClustersFile()),
  });
}

/** Who authored each commit that touched a cluster file, newest first: `<author> <file>`. */
function commitAuthors(): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-authors-'));
  try {
    const url = new URL('/nautes/tenant-config.git', stackInfo().gitlabUrl);
    url.username = 'clusters-api';
    url.password = 'gldt-local-clusters-api';
    execFileSync('git', ['clone', '--quiet', url.toString(), dir], { stdio: 'ignore' });
    return execFileSync('git', ['-C', dir, 'log', '--format=@%an', '--name-only', '-n', '2'], {
      encoding: 'utf8',
    })
      .split('@')
      .filter((entry) => entry.trim() !== '')
      .map((entry) => entry.trim().split(/\n+/).join(' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('journey 18a: register all clusters of a three-cluster file, the invalid one listed and not sent', async ({
  page,
}, testInfo) => {
  await page.goto('/clusters/new');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/new');
  await importFile(page, { open: 'Import a Nautes CLI file', choose: 'Choose a CLI file…' });
  await page.getByRole('button', { name: 'Register all 3' }).click();

  await expect(
    page.getByRole('heading', { name: 'Register every cluster in region.yaml' }),
  ).toBeFocused();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(4);
  const invalid = table.getByRole('row', { name: new RegExp(INVALID) });
  await expect(invalid).toContainText('#3, line');
  await expect(invalid).toContainText('kubeconfig');
  await expect(invalid).toContainText('Not sent');
  await expect(table.getByRole('row', { name: new RegExp(HOST) })).toContainText(
    'Kubeconfig included (sent, not shown)',
  );
  await expect(page.getByText('2 clusters will be sent; 1 with problems will not.')).toBeVisible();
  // The kubeconfig is used, never shown.
  expect(await page.content()).not.toContain('client-key-data');
  await checkPage(page, testInfo, '18-batch-apply-review');

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/v1/clusters/')) {
      posts.push(decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? ''));
    }
  });
  await page.getByRole('button', { name: 'Register 2 clusters' }).click();
  await expect(page.getByText('Finished: 2 saved, 1 failed or not sent, 0 skipped.')).toBeVisible();
  expect(posts).toEqual([HOST, VIRTUAL]);
  await expect(table.getByRole('row', { name: new RegExp(VIRTUAL) })).toContainText('Saved');
  await expect(invalid).toContainText('Not sent: fix its problems');
  await checkPage(page, testInfo, '18-batch-apply-done', { axe: false });

  const repo = cloneTenantRepo();
  expect(repo.clusterFiles.some((file) => file.startsWith(HOST))).toBe(true);
  expect(repo.clusterFiles.some((file) => file.startsWith(VIRTUAL))).toBe(true);
  expect(repo.clusterFiles.some((file) => file.startsWith(INVALID))).toBe(false);
  expect(repo.text).not.toContain('client-key-data');
  // One commit per cluster, each authored by the signed-in user (the BFF sent their token).
  const authors = commitAuthors();
  expect(authors[0]).toMatch(new RegExp(`^Local Maintainer .*${VIRTUAL}`));
  expect(authors[1]).toMatch(new RegExp(`^Local Maintainer .*${HOST}`));

  await page.getByRole('link', { name: 'Go to the cluster list' }).click();
  await expect(page.getByRole('link', { name: VIRTUAL })).toBeVisible();
});

test.describe('in Chinese and dark', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('journey 18b: the same file again is reviewed against what is registered now', async ({
    page,
  }, testInfo) => {
    await page.goto('/clusters/new');
    await page.getByRole('link', { name: '使用 GitLab 登录' }).click();
    await new SignInPage(page).signInAtGitLab('maintainer', 'maintainer');
    await expect(page).toHaveURL((url) => url.pathname === '/clusters/new');
    await importFile(page, { open: '导入 Nautes CLI 文件', choose: '选择 CLI 文件…' });
    await page.getByRole('button', { name: '全部注册（3 个）' }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: new RegExp(HOST) })).toContainText('无变化');
    await expect(table.getByRole('row', { name: new RegExp(INVALID) })).toContainText('不发送');
    await checkPage(page, testInfo, '18-batch-apply-review-zh-dark');
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByRole('button', { name: '全部注册（3 个）' })).toBeFocused();
  });
});
