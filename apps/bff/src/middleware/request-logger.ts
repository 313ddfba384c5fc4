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
 * The logger request lines go through: `logger` without its redaction. A request line holds
 * only the strings and numbers built in beginRequestLog, and every redact path of the BFF's
 * logger (logger.ts) names a key inside an object, so none can match and the line is the same
 * byte for byte; but pino runs a wildcard path's redactor on each field of each line, which
 * cost more than the rest of the line (about 15 KB of garbage per request). Make it once, not
 * per request.
 */
export function requestLines(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}

/**
 * Gives the request its id (the caller's, when safe) and writes one JSON line when the answer
 * is done: id, user, method, path, status, time. The path is logged without its query string
 * (the OAuth callback's carries the authorization code); headers, cookies and bodies are never
 * logged. Works on plain Node requests too (the API fast lane runs before express). `lines` is
 * what requestLines made; it must only ever get the scalars below.
 */
export function beginRequestLog(
  lines: Logger,
  req: IncomingMessage & { id?: string },
  res: ServerResponse,
  user: () => string | undefined,
  /** Counts the answer for /metrics (method, path, status, time), in the same 'close'. */
  observe?: (method: string | undefined, path: string, status: number, elapsedMs: number) => void,
): string {
  const started = performance.now();
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  const method = req.method;
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  // 'close' comes once per response, right after 'finish' or on an abort (then unfinished).
  res.on('close', () => {
    const elapsedMs = performance.now() - started;
    observe?.(method, path, res.statusCode, elapsedMs);
    const entry = {
      reqId: id,
      user: user(),
      method,
      path,
      status: res.statusCode,
      responseTimeMs: Math.round(elapsedMs * 1000) / 1000,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) lines.warn(entry, 'request');
    else lines.info(entry, 'request');
  });
  return id;
}

export function requestLogger(
  logger: Logger,
  observe?: Parameters<typeof beginRequestLog>[4],
): RequestHandler {
  const lines = requestLines(logger);
  return (req, res, next) => {
    beginRequestLog(
      lines,
      req,
      res,
      () => res.locals.username ?? req.session?.user?.username,
      observe,
    );
    next();
  };
}
