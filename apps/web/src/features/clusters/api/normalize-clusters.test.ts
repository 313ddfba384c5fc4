import { describe, expect, it } from 'vitest';
import { ClusterListSchema, ClusterSchema } from '@cluster-console/shared';
import { normalizeCluster, normalizeClusterList } from './normalize-clusters';

const samples: unknown[] = [
  {
    name: 'cluster-virtual',
    cluster_kind: 'kubernetes',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'pipeline',
    host_cluster: 'cluster-host',
    api_server: 'https://8.217.50.114:31456',
    primary_domain: '8.217.50.114.nip.io',
  },
  // The real server's empty strings and nulls, and a field a newer server might add.
  {
    name: 'cluster-host',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    worker_type: '',
    host_cluster: null,
    api_server: 'https://8.217.50.114:6443',
    primary_domain: '',
    traefik: { http_node_port: '30080', https_node_port: '' },
    vcluster: '',
    components_list: { gateway: {} },
  },
  {
    name: 'full',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: 'deployment',
    api_server: 'https://example.com',
    argocd_host: 'argocd.full.example.com',
    tekton_host: 'tekton.full.example.com',
    reserved_namespaces_allowed_products: { argocd: ['product-a'] },
    product_allowed_cluster_resources: {
      'product-a': [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
    },
  },
];

describe('normalizeCluster', () => {
  it.each(samples.map((sample, index) => [index, sample]))(
    'when reading sample %i, then the result equals the shared ClusterSchema',
    (_index, sample) => {
      expect(normalizeCluster(sample)).toEqual(ClusterSchema.parse(sample));
    },
  );

  it('when the list has no items (null, missing or empty), then it equals the shared schema', () => {
    for (const body of [{ items: null }, {}, { items: [] }]) {
      expect(normalizeClusterList(body)).toEqual(ClusterListSchema.parse(body));
    }
  });

  it('when a required field is missing or of the wrong type, then both refuse it', () => {
    for (const bad of [{ name: 'x' }, { ...(samples[0] as object), api_server: 7 }, 'text', null]) {
      expect(() => ClusterSchema.parse(bad)).toThrow();
      expect(() => normalizeCluster(bad)).toThrow();
    }
  });
});
