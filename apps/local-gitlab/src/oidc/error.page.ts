import { escapeHtml, htmlPage } from './html';

/** The page a browser sees when an authorization request cannot be redirected back. */
export function renderErrorPage(error: string, description?: string): string {
  return htmlPage(
    'Sign-in error',
    `<h1>Something went wrong</h1>
<p class="error" role="alert"><strong>${escapeHtml(error)}</strong>${description ? `: ${escapeHtml(description)}` : ''}</p>
<p>Go back to the application and start the sign-in again.</p>`,
  );
}
