import type { Cluster } from '@cluster-console/shared';

export const SORT_KEYS = [
  'name',
  'cluster_type',
  'usage',
  'worker_type',
  'host_cluster',
  'api_server',
  'primary_domain',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const CLUSTER_TYPES = ['physical', 'virtual'] as const;
export const USAGES = ['host', 'worker'] as const;
export const WORKER_TYPES = ['pipeline', 'deployment'] as const;

/** Everything about the list view that lives in the URL, so it survives reloads and links. */
export interface ListView {
  q: string;
  type: string;
  usage: string;
  worker: string;
  /** A live-status state (see features/cluster-status); any value is kept, unknown ones match nothing. */
  status: string;
  sort: SortKey;
  dir: SortDirection;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.find((candidate) => candidate === value) ?? '';
}

export function readListView(params: URLSearchParams): ListView {
  const sort = SORT_KEYS.find((key) => key === params.get('sort')) ?? 'name';
  return {
    q: params.get('q') ?? '',
    type: oneOf(CLUSTER_TYPES, params.get('type')),
    usage: oneOf(USAGES, params.get('usage')),
    worker: oneOf(WORKER_TYPES, params.get('worker')),
    // Checked against the states where the filter is drawn: the list page loads no zod schemas.
    status: params.get('status') ?? '',
    sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Defaults are left out so that the plain list keeps the plain URL. */
export function writeListView(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.type) params.set('type', view.type);
  if (view.usage) params.set('usage', view.usage);
  if (view.worker) params.set('worker', view.worker);
  if (view.status) params.set('status', view.status);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  return params;
}

export function hasFilters(view: ListView): boolean {
  return Boolean(view.q || view.type || view.usage || view.worker || view.status);
}

/** host name -> names of the virtual clusters it carries (sorted). */
export function virtualClustersByHost(clusters: readonly Cluster[]): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (const cluster of clusters) {
    if (cluster.cluster_type !== 'virtual' || !cluster.host_cluster) continue;
    const list = byHost.get(cluster.host_cluster) ?? [];
    list.push(cluster.name);
    byHost.set(cluster.host_cluster, list);
  }
  for (const list of byHost.values()) list.sort();
  return byHost;
}
