import {
  CONSOLE_CLUSTER_STATUS_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
  type ClusterResourceReply,
  ErrorReason,
} from '@cluster-console/shared';
import { Router, type Request, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../middleware/errors';
import type { ClusterStatus } from './cluster-status.service';
import { statusList } from './derive-all';
import { ClustersApiError, gitClusterNames } from './git-cluster-names';

export interface ClusterStatusRouterDeps {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  /** The one rule of who may read the cluster list (tenant-access). */
  requireClusterReader: RequestHandler;
  status: ClusterStatus;
  clustersApiUrl: string;
  timeoutSeconds: number;
  logger: Logger;
}

/**
 * Live status for signed-in users who may read the cluster list:
 * `GET /api/console/cluster-status/stream` (server-sent events: snapshot, then changes, each
 * resource as its digest), `GET /api/console/cluster-status/clusters/:name` (one resource's
 * whole trimmed view, for the detail page) and `GET /api/console/cluster-status` (every
 * cluster's state as JSON, for scripts).
 */
export function clusterStatusRouter(deps: ClusterStatusRouterDeps): Router {
  const router = Router();
  const guards = [deps.session, deps.requireSignedIn, deps.requireClusterReader];

  router.get(CONSOLE_CLUSTER_STATUS_STREAM_PATH, ...guards, (_req, res) => {
    deps.status.streams.open(res);
  });

  router.get(
    CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
    ...guards,
    (req: Request<{ name: string }>, res) => {
      const reply: ClusterResourceReply = { resource: deps.status.hub.resource(req.params.name) };
      res.json(reply);
    },
  );

  router.get(CONSOLE_CLUSTER_STATUS_PATH, ...guards, async (req, res) => {
    let names: Set<string>;
    try {
      names = await gitClusterNames({
        clustersApiUrl: deps.clustersApiUrl,
        accessToken: req.session.tokens?.accessToken ?? '',
        requestId: req.id,
        timeoutMs: deps.timeoutSeconds * 1000,
      });
    } catch (error) {
      if (!(error instanceof ClustersApiError)) throw error;
      deps.logger.warn(
        { event: 'status_git_list_failed', reqId: req.id, error: error.message },
        'the cluster list could not be read for live status',
      );
      if (error.status === 401 || error.status === 403) {
        sendError(
          res,
          error.status,
          error.status === 401 ? ErrorReason.UNAUTHENTICATED : ErrorReason.NO_AUTHORIZATION,
          error.status === 401
            ? 'The clusters API did not accept your sign-in. Sign in again.'
            : 'The clusters API does not let you read the cluster list.',
        );
        return;
      }
      sendError(
        res,
        502,
        ErrorReason.UPSTREAM_UNAVAILABLE,
        'The cluster list could not be read from the clusters API. Try again in a moment.',
      );
      return;
    }
    res.json(statusList(deps.status.hub, names, new Date()));
  });
  return router;
}
