import { AUTH_CALLBACK_PATH, AUTH_LOGIN_PATH } from '@cluster-console/shared';
import { Router, type RequestHandler } from 'express';
import * as oidc from 'openid-client';
import { saveSession } from '../session/session-promises';
import { signInErrorPath, type AuthContext } from './auth-context';
import { describe } from './gitlab-oidc.client';
import { safeReturnTo } from './return-to';

/** An unfinished sign-in is forgotten after this long (and so is a session holding only that). */
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
/** Sign-ins started in other tabs that are kept alongside the newest one. */
const MAX_PENDING_LOGINS = 3;

/**
 * `GET <base>/auth/login?returnTo=/path` (a path inside the console): starts the authorization-code flow with PKCE (S256),
 * `state` and `nonce`, all kept server-side in the (pre-login) session, and redirects to GitLab.
 */
export function loginRouter(context: AuthContext, rateLimit: RequestHandler): Router {
  return Router().get(AUTH_LOGIN_PATH, rateLimit, loginHandler(context));
}

function loginHandler(context: AuthContext): RequestHandler {
  return async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    let authorizationUrl: URL;
    try {
      authorizationUrl = await context.gitlab.authorizationUrl({
        redirectUri: `${context.baseUrl}${AUTH_CALLBACK_PATH}`,
        state,
        nonce,
        codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      });
    } catch (error) {
      context.logger.warn(
        { event: 'login_unavailable', reqId: req.id, error: describe(error) },
        'cannot start sign-in',
      );
      res.redirect(303, signInErrorPath(context.basePath, 'temporarily_unavailable', returnTo));
      return;
    }
    const now = Date.now();
    const pending = (req.session.pendingLogins ?? []).filter(
      (login) => now - login.createdAt < PENDING_LOGIN_TTL_MS,
    );
    req.session.pendingLogins = [
      ...pending.slice(-MAX_PENDING_LOGINS),
      { state, nonce, codeVerifier, returnTo, createdAt: now },
    ];
    if (!req.session.user) {
      // A session that holds only an unfinished sign-in should not outlive it.
      req.session.cookie.maxAge = PENDING_LOGIN_TTL_MS;
      req.session.cookie.originalMaxAge = PENDING_LOGIN_TTL_MS;
    }
    await saveSession(req);
    res.redirect(303, authorizationUrl.href);
  };
}
