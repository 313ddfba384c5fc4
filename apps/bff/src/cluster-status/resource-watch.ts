import type { Logger } from 'pino';
import type { ManagementCluster } from './management-cluster';
import { describeWatchError, statusCodeOf, type WatchTarget } from './watch-error-words';

/** A namespaced collection of custom resources, as the API server addresses it. */
export interface WatchedResource {
  group: string;
  version: string;
  namespace: string;
  plural: string;
  /** e.g. `metadata.name=nautes`: one object of the collection. */
  fieldSelector?: string;
}

export interface ResourceWatchHealth {
  state: 'starting' | 'up' | 'down';
  /** Why it is down, in words; empty otherwise. */
  message: string;
}

export interface ResourceWatchOptions {
  cluster: ManagementCluster;
  resource: WatchedResource;
  target: WatchTarget;
  /** An object was added or changed (as the API server sent it). */
  onUpsert(object: unknown): void;
  onDelete(name: string): void;
  onHealth(health: ResourceWatchHealth): void;
  logger: Logger;
  /** Restart delays after errors: doubling from `initialMs`, never above `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** A list that has not answered by then counts as failed. */
  listTimeoutMs?: number;
}

interface WatchOutcome {
  /** Why the watch ended; null when the server closed it normally. */
  error: unknown;
  /** The server said the kept resourceVersion is too old (an ERROR event with code 410). */
  gone: boolean;
  /** When the API server accepted the watch (HTTP 200); undefined when it did not. */
  establishedAt: number | undefined;
}

interface KubeObjectLike {
  metadata?: { name?: unknown; resourceVersion?: unknown };
}

const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };
const DEFAULT_LIST_TIMEOUT_MS = 30_000;
/** A watch that lived this long and was cut is resumed at once; a shorter one waits. */
const QUICK_END_MS = 1_000;

const nameOf = (object: unknown): string | undefined => {
  const name = (object as KubeObjectLike | null)?.metadata?.name;
  return typeof name === 'string' && name ? name : undefined;
};
const versionOf = (object: unknown): string => {
  const version = (object as KubeObjectLike | null)?.metadata?.resourceVersion;
  return typeof version === 'string' ? version : '';
};

/**
 * List, then watch from the list's resourceVersion, as client-go's reflector does: the version
 * of the last event is kept, so a watch the server ends (its timeout, a dropped connection) is
 * resumed where it stopped; 410 Gone (too old) lists again; any other error restarts after a
 * doubling, capped delay and is reported as `down` with words. The library does the protocol
 * (Watch: the streamed events; CustomObjectsApi: the list, auth and TLS from the kubeconfig);
 * only projections leave this class, never kept raw objects (a name -> version map is all it
 * holds, to tell a relist's changes).
 */
export class ResourceWatch {
  private readonly known = new Map<string, string>();
  private resourceVersion = '';
  private stopped = true;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private controller: AbortController | undefined;
  private lastLogged = '';
  private readonly watch: InstanceType<ManagementCluster['library']['Watch']>;
  private readonly api: InstanceType<ManagementCluster['library']['CustomObjectsApi']>;
  private readonly path: string;
  private readonly backoff: { initialMs: number; maxMs: number };

