import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type session from 'express-session';
import type { Logger } from 'pino';
import { beginRequestLog, requestLines } from '../middleware/request-logger';
import { NO_STORE } from '../middleware/security-headers';
import type { FrozenSessionReader } from '../session/memory-session-store';
import type { RollTracker } from '../session/roll-tracker';
import { SessionIdReader } from '../session/session-id';
import type { SessionCookie } from '../session/session-cookie';
import {
  sessionStanding,
  type SessionRules,
  type SignedInSession,
} from '../session/session-standing';
import type { ClustersProxy } from './clusters-proxy';
import { allowListVerdictOf } from './allow-list';

export interface ApiFastLaneOptions extends SessionRules {
  /** Read with getFrozen when the store has it (nothing here changes the session). */
  store: session.Store & Partial<FrozenSessionReader>;
  cookie: SessionCookie;
  secrets: readonly string[];
  rolls: RollTracker;
  proxy: ClustersProxy;
  logger: Logger;
  setSecurityHeaders(res: ServerResponse): void;
  /** Counts each answer for /metrics. */
  observe?: Parameters<typeof beginRequestLog>[4];
}

/** Serves the request, or calls `fallThrough` having touched neither request nor response. */
export type FastLane = (req: IncomingMessage, res: ServerResponse, fallThrough: () => void) => void;

/**
 * Reads (the list, one cluster) of a session in good standing go straight to the proxy, on
 * Node's request, before express: routing, express-session (load, hash, re-sign and touch on
 * every call) and the middleware chain cost the console most of its proxy throughput. What the
 * full chain does for such a request is done here too: request id and log line, security
 * headers, no-store, the session's token as the bearer. It decides nothing of its own: the
 * allow-list's verdict (allow-list.ts, kept for the full chain) and the session's standing
 * (session-standing.ts) are the full chain's decisions, taken by the same functions. Anything
 * else falls through, untouched, to the full chain, which acts on it: no cookie or a bad one, a
 * session not `good` (gone, past its absolute lifetime, a token due for refresh), a session not
 * rolled within the tracker's interval (the full chain rolls it), any method but GET, a body.
 */
export function apiFastLane(options: ApiFastLaneOptions): FastLane {
  const { store, rolls } = options;
  const readSession: FrozenSessionReader['getFrozen'] = store.getFrozen
    ? store.getFrozen.bind(store)
    : store.get.bind(store);
  const lines = requestLines(options.logger);
  // No session gets here without having been rolled by the full chain, which the tracker
  // remembers for as many sessions as this needs.
  const sessionIds = new SessionIdReader(options.cookie.name, options.secrets, rolls.maxEntries);
  return (req, res, fallThrough) => {
    if (
      req.method !== 'GET' ||
      req.headers['content-length'] !== undefined ||
      req.headers['transfer-encoding'] !== undefined ||
      allowListVerdictOf(req) !== 'forward'
    ) {
      fallThrough();
      return;
    }
    const sessionId = sessionIds.read(req.headers.cookie);
    if (sessionId === undefined || !rolls.isFresh(sessionId)) {
      fallThrough();
      return;
    }
    readSession(sessionId, (error, data) => {
      if (error || sessionStanding(data, options) !== 'good') {
        fallThrough();
        return;
      }
      const { tokens, user } = data as SignedInSession;
      beginRequestLog(lines, req, res, () => user.username, options.observe);
      options.setSecurityHeaders(res);
      res.setHeader('cache-control', NO_STORE);
      options.proxy.forwardWithToken(req, res, tokens.accessToken);
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
