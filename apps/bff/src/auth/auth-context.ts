import type session from 'express-session';
import type { Logger } from 'pino';
import type { SessionCookie } from '../session/session-cookie';
import type { GitLabOidc } from './gitlab-oidc.client';
import type { RefreshCoordinator } from './refresh-coordinator';

/** What the auth routes and the signed-in check need. */
export interface AuthContext {
  /** The console's public URL without a trailing slash: origin plus base path. */
  baseUrl: string;
  /** The path the console is served under (`` at the root); every redirect starts with it. */
  basePath: string;
  gitlab: GitLabOidc;
  refreshCoordinator: RefreshCoordinator;
  store: session.Store;
  cookie: SessionCookie;
  refreshSkewSeconds: number;
  absoluteTimeoutSeconds: number;
  logger: Logger;
}

/**
 * The SPA's sign-in page explains `error` and offers to try again, returning to `returnTo` (a
 * path inside the console, as the SPA's router knows it: without the base path).
 */
export function signInErrorPath(basePath: string, error: string, returnTo: string): string {
  const code = /^[a-z_]{1,64}$/.test(error) ? error : 'server_error';
  return `${basePath}/sign-in?${new URLSearchParams({ error: code, returnTo }).toString()}`;
}
