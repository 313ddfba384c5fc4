import type session from 'express-session';
import type { Logger } from 'pino';
import type { SessionCookie } from '../session/session-cookie';
import type { GitLabOidc } from './gitlab-oidc.client';
import type { RefreshCoordinator } from './refresh-coordinator';

/** What the auth routes and the signed-in check need. */
export interface AuthContext {
  publicUrl: string;
  gitlab: GitLabOidc;
  refreshCoordinator: RefreshCoordinator;
  store: session.Store;
  cookie: SessionCookie;
  refreshSkewSeconds: number;
  absoluteTimeoutSeconds: number;
  logger: Logger;
}

/** The SPA's sign-in page explains `error` and offers to try again, returning to `returnTo`. */
export function signInErrorPath(error: string, returnTo: string): string {
  const code = /^[a-z_]{1,64}$/.test(error) ? error : 'server_error';
  return `/sign-in?${new URLSearchParams({ error: code, returnTo }).toString()}`;
}
