import type { Logger } from 'pino';

/** While the shared store fails, try it again this often (one request's count goes there). */
const RETRY_SHARED_MS = 2_000;

/**
 * Whether the rate limits of this replica count in the shared store (Redis) or, while that
 * fails, in the replica's own memory: one state for all limiters, since they share the Redis.
 * A change is logged once (not per request) and shown by /readyz as `rate_limits`.
 */
export class SharedRateLimitState {
  private problem: { since: Date; why: string } | undefined;
  private nextTryAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly retryMs = RETRY_SHARED_MS,
  ) {}

  /** Should this count go to the shared store? Always while it works; else once per retryMs. */
  tryShared(now = Date.now()): boolean {
    if (!this.problem || now >= this.nextTryAt) {
      this.nextTryAt = now + this.retryMs;
      return true;
    }
    return false;
  }

  worked(): void {
    if (!this.problem) return;
    this.logger.info(
      { event: 'rate_limits_shared', degradedSince: this.problem.since.toISOString() },
      'Rate limits count in Redis again, shared by all replicas',
    );
    this.problem = undefined;
  }

  failed(error: unknown): void {
    this.nextTryAt = Date.now() + this.retryMs;
    if (this.problem) return;
    this.problem = { since: new Date(), why: explainSharedStoreError(error) };
    this.logger.warn(
      { event: 'rate_limits_degraded', reason: this.problem.why },
      'Rate limits count in this replica only: Redis refused the shared count',
    );
  }

  /** For /readyz: undefined while shared, else what happened, in words. */
  degradation(): string | undefined {
    if (!this.problem) return undefined;
    return `counting in each replica's memory since ${this.problem.since.toISOString()} (the same limits, per replica): ${this.problem.why}`;
  }
}

/**
 * Redis's answer in words an operator can act on, with its error word. Never a credential:
 * Redis errors carry none, and anything shaped like a URL's user:password@ is cut anyway.
 */
export function explainSharedStoreError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const word = /^[A-Z]+/.exec(message)?.[0];
  const known: Record<string, string> = {
    NOPERM: 'Redis refuses the rate-limit script to this user (ACL: scripting denied)',
    READONLY: 'Redis is a read-only replica (after a failover?): writes are refused',
    OOM: "Redis is out of memory (maxmemory with a 'noeviction' policy): writes are refused",
    NOSCRIPT: 'Redis lost the rate-limit script and could not load it again',
  };
  const why = word && known[word] ? `${known[word]} (${word})` : message;
  return why.replace(/\b(rediss?:\/\/)[^@\s/]*@/gi, '$1[redacted]@').slice(0, 200);
}
