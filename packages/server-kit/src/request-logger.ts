import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/** A caller's request id is kept only when it is short and plain, so it cannot forge log text. */
export const PLAIN_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The URL without its query string or fragment: a caller may put a token or a code there. */
export function pathOnly(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

export interface RequestLoggerOptions {
  /**
   * Requests that come on their own every few seconds (a poll): logged at debug when they
   * succeed, so they do not bury the rest at the default level. A failed one is logged as any.
   */
  routine?: (req: IncomingMessage) => boolean;
}

/**
 * One line per request: id, method, path, status and time. Headers and bodies are never
 * logged. The id is the caller's `X-Request-Id` when plain, else a new one, and is echoed back.
 */
export function requestLogger(
  logger: Logger,
  { routine }: RequestLoggerOptions = {},
): HttpLogger<IncomingMessage, ServerResponse> {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && PLAIN_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOnly(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode < 400 && routine?.(req) ? 'debug' : 'info';
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
}
