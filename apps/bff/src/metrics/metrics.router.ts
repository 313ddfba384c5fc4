import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` in Prometheus' text format, only for callers the one internal-network rule
 * lets in (INTERNAL_NETWORKS; everyone else gets 404, as if it did not exist).
 */
export function metricsRouter(registry: Registry, requireInternal: RequestHandler): Router {
  const router = Router();
  router.get('/metrics', requireInternal, async (_req, res) => {
    const text = await registry.metrics();
    res.setHeader('content-type', registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(text);
  });
  return router;
}
