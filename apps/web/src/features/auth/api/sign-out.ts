import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';

export const LOGOUT_PATH = '/auth/logout';

export async function signOut(): Promise<void> {
  try {
    await apiRequest<void>(LOGOUT_PATH, { method: 'POST' });
  } catch (error) {
    // Already signed out (session expired): that is the outcome the user asked for.
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}

export function useSignOut(onSignedOut: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nothing of the previous user's data may linger in memory.
      queryClient.clear();
      onSignedOut();
    },
  });
}
