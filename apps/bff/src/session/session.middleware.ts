import session from 'express-session';
import type { RequestHandler } from 'express';
import { unambiguousCookieHeader, type SessionCookie } from './session-cookie';

export interface SessionMiddlewareOptions {
  store: session.Store;
  secrets: string[];
  cookie: SessionCookie;
  idleTimeoutSeconds: number;
}

/**
 * express-session with a rolling idle timeout: every response pushes the expiry of cookie
 * and stored session forward. No session is created until sign-in starts. A session cookie
 * that comes twice is not read at all (see unambiguousCookieHeader).
 */
export function sessionMiddleware(options: SessionMiddlewareOptions): RequestHandler {
  const { cookie } = options;
  const expressSession = session({
    name: cookie.name,
    secret: options.secrets,
    store: options.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    // On https the TLS ends at a proxy in front of us; trust its X-Forwarded-Proto for the cookie.
    proxy: cookie.secure ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: cookie.secure,
      path: cookie.options.path,
      maxAge: options.idleTimeoutSeconds * 1000,
    },
  });
  return (req, res, next) => {
    const header = unambiguousCookieHeader(req.headers.cookie, cookie.name);
    if (header !== req.headers.cookie) req.headers.cookie = header;
    expressSession(req, res, next);
  };
}
