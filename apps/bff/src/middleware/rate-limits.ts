import { ErrorReason } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { isStateChanging } from './csrf';
import { sendError } from './errors';

export interface RateLimitOptions {
  windowSeconds: number;
  limit: number;
  /** What is being limited, for the message. */
  what: string;
  skip?: (method: string) => boolean;
  /** Shared by the replicas (Redis, with a per-replica fallback) when given; else this process's memory. */
  store?: Store | undefined;
}

/**
 * What every limiter shares: standard RateLimit headers. A shared store never lets a request
 * through uncounted: services.ts wraps Redis in a FailoverRateLimitStore, which counts in this
 * replica's memory while Redis cannot (refused scripting, read-only replica, out of memory,
 * away), so an error from a store is a bug and answers 500 rather than lifting the limit.
 */
export function limiterBase(windowSeconds: number, limit: number, store: Store | undefined) {
  return {
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(store ? { store, passOnStoreError: false } : {}),
  } as const;
}

/** Per client address (Express's `req.ip`, so set TRUST_PROXY behind a load balancer). */
function limiter(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    ...limiterBase(options.windowSeconds, options.limit, options.store),
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

export function loginRateLimit(
  windowSeconds: number,
  limit: number,
  store?: Store,
): RequestHandler {
  return limiter({ windowSeconds, limit, what: 'sign-in attempts', store });
}

export function mutationRateLimit(
  windowSeconds: number,
  limit: number,
  store?: Store,
): RequestHandler {
  return limiter({
    windowSeconds,
    limit,
    store,
    what: 'changes',
    skip: (method) => !isStateChanging(method),
  });
}

/**
 * Per signed-in user (mount after requireSignedIn, which sets `res.locals.username`): a user's
 * count is one whatever address or replica the requests come from.
 */
export function userRateLimit(options: Omit<RateLimitOptions, 'skip'>): RequestHandler {
  return rateLimit({
    ...limiterBase(options.windowSeconds, options.limit, options.store),
    keyGenerator: (_req, res) => `user:${String(res.locals.username)}`,
    handler: (_req, res) => {
      sendError(
        res,
        429,
        ErrorReason.RATE_LIMITED,
        `Too many ${options.what}. Wait ${options.windowSeconds} seconds and try again.`,
        { retry_after_seconds: String(options.windowSeconds) },
      );
    },
  });
}
