import { parse } from 'cookie';
import type { CookieOptions } from 'express';
import { publicLocation } from '../base-path';

export interface SessionCookie {
  name: string;
  secure: boolean;
  /** Options for setting and clearing; clearing must use the same name, path and flags. */
  options: CookieOptions;
}

const BASE_NAME = 'cluster_console_session';

/**
 * The session cookie: an opaque signed id, HttpOnly, SameSite=Lax (the OAuth callback is a
 * top-level GET from GitLab and must carry it).
 *
 * On https it is Secure, host-only and `__Host-` prefixed, at the root as under a base path:
 * browsers refuse a `__Host-` cookie that names a Domain or another Path than `/`, so no sibling
 * subdomain (`evil.example.com` next to `example.com`) can set, shadow or replace it. A
 * `__Secure-` cookie with `Path=/console` could be shadowed: a sibling sets one of the same name
 * with `Domain=.example.com; Path=/console/` (a longer path is sent first), and the console would
 * read the attacker's value — its own session planted on the victim, or the victim signed out.
 * `__Host-` needs `Path=/`, so under a base path the name carries the path instead
 * (`__Host-cluster_console_session.console` for `/console`, `/` as `.`): two consoles under two
 * paths of one host keep apart. Path was never a boundary within one origin (a page at `/other`
 * may fetch `/console/api` with the cookie anyway); the cookie reaches the host's other paths.
 *
 * On plain http (local development only: production-check.ts refuses it elsewhere) no prefix
 * is possible; the cookie keeps the base path as its Path.
 */
export function sessionCookie(publicUrl: string): SessionCookie {
  const { basePath } = publicLocation(publicUrl);
  const secure = new URL(publicUrl).protocol === 'https:';
  if (!secure) {
    return {
      name: BASE_NAME,
      secure,
      options: { httpOnly: true, sameSite: 'lax', secure, path: basePath || '/' },
    };
  }
  return {
    name: `__Host-${BASE_NAME}${basePath.replaceAll('/', '.')}`,
    secure,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}

/**
 * A Cookie header without the session cookie when its name comes more than once. A browser
 * never holds two `__Host-` cookies of one name for one host, so two mean a planted one (a
 * browser bug such as nameless cookies, or plain http); which is the user's cannot be told, so
 * neither is used: the request is signed out, and no session is touched (the user's own cookie
 * works again once the planted one is gone). Every reader of the session cookie goes through
 * this: express-session (session.middleware.ts) and the API fast lane (session-id.ts).
 */
export function unambiguousCookieHeader(
  cookieHeader: string | undefined,
  name: string,
): string | undefined {
  // The common case, cheaply: the name appears once or not at all (the API fast lane's path).
  if (!cookieHeader || cookieHeader.indexOf(name) === cookieHeader.lastIndexOf(name)) {
    return cookieHeader;
  }
  const pairs = cookieHeader.split(';');
  const named = (pair: string) => pair.slice(0, pair.indexOf('=')).trim() === name;
  if (pairs.filter(named).length < 2) return cookieHeader;
  return pairs.filter((pair) => !named(pair)).join(';');
}

/** The session cookie's raw value, or undefined when there is none or it is ambiguous. */
export function sessionCookieValue(
  cookieHeader: string | undefined,
  name: string,
): string | undefined {
  const header = unambiguousCookieHeader(cookieHeader, name);
  return header ? parse(header)[name] : undefined;
}
