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
    // The save is done when the server says so: the list and the cluster are refetched from
    // here on (the list is in use on the wizard, so at once), but the user does not wait for
    // thousands of clusters to come back before reading "registered". The refetch starts once
    // that page has painted: reading 1,000 clusters took the main thread while it rendered.
    onSuccess: (_result, { name }) => {
      afterNextPaint(() => {
        void queryClient.invalidateQueries({ queryKey: clustersQueryOptions().queryKey });
        void queryClient.invalidateQueries({ queryKey: clusterQueryOptions(name).queryKey });
      });
    },
  });
}

/** Runs `task` after the next frame is painted (a frame callback runs before its paint). */
function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}
