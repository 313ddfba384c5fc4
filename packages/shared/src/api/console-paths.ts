/**
 * The console's own routes: answered by the BFF itself, never forwarded to the clusters API
 * (whose paths are in paths.ts). The BFF mounts its handlers at these paths and the web asks
 * for them; each route's request and reply schemas are listed in console/console-routes.ts.
 */

/** `POST`: check that a cluster answers with a kubeconfig (connection-check.schema.ts). */
export const CONSOLE_CONNECTION_CHECKS_PATH = '/api/console/connection-checks';
/** `GET`: which Nautes API generation the clusters API speaks (nautes-api.schema.ts). */
export const CONSOLE_NAUTES_API_PATH = '/api/console/nautes-api';
/** `GET`: every cluster's live state as JSON, for scripts (status.schema.ts). */
export const CONSOLE_CLUSTER_STATUS_PATH = '/api/console/cluster-status';
/** `GET`: the live state as server-sent events (status.schema.ts, STATUS_STREAM_EVENTS). */
export const CONSOLE_CLUSTER_STATUS_STREAM_PATH = '/api/console/cluster-status/stream';
/** That stream's event names, for the page's first script, which loads no zod. */
export const CONSOLE_CLUSTER_STATUS_STREAM_EVENTS = [
  'snapshot',
  'cluster',
  'argo',
  'watch',
  'heartbeat',
] as const;
/** `GET`: one Cluster resource's whole trimmed view, for the detail page (status.schema.ts). */
export const CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE = '/api/console/cluster-status/clusters/:name';
/** `GET`: clusters deleted from the tenant repository, newest first (history.schema.ts). */
export const CONSOLE_DELETED_CLUSTERS_PATH = '/api/console/clusters-deleted';
/** `GET`: one cluster's history, as the BFF mounts it (`:name` is the cluster's name). */
export const CONSOLE_HISTORY_ROUTE = '/api/console/clusters/:name/history';

/** One cluster's history; the name is encoded so that an odd name can never escape its segment. */
export const CONSOLE_HISTORY_PATH = (name: string): string =>
  CONSOLE_HISTORY_ROUTE.replace(':name', encodeURIComponent(name));

/** One cluster's status resource; the name is encoded like the history's. */
export const CONSOLE_CLUSTER_STATUS_RESOURCE_PATH = (name: string): string =>
  CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE.replace(':name', encodeURIComponent(name));

/** `GET`, a page the browser opens: starts the sign-in at GitLab (`?returnTo=/path`). */
export const AUTH_LOGIN_PATH = '/auth/login';
/** `GET`, where GitLab sends the browser back after sign-in. */
export const AUTH_CALLBACK_PATH = '/auth/callback';
/** `GET`: who is signed in (session.schema.ts); 401 when nobody is. */
export const AUTH_SESSION_PATH = '/auth/session';
/** `POST`: sign out; 204 whether or not anyone was signed in. */
export const AUTH_LOGOUT_PATH = '/auth/logout';
