/**
 * The one error every request in the SPA throws. It carries the contract's error shape
 * `{code, reason, message, metadata}` so that forms can put `metadata` onto fields and every
 * screen can show the server's own words.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly reason: string;
  readonly metadata: Record<string, string>;

  constructor(
    status: number,
    reason: string,
    message: string,
    metadata: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.metadata = metadata;
  }
}

/** Reason used when the request never got an HTTP answer (offline, DNS, connection refused). */
export const NETWORK_ERROR_REASON = 'NETWORK_ERROR';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
