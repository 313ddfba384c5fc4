import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ClustersPage } from '../pages/clusters-page';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { seedDir } from '../support/paths';
import { startTwoReplicas, type TwoReplicas } from '../support/two-replicas';

/**
 * The production shape: two BFF replicas sharing Redis behind a round-robin balancer (no
 * sticky sessions). One replica is stopped and restarted while the user works; the user never
 * notices: no sign-in page, no error, the same session throughout.
 */
const NAME = 'replicas-worker';
let two: TwoReplicas;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  two = await startTwoReplicas();
});

test.afterAll(async () => {
  await two?.stop();
});

test('journey 16: the same user keeps working while one of two replicas restarts', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const { balancer, replicas } = two;
  const context = await browser.newContext({ baseURL: two.url });
  const page = await context.newPage();
  await page.goto('/clusters');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  // The live-status stream, from whichever replica the balancer chose.
  const list = new ClustersPage(page);
  await expect(list.liveIndicator()).toHaveAccessibleName(/^Live status: (Live|Not configured)$/);
  const streamsServed = () =>
    balancer.served.filter(
      (entry) => entry.path === '/api/console/cluster-status/stream' && entry.status === 200,
    );
  expect(streamsServed().length).toBeGreaterThanOrEqual(1);

  // From here on: every answer the browser gets from the console, and every page it shows.
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(two.url) && response.status() >= 400)
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const shown: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) shown.push(new URL(frame.url()).pathname);
  });

  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', NAME, 'Deployment');
  await wizard.next(2);
  await wizard.kubeconfig().fill(readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8'));
  await wizard.apiServer().fill('https://8.217.50.116:6443');
  await wizard.next(3);
  await wizard.next(4);
  await wizard.save();
  await wizard.expectSaved(NAME);
  expect(new Set(balancer.served.map((entry) => entry.replica))).toEqual(new Set(['A', 'B']));

  // Replica A stops (as in a rolling update) and starts again in the background.
  await replicas.A.stop();
  const restarted = replicas.A.start();

  await list.goto();
  await expect(list.row(NAME)).toBeVisible();
  await list.row(NAME).getByRole('link', { name: NAME, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText('8.217.50.116').first()).toBeVisible();
  await list.goto();
  await list.deleteByTypingName(NAME);
  await expect(list.row(NAME)).toHaveCount(0);
  // The balancer found A gone mid-journey and sent that request to B instead.
  expect(balancer.refused).toContain('A');

  await restarted;
  await balancer.waitUntilUp('A');
  const back = balancer.served.length;
  await list.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  // The page's stream outlived the restart: it was opened again (by EventSource itself, on
  // whichever replica answered) and the page says Live again, not Reconnecting.
  await expect(list.liveIndicator()).toHaveAccessibleName(/^Live status: (Live|Not configured)$/);
  expect(streamsServed().length).toBeGreaterThanOrEqual(1);
  await checkPage(page, testInfo, '16-two-replicas-after-restart', { axe: false });
  expect(
    balancer.served.slice(back).some((entry) => entry.replica === 'A' && entry.status < 400),
  ).toBe(true);

  expect(shown.filter((pathname) => pathname === '/sign-in')).toEqual([]);
  expect(failures).toEqual([]);
  await context.close();
});
