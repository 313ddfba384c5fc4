import { findKind, type KindInfo } from './kinds';

/** A request to a served custom resource, read off its path and method. */
export interface ResourceRoute {
  kind: KindInfo;
  /** Absent: across all namespaces (list and watch only). */
  namespace: string | undefined;
  name: string | undefined;
  subresource: 'status' | undefined;
  /** The RBAC verb: get, list, watch, create, update, patch, delete. */
  verb: string;
  /** The RBAC resource: `clusters` or `clusters/status`. */
  resource: string;
}

const PATH =
  /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/;

const isWatch = (query: URLSearchParams) => ['1', 'true'].includes(query.get('watch') ?? '');

/** The route, `'method'` for a method the path does not take, or undefined for no such resource. */
export function routeOf(method: string, url: URL): ResourceRoute | 'method' | undefined {
  const match = PATH.exec(url.pathname);
  if (!match) return undefined;
  const [, group = '', version = '', namespace, plural = '', name, sub] = match;
  const kind = findKind(group, version, plural);
  if (!kind) return undefined;
  if (name !== undefined && namespace === undefined) return undefined;
  if (sub !== undefined && (sub !== 'status' || !kind.statusSubresource)) return undefined;
  const subresource = sub === 'status' ? 'status' : undefined;
  const route = (verb: string): ResourceRoute => ({
    kind,
    namespace: namespace && decodeURIComponent(namespace),
    name: name && decodeURIComponent(name),
    subresource,
    verb,
    resource: subresource ? `${kind.plural}/status` : kind.plural,
  });
  if (name === undefined) {
    if (method === 'GET') return route(isWatch(url.searchParams) ? 'watch' : 'list');
    if (method === 'POST' && namespace !== undefined) return route('create');
    return 'method';
  }
  const verbs: Record<string, string> = { GET: 'get', PUT: 'update', PATCH: 'patch' };
  if (method === 'DELETE' && !subresource) return route('delete');
  return verbs[method] ? route(verbs[method]) : 'method';
}
