import session from 'express-session';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: session.SessionData | null) => void;

interface Entry {
  json: string;
  expiresAt: number;
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
 * express-session's own MemoryStore never evicts and grows without bound. This one is
 * bounded (LRU over a Map, which keeps insertion order) and expiring (each entry lives
 * until its cookie's expiry; `touch` extends it). Sessions are stored as JSON so a caller
 * never shares mutable objects with the store.
 */
export class MemorySessionStore extends session.Store implements FrozenSessionReader {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: MemorySessionStoreOptions) {
    super();
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.sweeper.unref();
  }

  override get(sid: string, callback: GetCallback): void {
    const entry = this.read(sid);
    callback(null, entry ? (JSON.parse(entry.json) as session.SessionData) : null);
  }

  /**
   * The session frozen all the way down (changing it throws) and shared: parsed once per
   * stored version instead of once per read, for readers that only look at it (the API fast
   * lane reads a session on every proxied call). A `set` stores a new version.
   */
  getFrozen(sid: string, callback: GetCallback): void {
    const entry = this.read(sid);
    if (entry) entry.frozen ??= deepFreeze(JSON.parse(entry.json) as session.SessionData);
    callback(null, entry ? entry.frozen : null);
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.entries.delete(sid);
    this.entries.set(sid, { json: JSON.stringify(data), expiresAt: this.expiryOf(data) });
    this.evictOverflow();
    callback?.();
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const entry = this.live(sid);
    if (entry) {
      entry.expiresAt = this.expiryOf(data);
      this.bump(sid, entry);
    }
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
    this.sweep();
    callback(null, this.entries.size);
  }

  /** Stops the expiry sweep (tests, shutdown). */
  close(): void {
    clearInterval(this.sweeper);
  }

  /** The live entry, marked as the most recently used. */
  private read(sid: string): Entry | undefined {
    const entry = this.live(sid);
    if (entry) this.bump(sid, entry);
    return entry;
  }

  private live(sid: string): Entry | undefined {
    const entry = this.entries.get(sid);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(sid);
      return undefined;
    }
    return entry;
  }

  private bump(sid: string, entry: Entry): void {
    this.entries.delete(sid);
    this.entries.set(sid, entry);
  }

  private expiryOf(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    const at = expires ? new Date(expires).getTime() : Number.NaN;
    return Number.isFinite(at) ? at : this.now() + this.options.defaultTtlMs;
  }

  private evictOverflow(): void {
    if (this.entries.size <= this.options.maxCount) return;
    this.sweep();
    for (const sid of this.entries.keys()) {
      if (this.entries.size <= this.options.maxCount) break;
      this.entries.delete(sid);
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [sid, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(sid);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
