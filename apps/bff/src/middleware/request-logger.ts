import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id: echoed in `X-Request-Id`, forwarded upstream, in every log line. */
      id: string;
    }
    interface Locals {
      /** The signed-in user's name, set by the auth layer (the session may be gone at log time). */
      username?: string;
    }
  }
}

/** Accept a caller's id only when it is short and plain, so it cannot forge log content. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One JSON line per request: id, user, method, path, status, time. The path is logged without
 * its query string (the OAuth callback's carries the authorization code); headers, cookies and
 * bodies are never logged.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    req.id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const method = req.method;
    const path = (req.originalUrl || req.url).split('?')[0] ?? '/';
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const entry = {
        reqId: req.id,
        user: res.locals.username ?? req.session?.user?.username,
        method,
        path,
        status: res.statusCode,
        responseTimeMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.warn(entry, 'request');
      else logger.info(entry, 'request');
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
}
