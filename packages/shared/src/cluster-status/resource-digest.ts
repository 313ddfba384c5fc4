/**
 * What the status of a cluster needs from its Cluster resource, and nothing more: the verdict
 * the resource alone gives (deleting, no conditions yet, a condition False or Unknown, spec not
 * applied, warnings, ready), whether the spec is applied, and cluster-operator's last heartbeat
 * (compared with "now" when the status is derived). About 200 bytes of JSON instead of the
 * ~900 of the whole trimmed view, so the stream's snapshot of 5,000 clusters reaches the list's
 * badges quickly; the detail page reads one cluster's whole view on demand.
 */
import type { ClusterResourceView, ResourceDigest, ResourceReason } from './status.schema';

/** The digest of one trimmed Cluster resource (the order of checks is deriveClusterStatus's). */
export function digestClusterResource(resource: ClusterResourceView): ResourceDigest {
  const specApplied =
    resource.applied.cluster_operator.current && resource.applied.argo_operator.current;
  const digest = (state: ResourceDigest['state'], reason: ResourceReason): ResourceDigest => ({
    name: resource.name,
    resource_version: resource.resource_version,
    state,
    reason,
    spec_applied: specApplied,
    last_heartbeat: lastHeartbeat(resource),
  });
  if (resource.deleting_since) {
    return digest('deleting', {
      code: 'deleting',
      since: resource.deleting_since,
      finalizers: resource.finalizers,
    });
  }
  if (resource.conditions.length === 0) return digest('reconciling', { code: 'no-conditions' });
  // A condition False is an error; one Unknown (none False) is still being reconciled.
  const failed = resource.conditions.find((condition) => condition.status === 'False');
  const unknown = resource.conditions.find((condition) => condition.status === 'Unknown');
  const telling = failed ?? unknown;
  if (telling) {
    return digest(failed ? 'error' : 'reconciling', {
      code: failed ? 'condition-false' : 'condition-unknown',
      type: telling.type,
      operator: telling.operator,
      message: telling.message,
    });
  }
  if (!specApplied) {
    const operators = [];
    if (!resource.applied.cluster_operator.current) operators.push('cluster-operator');
    if (!resource.applied.argo_operator.current) operators.push('argo-operator');
    return digest('reconciling', { code: 'spec-not-applied', operators });
  }
  if (resource.warnings.length > 0) {
    return digest('warning', {
      code: 'warnings',
      count: resource.warnings.length,
      message: resource.warnings[0]?.message ?? '',
    });
  }
  return digest('ready', { code: 'ready' });
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
