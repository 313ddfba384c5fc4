import { AUTH_LOGOUT_PATH } from '@cluster-console/shared';
import { Router, type RequestHandler } from 'express';
import type { AuthContext } from './auth-context';
import { endSession } from './signed-in.middleware';

/**
 * `POST /auth/logout` (CSRF-checked like every POST): revokes the tokens at GitLab, destroys
 * the session, clears the cookie. 204 whether or not anyone was signed in.
 */
export function logoutRouter(context: AuthContext): Router {
  return Router().post(AUTH_LOGOUT_PATH, logoutHandler(context));
}

function logoutHandler(context: AuthContext): RequestHandler {
  return async (req, res) => {
    const tokens = req.session?.tokens;
    const username = req.session?.user?.username;
    if (username) res.locals.username = username;
    if (req.session) await endSession(req, res, context);
    else res.clearCookie(context.cookie.name, context.cookie.options);
    if (tokens) await context.gitlab.revoke(tokens);
    if (username)
      context.logger.info({ event: 'logout', reqId: req.id, user: username }, 'signed out');
    res.status(204).end();
  };
}
