import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { PREFIX, startPrefixedConsole, type PrefixedConsole } from '../support/prefixed-console';
import { stackInfo } from '../support/stack-info';
import { cloneTenantRepo } from '../support/tenant-repo';

/**
 * The console behind a path prefix: a second BFF with PUBLIC_URL=http://127.0.0.1:<port>/console/
 * behind a reverse proxy that forwards only /console (anything else is 404), the same build of
 * the SPA as every other journey. Sign in, register a cluster, find it in the list, reload deep
 * links, delete it, sign out — and every URL the browser asks for stays under /console, but for
 * GitLab's sign-in pages.
 */
test.describe.configure({ mode: 'serial' });

const seedKubeconfig = path.join(seedDir, 'kubeconfig-seed.yaml');
const NAME = 'prefix-host';
let prefixed: PrefixedConsole;
let context: BrowserContext;
let page: Page;
/** Every URL the page requested, in order. */
const requested: string[] = [];
/** Every answer the page got: status and content type by URL. */
const answered: { url: string; status: number; type: string }[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  prefixed = await startPrefixedConsole();
  // A fresh context: no cookie of the suite's own console (same host, other port).
  context = await browser.newContext();
  page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('response', (response) =>
    answered.push({
      url: response.url(),
      status: response.status(),
      type: response.headers()['content-type'] ?? '',
    }),
  );
});

test.afterAll(async () => {
  await context?.close();
  await prefixed?.stop();
});

/** A URL under the prefix (the browser must never be sent anywhere else on the console's host). */
function underPrefix(url: string): boolean {
  const { origin, pathname } = new URL(url);
  return (
    origin === new URL(prefixed.url).origin &&
    (pathname === PREFIX || pathname.startsWith(`${PREFIX}/`))
  );
}

test('the proxy forwards only /console: the console is not reachable elsewhere on its host', async ({
  request,
}) => {
  const origin = new URL(prefixed.url).origin;
  for (const outside of ['/', '/clusters', '/auth/login', '/api/v1/clusters', '/healthz']) {
    const response = await request.get(`${origin}${outside}`, { maxRedirects: 0 });
    expect(response.status(), outside).toBe(404);
  }
  const health = await request.get(`${prefixed.url}/healthz`);
  expect(health.status()).toBe(200);
});

test('journey 15: under /console, sign in, register a cluster, see it, reload deep links, delete it, sign out', async () => {
  // One long journey through every kind of page, on a shared 2-core machine.
  test.setTimeout(180_000);
  const testInfo = test.info();
  await page.goto(`${prefixed.url}/clusters`);
  // No session: the SPA's sign-in page, under the prefix, coming back to the list.
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === `${PREFIX}/sign-in` && url.searchParams.get('returnTo') === '/clusters',
  );
  const signIn = new SignInPage(page);
  await expect(signIn.signInButton()).toHaveAttribute(
    'href',
    `${PREFIX}/auth/login?returnTo=%2Fclusters`,
  );
  await signIn.signIn('maintainer', 'maintainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}/clusters`);
  const cookies = await context.cookies(prefixed.url);
  expect(cookies.find((cookie) => cookie.name === 'cluster_console_session')?.path).toBe(PREFIX);
  // Live status under the prefix: the stream is asked for below /console and answered as one.
  const list = new ClustersPage(page);
  await expect(list.liveIndicator()).toHaveAccessibleName(/^Live status: (Live|Not configured)$/);
  const stream = answered.find(
    (answer) => new URL(answer.url).pathname === `${PREFIX}/api/console/cluster-status/stream`,
  );
  expect(stream?.status).toBe(200);
  expect(stream?.type).toMatch(/^text\/event-stream/);
  await checkPage(page, testInfo, '15-prefix-clusters');

  // Register through the header's link: the router keeps the prefix.
  await page.getByRole('banner').getByRole('link', { name: 'Register a cluster' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}/clusters/new`);
  const wizard = new WizardPage(page);
  await wizard.expectStep(1);
  await wizard.what('Physical host cluster', NAME);
  await wizard.next(2);
  await wizard.uploadKubeconfig(seedKubeconfig);
  await wizard.apiServer().fill('https://8.217.50.114:6443');
  await wizard.next(3);
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved(NAME);
  await expect(page.getByRole('link', { name: `View ${NAME}` })).toHaveAttribute(
    'href',
    `${PREFIX}/clusters/${NAME}`,
  );
  expect(cloneTenantRepo().clusterFiles).toContain(`${NAME}.yaml`);

  // In the list, then its page.
  await page.getByRole('banner').getByRole('link', { name: 'Clusters', exact: true }).click();
  await expect(list.row(NAME)).toBeVisible();
  await list.row(NAME).getByRole('link', { name: NAME, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}/clusters/${NAME}`);

  // Deep links, reloaded and opened afresh: index.html, its assets and the lazy chunks of the
  // edit page all load from the prefix (relative URLs resolved against <base href>).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await page.goto(`${prefixed.url}/clusters/${NAME}/edit`);
  await expect(wizard.saveButton()).toBeVisible();
  await page.reload();
  await expect(wizard.saveButton()).toBeVisible();
  await checkPage(page, testInfo, '15-prefix-edit-deep-link', { axe: false });

  // Delete it from the list.
  await page.goto(`${prefixed.url}/clusters`);
  await list.deleteByTypingName(NAME);
  await expect(list.row(NAME)).toHaveCount(0);
  expect(cloneTenantRepo().clusterFiles).not.toContain(`${NAME}.yaml`);

  // Sign out: back on the sign-in page under the prefix, the session gone.
  await new AppHeader(page).signOutButton().click();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}/sign-in`);
  const session = await page.request.get(`${prefixed.url}/auth/session`);
  expect(session.status()).toBe(401);

  const gitlabOrigin = new URL(stackInfo().gitlabUrl).origin;
  const elsewhere = requested.filter(
    (url) => !underPrefix(url) && new URL(url).origin !== gitlabOrigin && !url.startsWith('data:'),
  );
  expect(elsewhere).toEqual([]);
  expect(requested.filter(underPrefix).length).toBeGreaterThan(20);
  expect(requested.some((url) => new URL(url).origin === gitlabOrigin)).toBe(true);
});
