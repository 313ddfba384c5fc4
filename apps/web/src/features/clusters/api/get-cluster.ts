import { queryOptions, useQuery } from '@tanstack/react-query';
import { clusterApiPath, type ClusterView } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { normalizeCluster } from './normalize-clusters';

export async function getCluster(name: string, signal?: AbortSignal): Promise<ClusterView> {
  return normalizeCluster(await apiRequest<unknown>(clusterApiPath(name), { signal }));
}

export function clusterQueryOptions(name: string) {
  return queryOptions({
    queryKey: ['clusters', 'detail', name],
    queryFn: ({ signal }) => getCluster(name, signal),
  });
}

export function useCluster(name: string) {
  return useQuery(clusterQueryOptions(name));
}
