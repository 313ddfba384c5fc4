import type { NautesApiVersion } from '@cluster-console/shared';

/**
 * What `GET /api/console/nautes-api` answers: the Nautes API generation the clusters API
 * speaks and how the BFF knows. `unknown` is an answer too: the console shows it and asks the
 * user, it never assumes a generation (a v0.3 body sent to v0.4 loses settings silently).
 */
export interface NautesApiInfo {
  version: NautesApiVersion | 'unknown';
  /** configured: NAUTES_API_VERSION; server: the server said so; clusters: read off its list reply. */
  source: 'configured' | 'server' | 'clusters' | 'none';
  /** Why, in words, for the user and the operator. */
  message: string;
}

/**
 * A list reply's generation: every v0.4 item has a `components_list` key (null or not), no v0.3
 * item has one. An empty list (or anything that is not a list) tells nothing.
 */
export function generationOfListReply(body: unknown): NautesApiVersion | undefined {
  const items = body && typeof body === 'object' ? (body as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return undefined;
  const clusters = items.filter(
    (item): item is Record<string, unknown> => !!item && typeof item === 'object',
  );
  if (clusters.length === 0) return undefined;
  return clusters.some((item) => Object.hasOwn(item, 'components_list')) ? 'v0.4' : 'v0.3';
}
