/**
 * One status per cluster, from what the console knows of it: the tenant repository (Git), the
 * Cluster resource in the management cluster, the tenant's Argo CD entry for its file, and the
 * BFF's watch. Both the web (list, detail, the page after Save) and the BFF (JSON route,
 * /metrics) call this, so a state means the same everywhere.
 */
import type {
  ArgoClusterEntry,
  ClusterResourceView,
  ClusterState,
  WatchHealth,
} from './status.schema';

/** cluster-operator re-stamps its conditions about every 60 s; three missed beats is stale. */
export const HEARTBEAT_STALE_MS = 3 * 60 * 1000;

/** Why a state was chosen: a code (translated by the web) and its values. */
export type StatusReason =
  | { code: 'not-configured'; message: string }
  | { code: 'watch-starting' }
  | { code: 'watch-down'; since: string | null; message: string }
  | { code: 'deleting'; since: string; finalizers: string[] }
  | { code: 'sync-failed'; message: string }
  | { code: 'waiting-create'; committed_at: string | null }
  | { code: 'waiting-change' }
  | { code: 'waiting-removal' }
  | { code: 'removed' }
  | { code: 'no-conditions' }
  | { code: 'condition-unknown'; type: string; operator: string | null; message: string }
  | { code: 'spec-not-applied'; operators: string[] }
  | { code: 'condition-false'; type: string; operator: string | null; message: string }
  | { code: 'no-heartbeat'; last_heartbeat: string }
  | { code: 'warnings'; count: number; message: string }
  | { code: 'ready' };
export type StatusReasonCode = StatusReason['code'];

export interface StatusInput {
  /** The cluster's file is in the tenant repository (the clusters API lists it). */
  inGit: boolean;
  /** When the file was last committed, if the caller knows (the page after Save does). */
  committedAt?: string | null;
  resource: ClusterResourceView | null;
  argo: ArgoClusterEntry | null;
  watch: WatchHealth;
  now: Date;
}

export interface ClusterStatus {
  state: ClusterState;
  reason: StatusReason;
  /** Both operators applied the current spec; null without a resource. */
  specApplied: boolean | null;
}

export function deriveClusterStatus(input: StatusInput): ClusterStatus {
  const { resource } = input;
  const specApplied = resource
    ? resource.applied.cluster_operator.current && resource.applied.argo_operator.current
    : null;
  const status = (state: ClusterState, reason: StatusReason): ClusterStatus => ({
    state,
    reason,
    specApplied,
  });

  const { watch } = input;
  if (watch.state === 'not-configured') {
    return status('not-configured', { code: 'not-configured', message: watch.message });
  }
  if (watch.state === 'starting') return status('stale', { code: 'watch-starting' });
  if (watch.state === 'down') {
    return status('stale', { code: 'watch-down', since: watch.since, message: watch.message });
  }
  if (resource?.deleting_since) {
    return status('deleting', {
      code: 'deleting',
      since: resource.deleting_since,
      finalizers: resource.finalizers,
    });
  }
  // A refused file never becomes (or changes) a resource: Argo CD's words are all there is.
  if (input.argo?.failure) {
    return status('sync-failed', { code: 'sync-failed', message: input.argo.failure });
  }
  if (!resource) {
    if (!input.inGit && !input.argo) return status('deleting', { code: 'removed' });
    return status('waiting-for-sync', {
      code: 'waiting-create',
      committed_at: input.committedAt ?? null,
    });
  }
  if (!input.inGit) return status('waiting-for-sync', { code: 'waiting-removal' });
  if (input.argo && input.argo.status !== 'Synced') {
    return status('waiting-for-sync', { code: 'waiting-change' });
  }
  if (resource.conditions.length === 0) return status('reconciling', { code: 'no-conditions' });

  const heartbeat = lastHeartbeat(resource);
  if (heartbeat !== null && input.now.getTime() - Date.parse(heartbeat) > HEARTBEAT_STALE_MS) {
    return status('stale', { code: 'no-heartbeat', last_heartbeat: heartbeat });
  }
  const failed = resource.conditions.find((condition) => condition.status === 'False');
  if (failed) {
    return status('error', {
      code: 'condition-false',
      type: failed.type,
      operator: failed.operator,
      message: failed.message,
    });
  }
  const unknown = resource.conditions.find((condition) => condition.status === 'Unknown');
  if (unknown) {
    return status('reconciling', {
      code: 'condition-unknown',
      type: unknown.type,
      operator: unknown.operator,
      message: unknown.message,
    });
  }
  if (!specApplied) {
    const operators = [];
    if (!resource.applied.cluster_operator.current) operators.push('cluster-operator');
    if (!resource.applied.argo_operator.current) operators.push('argo-operator');
    return status('reconciling', { code: 'spec-not-applied', operators });
  }
  if (resource.warnings.length > 0) {
    return status('warning', {
      code: 'warnings',
      count: resource.warnings.length,
      message: resource.warnings[0]?.message ?? '',
    });
  }
  return status('ready', { code: 'ready' });
}

/** cluster-operator's newest re-stamp of its own conditions: its heartbeat. */
function lastHeartbeat(resource: ClusterResourceView): string | null {
  let newest: string | null = null;
  for (const condition of resource.conditions) {
    if (condition.operator !== 'cluster-operator' || !condition.last_transition_time) continue;
    if (newest === null || Date.parse(condition.last_transition_time) > Date.parse(newest)) {
      newest = condition.last_transition_time;
    }
  }
  return newest;
}
