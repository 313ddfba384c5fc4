import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CONSOLE_CLUSTER_STATUS_RESOURCE_PATH,
  ClusterResourceReplySchema,
  type ClusterResourceView,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { readReply } from '../../../lib/read-reply';

export async function getStatusResource(
  name: string,
  signal?: AbortSignal,
): Promise<ClusterResourceView | null> {
  const reply = await apiRequest<unknown>(CONSOLE_CLUSTER_STATUS_RESOURCE_PATH(name), { signal });
  return readReply(ClusterResourceReplySchema, reply).resource;
}

/**
 * One Cluster resource's whole view (conditions, warnings, entry points) for the detail page.
 * The stream carries only each resource's digest; `version` is the digest's resource version,
 * so every change the stream reports reads the view again, and the page stays live. The last
 * view stays on screen while the next one loads.
 */
export function useStatusResource(name: string, version: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['cluster-status', 'resource', name, version],
    queryFn: ({ signal }) => getStatusResource(name, signal),
    enabled,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
