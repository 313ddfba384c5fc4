import { CLUSTERS } from '../resources/kinds';
import { kubeTime, type KubeObject } from '../resources/object-meta';
import type { ResourceStore, StoreEvent } from '../resources/store';
import { StatusError } from '../resources/status-error';
import { restamp, setCondition, type ClusterStatus } from './conditions';

export const FINALIZER = 'cluster.nautes.resource.nautes.io/finalizers';

export interface OperatorSettings {
  namespace: string;
  /** cluster-operator's first write after a spec change (secret store, entry points). */
  clusterOperatorDelayMs: number;
  /** argo-operator's and base-operator's writes, after cluster-operator's. */
  argoOperatorDelayMs: number;
  /** cluster-operator's reconcile period: it re-stamps its conditions' lastTransitionTime. */
  heartbeatMs: number;
  /** Cleaning up before the finalizer is removed. */
  deletionDelayMs: number;
}

const CLUSTER_OPERATOR_CONDITIONS = ['SecretStoreReady', 'EntryPointCollected'];

interface Spec {
  usage?: string;
  clusterType?: string;
  hostCluster?: string;
  traefik?: { httpNodePort?: string; httpsNodePort?: string };
  componentsList?: { gateway?: { name?: string; additions?: Record<string, string> } };
}

/**
 * Nautes' three operators as the demo needs them. There is no Vault or Argo CD here to fail,
 * so every reconcile succeeds after a short delay. The rule that keeps a status written by
 * someone else (a test, a person playing a failing operator): the operators write conditions
 * only when they reconcile a new spec (a new `metadata.generation`, which status writes never
 * change); the heartbeat then moves only `lastTransitionTime` of cluster-operator's two
 * conditions, keeping their status and message.
 */
