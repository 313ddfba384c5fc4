import type { QueryClient } from '@tanstack/react-query';
import { CONSOLE_CLUSTER_STATUS_PATH } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

/** What a failed stream means for this user, learned from the JSON route's answer. */
export type StatusAccess =
  'allowed' | 'signed-out' | 'forbidden' | 'not-configured' | 'unavailable';

/**
 * An EventSource that fails tells nothing about why (no status code). The JSON route follows
 * the same permission rule, so its answer says it: asked through the query client, so that a
 * 401 reaches the app's one place that reacts to it (lib/query-client.ts: sign-in again, or
 * the "session ended" alert on a page that keeps work).
 */
export async function probeStatusAccess(queryClient: QueryClient): Promise<StatusAccess> {
  try {
    await queryClient.fetchQuery({
      queryKey: ['cluster-status', 'access'],
      queryFn: ({ signal }) => apiRequest<unknown>(CONSOLE_CLUSTER_STATUS_PATH, { signal }),
      retry: false,
      staleTime: 0,
      gcTime: 0,
    });
    return 'allowed';
  } catch (error) {
    if (!(error instanceof ApiError)) return 'unavailable';
    if (error.status === 401) return 'signed-out';
    if (error.status === 403) return 'forbidden';
    // A console without the status routes (an older BFF): nothing to follow.
    if (error.status === 404) return 'not-configured';
    return 'unavailable';
  }
}
