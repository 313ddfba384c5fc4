import { AUTH_SESSION_PATH, CLUSTERS_API_PATH } from '@cluster-console/shared';

/** The cluster list's own path (with or without a trailing slash, as the router matches it). */
export function isClusterListPage(pathname: string): boolean {
  return pathname === '/clusters' || pathname === '/clusters/';
}

/** Every page but sign-in needs the session (sign-in neither needs nor waits for one). */
export function needsSession(pathname: string): boolean {
  return !pathname.startsWith('/sign-in');
}

/**
 * The GETs the page at `pathname` needs before it can show anything: the session and, on the
 * list, the list itself.
 */
export function firstPageRequests(pathname: string): string[] {
  if (!needsSession(pathname)) return [];
  return isClusterListPage(pathname) ? [AUTH_SESSION_PATH, CLUSTERS_API_PATH] : [AUTH_SESSION_PATH];
}
