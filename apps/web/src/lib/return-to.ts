/**
 * Where to come back after signing in. Only a local path is accepted, so a crafted link
 * cannot send the user to another site.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/clusters';
  if (value.startsWith('/sign-in') || value.startsWith('/auth/')) return '/clusters';
  return value;
}

export function currentLocalPath(): string {
  return safeReturnTo(`${window.location.pathname}${window.location.search}`);
}

export function loginUrl(returnTo: string): string {
  return `/auth/login?${new URLSearchParams({ returnTo: safeReturnTo(returnTo) }).toString()}`;
}

export function signInPath(returnTo: string, extra: Record<string, string> = {}): string {
  return `/sign-in?${new URLSearchParams({ ...extra, returnTo: safeReturnTo(returnTo) }).toString()}`;
}
