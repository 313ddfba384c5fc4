/**
 * One status per cluster, from what the console knows of it: the tenant repository (Git), the
 * Cluster resource in the management cluster, the tenant's Argo CD entry for its file, and the
 * BFF's watch. Both the web (list, detail, the page after Save) and the BFF (JSON route,
 * /metrics) call this, so a state means the same everywhere.
 */
import { digestClusterResource } from './resource-digest';
import type {
  ArgoClusterEntry,
  ClusterResourceView,
  ClusterState,
  ResourceDigest,
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

/** The same, with the resource's digest (what the stream sends) instead of its whole view. */
export interface DigestStatusInput extends Omit<StatusInput, 'resource'> {
  digest: ResourceDigest | null;
}

export interface ClusterStatus {
  state: ClusterState;
  reason: StatusReason;
  /** Both operators applied the current spec; null without a resource. */
  specApplied: boolean | null;
}

export function deriveClusterStatus(input: StatusInput): ClusterStatus {
  const { resource, ...rest } = input;
  return deriveStatusFromDigest({
    ...rest,
    digest: resource ? digestClusterResource(resource) : null,
  });
}

/**
 * The status from the resource's digest: the watch, Argo CD and Git come first, then the
 * heartbeat (it needs "now"), then what the resource alone says (digestClusterResource).
 */
export function deriveStatusFromDigest(input: DigestStatusInput): ClusterStatus {
  const { digest } = input;
  const status = (state: ClusterState, reason: StatusReason): ClusterStatus => ({
    state,
    reason,
    specApplied: digest ? digest.spec_applied : null,
  });

  const { watch } = input;
  if (watch.state === 'not-configured') {
    return status('not-configured', { code: 'not-configured', message: watch.message });
  }
  if (watch.state === 'starting') return status('stale', { code: 'watch-starting' });
  if (watch.state === 'down') {
    return status('stale', { code: 'watch-down', since: watch.since, message: watch.message });
  }
  if (digest?.reason.code === 'deleting') return status(digest.state, digest.reason);
  // A refused file never becomes (or changes) a resource: Argo CD's words are all there is.
  if (input.argo?.failure) {
    return status('sync-failed', { code: 'sync-failed', message: input.argo.failure });
  }
  if (!digest) {
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
  // No conditions means no heartbeat either: "no conditions yet" is not stale.
  const heartbeat = digest.last_heartbeat;
  if (heartbeat !== null && input.now.getTime() - Date.parse(heartbeat) > HEARTBEAT_STALE_MS) {
    return status('stale', { code: 'no-heartbeat', last_heartbeat: heartbeat });
  }
  return status(digest.state, digest.reason);
}
