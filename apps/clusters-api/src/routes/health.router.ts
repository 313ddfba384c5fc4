import type { NautesApiVersion } from '@cluster-console/shared';
import { Router } from 'express';

/**
 * Liveness: the process answers and its working clone is open (createApp runs after that).
 * It also says which Nautes API generation the clusters routes speak, for clients (the BFF)
 * that adapt their bodies to it.
 */
export function healthRouter(version: NautesApiVersion): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', nautes_api_version: version });
  });
  return router;
}
