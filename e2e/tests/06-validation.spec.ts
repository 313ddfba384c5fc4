import { expect, test } from '@playwright/test';
import { WizardPage } from '../pages/wizard-page';
import { checkPage } from '../support/page-check';
import { stackInfo } from '../support/stack-info';
import { authFile } from '../support/users';

test.use({ baseURL: stackInfo().bffUrl, storageState: authFile('maintainer') });

const tokenKubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: edge
  cluster:
    server: https://203.0.113.20:6443
    insecure-skip-tls-verify: true
contexts:
- name: edge
  context: {cluster: edge, user: edge-admin}
current-context: edge
users:
- name: edge-admin
  user:
    token: not-a-real-token
`;

test('journey 7: a bad name and a bad port are flagged inline, and the wizard keeps what was typed', async ({
  page,
}, testInfo) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.what('Physical worker cluster', 'Edge_Cluster', 'Pipeline');
  await expect(page.getByText(/Use only lowercase letters, digits and "-"/)).toBeVisible();
  await expect(wizard.name()).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Next' }).click();
  await wizard.expectStep(1);
  await checkPage(page, testInfo, '07-wizard-bad-name');
  await wizard.name().fill('edge-cluster');
  await expect(wizard.name()).not.toHaveAttribute('aria-invalid', 'true');
  await wizard.next(2);

  await wizard.kubeconfig().fill(tokenKubeconfig);
  await expect(page.getByText(/TLS verification is skipped/)).toBeVisible();
  await expect(wizard.apiServer()).toHaveValue('https://203.0.113.20:6443');
  await wizard.next(3);

  await wizard.httpsPort().fill('99999');
  await page.getByRole('button', { name: 'Next' }).click();
  await wizard.expectStep(3);
  await expect(wizard.httpsPort()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#traefik-https_node_port-error')).toContainText(/65535/);
  await wizard.httpPort().fill('8080');
  await expect(page.getByText(/Outside Kubernetes' default NodePort range/).first()).toBeVisible();
  await checkPage(page, testInfo, '07-wizard-bad-port', { axe: false });

  // Going back and forth loses nothing.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await wizard.expectStep(2);
  await expect(wizard.kubeconfig()).toHaveValue(tokenKubeconfig);
  await page.getByRole('button', { name: /What/ }).click();
  await wizard.expectStep(1);
  await expect(wizard.name()).toHaveValue('edge-cluster');
  await wizard.next(2);
  await wizard.next(3);
  await expect(wizard.httpsPort()).toHaveValue('99999');
  await expect(wizard.tektonHost()).toHaveValue('tekton.edge-cluster.203.0.113.20.nip.io');

  // Leaving with unsaved input asks first.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Clusters' })
    .click();
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await checkPage(page, testInfo, '07-wizard-leave');
  await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(wizard.httpsPort()).toHaveValue('99999');
});
