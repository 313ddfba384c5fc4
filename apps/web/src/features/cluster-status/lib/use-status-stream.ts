import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StatusStreamState } from './status-store';
import { statusStreamOf } from './status-stream';

/** Statuses are derived again this often, so "Stale" and "3 minutes ago" stay true. */
export const STATUS_TICK_MS = 15_000;

/** The tab's live status; starts the stream a frame after this component's first paint. */
export function useStatusStream(): StatusStreamState {
  const stream = statusStreamOf(useQueryClient());
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => stream.start(), 0));
    return () => cancelAnimationFrame(frame);
  }, [stream]);
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
