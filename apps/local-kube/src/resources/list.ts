import { apiVersionOf, type KindInfo } from './kinds';
import type { KubeObject } from './object-meta';
import { badRequest } from './status-error';

interface Page {
  items: KubeObject[];
  continue: string;
  remainingItemCount?: number;
}

/**
 * `limit` and `continue` as kube-apiserver pages a list (kubectl get asks `limit=500`): items in
 * key order (namespace/name), the token names the last key given.
 */
export function page(items: KubeObject[], limitText: string | null, token: string | null): Page {
  let start = 0;
  if (token) {
    let after: string;
    try {
      after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { start: string })
        .start;
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data');
    }
    start = items.findIndex((item) => `${item.metadata.namespace}/${item.metadata.name}` > after);
    if (start < 0) start = items.length;
  }
  const limit = Number(limitText ?? '0');
  if (!Number.isInteger(limit) || limit <= 0 || start + limit >= items.length) {
    return { items: items.slice(start), continue: '' };
  }
  const slice = items.slice(start, start + limit);
  const last = slice[slice.length - 1];
  return {
    items: slice,
    continue: Buffer.from(
      JSON.stringify({
        v: 'meta.k8s.io/v1',
        start: `${last?.metadata.namespace}/${last?.metadata.name}`,
      }),
    ).toString('base64url'),
    remainingItemCount: items.length - start - limit,
  };
}

export function listObject(kind: KindInfo, result: Page, resourceVersion: string) {
  return {
    apiVersion: apiVersionOf(kind),
    items: result.items,
    kind: kind.listKind,
    metadata: {
      continue: result.continue,
      resourceVersion,
      ...(result.remainingItemCount !== undefined
        ? { remainingItemCount: result.remainingItemCount }
        : {}),
    },
  };
}
