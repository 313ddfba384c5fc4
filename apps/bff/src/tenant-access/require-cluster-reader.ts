import { clusterReadRefusal, ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../middleware/errors';
import { TenantAccessUnavailableError, type TenantAccess } from './tenant-access';

/**
 * Lets a request through only when the signed-in user may read clusters: the clusters API's
 * rule (`clusterReadRefusal`, Reporter or more on the tenant project), with the same words.
 * Every console route that shows cluster data the list would refuse (history, recently
 * deleted, live status) goes through this. Mount after `requireSignedIn` (it reads the
 * session's token and `res.locals.username`); sets `res.locals.tenantAccessLevel`.
 */
export function requireClusterReader(access: TenantAccess, logger: Logger): RequestHandler {
  const { project } = access;
  return async (req, res, next) => {
    const token = req.session.tokens?.accessToken;
    const username = String(res.locals.username ?? '');
    if (!token) {
      sendError(res, 401, ErrorReason.UNAUTHENTICATED, 'You are not signed in. Sign in again.');
      return;
    }
    let answer;
    try {
      answer = await access.lookup(token);
    } catch (error) {
      if (!(error instanceof TenantAccessUnavailableError)) throw error;
      logger.warn(
        { event: 'tenant_access_failed', reqId: req.id, error: error.message },
        'the tenant project could not be read from GitLab',
      );
      sendError(
        res,
        502,
        ErrorReason.UPSTREAM_UNAVAILABLE,
        'GitLab could not be asked whether you may read clusters. Try again in a moment.',
      );
      return;
    }
    switch (answer.kind) {
      case 'token_refused':
        sendError(
          res,
          401,
          ErrorReason.UNAUTHENTICATED,
          'GitLab did not accept your sign-in. Sign in again.',
        );
        return;
      case 'scope_refused':
        sendError(
          res,
          403,
          ErrorReason.NO_AUTHORIZATION,
          'GitLab refused to show the tenant project to this token: it needs the api (or read_api) scope.',
        );
        return;
      case 'project_not_visible':
        sendError(
          res,
          404,
          ErrorReason.RESOURCE_NOT_FOUND,
          `GitLab has no project ${project} that you can see (${answer.gitlabMessage}). Ask a maintainer for access, or check TENANT_PROJECT.`,
          { project },
        );
        return;
      case 'level': {
        const refusal = clusterReadRefusal({ username, accessLevel: answer.level }, project);
        if (refusal) {
          sendError(res, 403, ErrorReason.NO_AUTHORIZATION, refusal);
          return;
        }
        res.locals.tenantAccessLevel = answer.level;
        next();
      }
    }
  };
}
