import type { WatchHealth } from '@cluster-console/shared';
import { describe, expect, it } from 'vitest';
import { CombinedWatchHealth } from './watch-health';

function combined(parts: string[]) {
  let clock = Date.parse('2026-12-07T10:00:00.000Z');
  const changes: WatchHealth[] = [];
  const health = new CombinedWatchHealth(
    parts,
    (value) => changes.push(value),
    () => new Date(clock),
  );
  return { health, changes, tick: (ms: number) => (clock += ms) };
}

describe('CombinedWatchHealth', () => {
  it('when it starts, then it is starting until every watch has listed, then up', () => {
    const { health, changes, tick } = combined(['clusters', 'argo']);
    expect(health.value().state).toBe('starting');
    tick(1_000);
    health.set('clusters', { state: 'up', message: '' });
    expect(changes).toEqual([]);
    health.set('argo', { state: 'up', message: '' });
    expect(changes).toEqual([
      {
        state: 'up',
        since: '2026-12-07T10:00:01.000Z',
        message: 'Watching the management cluster.',
      },
    ]);
  });

  it('when one watch goes down, then the whole is down with its words, since the first failure even as the words change', () => {
    const { health, changes, tick } = combined(['clusters', 'argo']);
    health.set('clusters', { state: 'up', message: '' });
    health.set('argo', { state: 'up', message: '' });
    tick(60_000);
    health.set('argo', { state: 'down', message: '403 Forbidden' });
    tick(5_000);
    health.set('argo', { state: 'down', message: 'could not be reached' });
    expect(changes.slice(1)).toEqual([
      { state: 'down', since: '2026-12-07T10:01:00.000Z', message: '403 Forbidden' },
      { state: 'down', since: '2026-12-07T10:01:00.000Z', message: 'could not be reached' },
    ]);
    tick(5_000);
    health.set('argo', { state: 'up', message: '' });
    expect(health.value()).toMatchObject({ state: 'up', since: '2026-12-07T10:01:10.000Z' });
  });

  it('when both are down, then both reasons are told', () => {
    const { health } = combined(['clusters', 'argo']);
    health.set('clusters', { state: 'down', message: 'A.' });
    health.set('argo', { state: 'down', message: 'B.' });
    expect(health.value().message).toBe('A. B.');
  });
});
