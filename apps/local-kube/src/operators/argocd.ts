import { CLUSTERS } from '../resources/kinds';
import { kubeTime, type KubeObject } from '../resources/object-meta';
import type { ResourceStore } from '../resources/store';
import { StatusError } from '../resources/status-error';
import {
  comparedTo,
  ensureApplication,
  entryOf,
  writeApplicationStatus,
  type ApplicationSettings,
  type ResourceEntry,
  type SyncResultEntry,
} from './application';
import type { Snapshot, TenantRepo } from './tenant-repo';

export interface ArgoCdSettings extends ApplicationSettings {
  /** How often the repository is read (Argo CD: about 3 minutes; the demo: a few seconds). */
  pollIntervalMs: number;
  /** Between seeing a new commit and applying it. */
  syncDelayMs: number;
}

/** Argo CD tracks what an Application created with this label (its default tracking method). */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

type Desired = Map<
  string,
  { spec: unknown; labels: Record<string, string>; annotations: Record<string, string> }
>;

/**
 * The "Argo CD" step: polls the tenant repository, compares its Cluster files with the Cluster
 * resources, and syncs automatically (create, update, prune) a short delay after a new commit,
 * or when a resource drifted (self-heal). Each refusal (the webhook's) is the sync's failure,
 * shown on the Application as Argo CD shows it.
 */
export class LocalArgoCd {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private syncedRevision: string | undefined;
  private lastSyncFailed = false;

