import { kubeconfigFor, startLocalKube, type LocalKube } from '@cluster-console/local-kube';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { activate, expectFocusedVisibly, tabTo } from '../support/keyboard';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';

/**
 * Issue 25: everything by keyboard. Sign in, register a host (kubeconfig pasted, a context
 * picked, its connection checked against the Kubernetes API stand-in) and a virtual worker on
 * it, edit the virtual worker, select both in the list and delete them: no mouse, no filling of
 * fields that have no focus. After every Tab, dialog and page change, focus is where a user
 * expects it and can be seen.
 */
test.use({ baseURL: stackInfo().bffUrl });
// Every Tab is checked in the page (one round trip each): minutes on the shared 2-core machine.
test.describe.configure({ timeout: 420_000 });

const HOST = 'kb-host';
const VIRTUAL = 'kb-virtual';
/** A save goes through GitLab's permission check and a push: seconds when the machine is busy. */
const SAVE_TIMEOUT = 60_000;

let kube: LocalKube;

test.beforeAll(async () => {
  kube = await startLocalKube();
});

test.afterAll(async () => {
  await kube?.close();
});

/**
 * A kubeconfig with two contexts, the current one for another cluster: the user picks the
 * stand-in's. Its server is the stand-in's own (loopback) address.
 */
function twoContextKubeconfig(): string {
  const certificate = kube.credentials['kube-admin']?.certificate;
  if (!certificate) throw new Error('local-kube has no certificate for kube-admin');
  const config = JSON.parse(
    kubeconfigFor({ server: kube.url, caPem: kube.authority.certPem, certificate }),
  ) as {
    clusters: unknown[];
    users: unknown[];
    contexts: unknown[];
    'current-context': string;
  };
  config.clusters.push({ name: 'elsewhere', cluster: { server: 'https://203.0.113.40:6443' } });
  config.users.push({ name: 'elsewhere-user', user: { token: 'elsewhere-token' } });
  config.contexts.unshift({
    name: 'elsewhere',
    context: { cluster: 'elsewhere', user: 'elsewhere-user' },
  });
  config['current-context'] = 'elsewhere';
  return JSON.stringify(config, null, 2);
}

/** Types into the focused element (the keyboard, not `fill`). */
async function typeHere(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/** After a page change: the page's main region has focus, visibly. */
async function expectPageFocus(page: Page): Promise<void> {
  await expectFocusedVisibly(page, page.locator('#main'));
}

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /Step \d of 4/ });

/** A new wizard step: its heading has focus, visibly, and says which step it is. */
async function expectStep(page: Page, number: number): Promise<void> {
  await expect(stepHeading(page)).toContainText(`Step ${number} of 4`);
  await expectFocusedVisibly(page, stepHeading(page));
}

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

/** Tab to a choice and press Space on it: it is chosen. */
async function choose(page: Page, choice: Locator): Promise<void> {
  await tabTo(page, choice);
  await page.keyboard.press('Space');
  await expect(choice).toBeChecked();
}

/** Tab to the name, type it, and Enter (in a field, Enter means Next): step 2. */
async function nameAndNext(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByLabel('Cluster name'));
  await typeHere(page, name);
  await page.keyboard.press('Enter');
  await expectStep(page, 2);
}

/** Next, by keyboard, to the given step. */
async function nextTo(page: Page, step: number): Promise<void> {
  await activate(page, button(page, 'Next'));
  await expectStep(page, step);
}

/** Save (or Update), by keyboard: the result's heading takes focus, visibly. */
async function saveAndExpect(page: Page, buttonName: string, result: string): Promise<void> {
  await activate(page, button(page, buttonName));
  const done = page.getByRole('heading', { level: 2, name: result });
  await expect(done).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expectFocusedVisibly(page, done);
}

