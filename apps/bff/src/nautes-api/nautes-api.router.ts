import { CONSOLE_NAUTES_API_PATH, type NautesApiInfo } from '@cluster-console/shared';
import { Router, type RequestHandler } from 'express';
import type { NautesApiDetector } from './nautes-api-detector';

/**
 * `GET /api/console/nautes-api`: the console's own route, answered by the BFF (not forwarded).
 * Signed-in only: detection may read the user's cluster list with their token.
 */
export function nautesApiRouter(deps: {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  detector: NautesApiDetector;
}): Router {
  const router = Router();
  router.get(CONSOLE_NAUTES_API_PATH, deps.session, deps.requireSignedIn, async (req, res) => {
    const info: NautesApiInfo = await deps.detector.info(req.session.tokens?.accessToken ?? '');
    res.json(info);
  });
  return router;
}
