import type { IncomingMessage } from 'node:http';
import { CLUSTERS_API_PATH } from '@cluster-console/shared';

/**
 * A cluster name segment as the browser may send it: unreserved characters only, so no
 * percent-encoding at all (no `%2F`, `%2E`, `%5C`), and not starting with a dot (no `.` or
 * `..`). Looser than DNS-1123 on purpose: the clusters API then answers 400 with a message
 * the user can act on, instead of the BFF's 404.
 */
const NAME_SEGMENT = /^(?!\.)[A-Za-z0-9._-]{1,253}$/;

const COLLECTION_METHODS = new Set(['GET']);
const ITEM_METHODS = new Set(['GET', 'POST', 'DELETE']);

/**
 * What the proxy's allow-list says of a request: `forward` it to the clusters API; refuse it as
 * a `bad-cluster-name` (a cluster's path and method, but a raw name the list refuses: the 404
 * says what is wrong with the name); or `not-listed` (any other path or method: a plain 404).
 */
export type AllowListVerdict = 'forward' | 'bad-cluster-name' | 'not-listed';

/**
 * The proxy's allow-list, judged on the raw request target (before any decoding):
 * `GET /api/v1/clusters` and `GET|POST|DELETE /api/v1/clusters/:name`, with any query string.
 * The one place this is decided: the API fast lane and the full chain both ask
 * {@link allowListVerdictOf}, which judges each request once.
 */
export function allowListVerdict(method: string, rawUrl: string): AllowListVerdict {
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  if (path === CLUSTERS_API_PATH) return COLLECTION_METHODS.has(method) ? 'forward' : 'not-listed';
  const prefix = `${CLUSTERS_API_PATH}/`;
  if (!path.startsWith(prefix) || !ITEM_METHODS.has(method)) return 'not-listed';
  const segment = path.slice(prefix.length);
  if (NAME_SEGMENT.test(segment)) return 'forward';
  return segment === '' || segment.includes('/') ? 'not-listed' : 'bad-cluster-name';
}

export function isAllowedClustersRequest(method: string, rawUrl: string): boolean {
  return allowListVerdict(method, rawUrl) === 'forward';
}

const verdicts = new WeakMap<IncomingMessage, AllowListVerdict>();

/**
 * The request's verdict, judged once: the fast lane judges a read before express runs, and a
 * request it hands on to the full chain keeps that verdict (the raw target does not change on
 * the way: the base path is taken off before either looks).
 */
export function allowListVerdictOf(req: IncomingMessage): AllowListVerdict {
  let verdict = verdicts.get(req);
  if (verdict === undefined) {
    verdict = allowListVerdict(req.method ?? '', req.url ?? '');
    verdicts.set(req, verdict);
  }
  return verdict;
}

/** The cluster name segment of a refused item path, as sent (still percent-encoded). */
export function rawClusterName(rawUrl: string): string {
  const path = rawUrl.split('?')[0] ?? '';
  return path.slice(CLUSTERS_API_PATH.length + 1);
}
