import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { reportSecretStoreFailure } from '../support/management-cluster';
import { pushClusterFile } from '../support/tenant-repo-push';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';

/**
 * Live status: the stack's local management cluster (apps/local-kube with its local Argo CD and
 * operators) follows the tenant repository, and the console follows it. A registration goes
 * from Waiting for sync to Ready on the page after Save and in the list, without a reload; an
 * operator's failure, written through the status subresource as the operator writes it, shows
 * with its message on the list and the detail page, in English and Chinese, light and dark.
 */
// No saved session: journey 9 signs the maintainer out at its end, so each journey signs in.
test.use({ baseURL: stackInfo().bffUrl });
test.beforeEach(async ({ page }) => {
  await page.goto('/clusters');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page).toHaveURL((url) => url.pathname === '/clusters');
});

const NAME = 'live-worker';
// Registered by journey 17 itself: journey 9 leaves the list empty before this file runs.
const FAILING = NAME;
const VAULT_MESSAGE =
  'sync cluster info to secret store failed: Error making API request. Code: 503. Errors: Vault is sealed';

/** Marks the page; the mark survives anything but a reload. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { liveMark?: string }).liveMark = 'kept';
  });
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark)).toBe(
    'kept',
  );
}

/** Records every text the status badges matching `selector` show, from now on. */
async function recordBadges(page: Page, selector: string): Promise<void> {
  await page.evaluate((wanted) => {
    const seen: string[] = [];
    (window as unknown as { badgesSeen: string[] }).badgesSeen = seen;
    const look = () => {
      for (const badge of document.querySelectorAll(wanted)) {
        const text = badge.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, selector);
}

async function badgesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { badgesSeen: string[] }).badgesSeen);
}

async function register(page: Page, name: string, apiServer: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Register a cluster' }).click();
  const wizard = new WizardPage(page);
  await wizard.expectStep(1);
  await wizard.what('Physical worker cluster', name, 'Deployment');
  await wizard.next(2);
  await wizard.kubeconfig().fill(readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8'));
  await wizard.apiServer().fill(apiServer);
  await wizard.next(3);
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved(name);
}

test('journey 17: a new cluster goes from Waiting for sync to Ready, live, on the page after Save', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const list = new ClustersPage(page);
  await list.goto();
  // The list is empty by now (journey 9 deleted the rest): the indicator alone says it is live.
  await expect(list.liveIndicator()).toHaveAccessibleName('Live status: Live');
  await markPage(page);

  await recordBadges(page, '.save-progress .status-badge');
  await register(page, NAME, 'https://8.217.50.118:6443');
  const progress = page.getByRole('region', { name: 'Live progress' });
  const steps = progress.getByRole('list', { name: `Progress of ${NAME}` });
  await expect(steps.getByRole('listitem').nth(0)).toContainText(/Saved in Git (now|.+ ago)/);
  await expect(progress.locator('.status-badge')).toHaveText(/Ready/, { timeout: 120_000 });
  await expect(steps.getByRole('listitem').nth(1)).toContainText('Done');
  await expect(steps.getByRole('listitem').nth(2)).toContainText('Done');
  const seen = await badgesSeen(page);
  expect(seen[0]).toMatch(/Waiting for sync/);
  expect(seen.at(-1)).toMatch(/Ready/);
  await checkPage(page, testInfo, '17-after-save-ready');
  await expectNotReloaded(page);
});

test('journey 17b: a new cluster goes from Waiting for sync to Ready in the list, without a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const list = new ClustersPage(page);
  await list.goto();
  await expect(list.liveIndicator()).toHaveAccessibleName('Live status: Live');
  await markPage(page);
  await register(page, 'live-worker-2', 'https://8.217.50.119:6443');
  // At once to the list (a link: the same page), while Argo CD has not synced the commit yet.
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await recordBadges(page, '.col-status .status-badge');
  const cell = list.statusCell('live-worker-2');
  await expect(cell).toContainText(/Waiting for sync|Reconciling/);
  await checkPage(page, testInfo, '17-list-waiting', { axe: false });
  await expect(cell).toContainText('Ready', { timeout: 120_000 });
  await expect(cell).toContainText('Registered in Argo CD and the secret store');
  // A list left open must not keep the browser busy: no animation runs forever (an endless
  // pulse on "Live" kept a software-rendered Chromium at 1.6 cores).
  const endless = await page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations === Infinity)
      .map((animation) => (animation as CSSAnimation).animationName),
  );
  expect(endless).toEqual([]);
  await checkPage(page, testInfo, '17-list-ready');
  await expectNotReloaded(page);
});

