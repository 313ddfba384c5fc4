import { describe, expect, it, vi } from 'vitest';
import {
  argoView,
  readyResource,
  snapshotDigests,
  WATCH_UP,
  change,
} from '../../../testing/status-fixtures';
import { StatusStore } from './status-store';

describe('the live-status store', () => {
  it('when events come, then they are applied in the order they came', () => {
    const store = new StatusStore();
    store.apply({ type: 'snapshot', data: snapshotDigests([readyResource('a')]) });
    store.apply({ type: 'cluster', data: change('b', readyResource('b')) });
    store.apply({
      type: 'cluster',
      data: change('a', readyResource('a', undefined, { resource_version: '9' })),
    });
    store.apply({ type: 'cluster', data: change('b', null) });
    const state = store.getState();
    expect(state.connection).toBe('live');
    expect([...state.digests.keys()]).toEqual(['a']);
    expect(state.digests.get('a')?.resource_version).toBe('9');
  });

  it('when a snapshot comes after changes, then it replaces everything it carries', () => {
    const store = new StatusStore();
    store.apply({
      type: 'snapshot',
      data: snapshotDigests(
        [readyResource('old')],
        argoView([{ name: 'old', status: 'Synced', failure: null }]),
      ),
    });
    store.apply({ type: 'cluster', data: change('extra', readyResource('extra')) });
    store.setConnection('reconnecting');
    store.apply({
      type: 'snapshot',
      data: snapshotDigests([readyResource('new')], null, {
        ...WATCH_UP,
        state: 'down',
        message: 'x',
      }),
    });
    const state = store.getState();
    expect([...state.digests.keys()]).toEqual(['new']);
    expect(state.argo).toBeNull();
    expect(state.argoByName.size).toBe(0);
    expect(state.watch?.state).toBe('down');
    expect(state.connection).toBe('live');
  });

  it('when Argo CD and the watch change, then the entries by name and the health follow', () => {
    const store = new StatusStore();
    store.apply({ type: 'snapshot', data: snapshotDigests([]) });
    store.apply({
      type: 'argo',
      data: argoView([{ name: 'a', status: 'OutOfSync', failure: 'denied' }]),
    });
    store.apply({ type: 'watch', data: { state: 'down', since: null, message: 'gone' } });
    const state = store.getState();
    expect(state.argoByName.get('a')?.failure).toBe('denied');
    expect(state.watch).toEqual({ state: 'down', since: null, message: 'gone' });
  });

  it('when the server sends its time, then the offset to this clock is kept', () => {
    const store = new StatusStore();
    const receivedAt = Date.parse('2026-12-07T10:00:00Z');
    store.apply({ type: 'heartbeat', data: { server_time: '2026-12-07T10:00:05Z' } }, receivedAt);
    expect(store.getState().clockOffsetMs).toBe(5_000);
    store.apply({ type: 'heartbeat', data: { server_time: 'not a time' } }, receivedAt);
    expect(store.getState().clockOffsetMs).toBe(5_000);
  });

  it('when subscribed, then each change is told and an unchanged connection is not', () => {
    const store = new StatusStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setConnection('connecting');
    store.setConnection('connecting');
    store.apply({ type: 'snapshot', data: snapshotDigests([]) });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.setConnection('reconnecting');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
