import { Router, type RequestHandler } from 'express';
import type { NautesApiDetector } from './nautes-api-detector';

export const NAUTES_API_ROUTE = '/api/console/nautes-api';

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
  router.get(NAUTES_API_ROUTE, deps.session, deps.requireSignedIn, async (req, res) => {
    res.json(await deps.detector.info(req.session.tokens?.accessToken ?? ''));
  });
  return router;
}
