import { queryOptions, useQuery } from '@tanstack/react-query';
import { clusterApiPath, type Cluster } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { normalizeCluster } from './normalize-clusters';

export async function getCluster(name: string, signal?: AbortSignal): Promise<Cluster> {
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
