import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster list (/clusters). */
export class ClustersPage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByRole('table');
  readonly search = () => this.page.getByLabel('Search by name');
  readonly notice = () => this.page.locator('.notice-region');

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/clusters${query}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** The table row whose name cell links to this cluster. */
  row(name: string): Locator {
    return this.table()
      .getByRole('row')
      .filter({
        has: this.page.getByRole('cell').first().getByRole('link', { name, exact: true }),
      });
  }

  deleteButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Delete ${name}`, exact: true });
  }

  async cells(name: string): Promise<string[]> {
    return (await this.row(name).getByRole('cell').allInnerTexts()).map((text) => text.trim());
  }

  /** The row's cells but the live Status (which follows the management cluster, not the file). */
  async fieldCells(name: string): Promise<string[]> {
    const cells = await this.cells(name);
    return [cells[0] ?? '', ...cells.slice(2)];
  }

  /** The row's live Status cell: its badge and reason line. */
  statusCell(name: string): Locator {
    return this.row(name).getByRole('cell').nth(1);
  }

  /** The list's live indicator ("Live status: Live"). */
  liveIndicator(): Locator {
    return this.page.getByRole('status', { name: /^Live status: / });
  }

  async columnHeaders(): Promise<string[]> {
    return (await this.table().getByRole('columnheader').allInnerTexts()).map((text) =>
      text.replace(/[▲▼↕]/g, '').trim(),
    );
  }

  async deleteByTypingName(name: string): Promise<void> {
    await this.deleteButton(name).click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete cluster ${name}?` });
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByRole('button', { name: 'Delete cluster' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.notice()).toContainText(`Cluster ${name} deleted.`);
  }
}
