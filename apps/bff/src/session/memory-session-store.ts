import session from 'express-session';
import { LRUCache } from 'lru-cache';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: session.SessionData | null) => void;

interface Entry {
  json: string;
  /** `json` parsed and frozen, made by the first getFrozen of this stored version. */
  frozen?: session.SessionData;
}

/** A store that can hand out a session without copying it, to readers that only look. */
export interface FrozenSessionReader {
  getFrozen(sid: string, callback: GetCallback): void;
}

export interface MemorySessionStoreOptions {
  /** At most this many sessions; the least recently used one goes first when full. */
  maxCount: number;
  /** Used when a session's cookie carries no expiry. */
  defaultTtlMs: number;
  sweepIntervalMs?: number;
  now?: () => number;
}

/**
 * express-session's own MemoryStore never evicts and grows without bound. This one keeps its
 * sessions in lru-cache: bounded (the least recently used goes first when full, after the
 * expired ones) and expiring (each entry lives until its cookie's expiry; `touch` extends it).
 * Sessions are stored as JSON so a caller never shares mutable objects with the store.
 */
export class MemorySessionStore extends session.Store implements FrozenSessionReader {
  private readonly entries: LRUCache<string, Entry>;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: MemorySessionStoreOptions) {
    super();
    const now = options.now ?? Date.now;
    this.now = now;
    this.entries = new LRUCache<string, Entry>({
      max: options.maxCount,
      // Expiry is read from the clock on every look-up (no cached "now"), so an injected
      // clock is followed exactly.
      perf: { now },
      ttlResolution: 0,
    });
    // Expired sessions are dropped when read or when the store is full; the sweep frees the
    // memory of those never read again.
    this.sweeper = setInterval(() => this.entries.purgeStale(), options.sweepIntervalMs ?? 60_000);
    this.sweeper.unref();
  }

  override get(sid: string, callback: GetCallback): void {
    const entry = this.entries.get(sid);
    callback(null, entry ? (JSON.parse(entry.json) as session.SessionData) : null);
  }

  /**
   * The session frozen all the way down (changing it throws) and shared: parsed once per
   * stored version instead of once per read, for readers that only look at it (the API fast
   * lane reads a session on every proxied call). A `set` stores a new version.
   */
  getFrozen(sid: string, callback: GetCallback): void {
    const entry = this.entries.get(sid);
    if (entry) entry.frozen ??= deepFreeze(JSON.parse(entry.json) as session.SessionData);
    callback(null, entry ? entry.frozen : null);
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.store(sid, { json: JSON.stringify(data) }, data);
    callback?.();
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const entry = this.entries.get(sid);
    if (entry) this.store(sid, entry, data);
    callback?.();
  }

  override destroy(sid: string, callback?: Callback): void {
    this.entries.delete(sid);
    callback?.();
  }

  override clear(callback?: Callback): void {
    this.entries.clear();
    callback?.();
  }

  override length(callback: (error: unknown, length?: number) => void): void {
    this.entries.purgeStale();
    callback(null, this.entries.size);
  }

  /** Stops the expiry sweep (tests, shutdown). */
  close(): void {
    clearInterval(this.sweeper);
  }

  /** Stores `entry` until the session's cookie expires; when full, expired sessions go first. */
  private store(sid: string, entry: Entry, data: session.SessionData): void {
    const ttl = this.expiryOf(data) - this.now();
    if (ttl <= 0) {
      this.entries.delete(sid);
      return;
    }
    if (this.entries.size >= this.options.maxCount && !this.entries.has(sid)) {
      this.entries.purgeStale();
    }
    this.entries.set(sid, entry, { ttl });
  }

  private expiryOf(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    const at = expires ? new Date(expires).getTime() : Number.NaN;
    return Number.isFinite(at) ? at : this.now() + this.options.defaultTtlMs;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
