import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import {
  CONSOLE_DELETED_CLUSTERS_PATH,
  DeletedClustersSchema,
  type DeletedClusters,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { readReply } from '../../../lib/read-reply';

export const DELETED_PAGE_SIZE = 20;

export async function getDeletedClusters(
  page: number,
  signal?: AbortSignal,
): Promise<DeletedClusters> {
  const query = new URLSearchParams({ page: String(page), per_page: String(DELETED_PAGE_SIZE) });
  const reply = await apiRequest<unknown>(`${CONSOLE_DELETED_CLUSTERS_PATH}?${query}`, { signal });
  return readReply(DeletedClustersSchema, reply, 'history.invalidReply');
}

export function deletedClustersQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ['history', 'deleted'],
    queryFn: ({ pageParam, signal }) => getDeletedClusters(pageParam, signal),
    // A delete from the list or the detail page does not invalidate it: ask on each visit.
    staleTime: 0,
    initialPageParam: 1,
    // A page may hold no deletion and still have an older one (pages are pages of commits).
    getNextPageParam: (last) => last.next_page,
  });
}

export function useDeletedClusters() {
  return useInfiniteQuery(deletedClustersQueryOptions());
}
