import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { currentConsolePath } from './base-path';
import { signInPath, loginUrl, currentLocalPath } from './return-to';
import { sessionGuardOf } from './session-guard';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation fails with the API client's one typed error.
    defaultError: ApiError;
    queryMeta: { sessionCheck?: boolean };
  }
}

export interface UnauthorizedHandler {
  /** No session at all (first visit): show the sign-in page. */
  toSignInPage(url: string): void;
  /** A session that ended while in use: straight back through GitLab to the same page. */
  toLogin(url: string): void;
}

const browserNavigation: UnauthorizedHandler = {
  toSignInPage: (url) => window.location.assign(url),
  toLogin: (url) => window.location.assign(url),
};

/**
 * The one place that reacts to 401: queries and mutations alike. Everything else about an
 * error is the screen's business (it shows the server's message).
 */
export function createQueryClient(
  onUnauthorized: UnauthorizedHandler = browserNavigation,
): QueryClient {
  let redirecting = false;
  const handle = (error: Error, sessionCheck: boolean) => {
    if (!(error instanceof ApiError) || error.status !== 401 || redirecting) return;
    // Already where a 401 would send the user: nothing to do (and no redirect loop).
    if (currentConsolePath().startsWith('/sign-in')) return;
    const guard = sessionGuardOf(client);
    // Signing out: the sign-out itself goes to the signed-out page.
    if (guard.signingOut) return;
    // A page holds unsaved work: it stays, says the session ended and offers a sign-in in
    // another window (a redirect would throw the work away).
    if (guard.keeping) {
      guard.markEnded();
      return;
    }
    redirecting = true;
    const returnTo = currentLocalPath();
    if (sessionCheck) onUnauthorized.toSignInPage(signInPath(returnTo));
    else onUnauthorized.toLogin(loginUrl(returnTo));
  };
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handle(error, query.meta?.sessionCheck === true),
    }),
    mutationCache: new MutationCache({ onError: (error) => handle(error, false) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A 4xx will not change by asking again; a network blip or a 5xx might.
        retry: (failureCount, error) =>
          failureCount < 2 && (error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
