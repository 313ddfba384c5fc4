import type { NautesApiVersion } from '@cluster-console/shared';

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
