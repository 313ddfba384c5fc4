import { ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { isStateChanging } from './csrf';
import { sendError } from './errors';

export interface RateLimitOptions {
  windowSeconds: number;
  limit: number;
  /** What is being limited, for the message. */
  what: string;
  skip?: (method: string) => boolean;
}

/** Per client address (Express's `req.ip`, so set TRUST_PROXY behind a load balancer). */
function limiter(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: options.skip ? (req) => options.skip?.(req.method) ?? false : undefined,
    handler: (_req, res) => {
      sendError(
        res,
        429,
        ErrorReason.RATE_LIMITED,
        `Too many ${options.what}. Wait a minute and try again.`,
        { retry_after_seconds: String(options.windowSeconds) },
      );
    },
  });
}

export function loginRateLimit(windowSeconds: number, limit: number): RequestHandler {
  return limiter({ windowSeconds, limit, what: 'sign-in attempts' });
}

export function mutationRateLimit(windowSeconds: number, limit: number): RequestHandler {
  return limiter({
    windowSeconds,
    limit,
    what: 'changes',
    skip: (method) => !isStateChanging(method),
  });
}
