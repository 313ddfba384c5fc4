import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '../../../testing/fake-event-source';
import { readyResource, snapshot, change } from '../../../testing/status-fixtures';
import { StatusStore } from '../lib/status-store';
import type { StatusAccess } from './probe-status-access';
import { connectStatusStream } from './status-connection';

function connect(access: StatusAccess = 'unavailable') {
  const store = new StatusStore();
  const probe = vi.fn(() => Promise.resolve(access));
  const close = connectStatusStream(store, {
    open: (url) => new FakeEventSource(url),
    probe,
    retryDelaysMs: [1_000, 5_000],
  });
  return { store, probe, close, source: () => FakeEventSource.latest() };
}

describe('the live-status connection', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when opened, then it asks for the stream path and is live from the snapshot on', () => {
    const { store, source } = connect();
    expect(source().url).toBe('/api/console/cluster-status/stream');
    expect(store.getState().connection).toBe('connecting');
    source().emit('snapshot', snapshot([readyResource('a')]));
    expect(store.getState().connection).toBe('live');
    expect(store.getState().digests.has('a')).toBe(true);
  });

  it('when the connection drops, then it says Reconnecting and the next snapshot replaces the state', () => {
    const { store, source } = connect();
    source().emit('snapshot', snapshot([readyResource('a')]));
    source().drop();
    expect(store.getState().connection).toBe('reconnecting');
    // The last known statuses stay on screen meanwhile.
    expect(store.getState().digests.has('a')).toBe(true);
    source().emit('snapshot', snapshot([readyResource('b')]));
    expect(store.getState().connection).toBe('live');
    expect([...store.getState().digests.keys()]).toEqual(['b']);
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('when the stream is refused and the user may not read statuses, then it says so and stops', async () => {
    const { store, source, probe } = connect('forbidden');
    source().refuse();
    await vi.runAllTimersAsync();
    expect(probe).toHaveBeenCalledOnce();
    expect(store.getState().connection).toBe('forbidden');
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('when the console has no status route, then it is not configured', async () => {
    const { store, source } = connect('not-configured');
    source().refuse();
    await vi.runAllTimersAsync();
    expect(store.getState().connection).toBe('not-configured');
  });

  it('when the stream is refused for another reason, then it opens again after a growing wait', async () => {
    const { store, source } = connect('unavailable');
    source().refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().connection).toBe('reconnecting');
    expect(FakeEventSource.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    source().refuse();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(FakeEventSource.opened).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.opened).toHaveLength(3);
    source().emit('snapshot', snapshot([]));
    expect(store.getState().connection).toBe('live');
  });

  it('when an event is not what the contract says, then it is dropped and the rest still apply', () => {
    const { store, source } = connect();
    source().emit('snapshot', snapshot([]));
    source().emit('cluster', '{not json');
    source().emit('cluster', { name: 'a' });
    source().emit('cluster', change('b', readyResource('b')));
    expect([...store.getState().digests.keys()]).toEqual(['b']);
  });

  it('when closed, then its source is closed and no event applies any more', () => {
    const { store, source, close } = connect();
    const first = source();
    close();
    expect(first.closed).toBe(true);
    first.emit('snapshot', snapshot([readyResource('a')]));
    expect(store.getState().digests.size).toBe(0);
  });
});
