import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clusterApiPath, type SaveClusterBody } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { clustersQueryOptions } from './get-clusters';
import { clusterQueryOptions } from './get-cluster';

export interface SaveClusterInput {
  name: string;
  body: SaveClusterBody;
}

export interface SaveClusterResult {
  message: string;
}

export function saveCluster({ name, body }: SaveClusterInput): Promise<SaveClusterResult> {
  return apiRequest<SaveClusterResult>(clusterApiPath(name), { method: 'POST', body });
}

export function useSaveCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCluster,
    onSuccess: async (_result, { name }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: clustersQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: clusterQueryOptions(name).queryKey }),
      ]);
    },
  });
}
