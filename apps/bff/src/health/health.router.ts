import { ErrorReason } from '@cluster-console/shared';
import { Router } from 'express';
import type { InternalCallerTest } from '../middleware/internal-network';
import { sendError } from '../middleware/errors';
import type { Readiness } from './readiness';

export interface HealthRouterOptions {
  /** The dependency checks, cached and shared by concurrent callers (see readiness.ts). */
  readiness: () => Promise<Readiness>;
  /** Who may read the details: which dependency is down and why (internal-network.ts). */
  isInternal: InternalCallerTest;
}

/**
 * `/healthz`: the process answers. `/readyz`: it can do its job, i.e. GitLab's discovery
 * document and the clusters API's /healthz answer (and Redis, when sessions live there).
 *
 * Only insiders (loopback, INTERNAL_NETWORKS) learn which dependency is down, why, or that rate
 * limits are degraded: to anyone else the names, addresses and errors of the console's
 * dependencies are a map for an attack, so they get ok / not ok alone. A degraded condition
 * keeps 200: every replica shares it, and taking them all out of rotation would turn a weaker
 * limit into an outage.
 */
export function healthRouter(options: HealthRouterOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const readiness = await options.readiness();
    const details = options.isInternal(req);
    if (readiness.ready) {
      if (!details) res.json({ status: 'ok' });
      else if (readiness.degraded.length > 0)
        res.json({ status: 'degraded', degraded: readiness.degraded, checks: readiness.checks });
      else res.json({ status: 'ready', checks: readiness.checks });
      return;
    }
    if (!details) {
      sendError(res, 503, ErrorReason.UPSTREAM_UNAVAILABLE, 'Not ready.');
      return;
    }
    sendError(
      res,
      503,
      ErrorReason.UPSTREAM_UNAVAILABLE,
      `Not ready: ${readiness.failing.join(', ')} not reachable.`,
      readiness.checks,
    );
  });
  return router;
}
