/**
 * The contract's four routes. Each authorizes first (401/403/503 before anything is read or
 * written), then validates, then asks the service.
 */
import {
  CLUSTERS_API_PATH,
  parseFieldSelector,
  validateClusterName,
} from '@cluster-console/shared';
import express, { Router, type Request } from 'express';
import type { ClusterService } from '../clusters/cluster.service';
import type { PermissionService } from '../gitlab/permission.service';
import { validationFailed } from '../http/api-error';
import { authorize, callerContext } from '../http/authorize.middleware';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ClustersRouterDeps {
  clusters: ClusterService;
  permissions: PermissionService;
}

function clusterName(req: Request): string {
  const name = String(req.params.cluster_name ?? '');
  const problem = validateClusterName(name);
  if (problem !== undefined) throw validationFailed({ cluster_name: problem });
  return name;
}

export function clustersRouter({ clusters, permissions }: ClustersRouterDeps): Router {
  const router = Router();
  const one = `${CLUSTERS_API_PATH}/:cluster_name`;
  // `insecure_skip_check` (POST, DELETE) is accepted and ignored, as on the real server.
  const jsonBody = express.json({ limit: MAX_BODY_BYTES, strict: false });

  router.use(CLUSTERS_API_PATH, (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get(CLUSTERS_API_PATH, authorize(permissions, 'read'), (req, res) => {
    const raw = req.query.field_selector;
    if (raw !== undefined && typeof raw !== 'string') {
      throw validationFailed({
        field_selector:
          'Give field_selector once, e.g. field_selector=usage=host,cluster_type=physical.',
      });
    }
    const parsed = parseFieldSelector(raw ?? '');
    if (!parsed.ok) throw validationFailed({ field_selector: parsed.message }, parsed.message);
    // The same bytes `res.json({ items })` would send, cached per index version.
    res.set('Content-Type', 'application/json; charset=utf-8');
    res.send(clusters.listJson(parsed.selector));
  });

  router.get(one, authorize(permissions, 'read'), (req, res) => {
    res.json(clusters.get(clusterName(req)));
  });

  router.post(one, authorize(permissions, 'write'), jsonBody, async (req, res) => {
    const name = String(req.params.cluster_name ?? '');
    const input: unknown = req.body;
    if (input === undefined) {
      throw validationFailed({
        body: 'Send the cluster as a JSON object with Content-Type: application/json.',
      });
    }
    res.json({ message: await clusters.save(callerContext(res), name, input) });
  });

  router.delete(one, authorize(permissions, 'write'), async (req, res) => {
    res.json({ message: await clusters.delete(callerContext(res), clusterName(req)) });
  });

  return router;
}
