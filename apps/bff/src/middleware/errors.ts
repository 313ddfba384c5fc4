import { apiErrorBody, ErrorReason, type ErrorReasonCode } from '@cluster-console/shared';
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Every error the BFF itself answers uses the contract's shape `{code, reason, message, metadata}`.
 * Plain Node on purpose: the proxy's error handler also answers requests of the API fast lane,
 * which express never wrapped.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  reason: ErrorReasonCode,
  message: string,
  metadata: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  // A refused body is the field concerned: forms show the message next to what was sent.
  const fields =
    reason === ErrorReason.PAYLOAD_TOO_LARGE && Object.keys(metadata).length === 0
      ? { body: message }
      : metadata;
  const body = JSON.stringify(apiErrorBody(status, reason, message, fields));
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export const apiNotFound: RequestHandler = (req, res) => {
  sendError(res, 404, ErrorReason.NOT_FOUND, `No route for ${req.method} ${req.path}.`);
};

/** Last resort: nothing internal (stack, path, command) leaves the process, but it is logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    if (status === 413) {
      sendError(res, 413, ErrorReason.PAYLOAD_TOO_LARGE, 'The request body is larger than 1 MiB.');
      return;
    }
    if (status !== undefined && status >= 400 && status < 500) {
      sendError(res, status, ErrorReason.VALIDATION_FAILED, 'The request could not be read.');
      return;
    }
    logger.error({ err: error, reqId: req.id, path: req.path }, 'unhandled error');
    sendError(
      res,
      500,
      ErrorReason.INTERNAL,
      'Something went wrong in the console backend. Try again.',
    );
  };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}
