import { queryOptions, useQuery } from '@tanstack/react-query';
import { CLUSTERS_API_PATH, type ClusterView } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { normalizeClusterList } from './normalize-clusters';

export async function getClusters(signal?: AbortSignal): Promise<ClusterView[]> {
  // Either generation's reply, in one shape; "", null and {} count as absent.
  return normalizeClusterList(await apiRequest<unknown>(CLUSTERS_API_PATH, { signal })).items;
}

export function clustersQueryOptions() {
  return queryOptions({
    queryKey: ['clusters', 'list'],
    queryFn: ({ signal }) => getClusters(signal),
  });
}

export function useClusters() {
  return useQuery(clustersQueryOptions());
}
