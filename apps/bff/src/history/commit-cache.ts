/**
 * What a commit says never changes (a SHA names its content), so what history reads of a
 * commit is kept: a Cluster file's fields at a commit, and the files a commit deleted. Least
 * recently used entries go first once the cache holds `maxBytes` (sizes are estimates).
 *
 * Shared by the users of this BFF, and safe to share: the BFF reads one tenant project, and
 * only requests that passed `requireClusterReader` (Reporter or more on that project, who
 * could read the same commit from GitLab themselves) ever reach it, to read or to fill it.
 * Secrets never enter it: fields are stored already redacted.
 */
export class CommitCache {
  private readonly entries = new Map<string, { value: unknown; size: number }>();
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value as T;
  }

  set(key: string, value: unknown, size: number): void {
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.size -= old.size;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
  }

  /** Cached, or read once by `load` and kept with its estimated size. */
  async through<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get<{ value: T }>(key);
    if (cached) return cached.value;
    const value = await load();
    // Wrapped, so that a cached `undefined` (a file absent at a commit) is a hit too.
    this.set(key, { value }, key.length * 2 + (JSON.stringify(value)?.length ?? 4) * 2 + 64);
    return value;
  }
}
