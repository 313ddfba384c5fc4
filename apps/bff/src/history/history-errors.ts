import { ErrorReason } from '@cluster-console/shared';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../middleware/errors';
import { GitLabApiError, GitLabUnreachableError } from './gitlab-repository.client';
import {
  HistoryClientGoneError,
  HistoryDeadlineError,
  HistoryTooLargeError,
} from './history-limits';

/** Why a history page failed, in the error shape and in words a user can act on. */
export function answerHistoryFailure(
  req: Request,
  res: Response,
  error: unknown,
  context: { project: string; logger: Logger },
): void {
  const { project, logger } = context;
  if (error instanceof HistoryClientGoneError) {
    logger.info(
      { event: 'history_cancelled', reqId: req.id },
      'browser left; GitLab reads stopped',
    );
    return;
  }
  if (error instanceof HistoryDeadlineError) {
    logger.warn(
      { event: 'history_deadline', reqId: req.id, deadlineMs: error.deadlineMs },
      'history page too slow',
    );
    sendError(
      res,
      504,
      ErrorReason.UPSTREAM_UNAVAILABLE,
      `GitLab did not give the history within ${Math.round(error.deadlineMs / 1000)} seconds. Try again, or ask for fewer entries per page (per_page).`,
    );
    return;
  }
  if (error instanceof HistoryTooLargeError) {
    logger.warn(
      {
        event: 'history_too_large',
        reqId: req.id,
        scope: error.scope,
        limitBytes: error.limitBytes,
      },
      'history page too large',
    );
    sendError(
      res,
      502,
      ErrorReason.UPSTREAM_UNAVAILABLE,
      error.scope === 'page'
        ? `This page of history would read more than ${error.limitBytes} bytes from GitLab. Ask for fewer entries per page (per_page).`
        : `A file or diff of ${project} is larger than the ${error.limitBytes} bytes the console reads from GitLab at once, so its history cannot be shown here. Read it in GitLab.`,
      { limit_bytes: String(error.limitBytes) },
    );
    return;
  }
  if (error instanceof GitLabApiError) {
    if (error.status === 401) {
      sendError(
        res,
        401,
        ErrorReason.UNAUTHENTICATED,
        'GitLab did not accept your sign-in. Sign in again.',
      );
      return;
    }
    if (error.status === 403) {
      sendError(
        res,
        403,
        ErrorReason.NO_AUTHORIZATION,
        `GitLab does not let you read the code of ${project} (${error.gitlabMessage}). Ask for Reporter access or higher.`,
      );
      return;
    }
    if (error.status === 404) {
      sendError(
        res,
        404,
        ErrorReason.RESOURCE_NOT_FOUND,
        `GitLab has no project ${project} that you can see (${error.gitlabMessage}). Ask a maintainer for access, or check TENANT_PROJECT.`,
        { project },
      );
      return;
    }
  }
  logger.warn(
    {
      event: 'history_gitlab_failed',
      reqId: req.id,
      error:
        error instanceof GitLabApiError || error instanceof GitLabUnreachableError
          ? error.message
          : String(error),
    },
    'history read from GitLab failed',
  );
  sendError(
    res,
    502,
    ErrorReason.UPSTREAM_UNAVAILABLE,
    'GitLab could not be read for the history. Try again in a moment.',
  );
}
