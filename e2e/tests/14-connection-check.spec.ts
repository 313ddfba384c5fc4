import {
  createAuthority,
  kubeconfigFor,
  startLocalKube,
  type LocalKube,
} from '@cluster-console/local-kube';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppHeader } from '../pages/app-header';
import { SignInPage } from '../pages/sign-in-page';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';

/**
 * "Check connection" in the wizard against the Kubernetes API stand-in (apps/local-kube) on
 * 127.0.0.1, which the e2e stack's BFF allows through CONNECTION_CHECK_ALLOWED_NETWORKS: a
 * working kubeconfig passes every check; one trusting another CA and one for a user without
 * rights say what is wrong, in words. Filling the wizard contacts nothing: only the button does.
 */
test.describe.configure({ mode: 'serial' });

let kube: LocalKube;
let page: Page;

/** A fresh sign-in: an earlier journey (09) signs the maintainer out, ending the saved session. */
async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: stackInfo().bffUrl });
  const signedIn = await context.newPage();
  await signedIn.goto('/clusters');
  await new SignInPage(signedIn).signIn('maintainer', 'maintainer');
  await expect(signedIn.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  return signedIn;
}

function kubeconfigOf(user: 'kube-admin' | 'viewer', caPem = kube.authority.certPem): string {
  const certificate = kube.credentials[user]?.certificate;
  if (!certificate) throw new Error(`local-kube has no certificate for ${user}`);
  return kubeconfigFor({ server: kube.url, caPem, certificate });
}

const checkButton = () => page.getByRole('button', { name: /^Check (connection|again)$/ });
const results = () => page.getByRole('list', { name: 'Connection check results' });
/** One check's row, by the check's name (its status word, message and time are in it). */
const row = (name: string) =>
  results()
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  kube = await startLocalKube();
  page = await signedInPage(browser);
});

test.afterAll(async () => {
  await page?.context().close();
  await kube?.close();
});

test('check a working kubeconfig in the wizard: every check passes, with the version and the user', async () => {
  const testInfo = test.info();
  expect(kube.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'checked-worker', 'Deployment');
  await wizard.next(2);

  await expect(checkButton()).toBeDisabled();
  await wizard.kubeconfig().fill(kubeconfigOf('kube-admin'));
  // A loopback server in the kubeconfig: the wizard asks for the address by hand.
  await expect(page.getByText("127.0.0.1 is this cluster's own view").first()).toBeVisible();
  await expect(checkButton()).toBeDisabled();
  await wizard.apiServer().fill(kube.url);
  await expect(checkButton()).toBeEnabled();
  // Filling the wizard contacted nothing.
  expect(kube.requests).toEqual([]);

  await checkButton().click();
  await expect(page.getByText(/^Every check passed \(\d+(\.\d)? m?s\)\.$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(results().getByRole('listitem')).toHaveCount(5);
  for (const name of ['Reachable', 'TLS', 'Kubernetes version', 'Who the user is', 'Permissions'])
    await expect(row(name)).toContainText('OK');
  await expect(row('Kubernetes version')).toContainText('v1.31.4');
  await expect(row('Who the user is')).toContainText('kube-admin');
  await expect(row('TLS')).toContainText("kubeconfig's CA");
  await expect(page.getByText('The check is advice: you may still save.')).toBeVisible();
  expect(kube.requests.length).toBeGreaterThan(0);
  await checkPage(page, testInfo, '14-connection-check-ok');
});

test('check a failing kubeconfig: another CA fails TLS, a user without rights is a warning naming what will fail', async () => {
  const testInfo = test.info();
  const wizard = new WizardPage(page);

  // Another kubeconfig: the earlier answer is gone until the check runs again.
  await wizard.kubeconfig().fill(kubeconfigOf('kube-admin', createAuthority('other-ca').certPem));
  await expect(results()).toHaveCount(0);
  await expect(checkButton()).toHaveText('Check connection');
  const before = kube.requests.length;
  await checkButton().click();
  await expect(page.getByText(/^A check failed: see below/)).toBeVisible({ timeout: 30_000 });
  await expect(row('TLS')).toContainText('Failed');
  await expect(row('TLS')).toContainText('unknown authority');
  await expect(row('Kubernetes version')).toContainText('Skipped');
  // TLS failed: no request (and no credential) reached the server.
  expect(kube.requests.length).toBe(before);
  await checkPage(page, testInfo, '14-connection-check-wrong-ca');

  await wizard.kubeconfig().fill(kubeconfigOf('viewer'));
  await expect(results()).toHaveCount(0);
  await checkButton().click();
  await expect(page.getByText(/^The cluster answers, with warnings/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(row('Who the user is')).toContainText('viewer');
  await expect(row('Permissions')).toContainText('Warning');
  await expect(row('Permissions')).toContainText('may not create cluster roles');
  await checkPage(page, testInfo, '14-connection-check-no-rights', { axe: false });

  // Advice only: the wizard still moves on.
  await wizard.next(3);
});

test('a kubeconfig for another server: its credentials are not sent until the user confirms the address for one check (en, zh-CN)', async () => {
  const testInfo = test.info();
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'elsewhere-worker', 'Deployment');
  await wizard.next(2);
  // A kind or k3s kubeconfig: its server is the cluster's own view (127.0.0.1:6443); the
  // console reaches the cluster at the stand-in's address, typed by hand.
  const certificate = kube.credentials['kube-admin']?.certificate;
  await wizard.kubeconfig().fill(
    kubeconfigFor({
      server: 'https://127.0.0.1:6443',
      caPem: kube.authority.certPem,
      certificate,
    }),
  );
  await wizard.apiServer().fill(kube.url);
  const field = kube.url.replace('https://', '');

  const before = { requests: kube.requests.length, handshakes: kube.handshakes.length };
  await checkButton().click();
  await expect(page.getByText('Credentials not sent', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  // Said in the warning, the skipped checks and the notes alike.
  await expect(
    page
      .getByText(`The kubeconfig is for 127.0.0.1:6443, the API server field is ${field}.`)
      .first(),
  ).toBeVisible();
  await expect(row('Who the user is')).toContainText('Skipped');
  await expect(row('Who the user is')).toContainText('credentials not sent');
  await expect(row('TLS')).toContainText('OK');
  // Nothing that says who the user is reached the server: no header, no client certificate.
  const requests = kube.requests.slice(before.requests);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.every((request) => !request.presented.authorization)).toBe(true);
  expect(kube.handshakes.slice(before.handshakes).some((h) => h.clientCertificate)).toBe(false);
  await checkPage(page, testInfo, '14-connection-check-credentials-not-sent');

  // The keyboard confirms: the button, then Enter.
  const confirm = page.getByRole('button', {
    name: `Send the credentials to ${field} for one check`,
  });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Credentials sent to ${field}`, { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(row('Who the user is')).toContainText('kube-admin');
  await expect(row('Permissions')).toContainText('OK');
  expect(kube.handshakes.slice(before.handshakes).some((h) => h.clientCertificate)).toBe(true);
  await checkPage(page, testInfo, '14-connection-check-credentials-confirmed', { axe: false });

  // In Chinese: the same mismatch, in words, with the confirmation offered again.
  const header = new AppHeader(page);
  await header.switchLanguage('中文');
  await page.getByRole('button', { name: /^(检查连接|再次检查)$/ }).click();
  await expect(page.getByText('未发送凭据', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole('button', { name: `向 ${field} 发送凭据，仅用于一次检查` }),
  ).toBeVisible();
  await checkPage(page, testInfo, '14-connection-check-credentials-not-sent-zh');
  await header.switchLanguage('English');
});
