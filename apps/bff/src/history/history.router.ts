import {
  CONSOLE_DELETED_CLUSTERS_PATH,
  CONSOLE_HISTORY_ROUTE,
  ErrorReason,
  HistoryPageQuerySchema,
  validateClusterName,
} from '@cluster-console/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { sendError } from '../middleware/errors';
import { userRateLimit } from '../middleware/rate-limits';
import {
  clusterHistory,
  deletedClusters,
  type HistorySettings,
  type HistorySource,
  type PageQuery,
} from './cluster-history';
import { CommitCache } from './commit-cache';
import { GitLabRepositoryClient } from './gitlab-repository.client';
import { answerHistoryFailure } from './history-errors';
import { PageLimits } from './history-limits';

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
  /** Rate limit, deadline, byte caps and cache size (`HISTORY_*`). */
  limits: Config['history'];
  /** `RATE_LIMIT_WINDOW`, and where the counts live (Redis when shared by replicas). */
  rateLimit: { windowSeconds: number; store?: Store | undefined };
}

/** `page` (from 1) and `per_page` (1-100, 20 by default), or the 400 already sent. */
function pageQuery(req: Request, res: Response): PageQuery | undefined {
  const parsed = HistoryPageQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    const metadata: Record<string, string> = {};
    for (const issue of parsed.error.issues) metadata[String(issue.path[0])] ??= issue.message;
    sendError(
      res,
      400,
      ErrorReason.VALIDATION_FAILED,
      'The page of history asked for is not valid.',
      metadata,
    );
    return undefined;
  }
  return { page: parsed.data.page, perPage: parsed.data.per_page };
}

/**
 * The console's history routes, answered by the BFF from GitLab's REST API with the session's
 * access token, for users who may read clusters (`requireClusterReader`):
 * `GET /api/console/clusters/:name/history` and `GET /api/console/clusters-deleted`.
 * Bounded: per-user rate limit, a deadline on the page, GitLab reads stopped when the browser
 * leaves, capped bytes, and what commits say cached (commits never change).
 */
export function historyRouter(deps: HistoryRouterDeps): Router {
  const { settings, limits, logger } = deps;
  const router = Router();
  const cache = new CommitCache(limits.cacheBytes);
  const perUser = userRateLimit({
    windowSeconds: deps.rateLimit.windowSeconds,
    limit: limits.rateLimit,
    store: deps.rateLimit.store,
    what: 'history pages',
  });
  const guards = [deps.session, deps.requireSignedIn, perUser, deps.requireClusterReader];

  /** Runs one page under its limits, answers it, and logs what it cost GitLab. */
  const answerPage = async (
    req: Request,
    res: Response,
    read: (source: HistorySource) => Promise<unknown>,
  ) => {
    const page = new PageLimits(
      { maxResponseBytes: limits.maxResponseBytes, maxPageBytes: limits.maxPageBytes },
      limits.timeoutSeconds * 1000,
    ).watch(res);
    const client = new GitLabRepositoryClient(
      {
        gitlabUrl: deps.gitlabUrl,
        project: settings.project,
        timeoutMs: deps.timeoutSeconds * 1000,
      },
      req.session.tokens?.accessToken ?? '',
      page,
    );
    try {
      const answer = await read({ client, cache });
      page.throwIfEnded();
      res.json(answer);
    } catch (error) {
      answerHistoryFailure(req, res, error, { project: settings.project, logger });
    } finally {
      page.end();
      logger.info(
        {
          event: 'history_page',
          reqId: req.id,
          gitlabRequests: page.requests,
          bytesRead: page.bytesRead,
        },
        'history page read',
      );
    }
  };

  router.get(CONSOLE_HISTORY_ROUTE, ...guards, async (req: Request<{ name: string }>, res) => {
    const { name } = req.params;
    const problem = validateClusterName(name);
    if (problem) {
      sendError(res, 404, ErrorReason.NOT_FOUND, `There is no cluster with this name. ${problem}`, {
        cluster_name: problem,
      });
      return;
    }
    const query = pageQuery(req, res);
    if (!query) return;
    await answerPage(req, res, (source) => clusterHistory(source, settings, name, query));
  });

  router.get(CONSOLE_DELETED_CLUSTERS_PATH, ...guards, async (req, res) => {
    const query = pageQuery(req, res);
    if (!query) return;
    await answerPage(req, res, (source) => deletedClusters(source, settings, query));
  });
  return router;
}
