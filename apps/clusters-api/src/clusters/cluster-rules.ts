/**
 * The save and delete rules that need the repository's state (the stateless ones live in
 * packages/shared). Each throws the ApiError the contract asks for.
 */
import type { Cluster } from '@cluster-console/shared';
import { ApiError, clusterNotFound, resourceInUse, validationFailed } from '../http/api-error';
import type { ClusterIndex } from '../tenant-repo/repo-change';
import type { SaveRuleFields } from './api-generation';

/** Fields that clusters depending on this one rely on. */
const LOCKED_FIELDS = [
  'cluster_kind',
  'cluster_type',
  'usage',
  'host_cluster',
  'worker_type',
] as const;

/** The virtual clusters naming `name` as their host, sorted. */
export function dependentsOf(name: string, index: ClusterIndex): string[] {
  return [...index.values()]
    .filter((cluster) => cluster.host_cluster === name && cluster.name !== name)
    .map((cluster) => cluster.name)
    .sort();
}

/** A virtual cluster's host must be registered (404) and be a host cluster (400 on the field). */
export function checkHostCluster(body: SaveRuleFields, index: ClusterIndex): void {
  if (body.cluster_type !== 'virtual' || !body.host_cluster) return;
  const host = index.get(body.host_cluster);
  if (!host) {
    throw clusterNotFound(
      body.host_cluster,
      `Host cluster ${body.host_cluster} is not registered. Register it first, or name another host cluster.`,
    );
  }
  if (host.usage !== 'host') {
    throw validationFailed({
      host_cluster: `Cluster ${host.name} is a ${host.usage} cluster, not a host: name a cluster registered with usage "host".`,
    });
  }
}

/** An update may not change what other clusters rely on while they exist. */
export function checkLockedFields(
  existing: Cluster | undefined,
  body: SaveRuleFields,
  index: ClusterIndex,
): void {
  if (!existing) return;
  const dependents = dependentsOf(existing.name, index);
  if (dependents.length === 0) return;
  const changed = LOCKED_FIELDS.filter((field) => (existing[field] ?? '') !== (body[field] ?? ''));
  if (changed.length === 0) return;
  throw resourceInUse(
    `Cluster ${existing.name} is the host of ${dependents.join(', ')}: its ${changed.join(', ')} cannot change while they are registered. Delete or move them first.`,
    dependents,
  );
}

export function checkDeletable(name: string, index: ClusterIndex): Cluster {
  const existing = index.get(name);
  if (!existing) throw clusterNotFound(name);
  const dependents = dependentsOf(name, index);
  if (dependents.length > 0) {
    throw resourceInUse(
      `Cluster ${name} cannot be deleted: it is the host of ${dependents.join(', ')}. Delete those first.`,
      dependents,
    );
  }
  return existing;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
