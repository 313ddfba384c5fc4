import { useMutation } from '@tanstack/react-query';
import {
  CONSOLE_CONNECTION_CHECKS_PATH,
  ConnectionCheckResponseSchema,
  type ConnectionCheckRequest,
  type ConnectionCheckResponse,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';
import { readReply } from '../../../lib/read-reply';

/**
 * The BFF's own route (apps/bff, "Connection check"), not part of the proxied Nautes API: the
 * request is the reduced kubeconfig, exactly as the save request carries it, and the API server
 * URL; with `confirm_credentials_for`, the user confirmed that host:port (the answer's
 * `server_mismatch.api_server`) for this one check.
 */
export async function checkConnection(
  input: ConnectionCheckRequest,
  signal?: AbortSignal,
): Promise<ConnectionCheckResponse> {
  const reply = await apiRequest<unknown>(CONSOLE_CONNECTION_CHECKS_PATH, {
    method: 'POST',
    body: input,
    signal,
  });
  // Read as the contract says: an unknown status shows as "skipped", never as "ok".
  return readReply(ConnectionCheckResponseSchema, reply);
}

/** A mutation, not a query: it runs only when the user presses the button, never by itself. */
export function useCheckConnection() {
  return useMutation({
    mutationFn: ({ input, signal }: { input: ConnectionCheckRequest; signal: AbortSignal }) =>
      checkConnection(input, signal),
  });
}