export class LocalNautesOperators {
  private readonly reconciled = new Map<string, number>();
  private readonly secretVersions = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private unsubscribe: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: ResourceStore,
    private readonly settings: OperatorSettings,
  ) {}

  start(): void {
    for (const object of this.store.list(CLUSTERS, this.settings.namespace)) this.observe(object);
    this.unsubscribe = this.store.watch(this.store.resourceVersion, (event) => this.onEvent(event));
    this.heartbeat = setInterval(() => this.beat(), this.settings.heartbeatMs);
  }

  stop(): void {
    this.unsubscribe?.();
    clearInterval(this.heartbeat);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(delayMs: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        work();
      } catch (error) {
        // The object changed or went away meanwhile: the next event reconciles again.
        if (!(error instanceof StatusError)) throw error;
      }
    }, delayMs);
    this.timers.add(timer);
  }

  private onEvent(event: StoreEvent): void {
    if (event.kind !== CLUSTERS || event.object.metadata.namespace !== this.settings.namespace)
      return;
    if (event.type === 'DELETED') {
      this.reconciled.delete(event.object.metadata.uid ?? '');
      return;
    }
    this.observe(event.object);
  }

  private observe(object: KubeObject): void {
    const { uid = '', generation = 1, name, finalizers = [], deletionTimestamp } = object.metadata;
    if (deletionTimestamp) {
      if (finalizers.includes(FINALIZER) && this.reconciled.get(uid) !== -1) {
        this.reconciled.set(uid, -1);
        this.later(this.settings.deletionDelayMs, () => this.release(name));
      }
      return;
    }
    if (this.reconciled.get(uid) === generation) return;
    this.reconciled.set(uid, generation);
    this.later(this.settings.clusterOperatorDelayMs, () => this.clusterOperator(name, uid));
    this.later(this.settings.clusterOperatorDelayMs + this.settings.argoOperatorDelayMs, () =>
      this.argoAndBaseOperators(name, uid),
    );
  }

  private current(name: string, uid: string): KubeObject | undefined {
    const object = this.store.get(CLUSTERS, this.settings.namespace, name);
    return object?.metadata.uid === uid && !object.metadata.deletionTimestamp ? object : undefined;
  }

  /** cluster-operator: its finalizer, the kubeconfig "stored" (SecretStoreReady), entry points. */
  private clusterOperator(name: string, uid: string): void {
    const object = this.current(name, uid);
    if (!object) return;
    if (!(object.metadata.finalizers ?? []).includes(FINALIZER)) {
      this.store.modify(CLUSTERS, this.settings.namespace, name, (current) => ({
        ...current,
        metadata: {
          ...current.metadata,
          finalizers: [...(current.metadata.finalizers ?? []), FINALIZER],
        },
      }));
    }
    const secretID = String((this.secretVersions.get(name) ?? 0) + 1);
    this.secretVersions.set(name, Number(secretID));
    const spec = (object.spec ?? {}) as Spec;
    this.writeStatus(name, (status) => {
      let next = setCondition(status, 'SecretStoreReady', 'RegularUpdate');
      next = setCondition(next, 'EntryPointCollected', 'RegularUpdate');
      next.mgtAuthStatus = {
        lastSuccessSpec: JSON.stringify(object.spec ?? {}),
        lastSuccessTime: kubeTime(),
        secretID,
      };
      if (spec.usage === 'worker') next.entryPoints = this.entryPoints(spec);
      else delete next.entryPoints;
      return next;
    });
  }

  /** argo-operator (the cluster registered in Argo CD) and base-operator (product info). */
  private argoAndBaseOperators(name: string, uid: string): void {
    const object = this.current(name, uid);
    if (!object) return;
    this.writeStatus(name, (status) => {
      let next = setCondition(
        status,
        'ClusterSyncToArgocd',
        'RegularUpdate',
        `successfully saved cluster ${name} to argocd`,
      );
      next.sync2ArgoStatus = {
        lastSuccessSpec: JSON.stringify(object.spec ?? {}),
        lastSuccessTime: kubeTime(),
        secretID: String(this.secretVersions.get(name) ?? 1),
      };
      next = setCondition(next, 'ProductInfoUpdated', 'DataSourceChanged');
      return next;
    });
  }

  /** Entry points of a worker: its Traefik NodePorts, or, for a virtual cluster, its host's. */
  private entryPoints(spec: Spec): Record<string, unknown> {
    const host =
      spec.clusterType === 'virtual' && spec.hostCluster
        ? ((this.store.get(CLUSTERS, this.settings.namespace, spec.hostCluster)?.spec ??
            {}) as Spec)
        : spec;
    const additions = host.componentsList?.gateway?.additions ?? {};
    const http = host.traefik?.httpNodePort ?? additions.httpNodePort ?? '30080';
    const https = host.traefik?.httpsNodePort ?? additions.httpsNodePort ?? '30443';
    return { traefik: { httpPort: Number(http), httpsPort: Number(https), type: 'NodePort' } };
  }

  private writeStatus(name: string, change: (status: ClusterStatus) => ClusterStatus): void {
    this.store.modify(
      CLUSTERS,
      this.settings.namespace,
      name,
      (current) => ({
        ...current,
        status: change(structuredClone((current.status ?? {}) as ClusterStatus)),
      }),
      { subresource: 'status' },
    );
  }

  /** The heartbeat: every reconciled cluster's cluster-operator conditions get a new lastTransitionTime. */
  private beat(): void {
    for (const object of this.store.list(CLUSTERS, this.settings.namespace)) {
      const conditions = (object.status as ClusterStatus | undefined)?.conditions ?? [];
      if (
        object.metadata.deletionTimestamp ||
        !conditions.some((c) => CLUSTER_OPERATOR_CONDITIONS.includes(c.type))
      )
        continue;
      try {
        this.writeStatus(object.metadata.name, (status) =>
          restamp(status, CLUSTER_OPERATOR_CONDITIONS),
        );
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
      }
    }
  }

  /** Clean-up done: the finalizer goes, and with it (if it was the last) the resource. */
  private release(name: string): void {
    this.store.modify(CLUSTERS, this.settings.namespace, name, (current) => ({
      ...current,
      metadata: {
        ...current.metadata,
        finalizers: (current.metadata.finalizers ?? []).filter(
          (finalizer) => finalizer !== FINALIZER,
        ),
      },
    }));
  }
}
