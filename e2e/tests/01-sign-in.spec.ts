import { expect, test } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { SignInPage } from '../pages/sign-in-page';
import { checkPage } from '../support/page-check';
import { authFile } from '../support/users';
import { stackInfo } from '../support/stack-info';

test.use({ baseURL: stackInfo().bffUrl });

test('journey 1: a maintainer signs in through the local GitLab and returns to the page asked for', async ({
  page,
}, testInfo) => {
  await page.goto('/clusters?usage=host');
  const signIn = new SignInPage(page);
  await signIn.expectShown('/clusters?usage=host');
  await checkPage(page, testInfo, '01-sign-in');

  await signIn.signInButton().click();
  await expect(page).toHaveURL((url) => url.origin === stackInfo().gitlabUrl);
  await checkPage(page, testInfo, '01-gitlab-sign-in', { axe: false });
  await signIn.signInAtGitLab('maintainer', 'maintainer');

  await expect(page).toHaveURL(`${stackInfo().bffUrl}/clusters?usage=host`);
  const header = new AppHeader(page);
  await expect(header.signOutButton()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No clusters yet' })).toBeVisible();
  await checkPage(page, testInfo, '01-clusters-empty');
  await page.context().storageState({ path: authFile('maintainer') });
});

test('an OAuth error from GitLab is explained on the sign-in page with "Try again"', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in?error=access_denied&returnTo=%2Fclusters%2Fnew');
  await expect(page.getByRole('alert')).toContainText('GitLab did not grant access');
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute(
    'href',
    '/auth/login?returnTo=%2Fclusters%2Fnew',
  );
  await checkPage(page, testInfo, '01-sign-in-error');
});
