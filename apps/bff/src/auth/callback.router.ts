import { AUTH_CALLBACK_PATH } from '@cluster-console/shared';
import { Router, type RequestHandler } from 'express';
import { regenerateSession, saveSession } from '../session/session-promises';
import { signInErrorPath, type AuthContext } from './auth-context';
import { describe, GitLabRejectedError } from './gitlab-oidc.client';
import { PENDING_LOGIN_TTL_MS } from './login.router';

/**
 * `GET <base>/auth/callback`: finishes the flow GitLab redirected back from. On success the session
 * id is rotated (no fixation), tokens and user are stored server-side and the browser goes to
 * `returnTo` under the base path. Any failure ends on the SPA's
 * `<base>/sign-in?error=<code>&returnTo=<path>` page.
 */
export function callbackRouter(context: AuthContext): Router {
  return Router().get(AUTH_CALLBACK_PATH, callbackHandler(context));
}

function callbackHandler(context: AuthContext): RequestHandler {
  return async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    const now = Date.now();
    const pendingLogins = req.session?.pendingLogins ?? [];
    const pending = pendingLogins.find(
      (login) => login.state === state && now - login.createdAt < PENDING_LOGIN_TTL_MS,
    );
    if (!pending) {
      context.logger.info(
        { event: 'login_failed', reqId: req.id, code: 'state_mismatch' },
        'callback without matching sign-in',
      );
      res.redirect(303, signInErrorPath(context.basePath, 'state_mismatch', '/'));
      return;
    }
    // A state is good for one attempt only.
    req.session.pendingLogins = pendingLogins.filter((login) => login !== pending);

    const gitlabError = typeof req.query.error === 'string' ? req.query.error : undefined;
    if (gitlabError) {
      context.logger.info(
        { event: 'login_failed', reqId: req.id, code: gitlabError },
        'GitLab returned an error',
      );
      res.redirect(303, signInErrorPath(context.basePath, gitlabError, pending.returnTo));
      return;
    }

    let result: Awaited<ReturnType<typeof context.gitlab.exchangeCode>>;
    try {
      // The redirect_uri sent to the token endpoint is derived from this URL (query stripped);
      // originalUrl is the browser's path, base path included (see base-path.ts).
      const callbackUrl = new URL(req.originalUrl, context.baseUrl);
      result = await context.gitlab.exchangeCode(callbackUrl, pending);
    } catch (error) {
      const code = error instanceof GitLabRejectedError ? error.code : 'temporarily_unavailable';
      context.logger.warn(
        { event: 'login_failed', reqId: req.id, code, error: describe(error) },
        'code exchange failed',
      );
      res.redirect(303, signInErrorPath(context.basePath, code, pending.returnTo));
      return;
    }

    const otherPending = req.session.pendingLogins;
    await regenerateSession(req);
    req.session.tokens = result.tokens;
    req.session.user = result.user;
    req.session.authenticatedAt = Date.now();
    if (otherPending.length > 0) req.session.pendingLogins = otherPending;
    await saveSession(req);
    res.locals.username = result.user.username;
    context.logger.info({ event: 'login', reqId: req.id, user: result.user.username }, 'signed in');
    res.redirect(303, `${context.basePath}${pending.returnTo}`);
  };
}
