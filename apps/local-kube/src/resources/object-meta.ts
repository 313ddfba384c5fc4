import { randomUUID } from 'node:crypto';
import type { KindInfo } from './kinds';
import { invalid } from './status-error';

export interface ObjectMeta {
  name: string;
  namespace: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  finalizers?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** RFC 3339 with seconds, as metav1.Time serialises. */
export const kubeTime = (date = new Date()): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Names of custom resources are DNS subdomains (apimachinery's NameIsDNSSubdomain). */
export function checkName(kind: KindInfo, name: string): void {
  if (!name) {
    throw invalid(kind.kind, kind.group, name, [
      {
        field: 'metadata.name',
        message: 'Required value: name or generateName is required',
        reason: 'FieldValueRequired',
      },
    ]);
  }
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw invalid(kind.kind, kind.group, name, [
      {
        field: 'metadata.name',
        message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      },
    ]);
  }
}

/** What the server stamps on create: uid, creationTimestamp, generation 1. */
export function stampNew(meta: ObjectMeta): ObjectMeta {
  const stamped: ObjectMeta = { ...meta };
  for (const field of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds']) {
    delete stamped[field];
  }
  return { ...stamped, uid: randomUUID(), generation: 1, creationTimestamp: kubeTime() };
}

/** Everything but metadata (and status when it has its own subresource): what bumps generation. */
export function specPart(kind: KindInfo, object: KubeObject): string {
  const rest: Record<string, unknown> = { ...object };
  delete rest.metadata;
  if (kind.statusSubresource) delete rest.status;
  return JSON.stringify(rest);
}