test('journey 17c: an operator failure shows with its message on the list and the detail page, in both languages, light and dark', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const list = new ClustersPage(page);
  await list.goto();
  await expect(list.statusCell(FAILING)).toContainText('Ready', { timeout: 120_000 });
  const row = list.row(FAILING);
  const link = row.getByRole('link', { name: FAILING, exact: true });
  await link.focus();

  reportSecretStoreFailure(FAILING, VAULT_MESSAGE);
  const cell = list.statusCell(FAILING);
  await expect(cell).toContainText('Error');
  await expect(cell).toContainText(`SecretStoreReady (cluster-operator) failed: ${VAULT_MESSAGE}`);
  // Changed in place: the same row, focus where it was.
  await expect(link).toBeFocused();
  await page.getByLabel('Status', { exact: true }).selectOption('error');
  await expect(page).toHaveURL(/status=error/);
  await expect(list.row(FAILING)).toBeVisible();
  await expect(list.row('cluster-host')).toHaveCount(0);
  await checkPage(page, testInfo, '17-list-error');

  await link.click();
  const section = page.getByRole('region', { name: 'Status' });
  await expect(section.locator('.status-badge')).toHaveText(/Error/);
  const condition = section.getByRole('row', { name: /SecretStoreReady/ });
  await expect(condition).toContainText('False');
  await expect(condition).toContainText('cluster-operator');
  await expect(condition).toContainText(VAULT_MESSAGE);
  await expect(section).toContainText('Check the kubeconfig');
  await checkPage(page, testInfo, '17-detail-error');

  await page.emulateMedia({ colorScheme: 'dark' });
  await checkPage(page, testInfo, '17-detail-error-dark');

  await page.getByLabel('Language').selectOption('zh-CN');
  const zhSection = page.getByRole('region', { name: '状态' });
  await expect(zhSection.locator('.status-badge')).toHaveText(/错误/);
  // The operator's words stay as it wrote them.
  await expect(zhSection).toContainText(
    `SecretStoreReady（cluster-operator） 失败：${VAULT_MESSAGE}`,
  );
  await checkPage(page, testInfo, '17-detail-error-zh-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: '集群' }).first().click();
  await expect(list.statusCell(FAILING)).toContainText('错误');
  await checkPage(page, testInfo, '17-list-error-zh');
  await page.getByLabel('语言').selectOption('en');
});

test('journey 17e: the list opened first shows its badges over the one stream its first script opened', async ({
  page,
}) => {
  // The signed-in page the journey started on has its own stream, which can still be on its
  // way: leave that document before counting.
  await page.goto('about:blank');
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/console/cluster-status/stream')) streams.push(request.url());
  });
  const list = new ClustersPage(page);
  // A fresh document: the page's first script asks for the list, then opens the stream, which
  // the status code takes over when the list renders instead of opening another.
  await list.goto();
  await expect(list.statusCell(FAILING)).toContainText(/Ready|Error/, { timeout: 60_000 });
  await expect(list.liveIndicator()).toHaveAccessibleName('Live status: Live');
  expect(streams).toHaveLength(1);
});

test('journey 17d: a file the webhook refuses shows as Sync failed with the webhook’s words', async ({
  page,
}, testInfo) => {
  // Waits for the background fetch and Argo CD's poll; axe alone takes tens of seconds on a
  // loaded 2-core machine.
  test.setTimeout(150_000);
  // Committed outside the console: a virtual cluster on a host that does not exist, which the
  // admission webhook refuses when Argo CD applies it.
  pushClusterFile('ghost-virtual', {
    apiServer: 'https://203.0.113.50:8443',
    clusterKind: 'kubernetes',
    clusterType: 'virtual',
    usage: 'worker',
    workerType: 'deployment',
    hostCluster: 'ghost-host',
    primaryDomain: '203.0.113.50.nip.io',
    vcluster: { httpsNodePort: '31456' },
  });
  const list = new ClustersPage(page);
  const cell = list.statusCell('ghost-virtual');
  // The clusters API fetches commits made outside it in the background (every few seconds) and
  // lists them on the next request; the local Argo CD applies a new commit a moment later.
  await expect(async () => {
    await list.goto();
    await expect(cell).toContainText('Sync failed', { timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(cell).toContainText(
    'admission webhook "vcluster.kb.io" denied the request: host cluster ghost-host not found',
  );
  // The list's badges were axe-checked in 17c; the Sync failed badge is checked on the detail page.
  await checkPage(page, testInfo, '17-list-sync-failed', { axe: false });
  await list.row('ghost-virtual').getByRole('link', { name: 'ghost-virtual', exact: true }).click();
  const section = page.getByRole('region', { name: 'Status' });
  await expect(section.locator('.status-badge')).toHaveText(/Sync failed/);
  await expect(section).toContainText('host cluster ghost-host not found');
  await expect(section).toContainText('save again');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkPage(page, testInfo, '17-detail-sync-failed-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // Gone again, so later journeys find the repository as before.
  await list.goto();
  await list.deleteByTypingName('ghost-virtual');
});
