import {
  CLUSTERS_API_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
  CONSOLE_HISTORY_ROUTE,
  CONSOLE_ROUTES,
} from '@cluster-console/shared';

/** Paths that are their own pattern (no parameter in them): the contract's and the probes'. */
const FIXED = new Set([
  CLUSTERS_API_PATH,
  ...CONSOLE_ROUTES.map((route) => route.path).filter((path) => !path.includes(':')),
  '/healthz',
  '/readyz',
  '/metrics',
]);

const CLUSTER = /^\/api\/v1\/clusters\/[^/]+$/;
const HISTORY = /^\/api\/console\/clusters\/[^/]+\/history$/;
const STATUS_RESOURCE = /^\/api\/console\/cluster-status\/clusters\/[^/]+$/;

/**
 * A request path (after the base path, without the query) as the route it reached, for
 * metrics labels: a fixed, small set (never a cluster name or an unknown URL, so the series
 * stay few whatever callers send).
 */
export function routePattern(path: string): string {
  if (FIXED.has(path)) return path;
  if (CLUSTER.test(path)) return `${CLUSTERS_API_PATH}/:name`;
  if (HISTORY.test(path)) return CONSOLE_HISTORY_ROUTE;
  if (STATUS_RESOURCE.test(path)) return CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE;
  if (path.startsWith('/api/')) return '/api/other';
  if (path.startsWith('/auth/')) return '/auth/other';
  return 'spa';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : 'other';
}
