import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  AUTH_SESSION_PATH,
  readSessionReply,
  type SessionReply,
  type SessionUser,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';

/** The BFF's `GET /auth/session` answer: who is signed in (never a token). */
export type Session = SessionReply;
export type { SessionUser };

export async function getSession(signal?: AbortSignal): Promise<Session> {
  // The contract's zod-free reader: this runs on every page, before anything else.
  const session = readSessionReply(await apiRequest<unknown>(AUTH_SESSION_PATH, { signal }));
  if (session === undefined) throw new Error('The session answer has no user.');
  return session;
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
    // A 401 here means "not signed in": the query client sends the user to the sign-in page.
    meta: { sessionCheck: true },
    retry: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