test('journey 19: sign in, register a host and a virtual worker, check, edit, select two and delete them, all by keyboard', async ({
  page,
}, testInfo) => {
  await test.step('sign in through the local GitLab', async () => {
    await page.goto('/clusters');
    await expect(page).toHaveURL(/\/sign-in\?/);
    await activate(page, page.getByRole('link', { name: 'Sign in with GitLab' }));
    // GitLab's form starts in its first field.
    await expectFocusedVisibly(page, page.getByLabel('Username or primary email'));
    await typeHere(page, 'maintainer');
    await tabTo(page, page.getByLabel('Password'));
    await typeHere(page, 'maintainer');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
    // The first page keeps the browser's start: Tab reaches the skip link first.
    await page.keyboard.press('Tab');
    await expectFocusedVisibly(page, page.getByRole('link', { name: 'Skip to content' }));
    await page.keyboard.press('Enter');
    await expectPageFocus(page);
  });

  await test.step('register the host: kubeconfig pasted, a context picked, the connection checked', async () => {
    await activate(page, page.getByRole('main').getByRole('link', { name: 'Register a cluster' }));
    await expect(page).toHaveURL(/\/clusters\/new$/);
    await expectPageFocus(page);
    // No kind chosen yet: Tab enters the group on its first choice, Space chooses it.
    await choose(page, page.getByRole('radio', { name: /^Physical host cluster/ }));
    await nameAndNext(page, HOST);

    // Pasted, as from a terminal: the clipboard, then Ctrl+V in the field.
    await tabTo(page, page.getByLabel('Kubeconfig', { exact: true }));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), twoContextKubeconfig());
    await page.keyboard.press('ControlOrMeta+V');
    const contexts = page.getByRole('group', { name: /^Context to register/ });
    await expect(contexts.getByRole('radio')).toHaveCount(2);
    // The kubeconfig's current context is chosen first; the arrow keys pick the other.
    const elsewhere = contexts.getByRole('radio', { name: /^elsewhere/ });
    const standIn = contexts.getByRole('radio', { name: /^local-kube/ });
    await expect(elsewhere).toBeChecked();
    await tabTo(page, elsewhere);
    await page.keyboard.press('ArrowDown');
    await expectFocusedVisibly(page, standIn);
    await expect(standIn).toBeChecked();
    const summary = page.getByRole('group', { name: 'Chosen context' });
    await expect(summary).toContainText('local-kube');
    await expect(summary).toContainText(kube.url);

    // The stand-in's address is loopback (the cluster's own view): typed by hand.
    const apiServer = page.getByLabel('API server URL');
    await tabTo(page, apiServer);
    await typeHere(page, kube.url);
    await checkPage(page, testInfo, '19-keyboard-connection');

    const check = button(page, /^Check (connection|again)$/);
    await activate(page, check);
    await expect(page.getByText(/^Every check passed \(\d+(\.\d)? m?s\)\.$/)).toBeVisible({
      timeout: 30_000,
    });
    // Pressed by keyboard, the button keeps focus through the check and after it.
    await expectFocusedVisibly(page, check);
    await expect(check).toHaveText('Check again');
    expect(kube.requests.length).toBeGreaterThan(0);

    await nextTo(page, 3);
    await nextTo(page, 4);
    await saveAndExpect(page, 'Save cluster', `Cluster ${HOST} registered`);
  });

  await test.step('register a virtual worker on it through every step', async () => {
    await activate(page, button(page, 'Register another cluster'));
    await expectStep(page, 1);
    // The arrow keys move the kind (and skip nothing enabled): host, physical worker, virtual.
    await tabTo(page, page.getByRole('radio', { name: /^Physical host cluster/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const virtualChoice = page.getByRole('radio', { name: /^Virtual worker cluster/ });
    await expectFocusedVisibly(page, virtualChoice);
    await expect(virtualChoice).toBeChecked();
    await choose(page, page.getByRole('radio', { name: /^Pipeline/ }));
    await nameAndNext(page, VIRTUAL);

    // The host by typing its name on the closed list (as a user types to find an option).
    const host = page.getByLabel('Host cluster');
    await tabTo(page, host);
    await typeHere(page, HOST);
    await expect(host).toHaveValue(HOST);
    await tabTo(page, page.getByLabel('vcluster HTTPS node port'));
    await typeHere(page, '31490');
    // It follows the host's address.
    await expect(page.getByLabel('API server URL')).toHaveValue(
      `https://${new URL(kube.url).hostname}:31490`,
    );
    await page.keyboard.press('Enter');
    await expectStep(page, 3);
    await expect(page.getByLabel(/ArgoCD host/)).toHaveValue(new RegExp(`^argocd\\.${VIRTUAL}\\.`));
    await nextTo(page, 4);
    await saveAndExpect(page, 'Save cluster', `Cluster ${VIRTUAL} registered`);
  });

  await test.step('edit the virtual worker from its page', async () => {
    await activate(page, page.getByRole('link', { name: `View ${VIRTUAL}` }));
    await expect(page.getByRole('heading', { level: 1, name: VIRTUAL })).toBeVisible();
    await expectPageFocus(page);
    await activate(page, page.getByRole('link', { name: 'Edit', exact: true }));
    await expect(
      page.getByRole('heading', { level: 1, name: `Edit cluster ${VIRTUAL}` }),
    ).toBeVisible();
    await expectPageFocus(page);
    await expect(stepHeading(page)).toContainText('Step 4 of 4');
    await activate(page, button(page, /^Edit ArgoCD host/));
    await expectStep(page, 3);
    const argocd = page.getByLabel(/ArgoCD host/);
    await tabTo(page, argocd);
    await page.keyboard.press('ControlOrMeta+A');
    await typeHere(page, 'argocd.keyboard.example.com');
    await page.keyboard.press('Enter');
    await expectStep(page, 4);
    await expect(page.locator('pre').first()).toContainText(
      '"argocd_host": "argocd.keyboard.example.com"',
    );
    await saveAndExpect(page, 'Update cluster', `Cluster ${VIRTUAL} updated`);
  });

  await test.step('select both in the list (Space, then Shift+Space) and delete them', async () => {
    await activate(page, page.getByRole('link', { name: 'Back to the list' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
    await expectPageFocus(page);
    await tabTo(page, page.getByLabel('Search by name'));
    await typeHere(page, 'kb-');
    const hostRow = page.getByRole('checkbox', { name: `Select ${HOST}` });
    const virtualRow = page.getByRole('checkbox', { name: `Select ${VIRTUAL}` });
    await expect(page.getByRole('checkbox', { name: /^Select kb-/ })).toHaveCount(2);
    await tabTo(page, hostRow);
    await page.keyboard.press('Space');
    await expect(hostRow).toBeChecked();
    await expect(page.getByText('1 cluster selected')).toBeVisible();
    // Shift extends the range from the row toggled last.
    await tabTo(page, virtualRow);
    await page.keyboard.press('Shift+Space');
    await expect(virtualRow).toBeChecked();
    await expect(page.getByText('2 clusters selected')).toBeVisible();
    await checkPage(page, testInfo, '19-keyboard-selected');

    // "Delete selected" sits above the table: back with Shift+Tab.
    const deleteSelected = button(page, 'Delete selected (2)');
    await tabTo(page, deleteSelected, { backwards: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Delete 2 clusters?' });
    const count = dialog.getByLabel('Type 2 (the number of clusters) to confirm');
    await expectFocusedVisibly(page, count);
    // Escape closes it, and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectFocusedVisibly(page, deleteSelected);

    await page.keyboard.press('Enter');
    await expectFocusedVisibly(page, count);
    await typeHere(page, '2');
    // The confirmation itself is axe-checked by journey 20.
    await checkPage(page, testInfo, '19-keyboard-delete-confirm', { axe: false });
    await activate(page, dialog.getByRole('button', { name: 'Delete 2 clusters' }));
    await expect(dialog.getByText('Finished: 2 deleted, 0 failed, 0 skipped.')).toBeVisible({
      timeout: 60_000,
    });
    await expectFocusedVisibly(page, dialog.getByRole('button', { name: 'Close' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    // The button that opened it left with the selection: the list's heading has focus.
    await expectFocusedVisibly(page, page.getByRole('heading', { level: 1, name: 'Clusters' }));
    await expect(page.getByRole('link', { name: HOST, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: VIRTUAL, exact: true })).toHaveCount(0);
  });
});
