import {
  CONSOLE_DELETED_CLUSTERS_PATH,
  ErrorReason,
  validateClusterName,
} from '@cluster-console/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../middleware/errors';
import {
  clusterHistory,
  deletedClusters,
  type HistorySettings,
  type PageQuery,
} from './cluster-history';
import {
  GitLabApiError,
  GitLabRepositoryClient,
  GitLabUnreachableError,
} from './gitlab-repository.client';

export const HISTORY_ROUTE = '/api/console/clusters/:name/history';
export const DELETED_CLUSTERS_ROUTE = CONSOLE_DELETED_CLUSTERS_PATH;

export interface HistoryRouterDeps {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  /** Reporter or more on the tenant project: the clusters list's rule (tenant-access/). */
  requireClusterReader: RequestHandler;
  gitlabUrl: string;
  timeoutSeconds: number;
  logger: Logger;
  /** The tenant repository's project and branch (`TENANT_PROJECT`, `TENANT_BRANCH`). */
  settings: HistorySettings;
}

function positiveInt(value: unknown, fallback: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= max ? number : undefined;
}

/** `page` (from 1) and `per_page` (1-100, 20 by default), or the 400 already sent. */
function pageQuery(req: Request, res: Response): PageQuery | undefined {
  const page = positiveInt(req.query.page, 1, 100_000);
  const perPage = positiveInt(req.query.per_page, 20, 100);
  if (page === undefined || perPage === undefined) {
    const metadata: Record<string, string> = {};
    if (page === undefined) metadata.page = 'A whole number from 1.';
    if (perPage === undefined) metadata.per_page = 'A whole number from 1 to 100.';
    sendError(
      res,
      400,
      ErrorReason.VALIDATION_FAILED,
      'The page of history asked for is not valid.',
      metadata,
    );
    return undefined;
  }
  return { page, perPage };
}

/**
 * The console's history routes, answered by the BFF from GitLab's REST API with the session's
 * access token (GitLab decides what the user may read):
 * `GET /api/console/clusters/:name/history` and `GET /api/console/clusters-deleted`.
 */
export function historyRouter(deps: HistoryRouterDeps): Router {
  const { settings } = deps;
  const router = Router();
  const clientFor = (req: Request) =>
    new GitLabRepositoryClient(
      {
        gitlabUrl: deps.gitlabUrl,
        project: settings.project,
        timeoutMs: deps.timeoutSeconds * 1000,
      },
      req.session.tokens?.accessToken ?? '',
    );

  const answerFailure = (req: Request, res: Response, error: unknown) => {
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
          `GitLab does not let you read the code of ${settings.project} (${error.gitlabMessage}). Ask for Reporter access or higher.`,
        );
        return;
      }
      if (error.status === 404) {
        sendError(
          res,
          404,
          ErrorReason.RESOURCE_NOT_FOUND,
          `GitLab has no project ${settings.project} that you can see (${error.gitlabMessage}). Ask a maintainer for access, or check TENANT_PROJECT.`,
          { project: settings.project },
        );
        return;
      }
    }
    deps.logger.warn(
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
  };

  router.get(
    HISTORY_ROUTE,
    deps.session,
    deps.requireSignedIn,
    deps.requireClusterReader,
    async (req: Request<{ name: string }>, res) => {
      const { name } = req.params;
      const problem = validateClusterName(name);
      if (problem) {
        sendError(
          res,
          404,
          ErrorReason.NOT_FOUND,
          `There is no cluster with this name. ${problem}`,
          {
            cluster_name: problem,
          },
        );
        return;
      }
      const query = pageQuery(req, res);
      if (!query) return;
      try {
        res.json(await clusterHistory(clientFor(req), settings, name, query));
      } catch (error) {
        answerFailure(req, res, error);
      }
    },
  );

  router.get(
    DELETED_CLUSTERS_ROUTE,
    deps.session,
    deps.requireSignedIn,
    deps.requireClusterReader,
    async (req, res) => {
      const query = pageQuery(req, res);
      if (!query) return;
      try {
        res.json(await deletedClusters(clientFor(req), settings, query));
      } catch (error) {
        answerFailure(req, res, error);
      }
    },
  );
  return router;
}
