import { parse } from 'cookie';
import { unsign } from 'cookie-signature';

/**
 * The session id a request's cookie carries, when its signature holds under one of `secrets`:
 * what express-session itself reads (the first cookie of that name, `s:` + signed id), for
 * code that needs the session without running express-session.
 */
export function signedSessionId(
  cookieHeader: string | undefined,
  cookieName: string,
  secrets: readonly string[],
): string | undefined {
  if (!cookieHeader) return undefined;
  const raw = parse(cookieHeader)[cookieName];
  if (!raw?.startsWith('s:')) return undefined;
  for (const secret of secrets) {
    const id = unsign(raw.slice(2), secret);
    if (id !== false) return id;
  }
  return undefined;
}
