import type { IncomingMessage, ServerResponse } from 'node:http';
import { allows, forbiddenMessage } from './access';
import type { Identity } from './auth';
import type { ResourceStore } from './resources/store';
import { sendJson, sendStatus } from './responses';

const BUILT_IN = ['default', 'kube-system', 'kube-public', 'nautes', 'argocd'];
const CREATED = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * `GET /api/v1/namespaces/<name>`: kubectl asks it after a 404 to tell a missing object from a
 * missing namespace. Namespaces exist implicitly: the built-in ones and any holding an object.
 */
export function handleNamespace(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Exclude<Identity, 'invalid'>,
  path: string,
  store: ResourceStore,
): boolean {
  const match = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
  if (!match || req.method !== 'GET') return false;
  const name = decodeURIComponent(match[1] ?? '');
  const attributes = { verb: 'get', group: '', resource: 'namespaces' };
  if (!allows(identity.user?.may ?? [], identity.groups, attributes)) {
    sendStatus(res, 403, 'Forbidden', forbiddenMessage(identity.name, attributes, name), {
      name,
      kind: 'namespaces',
    });
    return true;
  }
  if (!BUILT_IN.includes(name) && !store.hasNamespace(name)) {
    sendStatus(res, 404, 'NotFound', `namespaces "${name}" not found`, {
      name,
      kind: 'namespaces',
    });
    return true;
  }
  sendJson(res, 200, {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: CREATED, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  return true;
}
