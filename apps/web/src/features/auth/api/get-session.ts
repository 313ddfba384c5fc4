import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { SESSION_PATH } from './session-path';

/** The BFF's `GET /auth/session` answer: who is signed in (never a token). */
export interface SessionUser {
  username: string;
  name: string;
  email: string;
  avatar_url?: string | null;
}
export interface Session {
  user: SessionUser;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Read by hand rather than with zod: this runs on every page, before anything else. */
export function readSession(value: unknown): Session {
  const user = (value as { user?: Record<string, unknown> } | null)?.user;
  if (!user || typeof user.username !== 'string')
    throw new Error('The session answer has no user.');
  return {
    user: {
      username: user.username,
      name: text(user.name),
      email: text(user.email),
      avatar_url: typeof user.avatar_url === 'string' && user.avatar_url ? user.avatar_url : null,
    },
  };
}

export async function getSession(signal?: AbortSignal): Promise<Session> {
  return readSession(await apiRequest<unknown>(SESSION_PATH, { signal }));
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
