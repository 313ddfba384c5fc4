import http, {
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import https from 'node:https';
import { ErrorReason } from '@cluster-console/shared';
import type { Request, RequestHandler, Response } from 'express';
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
  close(): void;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the browser must never send or receive. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const DROPPED_REQUEST = new Set([...HOP_BY_HOP, 'host', 'cookie', 'authorization']);
const DROPPED_RESPONSE = new Set([...HOP_BY_HOP, 'set-cookie']);

/** Answers up to this size are read whole and sent in one write; larger ones stream. */
const BUFFERED_ANSWER_BYTES = 256 * 1024;

/**
 * Forwards allow-listed calls to the one configured clusters API over a keep-alive agent,
 * with no more work per request than that needs (this is on every API call of the console).
 * The browser's Cookie and Authorization never leave the BFF; the session's access token
 * goes as the bearer. Upstream answers pass through (made no-store, stripped of Set-Cookie so
 * the upstream cannot touch the console's cookies, and of hop-by-hop headers); an unreachable
 * or silent upstream is a 502 in the error shape.
 */
export function clustersProxy(options: ClustersProxyOptions): ClustersProxy {
  const target = new URL(options.target);
  const secure = target.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 64 })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  const timeoutMs = options.timeoutSeconds * 1000;
  const basePath = target.pathname.replace(/\/+$/, '');
  const upstreamRequests = new WeakMap<IncomingMessage, ClientRequest>();
  const aborted = new WeakSet<IncomingMessage>();
  const abortUpstream = (req: IncomingMessage) => {
    aborted.add(req);
    upstreamRequests.get(req)?.destroy();
  };
  const limit = bodyLimit(MAX_BODY_BYTES, abortUpstream);

  const unavailable = (req: Request, res: Response, error: unknown) => {
    if (limit.exceeded(req)) return;
    options.logger.warn(
      { event: 'upstream_unavailable', reqId: req.id, error: describe(error) },
      'clusters API unreachable',
    );
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(
      res,
      502,
      ErrorReason.UPSTREAM_UNAVAILABLE,
      'The clusters API is not reachable right now. Try again in a moment.',
    );
  };

  const forward: RequestHandler = (req, res) => {
    if (aborted.has(req)) return;
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!DROPPED_REQUEST.has(name)) headers[name] = value;
    }
    headers.host = target.host;
    headers.authorization = `Bearer ${req.session.tokens?.accessToken ?? ''}`;
    headers['x-request-id'] = req.id;
    // A body without a declared length is forwarded as it streams (chunked).
    const hasBody =
      req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody && (req.method === 'DELETE' || req.method === 'POST'))
      headers['content-length'] = '0';

    const upstream = transport.request({
      protocol: target.protocol,
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: `${basePath}${req.originalUrl}`,
      headers,
      agent,
      timeout: timeoutMs,
    });
    upstreamRequests.set(req, upstream);
    let answered = false;
    let browserGone = false;
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timed out')));
    upstream.on('error', (error) => {
      if (browserGone) return;
      if (!answered) unavailable(req, res, error);
      else res.destroy();
    });
    // The browser went away: so does the upstream request.
    res.on('close', () => {
      if (res.writableFinished) return;
      browserGone = true;
      upstream.destroy();
    });
    upstream.on('response', (answer) => {
      answered = true;
      if (limit.exceeded(req)) {
        answer.resume();
        return;
      }
      res.statusCode = answer.statusCode ?? 502;
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE.has(name)) res.setHeader(name, value);
      }
      res.setHeader('cache-control', 'no-store');
      const declared = Number(answer.headers['content-length']);
      if (Number.isInteger(declared) && declared <= BUFFERED_ANSWER_BYTES) {
        // Small answers (the usual list, a cluster, an error) leave in one write with the head.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => res.end(Buffer.concat(chunks)));
      } else {
        answer.pipe(res);
      }
      answer.on('error', () => res.destroy());
    });
    if (hasBody) req.pipe(upstream);
    else upstream.end();
  };

  return {
    handlers: [limit.middleware, forward],
    close: () => agent.destroy(),
  };
}
