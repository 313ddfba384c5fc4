import { describe, expect, it } from 'vitest';
import type { TokenSet } from '../session/session-data';
import { RefreshCoordinator, type DistributedLock } from './refresh-coordinator';

function tokens(n: number): TokenSet {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresAt: Date.now() + 60_000,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('RefreshCoordinator', () => {
  it('when ten requests of one session refresh at once, then one refresh runs and all get its result', async () => {
    const coordinator = new RefreshCoordinator();
    const gate = deferred<TokenSet>();
    let calls = 0;
    const request = {
      sessionId: 's1',
      refreshToken: 'refresh-0',
      refresh: () => {
        calls += 1;
        return gate.promise;
      },
      reload: () => Promise.resolve(undefined),
    };
    const results = Array.from({ length: 10 }, () => coordinator.run(request));
    // One value: two calls of tokens() may fall in different milliseconds.
    const fresh = tokens(1);
    gate.resolve(fresh);
    expect(await Promise.all(results)).toEqual(Array(10).fill(fresh));
    expect(calls).toBe(1);
  });

  it('when a request still holds the consumed refresh token after the refresh finished, then it gets the recent result', async () => {
    const coordinator = new RefreshCoordinator();
    let calls = 0;
    const request = {
      sessionId: 's1',
      refreshToken: 'refresh-0',
      refresh: () => {
        calls += 1;
        return Promise.resolve(tokens(calls));
      },
      reload: () => Promise.resolve(undefined),
    };
    const first = await coordinator.run(request);
    const late = await coordinator.run(request);
    expect(late).toEqual(first);
    expect(calls).toBe(1);
    // The next expiry, with the rotated token, refreshes again.
    await coordinator.run({ ...request, refreshToken: 'refresh-1' });
    expect(calls).toBe(2);
  });

  it('when two sessions refresh, then they do not share', async () => {
    const coordinator = new RefreshCoordinator();
    let calls = 0;
    const refresh = () => Promise.resolve(tokens(++calls));
    const reload = () => Promise.resolve(undefined);
    await Promise.all([
      coordinator.run({ sessionId: 'a', refreshToken: 'r', refresh, reload }),
      coordinator.run({ sessionId: 'b', refreshToken: 'r', refresh, reload }),
    ]);
    expect(calls).toBe(2);
  });

  it('when the refresh fails, then every waiter gets the failure and the next attempt runs anew', async () => {
    const coordinator = new RefreshCoordinator();
    let calls = 0;
    const request = {
      sessionId: 's1',
      refreshToken: 'refresh-0',
      refresh: () => {
        calls += 1;
        return Promise.reject(new Error('invalid_grant'));
      },
      reload: () => Promise.resolve(undefined),
    };
    const results = await Promise.allSettled([coordinator.run(request), coordinator.run(request)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(coordinator.run(request)).rejects.toThrow('invalid_grant');
    expect(calls).toBe(2);
  });

  it('when another instance holds the lock and stores new tokens, then this one uses them without refreshing', async () => {
    let stored: TokenSet | undefined = tokens(0);
    const lock: DistributedLock = { tryAcquire: () => Promise.resolve(undefined) };
    const coordinator = new RefreshCoordinator(lock);
    setTimeout(() => {
      stored = tokens(5);
    }, 150);
    let calls = 0;
    const result = await coordinator.run({
      sessionId: 's1',
      refreshToken: 'refresh-0',
      refresh: () => {
        calls += 1;
        return Promise.resolve(tokens(9));
      },
      reload: () => Promise.resolve(stored),
    });
    expect(result).toEqual(stored);
    expect(calls).toBe(0);
  });

  it('when the lock is free but the store already holds rotated tokens, then those are used', async () => {
    const released: string[] = [];
    const lock: DistributedLock = {
      tryAcquire: (key) =>
        Promise.resolve(() => {
          released.push(key);
          return Promise.resolve();
        }),
    };
    const coordinator = new RefreshCoordinator(lock);
    const result = await coordinator.run({
      sessionId: 's1',
      refreshToken: 'refresh-0',
      refresh: () => Promise.reject(new Error('must not refresh')),
      reload: () => Promise.resolve(tokens(3)),
    });
    expect(result.accessToken).toBe('access-3');
    expect(released).toEqual(['refresh:s1']);
  });
});
