import { expect, type Page } from '@playwright/test';

export type Profile =
  'Physical host cluster' | 'Physical worker cluster' | 'Virtual worker cluster';

/** The registration wizard (/clusters/new): one form, four steps. */
export class WizardPage {
  constructor(private readonly page: Page) {}

  readonly stepHeading = () => this.page.getByRole('heading', { level: 2, name: /Step \d of 4/ });
  readonly name = () => this.page.getByLabel('Cluster name');
  readonly kubeconfig = () => this.page.getByLabel('Kubeconfig', { exact: true });
  readonly apiServer = () => this.page.getByLabel('API server URL');
  readonly hostCluster = () => this.page.getByLabel('Host cluster');
  readonly vclusterPort = () => this.page.getByLabel('vcluster HTTPS node port');
  readonly primaryDomain = () => this.page.getByLabel(/Primary domain/);
  readonly argocdHost = () => this.page.getByLabel(/ArgoCD host/);
  readonly tektonHost = () => this.page.getByLabel(/Tekton host/);
  readonly httpPort = () => this.page.getByLabel('HTTP node port');
  readonly httpsPort = () => this.page.getByLabel('HTTPS node port');
  readonly saveButton = () => this.page.getByRole('button', { name: /^(Save|Update) cluster$/ });
  readonly alert = () => this.page.getByRole('alert');

  profile(profile: Profile) {
    return this.page.getByRole('radio', { name: new RegExp(`^${profile}`) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/clusters/new');
    await this.expectStep(1);
  }

  async expectStep(number: number): Promise<void> {
    await expect(this.stepHeading()).toContainText(`Step ${number} of 4`);
  }

  async what(
    profile: Profile,
    name: string,
    workerType?: 'Pipeline' | 'Deployment',
  ): Promise<void> {
    await this.profile(profile).check();
    if (workerType)
      await this.page.getByRole('radio', { name: new RegExp(`^${workerType}`) }).check();
    await this.name().fill(name);
  }

  async next(expectedStep: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click();
    await this.expectStep(expectedStep);
  }

  async uploadKubeconfig(file: string): Promise<void> {
    await this.page.getByLabel('Choose a file…').setInputFiles(file);
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  async expectSaved(name: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: new RegExp(`Cluster ${name} (registered|updated)`) }),
    ).toBeVisible();
  }
}
