import type { CookieOptions } from 'express';

export interface SessionCookie {
  name: string;
  secure: boolean;
  /** Options for setting and clearing; clearing must use the same name, path and flags. */
  options: CookieOptions;
}

/**
 * The session cookie: an opaque signed id, HttpOnly, SameSite=Lax (the OAuth callback is a
 * top-level GET from GitLab and must carry it). On https it is Secure with the `__Host-`
 * prefix: no Domain, Path=/, so no sibling host can set or shadow it.
 */
export function sessionCookie(publicUrl: string): SessionCookie {
  const secure = new URL(publicUrl).protocol === 'https:';
  return {
    name: secure ? '__Host-cluster_console_session' : 'cluster_console_session',
    secure,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}
