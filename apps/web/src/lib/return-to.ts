import { AUTH_LOGIN_PATH } from '@cluster-console/shared';
import { currentConsolePath, withBase } from './base-path';

/**
 * Where to come back after signing in: a path inside the console, without its base path (the
 * BFF adds it). Only a local path is accepted, so a crafted link cannot send the user to
 * another site.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/clusters';
  if (value.startsWith('/sign-in') || value.startsWith('/auth/')) return '/clusters';
  return value;
}

/** The current page as a return path: inside the console, without its base path. */
export function currentLocalPath(): string {
  return safeReturnTo(`${currentConsolePath()}${window.location.search}`);
}

/** The BFF's sign-in, as the browser asks for it (under the base path). */
export function loginUrl(returnTo: string): string {
  return withBase(
    `${AUTH_LOGIN_PATH}?${new URLSearchParams({ returnTo: safeReturnTo(returnTo) }).toString()}`,
  );
}

/** The SPA's sign-in page, for `location.assign` (under the base path). */
export function signInPath(returnTo: string, extra: Record<string, string> = {}): string {
  return withBase(
    `/sign-in?${new URLSearchParams({ ...extra, returnTo: safeReturnTo(returnTo) }).toString()}`,
  );
}
