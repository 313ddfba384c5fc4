import { escapeHtml, htmlPage } from './html';

export interface SignInPageOptions {
  action: string;
  username?: string;
  error?: string;
  clientName?: string;
}

/** GitLab-like sign-in form: labelled fields, the error announced and tied to the fields. */
export function renderSignInPage({
  action,
  username = '',
  error,
  clientName,
}: SignInPageOptions): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const errorBlock = error
    ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(error)}</p>\n`
    : '';
  const intro = clientName
    ? `<p class="hint">${escapeHtml(clientName)} asks you to sign in with your Local GitLab account.</p>\n`
    : '';
  return htmlPage(
    'Sign in',
    `<h1>Sign in</h1>
${intro}${errorBlock}<form method="post" action="${escapeHtml(action)}" novalidate>
<div class="field">
<label for="username">Username or primary email</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${error ? '' : ' autofocus'}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${error ? ' autofocus' : ''}>
</div>
<button type="submit">Sign in</button>
</form>`,
  );
}
