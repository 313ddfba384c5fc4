import { expect, type Page } from '@playwright/test';

/** The console's own sign-in page (/sign-in) and the local GitLab's form it leads to. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  readonly signInButton = () => this.page.getByRole('link', { name: 'Sign in with GitLab' });

  async expectShown(returnTo: string): Promise<void> {
    await expect(this.page).toHaveURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('returnTo') === returnTo,
    );
    await expect(this.signInButton()).toBeVisible();
  }

  /** Through GitLab's sign-in form and back to the console. */
  async signIn(username: string, password: string): Promise<void> {
    await this.signInButton().click();
    await this.signInAtGitLab(username, password);
  }

  async signInAtGitLab(username: string, password: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await this.page.getByLabel('Username or primary email').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