  constructor(
    private readonly store: ResourceStore,
    private readonly repo: TenantRepo,
    private readonly settings: ArgoCdSettings,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  start(): void {
    ensureApplication(this.store, this.settings);
    const loop = async () => {
      await this.refresh();
      if (!this.stopped) this.timer = setTimeout(loop, this.settings.pollIntervalMs);
    };
    void loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private inFlight: Promise<void> | undefined;

  /** One poll: read Git, compare, and sync when a new commit or a drift asks for it (one at a time). */
  refresh(): Promise<void> {
    this.inFlight ??= this.poll().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async poll(): Promise<void> {
    let snapshot: Snapshot;
    try {
      snapshot = await this.repo.fetch();
    } catch (error) {
      const message = `rpc error: code = Unknown desc = failed to fetch ${this.settings.repoUrl}: ${(error as Error).message.split('\n')[0] ?? ''}`;
      this.onError(message);
      writeApplicationStatus(this.store, this.settings, (status) => ({
        ...status,
        conditions: [{ type: 'ComparisonError', message, lastTransitionTime: kubeTime() }],
      }));
      return;
    }
    if (this.stopped) return;
    const desired = this.desired(snapshot);
    const resources = this.compare(desired);
    this.writeComparison(snapshot.revision, resources);
    const drifted = resources.some((entry) => entry.status === 'OutOfSync');
    const newCommit = snapshot.revision !== this.syncedRevision;
    if (newCommit || (drifted && !this.lastSyncFailed)) {
      await new Promise((resolve) => setTimeout(resolve, this.settings.syncDelayMs));
      if (this.stopped) return;
      this.sync(snapshot.revision, desired);
      this.writeComparison(snapshot.revision, this.compare(desired));
    }
  }

  private desired(snapshot: Snapshot): Desired {
    const desired: Desired = new Map();
    for (const file of snapshot.files) {
      for (const document of file.documents) {
        const metadata = (document.metadata ?? {}) as {
          name?: string;
          labels?: Record<string, string>;
          annotations?: Record<string, string>;
        };
        if (!metadata.name) continue;
        desired.set(metadata.name, {
          spec: document.spec ?? {},
          labels: { ...metadata.labels, [INSTANCE_LABEL]: this.settings.name },
          annotations: metadata.annotations ?? {},
        });
      }
    }
    return desired;
  }

  private managed(): KubeObject[] {
    return this.store
      .list(CLUSTERS, this.settings.namespace)
      .filter((object) => object.metadata.labels?.[INSTANCE_LABEL] === this.settings.name);
  }

  private compare(desired: Desired): ResourceEntry[] {
    const entries: ResourceEntry[] = [];
    for (const [name, want] of desired) {
      const live = this.store.get(CLUSTERS, this.settings.namespace, name);
      const same =
        live !== undefined && JSON.stringify(live.spec ?? {}) === JSON.stringify(want.spec);
      entries.push({
        ...entryOf(name, this.settings.namespace),
        status: same ? 'Synced' : 'OutOfSync',
      });
    }
    for (const live of this.managed()) {
      if (desired.has(live.metadata.name)) continue;
      entries.push({
        ...entryOf(live.metadata.name, this.settings.namespace),
        status: 'OutOfSync',
        requiresPruning: true,
      });
    }
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  private writeComparison(revision: string, resources: ResourceEntry[]): void {
    writeApplicationStatus(this.store, this.settings, (status) => {
      const next: Record<string, unknown> = {
        ...status,
        sync: {
          status: resources.every((entry) => entry.status === 'Synced') ? 'Synced' : 'OutOfSync',
          revision,
          comparedTo: comparedTo(this.settings),
        },
        health: { status: 'Healthy' },
        resources,
        sourceType: 'Kustomize',
      };
      delete next.conditions;
      return next;
    });
  }

  private sync(revision: string, desired: Desired): void {
    const startedAt = kubeTime();
    const results: SyncResultEntry[] = [];
    const namespace = this.settings.namespace;
    const attempt = (
      name: string,
      action: () => string,
      failedStatus: SyncResultEntry['status'] = 'SyncFailed',
    ) => {
      try {
        const message = action();
        results.push({
          ...entryOf(name, namespace),
          status: message === 'pruned' ? 'Pruned' : 'Synced',
          message,
          hookPhase: 'Running',
          syncPhase: 'Sync',
        });
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
        results.push({
          ...entryOf(name, namespace),
          status: failedStatus,
          message: error.message,
          hookPhase: 'Failed',
          syncPhase: 'Sync',
        });
      }
    };
    // Argo CD applies before it prunes: a virtual cluster moves off a host before the host goes.
    for (const [name, want] of desired) {
      attempt(name, () => this.apply(name, want));
    }
    for (const live of this.managed()) {
      if (desired.has(live.metadata.name) || live.metadata.deletionTimestamp) continue;
      attempt(live.metadata.name, () => {
        this.store.delete(CLUSTERS, namespace, live.metadata.name);
        return 'pruned';
      });
    }
    const failed = results.filter((entry) => entry.status === 'SyncFailed');
    this.syncedRevision = revision;
    this.lastSyncFailed = failed.length > 0;
    writeApplicationStatus(this.store, this.settings, (status) => ({
      ...status,
      operationState: {
        operation: { sync: { revision, prune: true }, initiatedBy: { automated: true } },
        phase: failed.length > 0 ? 'Failed' : 'Succeeded',
        message:
          failed.length > 0
            ? `one or more objects failed to apply, reason: ${failed.map((entry) => entry.message).join(',')}`
            : 'successfully synced (all tasks run)',
        startedAt,
        finishedAt: kubeTime(),
        syncResult: { revision, resources: results, source: comparedTo(this.settings).source },
      },
    }));
  }

  private apply(
    name: string,
    want: { spec: unknown; labels: Record<string, string>; annotations: Record<string, string> },
  ): string {
    const namespace = this.settings.namespace;
    const live = this.store.get(CLUSTERS, namespace, name);
    const resource = `cluster.${CLUSTERS.group}/${name}`;
    if (!live) {
      this.store.create(CLUSTERS, namespace, {
        apiVersion: `${CLUSTERS.group}/${CLUSTERS.version}`,
        kind: CLUSTERS.kind,
        metadata: {
          name,
          namespace,
          labels: want.labels,
          ...(Object.keys(want.annotations).length > 0 ? { annotations: want.annotations } : {}),
        },
        spec: want.spec,
      });
      return `${resource} created`;
    }
    if (JSON.stringify(live.spec ?? {}) === JSON.stringify(want.spec))
      return `${resource} unchanged`;
    this.store.modify(CLUSTERS, namespace, name, (current) => ({
      ...current,
      metadata: { ...current.metadata, labels: { ...current.metadata.labels, ...want.labels } },
      spec: want.spec,
    }));
    return `${resource} configured`;
  }
}
