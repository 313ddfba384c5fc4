/**
 * Remembers when this process last let a session roll (express-session pushing its cookie
 * and store expiry forward), so that a session is rolled once per `intervalMs` instead of on
 * every request. The idle timeout then holds to within `intervalMs`. Bounded: entries older
 * than the interval are worthless and are dropped, the oldest first when full.
 */
export class RollTracker {
  private readonly rolledAt = new Map<string, number>();

  constructor(
    readonly intervalMs: number,
    readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `sessionId` was rolled within the interval (no roll needed now). */
  isFresh(sessionId: string): boolean {
    const at = this.rolledAt.get(sessionId);
    return at !== undefined && this.now() - at < this.intervalMs;
  }

  /** Records that `sessionId` is being rolled now. */
  rolled(sessionId: string): void {
    this.rolledAt.delete(sessionId);
    this.rolledAt.set(sessionId, this.now());
    if (this.rolledAt.size > this.maxEntries) this.dropStale();
  }

  get size(): number {
    return this.rolledAt.size;
  }

  /** Map order is insertion order, and `rolled` re-inserts: the oldest entries come first. */
  private dropStale(): void {
    const now = this.now();
    for (const [sessionId, at] of this.rolledAt) {
      if (this.rolledAt.size <= this.maxEntries && now - at < this.intervalMs) break;
      this.rolledAt.delete(sessionId);
    }
  }
}
