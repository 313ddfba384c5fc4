import { describe, expect, it } from 'vitest';
import { CommitCache } from './commit-cache';

describe('CommitCache', () => {
  it('when a value was read once, then it is not read again, an absent file included', async () => {
    const cache = new CommitCache(10_000);
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(undefined);
    };
    expect(await cache.through('fields\0p\0sha\0a.yaml', load)).toBeUndefined();
    expect(await cache.through('fields\0p\0sha\0a.yaml', load)).toBeUndefined();
    expect(loads).toBe(1);
  });

  it('when a load fails, then nothing is kept', async () => {
    const cache = new CommitCache(10_000);
    await expect(cache.through('k', () => Promise.reject(new Error('down')))).rejects.toThrow();
    expect(await cache.through('k', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('when it holds more than its size, then the least recently used go first', () => {
    const cache = new CommitCache(300);
    cache.set('a', 'A', 100);
    cache.set('b', 'B', 100);
    cache.set('c', 'C', 100);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('d', 'D', 100);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['A', 'C', 'D']);
    cache.set('huge', 'H', 301);
    expect(cache.get('huge')).toBeUndefined();
  });
});
