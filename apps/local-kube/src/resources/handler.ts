import type { IncomingMessage, ServerResponse } from 'node:http';
import { allows, forbiddenMessage, type Attributes } from '../access';
import type { Identity } from '../auth';
import { sendJson } from '../responses';
import type { Faults } from './faults';
import { listObject, page } from './list';
import type { KubeObject } from './object-meta';
import { applyPatch } from './patch';
import { routeOf, type ResourceRoute } from './route';
import { fieldSelector, labelSelector, type Matcher } from './selectors';
import type { ResourceStore } from './store';
import { badRequest, notFound, StatusError } from './status-error';
import { toTable, wantsTable } from './table';
import type { WatchRegistry } from './watch-stream';

export interface ResourceContext {
  store: ResourceStore;
  watches: WatchRegistry;
  faults: Faults;
  /** A watch without `timeoutSeconds` ends after this (kube-apiserver: 30 to 60 minutes). */
  watchTimeoutSeconds: number;
}

type Known = Exclude<Identity, 'invalid'>;

const sendError = (res: ServerResponse, error: StatusError) =>
  sendJson(res, error.code, error.toStatus());

/** Serves the custom resources; false when the path is none of theirs. */
export function handleResource(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Known,
  body: string,
  context: ResourceContext,
): boolean {
  const url = new URL(req.url ?? '/', 'https://local-kube');
  const route = routeOf(req.method ?? 'GET', url);
  if (route === undefined) return false;
  if (route === 'method') {
    sendError(
      res,
      new StatusError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      ),
    );
    return true;
  }
  try {
    authorize(identity, route);
    const fault = context.faults.take(route.verb);
    if (fault) throw fault;
    serve(req, res, url, route, body, context);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    sendError(res, error);
  }
  return true;
}

function authorize(identity: Known, route: ResourceRoute): void {
  const attributes: Attributes = {
    verb: route.verb,
    group: route.kind.group,
    resource: route.resource,
    namespace: route.namespace,
  };
  if (allows(identity.user?.may ?? [], identity.groups, attributes)) return;
  throw new StatusError(403, 'Forbidden', forbiddenMessage(identity.name, attributes, route.name), {
    ...(route.name ? { name: route.name } : {}),
    group: route.kind.group,
    kind: route.kind.plural,
  });
}

function parseObject(body: string): KubeObject {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as KubeObject;
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
  throw badRequest("Object 'Kind' is missing in the request body");
}

function serve(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: ResourceRoute,
  body: string,
  context: ResourceContext,
): void {
  const { store } = context;
  const { kind, namespace = '', name = '' } = route;
  const query = url.searchParams;
  const table = wantsTable(req.headers.accept);
  const one = (status: number, object: KubeObject) =>
    sendJson(
      res,
      status,
      table ? toTable([object], object.metadata.resourceVersion ?? '') : object,
    );
  switch (route.verb) {
    case 'list':
    case 'watch': {
      const label = labelSelector(query.get('labelSelector'));
      const field = fieldSelector(query.get('fieldSelector'));
      const matches: Matcher = (object) => label(object) && field(object);
      if (route.verb === 'watch') {
        const timeout = Number(query.get('timeoutSeconds') ?? context.watchTimeoutSeconds);
        context.watches.serve(
          store,
          {
            kind,
            namespace: route.namespace,
            matches,
            resourceVersion: query.get('resourceVersion') ?? '',
            timeoutSeconds:
              Number.isFinite(timeout) && timeout > 0 ? timeout : context.watchTimeoutSeconds,
            allowWatchBookmarks: query.get('allowWatchBookmarks') === 'true',
            sendInitialEvents: query.get('sendInitialEvents') === 'true',
            table,
          },
          res,
        );
        return;
      }
      const resourceVersion = String(store.resourceVersion);
      const result = page(
        store.list(kind, route.namespace).filter(matches),
        query.get('limit'),
        query.get('continue'),
      );
      if (table) {
        const rows = toTable(result.items, resourceVersion);
        sendJson(res, 200, { ...rows, metadata: { ...rows.metadata, continue: result.continue } });
      } else sendJson(res, 200, listObject(kind, result, resourceVersion));
      return;
    }
    case 'get': {
      const object = store.get(kind, namespace, name);
      if (!object) throw notFound(kind.plural, kind.group, name);
      one(200, object);
      return;
    }
    case 'create':
      one(201, store.create(kind, namespace, parseObject(body)));
      return;
    case 'update':
      one(
        200,
        store.update(kind, namespace, name, parseObject(body), { subresource: route.subresource }),
      );
      return;
    case 'patch':
      one(
        200,
        store.modify(
          kind,
          namespace,
          name,
          (current) => applyPatch(current, req.headers['content-type'], body),
          {
            subresource: route.subresource,
          },
        ),
      );
      return;
    case 'delete': {
      const object = store.delete(kind, namespace, name);
      if (store.get(kind, namespace, name)) {
        one(200, object);
        return;
      }
      sendJson(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, group: kind.group, kind: kind.plural, uid: object.metadata.uid },
      });
      return;
    }
  }
}
