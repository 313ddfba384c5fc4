import type { TokenSet } from '../session/session-data';

/**
 * A lock shared by every BFF instance (Redis), so that two instances do not refresh the same
 * session at once. GitLab rotates refresh tokens: the second use of one revokes the grant.
 */
export interface DistributedLock {
  /** Resolves to a release function, or undefined when someone else holds the lock. */
  tryAcquire(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

export interface RefreshRequest {
  sessionId: string;
  /** The refresh token this request found in its copy of the session. */
  refreshToken: string;
  /** Asks GitLab for new tokens. */
  refresh: () => Promise<TokenSet>;
  /** Reads the session's tokens from the store (another instance may have refreshed them). */
  reload: () => Promise<TokenSet | undefined>;
}

const RECENT_RESULT_TTL_MS = 60_000;
const LOCK_TTL_MS = 15_000;
const LOCK_POLL_MS = 100;

/**
 * One refresh per session at a time. Requests of one session that find the token expiring
 * share the in-flight refresh; requests that loaded the session just before the refresh
 * finished (and so still hold the old, now consumed refresh token) get the recent result
 * instead of refreshing again. Across instances, a best-effort lock plus re-reading the store.
 */
export class RefreshCoordinator {
  private readonly inFlight = new Map<
    string,
    { refreshToken: string; promise: Promise<TokenSet> }
  >();
  private readonly recent = new Map<
    string,
    { refreshToken: string; tokens: TokenSet; timer: NodeJS.Timeout }
  >();

  constructor(private readonly lock?: DistributedLock) {}

  run(request: RefreshRequest): Promise<TokenSet> {
    const { sessionId, refreshToken } = request;
    const recent = this.recent.get(sessionId);
    if (recent?.refreshToken === refreshToken) return Promise.resolve(recent.tokens);
    const running = this.inFlight.get(sessionId);
    if (running?.refreshToken === refreshToken) return running.promise;

    const promise = this.refreshOnce(request).finally(() => {
      if (this.inFlight.get(sessionId)?.promise === promise) this.inFlight.delete(sessionId);
    });
    this.inFlight.set(sessionId, { refreshToken, promise });
    promise.then(
      (tokens) => this.remember(sessionId, refreshToken, tokens),
      () => undefined,
    );
    return promise;
  }

  /** Forget a session (logout): nothing of it may be handed out afterwards. */
  forget(sessionId: string): void {
    const recent = this.recent.get(sessionId);
    if (recent) clearTimeout(recent.timer);
    this.recent.delete(sessionId);
    this.inFlight.delete(sessionId);
  }

  private remember(sessionId: string, refreshToken: string, tokens: TokenSet): void {
    const previous = this.recent.get(sessionId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      if (this.recent.get(sessionId)?.timer === timer) this.recent.delete(sessionId);
    }, RECENT_RESULT_TTL_MS);
    timer.unref();
    this.recent.set(sessionId, { refreshToken, tokens, timer });
  }

  private async refreshOnce(request: RefreshRequest): Promise<TokenSet> {
    if (!this.lock) return request.refresh();
    const deadline = Date.now() + LOCK_TTL_MS;
    for (;;) {
      const release = await this.lock.tryAcquire(`refresh:${request.sessionId}`, LOCK_TTL_MS);
      if (release) {
        try {
          const stored = await request.reload();
          if (stored && stored.refreshToken !== request.refreshToken) return stored;
          return await request.refresh();
        } finally {
          await release().catch(() => undefined);
        }
      }
      const stored = await request.reload();
      if (stored && stored.refreshToken !== request.refreshToken) return stored;
      // The other holder may have died: its lock expires, then we try ourselves.
      if (Date.now() > deadline) return request.refresh();
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}
