import { parseApiErrorBody, type ApiErrorBody } from '@cluster-console/shared';
import { ApiError, NETWORK_ERROR_REASON } from './api-error';
import { ACCEPT_JSON, takeEarlyResponse } from './early-requests';
import { withBase } from './base-path';
import { i18n } from './i18n';
import { explainServerMessage } from './server-messages';

/** Header the BFF requires on every state-changing request (a cross-site form cannot send it). */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'cluster-console';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The SPA's only fetch wrapper: same origin (`path` is the BFF's, e.g. `/api/v1/clusters`; the
 * base path is added here), session cookie, CSRF header on writes, JSON in
 * and out, and every non-2xx (or network failure) turned into an {@link ApiError}.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...ACCEPT_JSON };
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    options.signal?.throwIfAborted();
    // A plain GET the page's first script already sent (lib/early-requests.ts) is not sent again.
    const early = method === 'GET' && body === undefined ? takeEarlyResponse(path) : undefined;
    response = await (early ??
      fetch(withBase(path), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR_REASON, i18n.t('errors.network'));
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(
      response.status,
      'INVALID_RESPONSE',
      i18n.t('errors.invalidResponse', { status: response.status }),
    );
  }
}

/** Reads the contract's error shape; anything else still yields a message a person can use. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const parsed = parseErrorBody(text);
  if (parsed) {
    const message = parsed.message.trim() || defaultMessage(response);
    // The real Nautes server's coarse answer (an empty reason, a Go error text): known texts
    // are put into words and onto the field they concern; unknown ones pass through unchanged.
    if (parsed.reason === '' && parsed.message.trim() !== '') {
      const explained = explainServerMessage(message, parsed.metadata, (key, values) =>
        i18n.t(key, values),
      );
      return new ApiError(response.status, '', explained.message, explained.metadata);
    }
    return new ApiError(response.status, parsed.reason, message, parsed.metadata);
  }
  return new ApiError(response.status, '', defaultMessage(response, text));
}

/** The contract's error shape, read by the one shared reader; undefined for anything else. */
function parseErrorBody(text: string): ApiErrorBody | undefined {
  if (!text) return undefined;
  try {
    return parseApiErrorBody(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function defaultMessage(response: Response, text = ''): string {
  // A proxy's HTML error page is no use to a person; a short plain-text body is.
  const plain = text.trim();
  const detail = plain && plain.length <= 200 && !plain.startsWith('<') ? plain : '';
  return i18n.t('errors.http', {
    status: response.status,
    statusText: response.statusText || i18n.t(`errors.statusText.${statusFamily(response.status)}`),
    detail: detail ? `: ${detail}` : '.',
  });
}

function statusFamily(status: number): 'client' | 'server' {
  return status >= 500 ? 'server' : 'client';
}
