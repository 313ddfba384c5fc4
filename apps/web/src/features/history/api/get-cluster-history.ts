import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import {
  CONSOLE_HISTORY_PATH,
  ClusterHistorySchema,
  type ClusterHistory,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { readReply } from '../../../lib/read-reply';

export const HISTORY_PAGE_SIZE = 20;

export async function getClusterHistory(
  name: string,
  page: number,
  signal?: AbortSignal,
): Promise<ClusterHistory> {
  const query = new URLSearchParams({ page: String(page), per_page: String(HISTORY_PAGE_SIZE) });
  const reply = await apiRequest<unknown>(`${CONSOLE_HISTORY_PATH(name)}?${query}`, { signal });
  return readReply(ClusterHistorySchema, reply, 'history.invalidReply');
}

export function clusterHistoryQueryOptions(name: string) {
  return infiniteQueryOptions({
    queryKey: ['history', 'cluster', name],
    queryFn: ({ pageParam, signal }) => getClusterHistory(name, pageParam, signal),
    // Saves and deletes elsewhere (the wizard, the list) do not invalidate it: ask on each visit.
    staleTime: 0,
    initialPageParam: 1,
    // GitLab's x-next-page: absent on the last page, which ends "show older".
    getNextPageParam: (last) => last.next_page,
  });
}

export function useClusterHistory(name: string) {
  return useInfiniteQuery(clusterHistoryQueryOptions(name));
}
