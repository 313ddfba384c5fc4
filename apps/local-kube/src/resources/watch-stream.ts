import type { ServerResponse } from 'node:http';
import { apiVersionOf, type KindInfo } from './kinds';
import type { KubeObject } from './object-meta';
import type { Matcher } from './selectors';
import type { ResourceStore, StoreEvent } from './store';
import { StatusError } from './status-error';
import { toTable } from './table';

export interface WatchRequest {
  kind: KindInfo;
  namespace: string | undefined;
  matches: Matcher;
  /** `resourceVersion` as given; `''` or `'0'`: start with the current objects as ADDED. */
  resourceVersion: string;
  timeoutSeconds: number;
  allowWatchBookmarks: boolean;
  /** `sendInitialEvents=true`: the current objects, then a BOOKMARK marking their end. */
  sendInitialEvents: boolean;
  table: boolean;
}

interface OpenWatch {
  bookmark(): void;
  close(abrupt: boolean): void;
}

/** Every open watch, so a test can drop them all or make them bookmark now. */
export class WatchRegistry {
  private readonly open = new Set<OpenWatch>();

  constructor(private readonly bookmarkIntervalMs: number) {}

  get size(): number {
    return this.open.size;
  }

  /**
   * End every watch: cleanly (the stream ends, as a server ending a watch early does) or
   * abruptly (the connection is cut, as a crashing server or a proxy does).
   */
  dropAll(abrupt = false): void {
    for (const watch of [...this.open]) watch.close(abrupt);
  }

  bookmarkAll(): void {
    for (const watch of this.open) watch.bookmark();
  }

  /** The stream of events for one `?watch=true` request: JSON objects, one per line. */
  serve(store: ResourceStore, request: WatchRequest, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': request.table
        ? 'application/json;as=Table;v=v1;g=meta.k8s.io'
        : 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    const send = (type: string, object: unknown) => {
      res.write(`${JSON.stringify({ type, object })}\n`);
    };
    const sendObject = (type: string, object: KubeObject) => {
      send(type, request.table ? toTable([object], object.metadata.resourceVersion ?? '') : object);
    };
    const bookmark = (annotations?: Record<string, string>) => {
      send('BOOKMARK', {
        kind: request.kind.kind,
        apiVersion: apiVersionOf(request.kind),
        metadata: {
          resourceVersion: String(store.resourceVersion),
          creationTimestamp: null,
          ...(annotations ? { annotations } : {}),
        },
      });
    };
    const inScope = (object: KubeObject | undefined) =>
      object !== undefined &&
      (request.namespace === undefined || object.metadata.namespace === request.namespace) &&
      request.matches(object);

    const onEvent = (event: StoreEvent) => {
      if (event.kind !== request.kind) return;
      const now = inScope(event.object);
      const before = event.type === 'ADDED' ? false : inScope(event.previous ?? event.object);
      // Selectors: an object that starts matching is ADDED, one that stops matching DELETED.
      if (event.type === 'DELETED') {
        if (before || now) sendObject('DELETED', event.object);
      } else if (now && before) sendObject('MODIFIED', event.object);
      else if (now) sendObject('ADDED', event.object);
      else if (before) sendObject('DELETED', event.object);
    };

    let from = Number(request.resourceVersion);
    const fromNow = request.resourceVersion === '' || request.resourceVersion === '0';
    if (fromNow || request.sendInitialEvents) {
      for (const object of store.list(request.kind, request.namespace).filter(inScope)) {
        sendObject('ADDED', object);
      }
      from = store.resourceVersion;
      if (request.sendInitialEvents && request.allowWatchBookmarks) {
        bookmark({ 'k8s.io/initial-events-end': 'true' });
      }
    } else if (!Number.isInteger(from) || from < 0) {
      send(
        'ERROR',
        new StatusError(
          400,
          'BadRequest',
          `invalid resource version: ${request.resourceVersion}`,
        ).toStatus(),
      );
      res.end();
      return;
    }
    let unsubscribe: () => void;
    try {
      unsubscribe = store.watch(from, onEvent);
    } catch (error) {
      // Too old: the watch cache answers in the stream, with a 200, then ends it.
      if (!(error instanceof StatusError)) throw error;
      send('ERROR', error.toStatus());
      res.end();
      return;
    }
    const stop = () => {
      clearInterval(ticker);
      clearTimeout(deadline);
      unsubscribe();
      this.open.delete(watch);
    };
    const watch: OpenWatch = {
      bookmark: () => {
        if (request.allowWatchBookmarks) bookmark();
      },
      close: (abrupt) => {
        // Unsubscribed at once: nothing may be written after the end.
        stop();
        if (abrupt) res.destroy();
        else res.end();
      },
    };
    this.open.add(watch);
    const ticker = setInterval(() => watch.bookmark(), this.bookmarkIntervalMs);
    const deadline = setTimeout(() => watch.close(false), request.timeoutSeconds * 1000);
    res.once('close', stop);
  }
}
