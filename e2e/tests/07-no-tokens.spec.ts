import { expect, test, type Response } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { stackInfo } from '../support/stack-info';

test.use({ baseURL: stackInfo().bffUrl });

/** What a GitLab token or an OAuth token response looks like. */
const TOKEN_PATTERNS = [
  /glpat-/,
  /gldt-/,
  /gloas-/,
  /"access_token"/,
  /"refresh_token"/,
  /"id_token"/,
  /\beyJ[\w-]{10,}\.[\w-]{10,}\./,
  /Bearer /,
];

test('journey 8: no token ever reaches the page: not in storage, document.cookie or any response body', async ({
  page,
}) => {
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    pending.push(
      response
        .text()
        .then((body) => void bodies.push({ url: response.url(), body }))
        .catch(() => undefined),
    );
  });

  await page.goto('/clusters');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  const list = new ClustersPage(page);
  await expect(list.row('cluster-physical')).toBeVisible();
  await list.row('cluster-physical').getByRole('link', { name: 'cluster-physical' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'cluster-physical' })).toBeVisible();
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'cluster-physical', 'Deployment');
  await expect(page.getByText(/saving will update it/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  expect(bodies.some((entry) => entry.url.includes('/auth/session'))).toBe(true);
  expect(bodies.some((entry) => entry.url.includes('/api/v1/clusters'))).toBe(true);
  // The built JavaScript and CSS are code, not data (and say "Bearer token" as a label).
  for (const { url, body } of bodies.filter(
    (entry) => !new URL(entry.url).pathname.startsWith('/assets/'),
  )) {
    for (const pattern of TOKEN_PATTERNS)
      expect(body, `${url} matches ${pattern}`).not.toMatch(pattern);
  }

  const storage = await page.evaluate(() => ({
    local: JSON.stringify({ ...window.localStorage }),
    session: JSON.stringify({ ...window.sessionStorage }),
    cookie: document.cookie,
  }));
  for (const value of Object.values(storage)) {
    for (const pattern of TOKEN_PATTERNS) expect(value).not.toMatch(pattern);
  }
  expect(storage.session).toBe('{}');
  // The session cookie exists but JavaScript cannot read it.
  const cookies = await page.context().cookies(stackInfo().bffUrl);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
    expect(storage.cookie).not.toContain(cookie.value);
  }
});
