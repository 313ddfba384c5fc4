import { expect, type Page } from '@playwright/test';

export class AppHeader {
  constructor(private readonly page: Page) {}

  readonly root = () => this.page.getByRole('banner');
  readonly signOutButton = () => this.root().getByRole('button', { name: /Sign out|退出登录/ });
  readonly languageSelect = () => this.root().getByRole('combobox', { name: /Language|语言/ });
  readonly themeSelect = () => this.root().getByRole('combobox', { name: /Colour theme|配色主题/ });

  async expectUser(name: string): Promise<void> {
    await expect(this.root().getByText(name, { exact: true })).toBeVisible();
  }

  async switchTheme(label: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.themeSelect().selectOption({ label });
  }

  async switchLanguage(label: 'English' | '中文'): Promise<void> {
    await this.languageSelect().selectOption({ label });
  }
}
