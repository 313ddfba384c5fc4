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
 * The proxy's allow-list, checked on the raw request target (before any decoding):
 * `GET /api/v1/clusters` and `GET|POST|DELETE /api/v1/clusters/:name`, with any query string.
 */
export function isAllowedClustersRequest(method: string, rawUrl: string): boolean {
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  if (path === CLUSTERS_API_PATH) return COLLECTION_METHODS.has(method);
  const prefix = `${CLUSTERS_API_PATH}/`;
  if (!path.startsWith(prefix)) return false;
  return NAME_SEGMENT.test(path.slice(prefix.length)) && ITEM_METHODS.has(method);
}