  constructor(private readonly options: ResourceWatchOptions) {
    const { library, kubeConfig } = options.cluster;
    this.watch = new library.Watch(kubeConfig);
    this.api = kubeConfig.makeApiClient(library.CustomObjectsApi);
    const { group, version, namespace, plural } = options.resource;
    this.path = `/apis/${group}/${version}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.onHealth({ state: 'starting', message: '' });
    void this.cycle();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.cycle(), delayMs);
    this.timer.unref();
  }

  private async cycle(): Promise<void> {
    if (this.stopped) return;
    let outcome: WatchOutcome;
    try {
      if (!this.resourceVersion) await this.relist();
      if (this.stopped) return;
      outcome = await this.watchOnce();
    } catch (error) {
      outcome = { error, gone: false, establishedAt: undefined };
    }
    if (this.stopped) return;
    if (outcome.gone || statusCodeOf(outcome.error) === 410) {
      this.resourceVersion = '';
      this.schedule(0);
      return;
    }
    const lived = outcome.establishedAt === undefined ? 0 : Date.now() - outcome.establishedAt;
    // The server ended the watch (its timeout), or an established watch was cut after a
    // while (a proxy's idle timeout, an API server restart): resume from the kept version at
    // once, quietly. Only a watch that fails to start or dies at once is news.
    if (lived >= QUICK_END_MS) {
      this.schedule(0);
      return;
    }
    if (outcome.error === null || outcome.error === undefined) {
      this.schedule(QUICK_END_MS);
      return;
    }
    this.failures += 1;
    const message = describeWatchError(
      outcome.error,
      this.options.target,
      this.options.cluster.server,
    );
    this.options.onHealth({ state: 'down', message });
    if (message !== this.lastLogged) {
      this.lastLogged = message;
      this.options.logger.warn(
        { event: 'status_watch_down', resource: this.options.resource.plural, error: message },
        'watch of the management cluster failed; retrying',
      );
    }
    this.schedule(Math.min(this.backoff.initialMs * 2 ** (this.failures - 1), this.backoff.maxMs));
  }

  private markUp(): void {
    this.failures = 0;
    if (this.lastLogged) {
      this.options.logger.info(
        { event: 'status_watch_up', resource: this.options.resource.plural },
        'watch of the management cluster is back',
      );
      this.lastLogged = '';
    }
    this.options.onHealth({ state: 'up', message: '' });
  }

  private async relist(): Promise<void> {
    const { group, version, namespace, plural, fieldSelector } = this.options.resource;
    let timer: NodeJS.Timeout | undefined;
    const list = (await Promise.race([
      this.api.listNamespacedCustomObject({ group, version, namespace, plural, fieldSelector }),
      new Promise((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('the list did not answer in time')),
          this.options.listTimeoutMs ?? DEFAULT_LIST_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer))) as { items?: unknown; metadata?: unknown };
    if (this.stopped) return;
    const items = Array.isArray(list.items) ? (list.items as unknown[]) : [];
    const seen = new Set<string>();
    for (const item of items) {
      const name = nameOf(item);
      if (!name) continue;
      seen.add(name);
      const itemVersion = versionOf(item);
      if (this.known.get(name) === itemVersion && itemVersion) continue;
      this.known.set(name, itemVersion);
      this.options.onUpsert(item);
    }
    for (const name of [...this.known.keys()]) {
      if (seen.has(name)) continue;
      this.known.delete(name);
      this.options.onDelete(name);
    }
    this.resourceVersion = versionOf(list);
    this.markUp();
  }

  private watchOnce(): Promise<WatchOutcome> {
    return new Promise((resolve) => {
      let gone = false;
      let establishedAt: number | undefined;
      let streamError: unknown = null;
      let finished = false;
      const done = (error: unknown) => {
        if (finished) return;
        finished = true;
        this.controller = undefined;
        resolve({ error: error ?? streamError, gone, establishedAt });
      };
      const onEvent = (type: string, object: unknown) => {
        if (this.stopped) return;
        if (type !== 'ERROR') {
          this.apply(type, object);
          return;
        }
        // An ERROR event ends the watch on the server's side; what it said decides the restart.
        const status = object as { code?: unknown; message?: unknown } | null;
        if (status?.code === 410) gone = true;
        else {
          const said = typeof status?.message === 'string' ? status.message : 'watch error';
          streamError = Object.assign(new Error(said), {
            statusCode: typeof status?.code === 'number' ? status.code : undefined,
            body: object,
          });
        }
      };
      const query: Record<string, string | boolean> = {
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: true,
      };
      if (this.options.resource.fieldSelector) {
        query.fieldSelector = this.options.resource.fieldSelector;
      }
      this.watch.watch(this.path, query, onEvent, done).then((controller) => {
        if (finished) return;
        if (this.stopped) {
          controller.abort();
          return;
        }
        this.controller = controller;
        establishedAt = Date.now();
        // The API server took the watch: after a restart that needed no list, we are up again.
        this.markUp();
      }, done);
    });
  }

  private apply(type: string, object: unknown): void {
    const version = versionOf(object);
    if (version) this.resourceVersion = version;
    const name = nameOf(object);
    if (!name) return;
    if (type === 'ADDED' || type === 'MODIFIED') {
      if (this.known.get(name) === version && version) return;
      this.known.set(name, version);
      this.options.onUpsert(object);
    } else if (type === 'DELETED') {
      if (this.known.delete(name)) this.options.onDelete(name);
    }
  }
}
