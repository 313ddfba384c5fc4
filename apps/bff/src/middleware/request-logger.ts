import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * Gives the request its id (the caller's, when safe) and writes one JSON line when the answer
 * is done: id, user, method, path, status, time. The path is logged without its query string
 * (the OAuth callback's carries the authorization code); headers, cookies and bodies are never
 * logged. Works on plain Node requests too (the API fast lane runs before express).
 */
export function beginRequestLog(
  logger: Logger,
  req: IncomingMessage & { id?: string },
  res: ServerResponse,
  user: () => string | undefined,
): string {
  const started = process.hrtime.bigint();
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  const method = req.method;
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  // 'close' comes once per response, right after 'finish' or on an abort (then unfinished).
  res.once('close', () => {
    const entry = {
      reqId: id,
      user: user(),
      method,
      path,
      status: res.statusCode,
      responseTimeMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) logger.warn(entry, 'request');
    else logger.info(entry, 'request');
  });
  return id;
}

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    beginRequestLog(logger, req, res, () => res.locals.username ?? req.session?.user?.username);
    next();
  };
}
