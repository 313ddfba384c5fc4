import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  proxyEventsPlugin,
} from 'http-proxy-middleware';
import type { Logger } from 'pino';
import { describe } from '../auth/gitlab-oidc.client';
import { sendError } from '../middleware/errors';
import { bodyLimit, MAX_BODY_BYTES } from './body-limit';

export interface ClustersProxyOptions {
  target: string;
  timeoutSeconds: number;
  logger: Logger;
}

export interface ClustersProxy {
  /** Body limit, header rewrite and forwarding; run after the allow-list and the signed-in check. */
  handlers: RequestHandler[];
  /**
   * Forwards a request without a body (no limit needed) with `accessToken` as the bearer; for
   * the API fast lane, which runs on Node's request before express.
   */
  forwardWithToken(req: IncomingMessage, res: ServerResponse, accessToken: string): void;
  close(): void;
}

/**
 * Forwards allow-listed calls to the one configured clusters API over a keep-alive agent.
 * The browser's Cookie and Authorization never leave the BFF; the session's access token
 * goes as the bearer. Upstream answers pass through (only made no-store, and stripped of
 * Set-Cookie so the upstream cannot touch the console's cookies); an unreachable or silent
 * upstream is a 502 in the error shape.
 */
export function clustersProxy(options: ClustersProxyOptions): ClustersProxy {
  const secure = new URL(options.target).protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 64 })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  const upstreamRequests = new WeakMap<IncomingMessage, ClientRequest>();
  const aborted = new WeakSet<IncomingMessage>();
  const abortUpstream = (req: IncomingMessage) => {
    aborted.add(req);
    upstreamRequests.get(req)?.destroy();
  };
  const limit = bodyLimit(MAX_BODY_BYTES, abortUpstream);

  const forward = createProxyMiddleware<IncomingMessage & { id?: string }, ServerResponse>({
    target: options.target,
    changeOrigin: true,
    agent,
    xfwd: false,
    proxyTimeout: options.timeoutSeconds * 1000,
    // The default plugins but the logger plugin, which with no logger configured still builds
    // the target's URL for every response (our request log is request-logger.ts); the error
    // answer is ours (on.error), so the default error-response plugin is not loaded either.
    ejectPlugins: true,
    plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
    on: {
      proxyReq: (proxyReq, req) => {
        // Only a chunked body can be cut mid-stream (bodyLimit); other requests need no entry.
        if (req.headers['transfer-encoding'] === undefined) return;
        if (aborted.has(req)) proxyReq.destroy();
        else upstreamRequests.set(req, proxyReq);
      },
      proxyRes: (proxyRes) => {
        proxyRes.headers['cache-control'] = 'no-store';
        delete proxyRes.headers['set-cookie'];
      },
      error: (error, req, res) => {
        if (!(res instanceof http.ServerResponse) || limit.exceeded(req)) return;
        options.logger.warn(
          { event: 'upstream_unavailable', reqId: req.id, error: describe(error) },
          'clusters API unreachable',
        );
        sendError(
          res,
          502,
          ErrorReason.UPSTREAM_UNAVAILABLE,
          'The clusters API is not reachable right now. Try again in a moment.',
        );
      },
    },
  });

  const rewriteHeaders: RequestHandler = (req, _res, next) => {
    setUpstreamHeaders(req, req.session.tokens?.accessToken ?? '');
    next();
  };

  return {
    handlers: [limit.middleware, rewriteHeaders, forward],
    forwardWithToken: (req, res, accessToken) => {
      setUpstreamHeaders(req, accessToken);
      // Without a path filter the proxy always forwards; `next` is never called.
      void forward(req, res, () => undefined);
    },
    close: () => agent.destroy(),
  };
}

/** The browser's credentials stay here; the session's access token goes as the bearer. */
function setUpstreamHeaders(req: IncomingMessage & { id?: string }, accessToken: string): void {
  delete req.headers.cookie;
  delete req.headers['proxy-authorization'];
  req.headers.authorization = `Bearer ${accessToken}`;
  if (req.id !== undefined) req.headers['x-request-id'] = req.id;
}
