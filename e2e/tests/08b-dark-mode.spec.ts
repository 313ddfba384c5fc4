import { expect, test, type Page } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

const DARK_BACKGROUND = 'rgb(15, 20, 26)';
const LIGHT_BACKGROUND = 'rgb(245, 247, 250)';

function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

test('dark mode: a browser that prefers dark gets the dark console, list and wizard axe-clean', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/clusters');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK_BACKGROUND);
  await expect(new AppHeader(page).themeSelect()).toHaveValue('system');
  await checkPage(page, testInfo, '08b-clusters-dark');

  const wizard = new WizardPage(page);
  await wizard.goto();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Choose what kind of cluster to register.')).toBeVisible();
  await checkPage(page, testInfo, '08b-wizard-dark');
});

test('dark mode: the header switch overrides the system and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/clusters');
  const header = new AppHeader(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  expect(await pageBackground(page)).toBe(LIGHT_BACKGROUND);

  await header.switchTheme('Dark');
  await expect.poll(() => pageBackground(page)).toBe(DARK_BACKGROUND);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK_BACKGROUND);
  await expect(header.themeSelect()).toHaveValue('dark');

  await page.emulateMedia({ colorScheme: 'dark' });
  await header.switchTheme('Light');
  await expect.poll(() => pageBackground(page)).toBe(LIGHT_BACKGROUND);
  await header.switchTheme('System');
  await expect.poll(() => pageBackground(page)).toBe(DARK_BACKGROUND);
});
