import { ErrorReason, validateClusterName } from '@cluster-console/shared';
import { Router, type RequestHandler, type Response } from 'express';
import { apiNotFound, sendError } from '../middleware/errors';
import { allowListVerdictOf, rawClusterName } from './allow-list';

const GENERIC_NAME_PROBLEM =
  'Use only lowercase letters, digits and "-" (no spaces, dots, slashes, encoded or other characters).';

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A cluster's path whose raw name the allow-list refuses (percent-encoding such as `%2F` or
 * `%2e%2e`, non-ASCII, dot segments): 404 NOT_FOUND as any refused path, but with
 * `metadata.cluster_name` saying what is wrong with the name, so the user learns why.
 */
function refuseClusterName(url: string, res: Response): void {
  const name = decoded(rawClusterName(url));
  const problem = (name !== undefined && validateClusterName(name)) || GENERIC_NAME_PROBLEM;
  sendError(res, 404, ErrorReason.NOT_FOUND, `There is no cluster with this name. ${problem}`, {
    cluster_name: problem,
  });
}

/**
 * Everything under /api that the console's own routes did not answer (no-store is set for all
 * of /api in app.ts): the allow-list (else 404 in the error shape, before any session lookup);
 * then the session, the signed-in check (401 before anything is forwarded) and the proxy. Not
 * mounted at '/api' on purpose: the proxy forwards `req.url` as is (the path inside the
 * console: a base path was taken off in base-path.ts).
 */
export function apiRouter(deps: {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  proxy: RequestHandler[];
}): Router {
  const router = Router();
  router.use((req, _res, next) => next(isApiPath(req.path) ? undefined : 'router'));
  router.use((req, res, next) => {
    const verdict = allowListVerdictOf(req);
    if (verdict === 'forward') next();
    else if (verdict === 'bad-cluster-name') refuseClusterName(req.url, res);
    else apiNotFound(req, res, next);
  });
  router.use(deps.session, deps.requireSignedIn, ...deps.proxy);
  return router;
}
