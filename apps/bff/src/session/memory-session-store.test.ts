import type { SessionData } from 'express-session';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySessionStore } from './memory-session-store';

function data(expiresAt: number, extra: Partial<SessionData> = {}): SessionData {
  return {
    cookie: { expires: new Date(expiresAt), originalMaxAge: 1000 },
    ...extra,
  } as SessionData;
}

function get(store: MemorySessionStore, sid: string): Promise<SessionData | null | undefined> {
  return new Promise((resolve, reject) =>
    store.get(sid, (error, value) => (error ? reject(new Error('store error')) : resolve(value))),
  );
}

function getFrozen(store: MemorySessionStore, sid: string) {
  return new Promise<SessionData | null | undefined>((resolve, reject) =>
    store.getFrozen(sid, (error, value) =>
      error ? reject(new Error('store error')) : resolve(value),
    ),
  );
}

function size(store: MemorySessionStore): Promise<number | undefined> {
  return new Promise((resolve) => store.length((_error, length) => resolve(length)));
}

describe('MemorySessionStore', () => {
  let now = 1_000_000;
  const stores: MemorySessionStore[] = [];
  const create = (maxCount = 3) => {
    const store = new MemorySessionStore({ maxCount, defaultTtlMs: 10_000, now: () => now });
    stores.push(store);
    return store;
  };

  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    now = 1_000_000;
  });

  it('when a session is stored, then it comes back as a copy, not the same object', async () => {
    const store = create();
    const session = data(now + 5_000, { authenticatedAt: 1 });
    store.set('a', session);
    session.authenticatedAt = 2;
    expect((await get(store, 'a'))?.authenticatedAt).toBe(1);
  });

  it('when a session is read frozen, then every such read shares one object that cannot be changed, until the session is stored again', async () => {
    const store = create();
    store.set('a', data(now + 5_000, { authenticatedAt: 1, user: { username: 'u' } as never }));
    const first = await getFrozen(store, 'a');
    expect(first?.authenticatedAt).toBe(1);
    expect(await getFrozen(store, 'a')).toBe(first);
    expect(() => {
      if (first) first.authenticatedAt = 2;
    }).toThrow(TypeError);
    expect(() => {
      if (first?.user) first.user.username = 'other';
    }).toThrow(TypeError);
    // get still hands out a copy of its own.
    const copy = await get(store, 'a');
    expect(copy).toEqual(first);
    expect(Object.isFrozen(copy)).toBe(false);

    store.set('a', data(now + 5_000, { authenticatedAt: 3 }));
    expect((await getFrozen(store, 'a'))?.authenticatedAt).toBe(3);
    now += 5_001;
    expect(await getFrozen(store, 'a')).toBeNull();
  });

  it('when a session has expired, then it is gone', async () => {
    const store = create();
    store.set('a', data(now + 5_000));
    now += 5_001;
    expect(await get(store, 'a')).toBeNull();
    expect(await size(store)).toBe(0);
  });

  it('when a session is touched, then its expiry moves and its data stays', async () => {
    const store = create();
    store.set('a', data(now + 5_000, { authenticatedAt: 7 }));
    store.touch('a', data(now + 20_000));
    now += 10_000;
    expect((await get(store, 'a'))?.authenticatedAt).toBe(7);
  });

  it('when a missing session is touched, then nothing is created', async () => {
    const store = create();
    store.touch('ghost', data(now + 20_000));
    expect(await get(store, 'ghost')).toBeNull();
  });

  it('when the store is full, then expired sessions go first, then the least recently used', async () => {
    const store = create(3);
    store.set('old', data(now + 1_000));
    store.set('a', data(now + 50_000));
    store.set('b', data(now + 50_000));
    now += 2_000;
    store.set('c', data(now + 50_000));
    expect(await size(store)).toBe(3);
    expect(await get(store, 'old')).toBeNull();

    await get(store, 'a'); // a is now more recent than b
    store.set('d', data(now + 50_000));
    expect(await get(store, 'b')).toBeNull();
    for (const sid of ['a', 'c', 'd']) expect(await get(store, sid)).not.toBeNull();
  });

  it('when a session is destroyed, then it is gone', async () => {
    const store = create();
    store.set('a', data(now + 5_000));
    store.destroy('a');
    expect(await get(store, 'a')).toBeNull();
  });
});
