import { CONSOLE_CLUSTER_STATUS_STREAM_PATH } from '@cluster-console/shared';
import { withBase } from '../../../lib/base-path';
import type { StatusStore } from '../lib/status-store';
import { parseStatusEvent, STATUS_EVENT_NAMES } from './parse-status-event';
import type { StatusAccess } from './probe-status-access';

/** The part of the browser's EventSource this uses (tests give a stand-in). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export interface ConnectionOptions {
  open: (url: string) => EventSourceLike;
  /** Why the stream failed for good (EventSource gives up on a non-2xx answer). */
  probe: () => Promise<StatusAccess>;
  /** Waits before opening again after such a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

const CLOSED = 2;
const RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

/** The stream's URL as this page must ask for it (under the console's base path). */
export function statusStreamUrl(): string {
  return withBase(CONSOLE_CLUSTER_STATUS_STREAM_PATH);
}

/**
 * Opens the live-status stream and keeps it open: each event goes into `store` in the order it
 * came. A dropped connection is reopened by EventSource itself (Reconnecting meanwhile; the
 * server sends a fresh snapshot). A refused one (EventSource stops) is explained by `probe`:
 * 403 and "no such route" end it, anything else is tried again after a growing wait. Returns
 * the function that closes it.
 */
export function connectStatusStream(store: StatusStore, options: ConnectionOptions): () => void {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let source: EventSourceLike | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const refused = async (failed: EventSourceLike) => {
    failed.close();
    const access = await options.probe();
    if (closed || source !== failed) return;
    if (access === 'forbidden' || access === 'not-configured') {
      store.setConnection(access);
      return;
    }
    // Signed out (the app's session handling acts), a restarting server, a proxy's 502: again.
    store.setConnection('reconnecting');
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 30_000;
    failures += 1;
    timer = setTimeout(open, delay);
  };

  const open = () => {
    if (closed) return;
    store.setConnection(store.getState().watch ? 'reconnecting' : 'connecting');
    let current: ReturnType<typeof options.open>;
    try {
      current = options.open(statusStreamUrl());
    } catch {
      // No EventSource to open (a page torn down under a pending retry): nothing to follow.
      closed = true;
      return;
    }
    source = current;
    for (const name of STATUS_EVENT_NAMES) {
      current.addEventListener(name, (event) => {
        if (source !== current) return;
        const parsed = parseStatusEvent(name, String((event as MessageEvent).data));
        if (parsed) store.apply(parsed);
      });
    }
    current.addEventListener('open', () => {
      failures = 0;
    });
    current.addEventListener('error', () => {
      if (closed || source !== current) return;
      if (current.readyState === CLOSED) void refused(current);
      else store.setConnection('reconnecting');
    });
  };

  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
    source = null;
  };
}
