import type session from 'express-session';
import type { SessionData } from 'express-session';
import type { CookieJar } from './cookie-jar';

/** The session id inside the signed cookie value `s:<id>.<signature>`. */
export function sessionIdFromCookie(value: string): string {
  const decoded = decodeURIComponent(value);
  if (!decoded.startsWith('s:')) throw new Error(`not a signed session cookie: ${value}`);
  return decoded.slice(2, decoded.lastIndexOf('.'));
}

/** White-box: reads what the BFF stored for the jar's session (tests look for leaked tokens). */
export function readSession(
  store: session.Store,
  jar: CookieJar,
  cookieName = 'cluster_console_session',
): Promise<SessionData | undefined> {
  const cookie = jar.get(cookieName);
  if (!cookie) return Promise.resolve(undefined);
  const id = sessionIdFromCookie(cookie.value);
  return new Promise((resolve, reject) => {
    store.get(id, (error: unknown, data?: SessionData | null) => {
      if (error) reject(error instanceof Error ? error : new Error('session store error'));
      else resolve(data ?? undefined);
    });
  });
}
