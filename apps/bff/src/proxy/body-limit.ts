import type { IncomingMessage } from 'node:http';
import { ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import { sendError } from '../middleware/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BodyLimit {
  middleware: RequestHandler;
  /** True once the request was answered 413 mid-stream; the proxy must not answer again. */
  exceeded(req: IncomingMessage): boolean;
}

const tooLargeMessage =
  'The request body is larger than 1 MiB. A kubeconfig that large cannot be registered.';

/**
 * The proxy streams bodies (no body parser runs before it), so the limit is enforced here:
 * a declared Content-Length over the limit is refused before anything is forwarded, and a
 * chunked body is counted as it flows; past the limit the upstream request is aborted and
 * the browser gets 413. Node itself stops a body at its declared Content-Length.
 */
export function bodyLimit(
  maxBytes: number,
  abortUpstream: (req: IncomingMessage) => void,
): BodyLimit {
  const exceeded = new WeakSet<IncomingMessage>();
  const middleware: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (!Number.isFinite(declared) || declared > maxBytes) {
      res.setHeader('Connection', 'close');
      sendError(res, 413, ErrorReason.PAYLOAD_TOO_LARGE, tooLargeMessage);
      return;
    }
    if (req.headers['transfer-encoding'] === undefined) {
      next();
      return;
    }
    let received = 0;
    // Paused first, so adding a listener does not start the flow before the proxy pipes:
    // the proxy's pipe() resumes it and both listeners then see every chunk.
    req.pause();
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes || exceeded.has(req)) return;
      exceeded.add(req);
      req.unpipe();
      abortUpstream(req);
      res.setHeader('Connection', 'close');
      sendError(res, 413, ErrorReason.PAYLOAD_TOO_LARGE, tooLargeMessage);
    });
    next();
  };
  return { middleware, exceeded: (req) => exceeded.has(req) };
}
