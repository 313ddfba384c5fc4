import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { DistributedLock } from '../auth/refresh-coordinator';

/** Deletes the key only if it still holds our value (the lock may have expired and been taken). */
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** SET NX PX: good enough for "usually only one instance refreshes"; not a consensus lock. */
export class RedisLock implements DistributedLock {
  constructor(
    private readonly client: RedisClientType,
    private readonly prefix: string,
  ) {}

  async tryAcquire(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const fullKey = `${this.prefix}${key}`;
    const value = randomUUID();
    const result = await this.client.set(fullKey, value, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    if (result !== 'OK') return undefined;
    return async () => {
      await this.client.eval(RELEASE_SCRIPT, { keys: [fullKey], arguments: [value] });
    };
  }
}
