import { expect, test } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

test('journey 9: switching to 中文 shows Chinese labels, and the choice is kept', async ({
  page,
}, testInfo) => {
  await page.goto('/clusters');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  const header = new AppHeader(page);
  await header.switchLanguage('中文');
  await expect(page.getByRole('heading', { level: 1, name: '集群' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /名称/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await checkPage(page, testInfo, '09-clusters-zh');

  await page.goto('/clusters/new');
  await expect(page.getByRole('heading', { level: 1, name: '注册集群' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^物理宿主集群/ })).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请选择要注册的集群类型。')).toBeVisible();
  await checkPage(page, testInfo, '09-wizard-zh', { axe: false });

  await header.switchLanguage('English');
  await expect(page.getByRole('heading', { level: 1, name: 'Register a cluster' })).toBeVisible();
});

test('a browser that prefers Chinese gets Chinese by default', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    storageState: authFile('maintainer'),
  });
  const page = await context.newPage();
  await page.goto(`${stackInfo().bffUrl}/clusters`);
  await expect(page.getByRole('heading', { level: 1, name: '集群' })).toBeVisible();
  await context.close();
});
