import { ErrorReason } from '@cluster-console/shared';
import type { Request, RequestHandler, Response } from 'express';
import { sendError } from '../middleware/errors';
import { TokenSetSchema, type TokenSet } from '../session/session-data';
import { sessionStanding, type SignedInSession } from '../session/session-standing';
import { destroySession, saveSession } from '../session/session-promises';
import type { AuthContext } from './auth-context';
import { describe, GitLabRejectedError } from './gitlab-oidc.client';

/**
 * Lets a request through only with a live session and a fresh access token, as
 * sessionStanding decides (the one decision the API fast lane takes too). A token expired
 * or expiring within the skew is refreshed first (one refresh per session, shared); GitLab
 * refusing the refresh ends the session (401), GitLab unreachable leaves it alone (502).
 */
export function requireSignedIn(context: AuthContext): RequestHandler {
  return async (req, res, next) => {
    const standing = sessionStanding(req.session, context);
    if (standing === 'signed-out') {
      sendError(
        res,
        401,
        ErrorReason.UNAUTHENTICATED,
        'You are not signed in. Sign in with GitLab to continue.',
      );
      return;
    }
    const { tokens, user } = req.session as SignedInSession;
    res.locals.username = user.username;
    if (standing === 'expired') {
      await endSession(req, res, context);
      sendError(res, 401, ErrorReason.UNAUTHENTICATED, 'Your session has expired. Sign in again.');
      return;
    }
    if (standing === 'needs-refresh') {
      try {
        const renewed = await refreshTokens(req, tokens, context);
        req.session.tokens = renewed.tokens;
        // Which request (and replica) asked GitLab, and which took the tokens another one got.
        context.logger.info(
          { event: 'token_refreshed', reqId: req.id, askedGitLab: renewed.askedGitLab },
          'access token renewed',
        );
      } catch (error) {
        if (error instanceof GitLabRejectedError) {
          context.logger.info(
            { event: 'token_refresh_rejected', reqId: req.id, code: error.code },
            'refresh refused; session ended',
          );
          await endSession(req, res, context);
          sendError(
            res,
            401,
            ErrorReason.UNAUTHENTICATED,
            'Your GitLab sign-in has expired or was revoked. Sign in again.',
          );
          return;
        }
        context.logger.warn(
          { event: 'token_refresh_failed', reqId: req.id, error: describe(error) },
          'refresh failed',
        );
        sendError(
          res,
          502,
          ErrorReason.UPSTREAM_UNAVAILABLE,
          'GitLab is not reachable, so your sign-in could not be renewed. Try again in a moment.',
        );
        return;
      }
    }
    next();
  };
}

async function refreshTokens(
  req: Request,
  tokens: TokenSet,
  context: AuthContext,
): Promise<{ tokens: TokenSet; askedGitLab: boolean }> {
  const sessionId = req.sessionID;
  let askedGitLab = false;
  const renewed = await context.refreshCoordinator.run({
    sessionId,
    refreshToken: tokens.refreshToken ?? '',
    refresh: async () => {
      askedGitLab = true;
      const fresh = await context.gitlab.refresh(tokens);
      // Stored before the lock is released: other requests and instances must find the
      // rotated refresh token, never the consumed one (GitLab revokes the grant on reuse).
      req.session.tokens = fresh;
      await saveSession(req);
      return fresh;
    },
    reload: () => loadTokens(context, sessionId),
  });
  return { tokens: renewed, askedGitLab };
}

function loadTokens(context: AuthContext, sessionId: string): Promise<TokenSet | undefined> {
  return new Promise((resolve) => {
    context.store.get(sessionId, (error, data) => {
      const parsed = error ? undefined : TokenSetSchema.safeParse(data?.tokens);
      resolve(parsed?.success ? parsed.data : undefined);
    });
  });
}

/** Destroys the session, clears the cookie and forgets any cached refresh result. */
export async function endSession(req: Request, res: Response, context: AuthContext): Promise<void> {
  const sessionId = req.sessionID;
  await destroySession(req).catch((error: unknown) =>
    context.logger.warn(
      { event: 'session_destroy_failed', reqId: req.id, error: describe(error) },
      'session destroy failed',
    ),
  );
  if (sessionId) context.refreshCoordinator.forget(sessionId);
  res.clearCookie(context.cookie.name, context.cookie.options);
}
