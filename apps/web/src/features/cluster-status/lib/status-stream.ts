import type { QueryClient } from '@tanstack/react-query';
import { loadTextPart } from '../../../lib/i18n';
import { takeEarlyStatusStream } from './early-status-stream';
import { StatusStore } from './status-store';

/**
 * The tab's one live-status connection, shared by every component that shows a status (list,
 * detail, the page after Save). Started by the first of them when it first renders. The stream's
 * code (with the contract's zod schemas) and its texts are not in the app's first download: the
 * list's route loads them beside its own code without waiting for them (router.tsx), so the
 * first row does not wait. When the list is the first page, its first script has opened the
 * stream once the list answered (early-status-stream.ts) and this takes it over. Kept open for
 * the tab's life: moving between pages does not reconnect.
 */
export class StatusStream {
  readonly store = new StatusStore();
  private started = false;
  private stopped = false;
  private close: (() => void) | undefined;

  constructor(private readonly queryClient: QueryClient) {}

  start(): void {
    // A browser without EventSource (or a unit test's jsdom) shows no status: nothing breaks.
    if (this.started || typeof EventSource === 'undefined') return;
    this.started = true;
    void this.connect();
  }

  /** Closes the stream for good, also one whose code is still loading (it then never opens). */
  stop(): void {
    this.stopped = true;
    this.close?.();
    this.close = undefined;
  }

  private async connect(): Promise<void> {
    // Every browser the console supports has EventSource; a page without it (jsdom in the unit
    // tests) simply has no live status, rather than a reconnect timer throwing later.
    if (typeof EventSource === 'undefined') return;
    const [connection, probe] = await loadStatusStreamCode();
    if (this.stopped) return;
    this.close = connection.connectStatusStream(this.store, {
      // The list's first script may have opened it already, with its snapshot on the way.
      open: (url) => takeEarlyStatusStream() ?? new EventSource(url),
      probe: () => probe.probeStatusAccess(this.queryClient),
    });
  }
}

let code: ReturnType<typeof loadCode> | undefined;

function loadCode() {
  return Promise.all([
    import('../api/status-connection'),
    import('../api/probe-status-access'),
    // Every word a status needs is there before the first one shows.
    loadTextPart('status'),
  ]);
}

/**
 * The stream's code and words, loaded once. The list's route asks for them beside its own code,
 * so that the stream opens as soon as the list has rendered, without a download in between.
 */
export function loadStatusStreamCode(): ReturnType<typeof loadCode> {
  code ??= loadCode();
  return code;
}

const streams = new WeakMap<QueryClient, StatusStream>();

/** The stream of one query client (one per tab; tests make a client, and so a stream, each). */
export function statusStreamOf(queryClient: QueryClient): StatusStream {
  let stream = streams.get(queryClient);
  if (!stream) {
    stream = new StatusStream(queryClient);
    streams.set(queryClient, stream);
  }
  return stream;
}
