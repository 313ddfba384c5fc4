import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The BFF's own route (apps/bff, "Connection check"): not part of the proxied Nautes API. */
export const CONNECTION_CHECK_PATH = '/api/console/connection-checks';

export type CheckId = 'reachable' | 'tls' | 'version' | 'identity' | 'permissions';
export type CheckStatus = 'ok' | 'warning' | 'failed' | 'skipped';

export interface CheckResult {
  id: CheckId | (string & {});
  status: CheckStatus;
  /** One sentence a user can act on, in the BFF's words. */
  message: string;
  detail?: string;
  duration_ms: number;
}

export interface ConnectionCheckResult {
  api_server: string;
  /** The one address every check connected to; null when none was reached. */
  address: string | null;
  checks: CheckResult[];
  /** What in the kubeconfig was deliberately not used (exec plugins, file paths, proxies). */
  notes: string[];
  /** The API server field is not the kubeconfig's own server; null when it is. */
  server_mismatch: ServerMismatch | null;
  duration_ms: number;
}

/**
 * The BFF sends a kubeconfig's credentials only to its own server: for another address, only
 * when the user confirms that address (`confirm_credentials_for`) for one check.
 */
export interface ServerMismatch {
  /** The kubeconfig's own server as host:port; null when it names none. */
  kubeconfig_server: string | null;
  /** The API server field as host:port: what a confirmation repeats. */
  api_server: string;
  /** The credentials were sent, as the user confirmed; false: none were sent. */
  confirmed: boolean;
}

export interface ConnectionCheckInput {
  api_server: string;
  /** The reduced kubeconfig, exactly as the save request carries it. */
  kubeconfig: string;
  /** The user confirmed this host:port (the answer's `server_mismatch.api_server`) for this check. */
  confirm_credentials_for?: string;
}

const STATUSES: readonly CheckStatus[] = ['ok', 'warning', 'failed', 'skipped'];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function milliseconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** Reads the answer defensively: an unknown status shows as "skipped", never as "ok". */
export function readConnectionCheck(value: unknown): ConnectionCheckResult {
  const raw = (value ?? {}) as Record<string, unknown>;
  const checks = Array.isArray(raw.checks) ? raw.checks : [];
  return {
    api_server: text(raw.api_server),
    address: typeof raw.address === 'string' ? raw.address : null,
    checks: checks.map((item: unknown) => {
      const check = (item ?? {}) as Record<string, unknown>;
      const status = STATUSES.find((candidate) => candidate === check.status) ?? 'skipped';
      const detail = text(check.detail);
      return {
        id: text(check.id),
        status,
        message: text(check.message),
        ...(detail ? { detail } : {}),
        duration_ms: milliseconds(check.duration_ms),
      };
    }),
    notes: Array.isArray(raw.notes)
      ? raw.notes.filter((note): note is string => typeof note === 'string')
      : [],
    server_mismatch: readMismatch(raw.server_mismatch),
    duration_ms: milliseconds(raw.duration_ms),
  };
}

function readMismatch(value: unknown): ServerMismatch | null {
  const raw = (value ?? {}) as Record<string, unknown>;
  if (typeof raw.api_server !== 'string' || raw.api_server === '') return null;
  return {
    kubeconfig_server: typeof raw.kubeconfig_server === 'string' ? raw.kubeconfig_server : null,
    api_server: raw.api_server,
    confirmed: raw.confirmed === true,
  };
}

export async function checkConnection(
  input: ConnectionCheckInput,
  signal?: AbortSignal,
): Promise<ConnectionCheckResult> {
  return readConnectionCheck(
    await apiRequest<unknown>(CONNECTION_CHECK_PATH, { method: 'POST', body: input, signal }),
  );
}

/** A mutation, not a query: it runs only when the user presses the button, never by itself. */
export function useCheckConnection() {
  return useMutation({
    mutationFn: ({ input, signal }: { input: ConnectionCheckInput; signal: AbortSignal }) =>
      checkConnection(input, signal),
  });
}
