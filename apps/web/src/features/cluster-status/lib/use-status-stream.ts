import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { StatusStreamState } from './status-store';
import { statusStreamOf } from './status-stream';

/** Statuses are derived again this often, so "Stale" and "3 minutes ago" stay true. */
export const STATUS_TICK_MS = 15_000;

/**
 * The tab's live status; starts the stream as this component renders with `ready` (before the
 * browser paints it: waiting for the paint cost about 80 ms on the 5,000-cluster list). The list
 * passes `ready` once its own answer is in (opened beside the list's request, the snapshot
 * delayed the list on a busy machine), or once its first script has opened the stream.
 */
export function useStatusStream(ready = true): StatusStreamState {
  const stream = statusStreamOf(useQueryClient());
  useLayoutEffect(() => {
    if (ready) stream.start();
  }, [stream, ready]);
  return useSyncExternalStore(stream.store.subscribe, stream.store.getState);
}

/**
 * The server's "now" in ms (this clock plus the offset the stream measured), moved every tick:
 * a number, so that what is derived from it is computed again only when it moves.
 */
export function useStatusNow(clockOffsetMs: number): number {
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocal(Date.now()), STATUS_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return local + clockOffsetMs;
}
