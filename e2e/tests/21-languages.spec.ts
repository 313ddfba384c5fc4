import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kubeconfigFor, startLocalKube, type LocalKube } from '@cluster-console/local-kube';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page';
import { localeTexts, type Language } from '../support/locale-texts';
import { checkPage } from '../support/page-check';
import { authDir, seedDir } from '../support/paths';
import { stackInfo } from '../support/stack-info';
import { indented } from '../support/yaml-text';

/**
 * Issue 25, "both languages everywhere": the pages of the last rounds in English and Chinese,
 * light and dark — a host's locked kind in the edit wizard, the connection check's results (each
 * check's own sentence too), the
 * edit review, a CLI file's pick list and its "register all" review (the shared rules' problems
 * and the file's notes told in the page's language), a cluster's history and Recently deleted.
 * Every page is screenshotted in all four. axe runs on each page in Chinese and dark: English in
 * light is axe-checked where journeys 11-14 and 18 visit these pages, and an axe run costs
 * 3-10 s on the shared 2-core machine (four per page would take this journey past two minutes).
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const HOST = 'l10n-host';
const VIRTUAL = 'l10n-virtual';
const GONE = 'l10n-gone';
const FILE_NAME = 'l10n.yaml';
const storageState = path.join(authDir, 'l10n-maintainer.json');
const seedKubeconfig = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');
const HEADERS = { 'X-Requested-With': 'cluster-console', Origin: stackInfo().bffUrl };

let kube: LocalKube;

/** A virtual worker whose metadata names it otherwise (a note), its host, and a worker without its kubeconfig (a problem). */
function threeClustersFile(): string {
  return `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  name: l10n-file-other
spec:
  name: l10n-file-vc
  apiServer: https://l10n-file-vc.8.217.50.140.nip.io:31468
  clusterKind: kubernetes
  clusterType: virtual
  usage: worker
  workerType: pipeline
  hostCluster: l10n-file-host
  vcluster:
    httpsNodePort: "31468"
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: l10n-file-host
  apiServer: https://8.217.50.140:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: host
  kubeconfig: |
${indented(seedKubeconfig, 4)}
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: l10n-file-worker
  apiServer: https://8.217.50.141:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: deployment
`;
}

async function save(page: Page, name: string, body: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`/api/v1/clusters/${name}`, {
    headers: HEADERS,
    data: { cluster_kind: 'kubernetes', ...body },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Signs in once through the UI and registers what the pages show: a host with a virtual cluster on it, and a cluster saved twice and deleted. */
async function prepare(browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: stackInfo().bffUrl });
  const page = await context.newPage();
  await page.goto('/clusters');
  await new SignInPage(page).signIn('maintainer', 'maintainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  const physical = { cluster_type: 'physical', kubeconfig: seedKubeconfig };
  await save(page, HOST, { ...physical, usage: 'host', api_server: 'https://8.217.50.142:6443' });
  await save(page, VIRTUAL, {
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'pipeline',
    host_cluster: HOST,
    api_server: 'https://8.217.50.142:31469',
    vcluster: { https_node_port: '31469' },
  });
  const worker = { ...physical, usage: 'worker', worker_type: 'deployment' };
  await save(page, GONE, { ...worker, api_server: 'https://8.217.50.143:6443' });
  await save(page, GONE, { ...worker, api_server: 'https://8.217.50.144:6443' });
  const deleted = await page.request.delete(`/api/v1/clusters/${GONE}`, { headers: HEADERS });
  expect(deleted.status(), await deleted.text()).toBe(200);
  await context.storageState({ path: storageState });
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  kube = await startLocalKube();
  await prepare(browser);
});

test.afterAll(async () => {
  await kube?.close();
});

/** A user without rights to create cluster roles: the check answers with words of every kind. */
function viewerKubeconfig(): string {
  const certificate = kube.credentials.viewer?.certificate;
  if (!certificate) throw new Error('local-kube has no certificate for viewer');
  return kubeconfigFor({ server: kube.url, caPem: kube.authority.certPem, certificate });
}

async function contextFor(
  browser: Browser,
  language: Language,
  theme: 'light' | 'dark',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: stackInfo().bffUrl,
    storageState,
    locale: language,
    colorScheme: theme,
  });
  await context.addInitScript(
    ({ lang, chosen }) => {
      window.localStorage.setItem('cluster-console.language', lang);
      window.localStorage.setItem('cluster-console.theme', chosen);
    },
    { lang: language, chosen: theme },
  );
  return context;
}

const COMBINATIONS = [
  { language: 'en', theme: 'light', axe: false },
  { language: 'en', theme: 'dark', axe: false },
  { language: 'zh-CN', theme: 'light', axe: false },
  { language: 'zh-CN', theme: 'dark', axe: true },
] as const;

