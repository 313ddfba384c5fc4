/**
 * The order of a batch, as the Nautes CLI keeps it (`nautes apply -f` creates clusters before
 * what depends on them and removes them last): a virtual cluster needs its host. On apply, a
 * host in the batch goes before the virtual clusters on it; on delete, the virtual clusters go
 * before their host, and a host whose virtual clusters are not all being deleted is refused
 * before any request is sent.
 */

/** What ordering needs of a cluster: its name, and its host when it is virtual. */
export interface BatchCluster {
  name: string;
  cluster_type?: string;
  host_cluster?: string;
}

/** One step of a batch: the cluster, and the batch members that must succeed before it. */
export interface BatchStep<T extends BatchCluster = BatchCluster> {
  cluster: T;
  needs: string[];
}

const hostOf = (cluster: BatchCluster): string | undefined =>
  cluster.cluster_type === 'virtual' && cluster.host_cluster ? cluster.host_cluster : undefined;

/** Apply: clusters nothing in the batch is needed for first (file order), then their dependants. */
export function applyOrder<T extends BatchCluster>(clusters: readonly T[]): BatchStep<T>[] {
  const names = new Set(clusters.map((cluster) => cluster.name));
  const steps = clusters.map((cluster) => {
    const host = hostOf(cluster);
    return { cluster, needs: host && host !== cluster.name && names.has(host) ? [host] : [] };
  });
  return [
    ...steps.filter((step) => step.needs.length === 0),
    ...steps.filter((step) => step.needs.length > 0),
  ];
}

/** A host the selection would delete while virtual clusters outside it still use it. */
export interface RefusedHost {
  host: string;
  /** The virtual clusters on it that are not selected. */
  remaining: string[];
}

export type DeletePlan<T extends BatchCluster> =
  { ok: true; steps: BatchStep<T>[] } | { ok: false; refused: RefusedHost[] };

/**
 * Delete: virtual clusters first, then the hosts, each host after the virtual clusters on it.
 * `all` is every registered cluster (to find a host's virtual clusters outside the selection).
 */
export function deleteOrder<T extends BatchCluster>(
  selected: readonly T[],
  all: readonly BatchCluster[],
): DeletePlan<T> {
  const chosen = new Set(selected.map((cluster) => cluster.name));
  const virtualsOn = new Map<string, string[]>();
  for (const cluster of all) {
    const host = hostOf(cluster);
    if (host) virtualsOn.set(host, [...(virtualsOn.get(host) ?? []), cluster.name]);
  }
  const refused: RefusedHost[] = [];
  for (const cluster of selected) {
    const remaining = (virtualsOn.get(cluster.name) ?? []).filter((name) => !chosen.has(name));
    if (remaining.length > 0) refused.push({ host: cluster.name, remaining });
  }
  if (refused.length > 0) return { ok: false, refused };
  const steps = selected.map((cluster) => ({
    cluster,
    needs: (virtualsOn.get(cluster.name) ?? []).filter((name) => chosen.has(name)),
  }));
  return {
    ok: true,
    steps: [
      ...steps.filter((step) => step.needs.length === 0),
      ...steps.filter((step) => step.needs.length > 0),
    ],
  };
}
