import {
  digestClusterResource,
  digestsToColumns,
  projectArgoApplication,
  projectClusterResource,
  type ArgoView,
  type ClusterResourceView,
  type ResourceDigest,
  type StatusStreamEventName,
  type WatchHealth,
} from '@cluster-console/shared';

/** One event of the stream, its `data` already serialized (once, for every subscriber). */
export interface StatusEvent {
  name: StatusStreamEventName;
  data: string;
}

export type StatusListener = (event: StatusEvent) => void;

interface KeptCluster {
  view: ClusterResourceView;
  /** What its status needs (the JSON route and /metrics derive from it, once per change). */
  digest: ResourceDigest;
}

/**
 * What the BFF knows of the management cluster, kept once per process: the trimmed view of
 * each Cluster resource, the tenant's Argo CD Application and the watch's health. The watches
 * write into it; the stream, the JSON route and /metrics read it. Each change is serialized
 * once and handed to the listeners (the stream's fan-out).
 */
export class StatusHub {
  private readonly clusters = new Map<string, KeptCluster>();
  private argo: ArgoView | null = null;
  private watch: WatchHealth;
  private readonly listeners = new Set<StatusListener>();
  /** The clusters' part of the snapshot (their digest columns), rebuilt only after a change. */
  private clustersJson: string | undefined;

  constructor(
    initialHealth: WatchHealth,
    /** The tenant namespace: Argo CD entries of other namespaces are not ours. */
    private readonly namespace: string,
  ) {
    this.watch = initialHealth;
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(name: StatusStreamEventName, data: string): void {
    for (const listener of this.listeners) listener({ name, data });
  }

  upsertCluster(raw: unknown): void {
    const view = projectClusterResource(raw);
    if (!view) return;
    const digest = digestClusterResource(view);
    this.clusters.set(view.name, { view, digest });
    this.clustersJson = undefined;
    this.emit('cluster', JSON.stringify({ name: view.name, digest }));
  }

  deleteCluster(name: string): void {
    if (!this.clusters.delete(name)) return;
    this.clustersJson = undefined;
    this.emit('cluster', JSON.stringify({ name, digest: null }));
  }

  /** The Application as the API server sent it, or null when it is gone. */
  setArgo(raw: unknown): void {
    this.argo = raw === null ? null : projectArgoApplication(raw, this.namespace);
    this.emit('argo', JSON.stringify(this.argo));
  }

  setHealth(health: WatchHealth): void {
    const { watch } = this;
    if (watch.state === health.state && watch.message === health.message) return;
    this.watch = health;
    this.emit('watch', JSON.stringify(health));
  }

  health(): WatchHealth {
    return this.watch;
  }

  argoView(): ArgoView | null {
    return this.argo;
  }

  resources(): IterableIterator<ClusterResourceView> {
    const kept = this.clusters.values();
    return (function* () {
      for (const cluster of kept) yield cluster.view;
    })();
  }

  resource(name: string): ClusterResourceView | null {
    return this.clusters.get(name)?.view ?? null;
  }

  digest(name: string): ResourceDigest | null {
    return this.clusters.get(name)?.digest ?? null;
  }

  /** The snapshot event's data (StatusSnapshotSchema), its digest columns reused until a change. */
  snapshotJson(now: Date): string {
    if (this.clustersJson === undefined) {
      this.clustersJson = JSON.stringify(
        digestsToColumns(Array.from(this.clusters.values(), (cluster) => cluster.digest)),
      );
    }
    return `{"server_time":${JSON.stringify(now.toISOString())},"watch":${JSON.stringify(this.watch)},"argo":${JSON.stringify(this.argo)},"clusters":${this.clustersJson}}`;
  }
}
