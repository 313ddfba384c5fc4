import { withBase } from './base-path';

/**
 * GET requests started before the app's code has downloaded (by src/early.ts, the first script
 * the page runs), so that the first page's data travels while the code loads and starts. The
 * API client takes each answer once, in place of asking again; one nobody takes in time is
 * dropped. Nothing else depends on them: without an early answer the client simply asks.
 *
 * This module is part of the page's first, tiny script: it imports only the base path (which
 * imports nothing). Requests are keyed by the console's path, as the API client names them.
 */

/** The API client's headers on every request: it reads JSON. */
export const ACCEPT_JSON = { Accept: 'application/json' } as const;

/** An answer older than this is not used: the API client asks again. */
export const EARLY_ANSWER_MAX_AGE_MS = 10_000;

interface EarlyRequest {
  response: Promise<Response>;
  startedAt: number;
}

const started = new Map<string, EarlyRequest>();

/** Starts `GET path` now, unless it is already on its way. */
export function startEarlyRequest(path: string): void {
  if (started.has(path)) return;
  // The very GET the API client would send: JSON, with the session cookie, same origin.
  const response = fetch(withBase(path), { headers: ACCEPT_JSON, credentials: 'same-origin' });
  // Whoever takes it sees the failure; one nobody takes must not be an unhandled rejection.
  response.catch(() => undefined);
  started.set(path, { response, startedAt: Date.now() });
}

/** The early answer to `GET path`, once: later calls (and a stale answer) get `undefined`. */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const request = started.get(path);
  if (request === undefined) return undefined;
  started.delete(path);
  return Date.now() - request.startedAt <= EARLY_ANSWER_MAX_AGE_MS ? request.response : undefined;
}

/** The early answer to `GET path`, left for the API client to take (settled: headers are in). */
export function peekEarlyResponse(path: string): Promise<Response> | undefined {
  return started.get(path)?.response;
}
