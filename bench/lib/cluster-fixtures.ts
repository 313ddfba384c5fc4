/**
 * Clusters for the benchmarks: a realistic mix (one physical host in ten, half the others
 * virtual workers on it, the rest physical workers), with names whose digits make the SPA's
 * search narrow the list on every key.
 */
import {
  applyDefaults,
  toClusterResource,
  type ClusterResource,
  type SaveClusterBody,
} from '@cluster-console/shared';

export function seededName(index: number): string {
  const kind = index % 10 === 0 ? 'host' : index % 10 <= 5 ? 'vc' : 'worker';
  return `${kind}-${String(index).padStart(5, '0')}`;
}

function hostOf(index: number): string {
  return seededName(index - (index % 10));
}

function seededBody(index: number): SaveClusterBody {
  const octet = (index % 250) + 1;
  const ip = `10.${Math.floor(index / 62500) % 250}.${Math.floor(index / 250) % 250}.${octet}`;
  if (index % 10 === 0) {
    return {
      api_server: `https://${ip}:6443`,
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
    };
  }
  if (index % 10 <= 5) {
    const port = String(31000 + (index % 1000));
    return {
      api_server: `https://${ip}:${port}`,
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: index % 2 === 0 ? 'deployment' : 'pipeline',
      host_cluster: hostOf(index),
    };
  }
  return {
    api_server: `https://${ip}:6443`,
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: index % 2 === 0 ? 'deployment' : 'pipeline',
  };
}

/** The Cluster resource the clusters API itself would write for seeded cluster `index`. */
export function seededResource(index: number): ClusterResource {
  const name = seededName(index);
  return toClusterResource(name, applyDefaults(name, seededBody(index)));
}

/** A kubeconfig of realistic size (a token user; certificates would only add bytes). */
export function benchKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster:
    server: ${server}
    certificate-authority-data: ${Buffer.from('x'.repeat(1100)).toString('base64')}
contexts:
- name: bench
  context: {cluster: bench, user: admin}
current-context: bench
users:
- name: admin
  user:
    token: ${'t'.repeat(900)}
`;
}

/** What the SPA's wizard posts for a new physical worker: the save benchmark's body. */
export function saveRequestBody(index: number): Record<string, unknown> {
  const server = `https://192.0.2.${(index % 250) + 1}:6443`;
  return {
    api_server: server,
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: 'deployment',
    kubeconfig: benchKubeconfig(server),
  };
}
