/**
 * Every route the BFF answers itself (none is forwarded to the clusters API), with what it
 * takes and gives: the contract the BFF validates requests with and the web reads replies with.
 * The web imports the paths and schemas one by one (a page downloads only what it asks for).
 */
import {
  AUTH_CALLBACK_PATH,
  AUTH_LOGIN_PATH,
  AUTH_LOGOUT_PATH,
  AUTH_SESSION_PATH,
  CONSOLE_CLUSTER_STATUS_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
  CONSOLE_CONNECTION_CHECKS_PATH,
  CONSOLE_DELETED_CLUSTERS_PATH,
  CONSOLE_HISTORY_ROUTE,
  CONSOLE_NAUTES_API_PATH,
} from '../api/console-paths';
import {
  ClusterResourceReplySchema,
  ClusterStatusListSchema,
  STATUS_STREAM_EVENTS,
} from '../cluster-status/status.schema';
import {
  ClusterHistorySchema,
  DeletedClustersSchema,
  HistoryPageQuerySchema,
} from '../history/history.schema';
import {
  ConnectionCheckRequestSchema,
  ConnectionCheckResponseSchema,
} from './connection-check.schema';
import { NautesApiInfoSchema } from './nautes-api.schema';
import { SessionReplySchema } from './session.schema';

export const CONSOLE_ROUTES = [
  {
    method: 'POST',
    path: CONSOLE_CONNECTION_CHECKS_PATH,
    body: ConnectionCheckRequestSchema,
    reply: ConnectionCheckResponseSchema,
  },
  { method: 'GET', path: CONSOLE_NAUTES_API_PATH, reply: NautesApiInfoSchema },
  {
    method: 'GET',
    path: CONSOLE_HISTORY_ROUTE,
    query: HistoryPageQuerySchema,
    reply: ClusterHistorySchema,
  },
  {
    method: 'GET',
    path: CONSOLE_DELETED_CLUSTERS_PATH,
    query: HistoryPageQuerySchema,
    reply: DeletedClustersSchema,
  },
  { method: 'GET', path: CONSOLE_CLUSTER_STATUS_PATH, reply: ClusterStatusListSchema },
  {
    method: 'GET',
    path: CONSOLE_CLUSTER_STATUS_RESOURCE_ROUTE,
    reply: ClusterResourceReplySchema,
  },
  /** Server-sent events: `event: <name>` with one JSON `data:` line, each of its schema. */
  { method: 'GET', path: CONSOLE_CLUSTER_STATUS_STREAM_PATH, events: STATUS_STREAM_EVENTS },
  { method: 'GET', path: AUTH_SESSION_PATH, reply: SessionReplySchema },
  /** 204, no body. */
  { method: 'POST', path: AUTH_LOGOUT_PATH },
  /** Pages the browser opens: each answers with a redirect (to GitLab, or back into the console). */
  { method: 'GET', path: AUTH_LOGIN_PATH },
  { method: 'GET', path: AUTH_CALLBACK_PATH },
] as const;
export type ConsoleRoute = (typeof CONSOLE_ROUTES)[number];
