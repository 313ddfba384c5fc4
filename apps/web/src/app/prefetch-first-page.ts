import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { clustersQueryOptions } from '../features/clusters/api/get-clusters';
import { nautesApiQueryOptions } from '../features/clusters/api/get-nautes-api';
import { isClusterListPage, needsSession } from './first-page-requests';

/**
 * Fills the query cache with what the page at `pathname` shows first, before it renders: the
 * session, then, on the list, the list (its answer already on its way: see src/early.ts). The
 * list is read as soon as it arrives rather than once its page has rendered.
 *
 * The list waits for the session's answer on purpose: without a session, the session check
 * sends the user to the sign-in page (with the page to return to), exactly as without this
 * prefetch, and the list's own 401 never reaches the query cache.
 *
 * The list page also asks which Nautes API generation the server speaks (its notice and CLI
 * download do): asked here, alongside the list, the answer is in the cache when the page first
 * renders, instead of being asked for by that render, between the rows and their first paint.
 */
export async function prefetchFirstPage(queryClient: QueryClient, pathname: string): Promise<void> {
  if (!needsSession(pathname)) return;
  const session = sessionQueryOptions();
  await queryClient.prefetchQuery(session);
  if (!isClusterListPage(pathname)) return;
  if (queryClient.getQueryState(session.queryKey)?.status !== 'success') return;
  await Promise.all([
    queryClient.prefetchQuery(clustersQueryOptions()),
    queryClient.prefetchQuery(nautesApiQueryOptions()),
  ]);
}
