import { expect, test } from '@playwright/test';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

test('journey 10: the remaining pages pass axe too, and the app works by keyboard from the skip link', async ({
  page,
}, testInfo) => {
  await page.goto('/clusters/no-such-cluster');
  await expect(page.getByRole('alert')).toContainText('There is no cluster named no-such-cluster');
  await checkPage(page, testInfo, '10-cluster-not-found', { axe: false });

  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkPage(page, testInfo, '10-page-not-found');

  // Keyboard only: skip link, then into the list and the wizard.
  await page.goto('/clusters');
  await expect(page.getByRole('table')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByRole('link', { name: 'Register a cluster' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/clusters\/new$/);
  await page.getByRole('radio', { name: /^Physical host cluster/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /^Physical host cluster/ })).toBeChecked();
});

test('delete from the detail page, then sign out: the session ends and the console asks to sign in again', async ({
  page,
}, testInfo) => {
  await page.goto('/clusters/cluster-physical');
  await expect(page.getByRole('heading', { level: 1, name: 'cluster-physical' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete cluster' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete cluster cluster-physical?' });
  await dialog.getByLabel('Type cluster-physical to confirm').fill('cluster-physical');
  await dialog.getByRole('button', { name: 'Delete cluster' }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.locator('.notice-region')).toContainText('Cluster cluster-physical deleted.');
  await expect(page.getByRole('heading', { name: 'No clusters yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await checkPage(page, testInfo, '10-signed-out', { axe: false });
  await page.goto('/clusters/new');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fclusters%2Fnew$/);
});
