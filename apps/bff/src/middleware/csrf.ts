import { ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import { sendError } from './errors';

/** Methods that cannot change state; every other method is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'cluster-console';

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/**
 * A cross-site form or image cannot send a custom header, and a cross-site fetch with one
 * needs a CORS preflight we never grant. So a state-changing request must carry
 * `X-Requested-With: cluster-console` and, when the browser names its `Origin`, ours.
 * Runs before sessions, rate limits and the proxy: a rejected request touches nothing.
 */
export function csrfProtection(publicOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (!isStateChanging(req.method)) {
      next();
      return;
    }
    if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      sendError(
        res,
        403,
        ErrorReason.CSRF_REJECTED,
        `Refused: a ${req.method} request must carry the header X-Requested-With: ${CSRF_HEADER_VALUE}.`,
      );
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined && origin !== publicOrigin) {
      sendError(
        res,
        403,
        ErrorReason.CSRF_REJECTED,
        'Refused: the request comes from another site.',
      );
      return;
    }
    next();
  };
}
