import { useQueryClient } from '@tanstack/react-query';
import { AUTH_LOGOUT_PATH } from '@cluster-console/shared';
import { useCallback, useState } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { isApiError, type ApiError } from '../../../lib/api-error';
import { sessionGuardOf } from '../../../lib/session-guard';

export async function signOut(): Promise<void> {
  try {
    await apiRequest<void>(AUTH_LOGOUT_PATH, { method: 'POST' });
  } catch (error) {
    // Already signed out (session expired): that is the outcome the user asked for.
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}

/**
 * Sign-out as a plain hook rather than useMutation: the header is on every page, and this keeps
 * the mutation machinery out of the first download (the pages that write load it themselves).
 */
export function useSignOut(onSignedOut: () => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ pending: boolean; error: ApiError | null }>({
    pending: false,
    error: null,
  });
  const run = useCallback(() => {
    setState({ pending: true, error: null });
    const endSignOut = sessionGuardOf(queryClient).beginSignOut();
    signOut().then(
      () => {
        // Nothing of the previous user's data may linger in memory.
        queryClient.clear();
        onSignedOut();
      },
      (error: unknown) => {
        endSignOut();
        if (isApiError(error)) setState({ pending: false, error });
        else setState({ pending: false, error: null });
      },
    );
  }, [queryClient, onSignedOut]);
  return { signOut: run, isPending: state.pending, error: state.error };
}
