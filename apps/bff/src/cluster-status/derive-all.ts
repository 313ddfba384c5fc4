import {
  deriveStatusFromDigest,
  describeStatusReason,
  type ClusterStatus,
  type ClusterStatusList,
} from '@cluster-console/shared';
import type { StatusHub } from './status-hub';

export interface DerivedCluster {
  name: string;
  status: ClusterStatus;
}

/**
 * Every cluster's state, by name: the clusters in Git (when the caller knows them), in the
 * management cluster and in the Argo CD Application. `gitNames` undefined (no user token,
 * e.g. /metrics): a cluster counts as in Git when Argo CD lists its file or its resource
 * exists, so "removed from Git, resource still there" cannot be told.
 */
export function deriveAll(
  hub: StatusHub,
  gitNames: ReadonlySet<string> | undefined,
  now: Date,
): DerivedCluster[] {
  const argo = hub.argoView();
  const names = new Set<string>(gitNames);
  for (const resource of hub.resources()) names.add(resource.name);
  for (const entry of argo?.clusters ?? []) names.add(entry.name);
  const watch = hub.health();
  const argoEntries = new Map(argo?.clusters.map((entry) => [entry.name, entry]));
  return [...names].sort().map((name) => {
    // The digest the hub keeps for the stream: nothing is digested again per request.
    const digest = hub.digest(name);
    const argoEntry = argoEntries.get(name) ?? null;
    const inGit = gitNames ? gitNames.has(name) : argoEntry !== null || digest !== null;
    return {
      name,
      status: deriveStatusFromDigest({ inGit, digest, argo: argoEntry, watch, now }),
    };
  });
}

/** `GET /api/console/cluster-status`'s answer (ClusterStatusListSchema). */
export function statusList(
  hub: StatusHub,
  gitNames: ReadonlySet<string>,
  now: Date,
): ClusterStatusList {
  return {
    server_time: now.toISOString(),
    watch: hub.health(),
    clusters: deriveAll(hub, gitNames, now).map(({ name, status }) => ({
      name,
      state: status.state,
      reason_code: status.reason.code,
      reason: describeStatusReason(status.reason, now),
      spec_applied: status.specApplied,
    })),
  };
}
