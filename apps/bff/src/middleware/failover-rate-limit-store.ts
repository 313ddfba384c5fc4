import {
  MemoryStore,
  type ClientRateLimitInfo,
  type Options,
  type Store,
} from 'express-rate-limit';
import type { SharedRateLimitState } from './shared-rate-limits';

/** A Redis that takes longer than this to count is as good as down for the request waiting. */
const SHARED_TIMEOUT_MS = 1_000;

/**
 * A rate-limit store that counts in the shared store (Redis, one count across replicas) and,
 * whenever that fails — scripting denied by ACL, a read-only replica after a failover, out of
 * memory, unreachable, too slow — in this replica's memory instead, with the same limits. A
 * limit may get weaker (per replica) but never vanishes: a Redis that cannot count is exactly
 * when an attacker's requests must still be refused. Back to shared as soon as Redis counts again
 * (tried once per SharedRateLimitState's retry interval).
 */
export class FailoverRateLimitStore implements Store {
  private readonly local = new MemoryStore();
  private options: Options | undefined;
  /** The shared store's scripts must be loaded (again) before it is asked. */
  private sharedNeedsInit = true;
  /** Keys are not local: counts of different limiters are kept apart by `prefix`. */
  readonly localKeys = false;

  constructor(
    private readonly shared: Store,
    private readonly state: SharedRateLimitState,
  ) {}

  get prefix(): string | undefined {
    return this.shared.prefix;
  }

  init(options: Options): void {
    this.options = options;
    this.local.init(options);
    if (!this.state.tryShared()) return;
    this.initShared().then(
      () => this.state.worked(),
      (error: unknown) => this.state.failed(error),
    );
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (this.state.tryShared()) {
      try {
        if (this.sharedNeedsInit) await this.initShared();
        const counted = await withTimeout(this.shared.increment(key), SHARED_TIMEOUT_MS);
        this.state.worked();
        return counted;
      } catch (error) {
        // rate-limit-redis keeps a failed script load for ever: load it again on the next try.
        this.sharedNeedsInit = true;
        this.state.failed(error);
      }
    }
    return this.local.increment(key);
  }

  async decrement(key: string): Promise<void> {
    await Promise.allSettled([this.shared.decrement(key), this.local.decrement(key)]);
  }

  async resetKey(key: string): Promise<void> {
    await Promise.allSettled([this.shared.resetKey(key), this.local.resetKey(key)]);
  }

  shutdown(): void {
    void this.local.shutdown();
  }

  private async initShared(): Promise<void> {
    if (this.options)
      await withTimeout(Promise.resolve(this.shared.init?.(this.options)), SHARED_TIMEOUT_MS);
    this.sharedNeedsInit = false;
  }
}

function withTimeout<T>(work: Promise<T> | T, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer));
}
