import { publicLocation } from '../base-path';
import type { CookieOptions } from 'express';

export interface SessionCookie {
  name: string;
  secure: boolean;
  /** Options for setting and clearing; clearing must use the same name, path and flags. */
  options: CookieOptions;
}

/**
 * The session cookie: an opaque signed id, HttpOnly, SameSite=Lax (the OAuth callback is a
 * top-level GET from GitLab and must carry it), Path the console's base path, so other
 * applications on the same host never receive it. On https it is Secure with the `__Host-`
 * prefix (no Domain, Path=/: no sibling host can set or shadow it); under a base path
 * `__Host-` is not allowed (it requires Path=/), so it is `__Secure-`, still host-only.
 */
export function sessionCookie(publicUrl: string): SessionCookie {
  const { basePath } = publicLocation(publicUrl);
  const secure = new URL(publicUrl).protocol === 'https:';
  const securePrefix = basePath === '' ? '__Host-' : '__Secure-';
  return {
    name: `${secure ? securePrefix : ''}cluster_console_session`,
    secure,
    options: { httpOnly: true, sameSite: 'lax', secure, path: basePath || '/' },
  };
}
