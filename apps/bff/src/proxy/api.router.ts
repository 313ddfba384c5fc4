import { Router, type RequestHandler } from 'express';
import { apiNotFound } from '../middleware/errors';
import { noStore } from '../middleware/security-headers';
import { isAllowedClustersRequest } from './clusters-routes';

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Everything under /api: no-store; the allow-list (else 404 in the error shape, before any
 * session lookup); then the session, the signed-in check (401 before anything is forwarded)
 * and the proxy. Not mounted at '/api' on purpose: the proxy forwards `req.url` as is (the path
 * inside the console: a base path was taken off in base-path.ts).
 */
export function apiRouter(deps: {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  proxy: RequestHandler[];
}): Router {
  const router = Router();
  router.use((req, _res, next) => next(isApiPath(req.path) ? undefined : 'router'));
  router.use(noStore);
  router.use((req, res, next) => {
    if (isAllowedClustersRequest(req.method, req.url)) next();
    else apiNotFound(req, res, next);
  });
  router.use(deps.session, deps.requireSignedIn, ...deps.proxy);
  return router;
}