for (const { language, theme, axe } of COMBINATIONS) {
  test(`journey 21 (${language}, ${theme}): locks, connection check, edit, import, history and Recently deleted speak ${language}`, async ({
    browser,
  }, testInfo) => {
    const text = localeTexts(language);
    const shot = (page: Page, state: string) =>
      checkPage(page, testInfo, `21-${state}-${language}-${theme}`, { axe });
    const context = await contextFor(browser, language, theme);
    const stepOf = (current: number) => text('wizard.stepOf', { current, total: 4 });
    const stepHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /\d.*4/ });

    // A host's history, then its edit page: the review, and the first step with its kind locked.
    let page = await context.newPage();
    await page.goto(`/clusters/${HOST}`);
    const history = page.getByRole('region', { name: text('history.title') });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The detail page names the virtual cluster in the language's own punctuation.
    await expect(page.locator('#delete-blocked-reason')).toContainText(
      `${VIRTUAL}${text('detail.listEnd')}${text('detail.deleteThemFirst')}`,
    );
    await shot(page, 'cluster-history');

    await page.goto(`/clusters/${HOST}/edit`);
    await expect(stepHeading(page)).toContainText(stepOf(4));
    await shot(page, 'edit-review');
    await page.getByRole('button', { name: new RegExp(`^${text('wizard.steps.what')}`) }).click();
    await expect(stepHeading(page)).toContainText(stepOf(1));
    await expect(
      page.getByText(text('wizard.locked.reason', { name: HOST, dependents: VIRTUAL })),
    ).toBeVisible();
    await shot(page, 'edit-locked');
    await page.close();

    // Recently deleted, and the deleted cluster's history.
    page = await context.newPage();
    await page.goto('/deleted-clusters');
    await expect(
      page.getByRole('heading', { level: 1, name: text('history.deleted.title') }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: GONE, exact: true })).toBeVisible();
    await shot(page, 'recently-deleted');
    await page.getByRole('link', { name: GONE, exact: true }).click();
    await expect(
      page.getByRole('region', { name: text('history.title') }).getByRole('listitem'),
    ).toHaveCount(3);
    await shot(page, 'deleted-history');
    await page.close();

    // A CLI file: one cluster to pick (kinds in words, the file's note told), then "register all".
    page = await context.newPage();
    await page.goto('/clusters/new');
    await expect(stepHeading(page)).toContainText(stepOf(1));
    await page.getByRole('button', { name: text('cliImport.importTitle') }).click();
    await page.getByLabel(text('cliImport.choose')).setInputFiles({
      name: FILE_NAME,
      mimeType: 'application/yaml',
      buffer: Buffer.from(threeClustersFile()),
    });
    const pick = page.getByRole('group', {
      name: text('cliImport.pick', { count: 3, source: FILE_NAME }),
    });
    const kind = [
      text('cluster.type.virtual'),
      text('cluster.usage.worker'),
      text('cluster.workerType.pipeline'),
    ].join(' · ');
    await expect(pick).toContainText(kind);
    await expect(page.getByText(/l10n-file-other/).first()).toBeVisible();
    await shot(page, 'import-pick');

    await page.getByRole('button', { name: text('batch.apply.registerAll', { count: 3 }) }).click();
    await expect(
      page.getByRole('heading', { name: text('batch.apply.title', { source: FILE_NAME }) }),
    ).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('row', { name: /l10n-file-worker/ })).toContainText(
      text('batch.apply.notSent'),
    );
    await shot(page, 'import-register-all');
    await page.close();

    // The connection check, against the Kubernetes stand-in on 127.0.0.1.
    page = await context.newPage();
    await page.goto('/clusters/new');
    await page
      .getByRole('radio', {
        name: new RegExp(`^${text('wizard.what.profiles.physical-worker.title')}`),
      })
      .check();
    await page
      .getByRole('radio', { name: new RegExp(`^${text('cluster.workerType.deployment')}`) })
      .check();
    await page.getByLabel(text('wizard.fields.clusterName')).fill('l10n-checked');
    await page.getByRole('button', { name: text('wizard.next') }).click();
    await expect(stepHeading(page)).toContainText(stepOf(2));
    await page
      .getByLabel(text('wizard.fields.kubeconfig'), { exact: true })
      .fill(viewerKubeconfig());
    await page.getByLabel(text('wizard.fields.apiServer')).fill(kube.url);
    await page.getByRole('button', { name: text('connectionCheck.button') }).click();
    const results = page.getByRole('list', { name: text('connectionCheck.resultsLabel') });
    await expect(results.getByRole('listitem')).toHaveCount(5, { timeout: 30_000 });
    await expect(results).toContainText(text('connectionCheck.status.warning'));
    // The results themselves in the page's language: the BFF sends each with a code and params,
    // and the page tells them from its locale (English: the BFF's own words).
    const address = kube.url.replace('https://', '');
    const said =
      language === 'en'
        ? {
            reachable: `${address} accepts connections.`,
            permissions:
              'The user may not create cluster roles, custom resource definitions cluster-wide',
            english: [],
          }
        : {
            reachable: `${address} 接受连接。`,
            permissions: '该用户不能在整个集群范围内创建集群角色、自定义资源定义',
            english: ['accepts connections', 'may not create', ' answers.'],
          };
    const rows = results.getByRole('listitem');
    await expect(rows.nth(0)).toContainText(said.reachable);
    await expect(rows.nth(4)).toContainText(said.permissions);
    for (const words of said.english) await expect(results).not.toContainText(words);
    // The sticky header would otherwise be drawn across the middle of the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'connection-check');
    await context.close();
  });
}
