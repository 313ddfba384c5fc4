import type { RequestHandler } from 'express';
import type session from 'express-session';
import { needsRefresh, pastAbsoluteTimeout } from '../auth/signed-in.middleware';
import { NO_STORE } from '../middleware/security-headers';
import type { RollTracker } from '../session/roll-tracker';
import { signedSessionId } from '../session/session-id';
import type { SessionCookie } from '../session/session-cookie';
import type { ClustersProxy } from './clusters-proxy';
import { isAllowedClustersRequest } from './clusters-routes';

export interface ApiFastLaneOptions {
  store: session.Store;
  cookie: SessionCookie;
  secrets: readonly string[];
  refreshSkewSeconds: number;
  absoluteTimeoutSeconds: number;
  rolls: RollTracker;
  proxy: ClustersProxy;
}

/**
 * Reads (the list, one cluster) of a session in good standing go straight to the proxy: the
 * session is read from the store, not loaded, hashed, re-signed and touched by express-session
 * on every call, which cost the console most of its proxy throughput. Anything else falls
 * through, unchanged, to the full chain (`next()`), which has the last word: no cookie or a bad
 * one, a session gone or past its absolute lifetime, a token due for refresh, a session not
 * rolled within the tracker's interval (the full chain rolls it), any method but GET, a body.
 */
export function apiFastLane(options: ApiFastLaneOptions): RequestHandler {
  const { store, rolls } = options;
  return (req, res, next) => {
    if (
      req.method !== 'GET' ||
      req.headers['content-length'] !== undefined ||
      req.headers['transfer-encoding'] !== undefined ||
      !isAllowedClustersRequest(req.method, req.originalUrl)
    ) {
      next();
      return;
    }
    const sessionId = signedSessionId(req.headers.cookie, options.cookie.name, options.secrets);
    if (sessionId === undefined || !rolls.isFresh(sessionId)) {
      next();
      return;
    }
    store.get(sessionId, (error, data) => {
      const tokens = data?.tokens;
      if (
        error ||
        !tokens?.accessToken ||
        !data?.user ||
        pastAbsoluteTimeout(data.authenticatedAt, options.absoluteTimeoutSeconds) ||
        needsRefresh(tokens, options.refreshSkewSeconds)
      ) {
        next();
        return;
      }
      res.locals.username = data.user.username;
      res.setHeader('Cache-Control', NO_STORE);
      options.proxy.forwardWithToken(req, res, next, tokens.accessToken);
    });
  };
}

/** After the full chain let a signed-in API call through: express-session rolls it. */
export function recordRoll(rolls: RollTracker): RequestHandler {
  return (req, _res, next) => {
    rolls.rolled(req.sessionID);
    next();
  };
}
