import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clusterApiPath, type Cluster } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { clustersQueryOptions } from './get-clusters';
import { clusterQueryOptions } from './get-cluster';

export function deleteCluster(name: string): Promise<{ message: string }> {
  return apiRequest<{ message: string }>(clusterApiPath(name), { method: 'DELETE' });
}

export function useDeleteCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCluster,
    onSuccess: async (_result, name) => {
      // The row goes away at once; the refetch then confirms the server's view.
      queryClient.setQueryData<Cluster[]>(clustersQueryOptions().queryKey, (items) =>
        items?.filter((cluster) => cluster.name !== name),
      );
      // Not refetched now: the detail page that asked for the delete is about to leave.
      void queryClient.invalidateQueries({
        queryKey: clusterQueryOptions(name).queryKey,
        refetchType: 'none',
      });
      await queryClient.invalidateQueries({ queryKey: clustersQueryOptions().queryKey });
    },
  });
}
