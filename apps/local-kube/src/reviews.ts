import type { IncomingMessage, ServerResponse } from 'node:http';
import { allows } from './access';
import type { Identity } from './auth';
import { badRequest, forbidden, methodNotAllowed, sendJson } from './responses';

type Known = Exclude<Identity, 'invalid'>;

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `kubectl auth whoami`: the caller's name and groups. */
export function reviewSelf(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Known,
  body: string,
): void {
  if (req.method !== 'POST') return methodNotAllowed(res);
  if (identity.anonymous) {
    return forbidden(res, identity.name, 'create', 'authentication.k8s.io', 'selfsubjectreviews');
  }
  const review = parseJson(body);
  if (review?.kind !== 'SelfSubjectReview') return badRequest(res, 'SelfSubjectReview');
  sendJson(res, 201, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: { username: identity.name, groups: identity.groups } },
  });
}

/** `kubectl auth can-i`: the same decision the requests get (access.ts). */
export function reviewAccess(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Known,
  body: string,
): void {
  if (req.method !== 'POST') return methodNotAllowed(res);
  if (identity.anonymous) {
    return forbidden(
      res,
      identity.name,
      'create',
      'authorization.k8s.io',
      'selfsubjectaccessreviews',
    );
  }
  const review = parseJson(body);
  const spec = review?.spec as
    | {
        resourceAttributes?: {
          verb?: string;
          resource?: string;
          group?: string;
          namespace?: string;
          subresource?: string;
        };
      }
    | undefined;
  if (review?.kind !== 'SelfSubjectAccessReview' || !spec?.resourceAttributes) {
    return badRequest(res, 'SelfSubjectAccessReview');
  }
  const { verb = '', resource = '', group = '', namespace, subresource } = spec.resourceAttributes;
  const allowed = allows(identity.user?.may ?? [], identity.groups, {
    verb,
    group,
    resource: subresource ? `${resource}/${subresource}` : resource,
    namespace: namespace || undefined,
  });
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: allowed ? { allowed: true, reason: 'RBAC: allowed' } : { allowed: false },
  });
}
