/**
 * What a failed clone, fetch or push of the tenant repository means for the API: one
 * `RepoError` kind per cause, logged once here (git's output is redacted by GitCommandError).
 */
import type { Logger } from 'pino';
import { classifyRemoteFailure } from './git-errors';
import { GitCommandError } from './git-runner';
import { RepoError } from './repo-error';

export type RemoteOperation = 'clone' | 'fetch' | 'push';

/** What of an error may be logged: its message (git's output is redacted by GitCommandError). */
export function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** A git process's failure talking to the remote. */
export function remoteError(logger: Logger, error: unknown, operation: RemoteOperation): RepoError {
  if (!(error instanceof GitCommandError)) {
    return new RepoError('internal', `git ${operation} failed`, { cause: error });
  }
  const kind = classifyRemoteFailure(error);
  if (kind === 'unavailable' || operation === 'push')
    return pushError(logger, kind, error, operation);
  // A refused clone or fetch is the service's own (read) token: a configuration problem.
  logger.error({ err: describeError(error) }, `git ${operation} of the tenant repository failed`);
  return new RepoError('internal', `git ${operation} failed`, { cause: error });
}

/** A failure of kind `kind` (unavailable, forbidden, unauthenticated, or anything else). */
export function pushError(
  logger: Logger,
  kind: string,
  error: unknown,
  operation: RemoteOperation = 'push',
): RepoError {
  switch (kind) {
    case 'unavailable':
      logger.warn(
        { err: describeError(error) },
        `tenant repository unreachable during ${operation}`,
      );
      return new RepoError(
        'unavailable',
        'The tenant repository (GitLab) cannot be reached. Try again later.',
        { cause: error },
      );
    case 'forbidden':
      return new RepoError(
        'forbidden',
        'GitLab refused the push to the tenant repository: you may not push to its main branch.',
        { cause: error },
      );
    case 'unauthenticated':
      return new RepoError(
        'unauthenticated',
        'GitLab did not accept your access token for the push. Sign in again.',
        { cause: error },
      );
    default:
      logger.error(
        { err: describeError(error) },
        `git ${operation} of the tenant repository failed`,
      );
      return new RepoError('internal', `git ${operation} failed`, { cause: error });
  }
}
