import { CLUSTERS } from '../resources/kinds';
import type { KubeObject } from '../resources/object-meta';
import type { Admission } from '../resources/store';
import { StatusError } from '../resources/status-error';

/** The name Nautes' validating webhook for clusters is registered under. */
export const WEBHOOK = 'vcluster.kb.io';

interface ClusterSpec {
  apiServer?: unknown;
  clusterKind?: unknown;
  clusterType?: unknown;
  usage?: unknown;
  workerType?: unknown;
  hostCluster?: unknown;
}

const specOf = (object: KubeObject | undefined) => (object?.spec ?? {}) as ClusterSpec;

/** A spec field as the operator's message prints it (Go's %v of a string; '' when absent). */
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value === undefined
      ? ''
      : JSON.stringify(value);

/** What is wrong with a Cluster's spec, in the operator's words, or undefined. */
function specProblem(object: KubeObject, hosts: KubeObject[]): string | undefined {
  const spec = specOf(object);
  if (typeof spec.apiServer !== 'string' || !/^https?:\/\/[^/]+/.test(spec.apiServer)) {
    return `the api server url "${text(spec.apiServer)}" is invalid`;
  }
  if (spec.clusterKind !== 'kubernetes')
    return `cluster kind ${text(spec.clusterKind)} is not supported`;
  if (spec.clusterType !== 'physical' && spec.clusterType !== 'virtual') {
    return `cluster type ${text(spec.clusterType)} is not supported`;
  }
  if (spec.usage !== 'host' && spec.usage !== 'worker')
    return `cluster usage ${text(spec.usage)} is not supported`;
  if (
    spec.usage === 'worker' &&
    spec.workerType !== 'pipeline' &&
    spec.workerType !== 'deployment'
  ) {
    return `worker type ${text(spec.workerType)} is not supported`;
  }
  if (spec.clusterType === 'virtual') {
    if (spec.usage === 'host') return 'virtual cluster can not be a host cluster';
    const host = hosts.find((candidate) => candidate.metadata.name === spec.hostCluster);
    if (!spec.hostCluster || !host) return `host cluster ${text(spec.hostCluster)} not found`;
    if (specOf(host).usage !== 'host')
      return `cluster ${text(spec.hostCluster)} is not a host cluster`;
  } else if (spec.hostCluster) {
    return 'physical cluster can not have a host cluster';
  }
  return undefined;
}

const denied = (message: string) =>
  new StatusError(
    403,
    'Forbidden',
    `admission webhook "${WEBHOOK}" denied the request: ${message}`,
  );

/**
 * Nautes' validating admission webhook for clusters (failure policy: fail): an invalid spec, a
 * virtual cluster whose host does not exist, and deleting a host that virtual clusters still
 * name are refused, with the webhook's words, whoever asks (Argo CD, kubectl, a test).
 */
export const clusterWebhook: Admission = ({ operation, kind, object, oldObject, store }) => {
  if (kind !== CLUSTERS) return undefined;
  const namespace = (object ?? oldObject)?.metadata.namespace ?? '';
  const siblings = store.list(CLUSTERS, namespace);
  if (operation === 'DELETE' && oldObject) {
    const users = siblings
      .filter(
        (other) =>
          specOf(other).hostCluster === oldObject.metadata.name &&
          other.metadata.name !== oldObject.metadata.name,
      )
      .map((other) => other.metadata.name);
    return users.length > 0
      ? denied(`cluster referenced by [${users.join(' ')}], not allowed to be deleted`)
      : undefined;
  }
  if (!object) return undefined;
  const problem = specProblem(object, siblings);
  return problem ? denied(problem) : undefined;
};
