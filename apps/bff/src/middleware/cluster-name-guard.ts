import { CLUSTERS_API_PATH, ErrorReason, validateClusterName } from '@cluster-console/shared';
import type { RequestHandler } from 'express';
import { isAllowedClustersRequest } from '../proxy/clusters-routes';
import { sendError } from './errors';

const ITEM_METHODS = new Set(['GET', 'POST', 'DELETE']);
const GENERIC =
  'Use only lowercase letters, digits and "-" (no spaces, dots, slashes, encoded or other characters).';

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * `/api/v1/clusters/<name>` whose raw name the proxy's allow-list refuses (percent-encoding
 * such as `%2F` or `%2e%2e`, non-ASCII, dot segments): refused as before (404 NOT_FOUND,
 * nothing is forwarded, no session is looked up), but with `metadata.cluster_name` saying what
 * is wrong with the name, so the user learns why. Other paths and methods are left to the
 * allow-list.
 */
export const clusterNameGuard: RequestHandler = (req, res, next) => {
  const raw = req.url.split('?')[0] ?? '';
  const prefix = `${CLUSTERS_API_PATH}/`;
  const segment = raw.startsWith(prefix) ? raw.slice(prefix.length) : '';
  if (
    segment === '' ||
    segment.includes('/') ||
    !ITEM_METHODS.has(req.method) ||
    isAllowedClustersRequest(req.method, req.url)
  ) {
    next();
    return;
  }
  const name = decoded(segment);
  const problem = (name !== undefined && validateClusterName(name)) || GENERIC;
  sendError(res, 404, ErrorReason.NOT_FOUND, `There is no cluster with this name. ${problem}`, {
    cluster_name: problem,
  });
};
